import { defineRule } from "../rule";
import { balanceYear } from "../../core/deficit";
import { figure } from "../../templates/figures";
import { asDeficit } from "../../templates/financial/figures";
import { formatMoney } from "../money";

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
  check({ template }) {
    const f = template.financial;
    const inYear = f?.endOfYear?.inYear;
    const carriedForward = f?.endOfYear?.carriedForward;
    if (!f || !inYear || !carriedForward || f.years.length === 0) return [];
    const inYearFigures = inYear.cells.map(figure);
    if (inYearFigures.some((value) => value === undefined)) return [];
    const balanced = balanceYear(
      f.years.map((y) => y.label),
      inYearFigures.map((value) => asDeficit(value!, template.sign))
    );
    const last = carriedForward.cells[carriedForward.cells.length - 1];
    const remaining = figure(last);
    if (!balanced.ok || remaining === undefined || asDeficit(remaining, template.sign).lte(0))
      return [];
    const lastYear = f.years[f.years.length - 1].label;
    return [
      {
        message:
          `The in-year DSG position is in balance from ${balanced.value}, but a cumulative deficit of ` +
          `${formatMoney(asDeficit(remaining, template.sign), template.unit, last.decimals)} remains at the end of ${lastYear}: an in-year balance does not clear it.`,
        at: { sheet: carriedForward.sheet, row: last.row, col: last.col },
        actual: remaining.toNumber(),
      },
    ];
  },
});
