import { cumulativeMitigationsSign, mitigationsSign } from "../../templates/financial/sign";
import type { Decimal } from "decimal.js";
import { financialSection } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { allowance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import { figure, figureValue } from "../../templates/figures";
import { asDeficit, roundedTerms } from "../../templates/financial/figures";
import { savingsShownNegative } from "../../templates/financial/mitigations";

/**
 * V11 (domain A9): a mitigation is a saving, so none may add to the deficit; a negative saving or a
 * mitigated deficit above the unmitigated one is almost always a sign typed the wrong way round.
 */
export const mitigationDirection = defineRule({
  id: "mitigation-direction",
  severity: "warning",
  title: "Mitigations reduce the deficit",
  description:
    "Mitigations are savings and are entered as positive amounts. The rule warns when a mitigation line is negative " +
    "(it would increase the deficit), and when the mitigated deficit, in-year or cumulative, is larger than the " +
    "unmitigated one. Usually a sign has been typed the wrong way round; if a mitigation really costs money, explain " +
    "it in the narrative.",
  defaults: {},
  usesTolerance: true,
  needs: financialSection("Mitigations", (t) => t.financial?.mitigations),
  check({ template, options }) {
    const section = template.financial?.mitigations;
    if (!section) return [];
    const reports: RuleReport[] = [];
    const money = (value: Decimal) =>
      formatMoney(value, section.unit ?? template.unit, shownDecimals(section.total?.cells ?? []));
    // Savings shown as negative numbers (the way they move a deficit shown positive) are read turned round.
    const shownNegative = savingsShownNegative(section);
    section.years.forEach((year, i) => {
      for (const line of section.lines) {
        const cell = line.cells[i];
        const shown = figureValue(cell);
        // A saving adds to the deficit when it is negative by more than its rounding.
        if (shown === undefined) continue;
        const saving = shownNegative ? figure(cell)!.negated() : figure(cell)!;
        if (!saving.isNegative() || saving.abs().lte(allowance(roundedTerms([cell]), options)))
          continue;
        reports.push({
          message: `Mitigation "${line.label}" increases the deficit by ${money(saving.abs())} in ${year.label}: savings are ${shownNegative ? "shown negative in this table" : "positive"}, so check its sign.`,
          at: { sheet: section.sheet, row: cell.row, col: cell.col },
          expected: 0,
          actual: saving.toNumber(),
        });
      }
      // Without lines the rows themselves are the only evidence of direction.
      const pairs = [
        ...(section.lines.length === 0
          ? [{ what: "in-year", before: section.unmitigated, after: section.mitigated }]
          : []),
        {
          what: "cumulative",
          before: section.unmitigatedCumulative,
          after: section.mitigatedCumulative,
        },
      ];
      for (const { what, before, after } of pairs) {
        const cell = after?.cells[i];
        const [shownBefore, shownAfter] = [figureValue(before?.cells[i]), figureValue(cell)];
        if (!cell || !before || shownBefore === undefined || shownAfter === undefined) continue;
        const terms = roundedTerms([cell, before.cells[i]]);
        const [unmitigated, mitigated] = [figure(before.cells[i])!, figure(cell)!];
        const sign =
          what === "cumulative"
            ? cumulativeMitigationsSign(template.financial, template.sign)
            : mitigationsSign(template.financial, template.sign);
        const increase = asDeficit(mitigated, sign).minus(asDeficit(unmitigated, sign));
        if (increase.lte(allowance(terms, options))) continue;
        reports.push({
          message:
            `The mitigated ${what} deficit for ${year.label} (${money(mitigated)}) is larger than the unmitigated ` +
            `one (${money(unmitigated)}): mitigations should reduce the deficit, so check the signs.`,
          at: { sheet: section.sheet, row: cell.row, col: cell.col },
          expected: unmitigated.toNumber(),
          actual: mitigated.toNumber(),
        });
      }
    });
    return reports;
  },
});
