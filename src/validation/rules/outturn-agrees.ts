import { defineRule, type RuleReport } from "../rule";
import { withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import type { LocatedRow } from "../../templates/located";
import { financialPart } from "../needs";
import { figure } from "../../templates/figures";
import { roundedTerms } from "../../templates/financial/figures";

/**
 * V08 (domain A13): the same deficit should agree across s251 outturn, the DSG note, the assurance
 * statement and the accounts; when they differ the DfE uses the lowest figure for the High Needs
 * Stability Grant. The user supplies the reference figures as rows on the Financial summary.
 */
export const outturnAgrees = defineRule({
  id: "outturn-agrees",
  severity: "warning",
  title: "Actual years agree with the reference outturn",
  description:
    'To check the plan\'s actual years against your published figures, add a row labelled "Reference in-year deficit" ' +
    '(the s251 outturn) and/or "Reference cumulative deficit" (the DSG note to the accounts) to the Financial ' +
    "summary, with figures under the year columns of the actual years. The rule warns when the plan's total DSG " +
    "in-year deficit or cumulative deficit carried forward differs from the reference by more than rounding; the DfE " +
    "uses the lowest figure when sources disagree. Years marked as forecasts are not compared.",
  defaults: {},
  usesTolerance: true,
  needs: financialPart(
    "reference outturn rows ('Reference in-year deficit' or 'Reference cumulative deficit')",
    (t) => t.financial?.reference
  ),
  check({ template, options }) {
    const financial = template.financial;
    const positions = financial?.endOfYear;
    const reference = financial?.reference;
    if (!financial || !positions || !reference) return [];
    const pairs: [string, LocatedRow | undefined, LocatedRow | undefined][] = [
      ["total DSG in-year deficit", positions.inYear, reference.inYear],
      ["cumulative deficit carried forward", positions.carriedForward, reference.carriedForward],
    ];
    const reports: RuleReport[] = [];
    for (const [what, plan, ref] of pairs) {
      if (!plan || !ref) continue;
      financial.years.forEach((year, i) => {
        if (year.kind === "forecast") return;
        const [planCell, refCell] = [plan.cells[i], ref.cells[i]];
        const [shown, expected] = [figure(planCell), figure(refCell)];
        if (shown === undefined || expected === undefined) return;
        const gap = shown.minus(expected);
        if (withinTolerance(gap, roundedTerms([planCell, refCell]), options)) return;
        const money = (value: typeof gap) =>
          formatMoney(value, template.unit, shownDecimals([planCell, refCell]));
        reports.push({
          message:
            `The ${what} for ${year.label} (${money(shown)}) differs from the reference outturn (${money(expected)}) by ` +
            `${money(gap)}: correct the plan or the reference; the DfE uses the lowest figure when sources disagree.`,
          at: { sheet: plan.sheet, row: planCell.row, col: planCell.col },
          expected: expected.toNumber(),
          actual: shown.toNumber(),
        });
      });
    }
    return reports;
  },
});
