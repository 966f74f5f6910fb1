import { defineRule } from "../rule";
import { allOf, endOfYearRows, financialYearsInOrder } from "../needs";
import { balanceYear } from "../../core/deficit";
import type { Signed } from "../../core/series";
import type { SignConvention } from "../../templates/located";
import { figureValue } from "../../templates/figures";
import { inYearSign } from "../../templates/financial/figures";
import { formatMoney } from "../money";

/** A figure as a deficit: positive when in deficit, whatever the sheet's sign. */
function deficitOf(value: number, sign: SignConvention): number {
  return sign === "deficit-negative" ? -value : value;
}

/**
 * A figure as a deficit in the form the core's balanceYear reads (Decimal's sign field and zero test).
 * Only signs are asked, and a double's sign is exact, so no Decimal is needed.
 */
function signedDeficit(value: number, sign: SignConvention): Signed {
  const deficit = deficitOf(value, sign);
  return { s: deficit < 0 || Object.is(deficit, -0) ? -1 : 1, isZero: () => deficit === 0 };
}

/** V17: reaching an in-year balance does not clear the deficit already carried. */
export const balanceNotCleared = defineRule({
  id: "balance-not-cleared",
  severity: "info",
  title: "In-year balance is not a cleared deficit",
  description:
    "When the plan reaches an in-year balance (an in-year result of zero or a surplus in a year and every later year) " +
    "while a cumulative deficit is still carried forward at the end of the plan, this note says so: the Safety Valve " +
    "condition of a positive in-year balance is met, but the cumulative deficit still has to be funded or written off.",
  defaults: {},
  needs: allOf(endOfYearRows("inYear", "carriedForward"), financialYearsInOrder),
  check({ template }) {
    const f = template.financial;
    const inYear = f?.endOfYear?.inYear;
    const carriedForward = f?.endOfYear?.carriedForward;
    if (!f || !inYear || !carriedForward || f.years.length === 0) return [];
    const inYearFigures = inYear.cells.map(figureValue);
    if (inYearFigures.some((value) => value === undefined)) return [];
    const balanced = balanceYear(
      f.years.map((y) => y.label),
      inYearFigures.map((value) => signedDeficit(value!, inYearSign(f.endOfYear, template.sign)))
    );
    const last = carriedForward.cells[carriedForward.cells.length - 1];
    const remaining = figureValue(last);
    if (!balanced.ok || remaining === undefined || !(deficitOf(remaining, template.sign) > 0))
      return [];
    const lastYear = f.years[f.years.length - 1].label;
    return [
      {
        message:
          `The in-year DSG position is in balance from ${balanced.value}, but a cumulative deficit of ` +
          `${formatMoney(deficitOf(remaining, template.sign), template.unit, last.decimals)} remains at the end of ${lastYear}: an in-year balance does not clear it.`,
        at: { sheet: carriedForward.sheet, row: last.row, col: last.col },
        actual: remaining,
      },
    ];
  },
});
