import { defineRule, type RuleReport } from "../rule";
import { allOf, endOfYearRows, financialYearsInOrder } from "../needs";
import { moneyOf, weigh } from "../balance";

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
  usesTolerance: true,
  needs: allOf(endOfYearRows("broughtForward", "carriedForward"), financialYearsInOrder),
  confirmsLayout: true,
  check({ template, options }) {
    const positions = template.financial?.endOfYear;
    const years = template.financial?.years ?? [];
    const broughtForward = positions?.broughtForward;
    const carriedForward = positions?.carriedForward;
    if (!positions || !broughtForward || !carriedForward) return [];
    const reports: RuleReport[] = [];
    for (let t = 1; t < years.length; t++) {
      const reported = broughtForward.cells[t];
      const previous = carriedForward.cells[t - 1];
      if (typeof previous?.value !== "number") continue;
      const weighed = weigh(
        { reported, terms: [{ cell: previous, weight: 1, name: "previous carried forward" }] },
        options
      );
      if (!weighed || weighed.holds) continue;
      const money = moneyOf(weighed, template.unit);
      reports.push({
        message:
          `Brought forward for ${years[t].label} (${money(weighed.reported)}) is not the carried forward for ${years[t - 1].label} ` +
          `(${money(weighed.expected)}): gap ${money(weighed.gap.abs())}. Link it to the previous year's carried-forward cell.`,
        at: { sheet: broughtForward.sheet, row: reported.row, col: reported.col },
        expected: weighed.expected.toNumber(),
        actual: weighed.reported.toNumber(),
      });
    }
    return reports;
  },
});
