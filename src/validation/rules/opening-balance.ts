import { defineRule, type RuleReport } from "../rule";
import { endOfYearRows } from "../needs";
import { figure, figureValue } from "../../templates/figures";
import { plainlyAddsUp, withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";

/** V02: a year opens with the deficit the previous year closed with. */
export const openingBalance = defineRule({
  id: "opening-balance",
  severity: "error",
  title: "Brought forward equals last year's carried forward",
  description:
    "Checks that each year's cumulative deficit brought forward equals the previous year's cumulative deficit carried " +
    "forward, allowing for rounding. A difference usually means the brought-forward cell was typed in rather than linked " +
    "to the previous column, or that an earlier year was restated without updating the next.",
  defaults: {},
  needs: endOfYearRows("broughtForward", "carriedForward"),
  confirmsLayout: true,
  check({ template, options }) {
    const positions = template.financial?.endOfYear;
    const years = template.financial?.years ?? [];
    const broughtForward = positions?.broughtForward;
    const carriedForward = positions?.carriedForward;
    if (!positions || !broughtForward || !carriedForward) return [];
    const reports: RuleReport[] = [];
    for (let t = 1; t < years.length; t++) {
      const opening = broughtForward.cells[t];
      const previous = carriedForward.cells[t - 1];
      const openingValue = figureValue(opening);
      const previousValue = figureValue(previous);
      if (openingValue === undefined || previousValue === undefined) continue;
      if (plainlyAddsUp(openingValue, [previousValue], [opening, previous], options)) continue;
      const gap = figure(opening)!.minus(figure(previous)!);
      if (withinTolerance(gap, [opening, previous], options)) continue;
      const money = (value: Parameters<typeof formatMoney>[0]) =>
        formatMoney(value, template.unit, shownDecimals([opening, previous]));
      reports.push({
        message:
          `Brought forward for ${years[t].label} (${money(openingValue)}) is not the carried forward for ${years[t - 1].label} ` +
          `(${money(previousValue)}): gap ${money(gap.abs())}. Link it to the previous year's carried-forward cell.`,
        at: { sheet: broughtForward.sheet, row: opening.row, col: opening.col },
        expected: previousValue,
        actual: openingValue,
      });
    }
    return reports;
  },
});
