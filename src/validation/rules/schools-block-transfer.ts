import { Decimal } from "decimal.js";
import { oneBlockRows } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { allowance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import { figure, figureValue, isPositiveFigure } from "../../templates/figures";
import { roundedTerms } from "../../templates/financial/figures";
import { movementTerm, sumOf } from "../../templates/financial/terms";

/**
 * V06 (domain A6): a local authority may move up to 0.5% of its schools block to another block with
 * schools forum approval; more than that (or any transfer the forum rejects) needs a disapplication from
 * the Secretary of State. The sheet cannot show approvals, so the rule asks for them to be recorded.
 */
export const schoolsBlockTransfer = defineRule({
  id: "schools-block-transfer",
  severity: "warning",
  title: "Schools block transfer above the limit",
  description:
    "A transfer out of the schools block of more than 0.5% of its DSG funding (before academy recoupment) needs a disapplication from the " +
    "Secretary of State (a transfer up to 0.5% needs schools forum approval). The rule warns for each year whose " +
    "schools block movement is an outward transfer above the limit, so you can record the approval or disapplication " +
    "request in the plan. The message names the base the percentage is measured on. The limit is a setting (percent of the schools block funding).",
  defaults: { percent: 0.5 },
  usesTolerance: true,
  needs: oneBlockRows("schools", [
    ["Block movements", (b) => b.movements],
    ["DSG funding", (b) => b.allocation ?? b.totalFunding],
  ]),
  check({ template, settings, options }) {
    const schools = template.financial?.blocks?.find((block) => block.block === "schools");
    // The limit is a share of the schools block before academy recoupment; a plan that shows only the
    // funding after deductions is measured against that, and the message says so.
    const base = schools?.allocation ?? schools?.totalFunding;
    if (!schools?.movements || !base) return [];
    const baseWords =
      base === schools.allocation
        ? schools.deductions.length > 0 || schools.totalFunding
          ? "schools block DSG funding before recoupment"
          : "schools block DSG funding"
        : "schools block funding available after recoupment (the plan shows no funding before it)";
    const reports: RuleReport[] = [];
    schools.years.forEach((year, i) => {
      const movement = movementTerm(schools, i);
      const movementCell = movement.cell!;
      const allocationCell = base.cells[i];
      const into = sumOf([movement]);
      const plainAllocation = figureValue(allocationCell);
      // Money out is a movement below zero, into the block positive; -0 moves nothing out.
      if (
        into === undefined ||
        !into.isNegative() ||
        into.isZero() ||
        figureValue(movementCell) === undefined ||
        plainAllocation === undefined ||
        !isPositiveFigure(plainAllocation)
      )
        return;
      const terms = roundedTerms([movementCell, allocationCell]);
      const out = into.abs();
      const allocation = figure(allocationCell)!;
      const limit = allocation.times(new Decimal(settings.percent).dividedBy(100));
      if (out.lte(limit.plus(allowance(terms, options)))) return;
      const money = (value: Decimal) =>
        formatMoney(value, template.unit, shownDecimals([movementCell]));
      const percent = out.dividedBy(allocation).times(100).toFixed(2);
      reports.push({
        message:
          `Schools block transfers ${money(out)} out in ${year.label}, ${percent}% of the ` +
          `${money(allocation)} ${baseWords}, above the ${settings.percent}% limit: a ` +
          `Secretary of State disapplication is needed. Record the request or decision in the plan.`,
        at: { sheet: schools.sheet, row: movementCell.row, col: movementCell.col },
        expected: limit.toNumber(),
        actual: out.toNumber(),
      });
    });
    return reports;
  },
});
