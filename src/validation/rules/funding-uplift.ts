import { Decimal } from "decimal.js";
import { allOf, financialYearsInOrder, oneBlockRows } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { allowance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import { figure, figureValue, isPositiveFigure } from "../../templates/figures";
import { roundedTerms } from "../../templates/financial/figures";

/**
 * V16 (domain A15): the high needs funding uplift is the plan's biggest assumption; national uplifts have
 * run from about 3% to about 10% a year, so growth outside that band needs a second look.
 */
export const fundingUplift = defineRule({
  id: "funding-uplift",
  severity: "warning",
  title: "High needs funding growth is plausible",
  description:
    "For each forecast year, the high needs block's DSG allocation is compared with the year before. Growth below " +
    "0% or above 10% a year is unusual (recent uplifts were 3% to 10%), so the rule warns: check the funding " +
    "assumption and explain it in the narrative. The lowest and highest growth (percent a year) are settings.",
  defaults: { minPercent: 0, maxPercent: 10 },
  usesTolerance: true,
  needs: allOf(
    oneBlockRows("high-needs", [["DSG funding", (b) => b.allocation]]),
    financialYearsInOrder
  ),
  check({ template, settings, options }) {
    const hnb = template.financial?.blocks?.find((block) => block.block === "high-needs");
    const allocation = hnb?.allocation;
    if (!hnb || !allocation) return [];
    const reports: RuleReport[] = [];
    hnb.years.forEach((year, i) => {
      if (i === 0 || year.kind === "actual") return;
      const cell = allocation.cells[i];
      const [plainPrevious, plainCurrent] = [
        figureValue(allocation.cells[i - 1]),
        figureValue(cell),
      ];
      if (
        plainPrevious === undefined ||
        plainCurrent === undefined ||
        !isPositiveFigure(plainPrevious)
      )
        return;
      const terms = roundedTerms([cell, allocation.cells[i - 1]]);
      const [previous, current] = [figure(allocation.cells[i - 1])!, figure(cell)!];
      const slack = allowance(terms, options);
      const low = previous.times(new Decimal(settings.minPercent).dividedBy(100).plus(1));
      const high = previous.times(new Decimal(settings.maxPercent).dividedBy(100).plus(1));
      if (current.gte(low.minus(slack)) && current.lte(high.plus(slack))) return;
      const money = (value: Decimal) => formatMoney(value, template.unit, shownDecimals([cell]));
      const growth = current.minus(previous).dividedBy(previous).times(100);
      reports.push({
        message:
          `High needs block DSG allocation changes by ${growth.toFixed(1)}% in ${year.label} (from ` +
          `${money(previous)} to ${money(current)}), outside the usual ` +
          `${settings.minPercent}% to ${settings.maxPercent}% a year: check the funding assumption and explain it in the narrative.`,
        at: { sheet: allocation.sheet, row: cell.row, col: cell.col },
        expected: (current.gt(high) ? high : low).toNumber(),
        actual: current.toNumber(),
      });
    });
    return reports;
  },
});
