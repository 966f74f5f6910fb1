import { allOf, blockRows, endOfYearRows, financialYearsInOrder } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { moneyOf, weigh, type Term } from "../balance";
import { DSG_BLOCKS } from "../../templates/financial/blocksModel";
import { inYearSign } from "../../templates/financial/figures";
import type { LocatedCell } from "../../templates/located";
import { blockReading } from "../blockFunding";
import { linkedCell } from "../at";

/**
 * V03: the DSG's in-year result is the sum of its four blocks' results (domain A3), so the total row of
 * the end of year positions must agree with the block rows.
 */
export const blockTotal = defineRule({
  id: "block-total",
  severity: "error",
  title: "Blocks add up to the DSG in-year total",
  description:
    "For each year, the total DSG in-year deficit in the summary of end of year positions must equal the sum of the " +
    "in-year results of the schools, central school services, early years and high needs blocks. Rounded figures " +
    "may differ by half a unit of their last shown decimal each. The rule runs when all four blocks show an in-year " +
    "row, for the years in which any block has a result. Where the summary's total only links to a total row of the " +
    "blocks (=C39), the finding points at that row. Correct the total cell, or the block whose in-year result is wrong.",
  defaults: {},
  usesTolerance: true,
  needs: allOf(
    endOfYearRows("inYear"),
    blockRows("an in-year row in each block", (b) => b.inYear),
    financialYearsInOrder
  ),
  confirmsLayout: true,
  check({ template, options }) {
    const financial = template.financial;
    const total = financial?.endOfYear?.inYear;
    const blocks = financial?.blocks ?? [];
    const four = DSG_BLOCKS.map((id) => blocks.find((b) => b.block === id));
    if (!financial || !total || four.some((block) => block?.inYear === undefined)) return [];
    const reports: RuleReport[] = [];
    // The block section may have its own year header, so its columns are matched by year: each block's
    // in-year cells by year label, gathered once rather than filtered again for every year.
    const byYear = four.map((block) => {
      const cells = new Map<string, LocatedCell[]>();
      block!.inYear!.cells.forEach((cell, j) => {
        const label = block!.years[j].label;
        const known = cells.get(label);
        if (known === undefined) cells.set(label, [cell]);
        else known.push(cell);
      });
      return cells;
    });
    const totalSign = inYearSign(financial.endOfYear, template.sign);
    const signs = four.map((block) => blockReading(block!, template.sign).sign);
    financial.years.forEach((year, i) => {
      const parts: LocatedCell[] = [];
      for (const cells of byYear) parts.push(...(cells.get(year.label) ?? []));
      if (parts.length !== four.length) return;
      // Blocks filled in for the forecast years only (the actual years' total typed from the s251 return):
      // a year none of the blocks shows has nothing to add up.
      if (parts.every((cell) => cell.value === null || cell.value === "")) return;
      const reported = total.cells[i];
      // A block whose label states the other sign ("In-year surplus/(deficit)" under a summary of deficits)
      // counts the other way round.
      const terms = parts.map((cell, b): Term => ({
        cell,
        weight: signs[b] === totalSign ? 1 : -1,
        name: "block in-year result",
      }));
      const weighed = weigh({ reported, terms }, options);
      if (!weighed || weighed.holds) return;
      const money = moneyOf(weighed, template.unit);
      // A summary cell that only links to the blocks' own total row ("=C39"): the total is that row's.
      const link = linkedCell(reported.formula, total.sheet);
      const linked =
        link && !parts.some((cell) => cell.row === link.row && cell.col === link.col)
          ? link
          : undefined;
      reports.push({
        message:
          `The total DSG in-year deficit for ${year.label} (${money(weighed.reported)}${linked ? ", in the total row the summary links to" : ""}) does not equal ` +
          `the sum of the four blocks' in-year results (${money(weighed.expected)}): ` +
          `difference ${money(weighed.gap)}.`,
        at: linked ?? { sheet: total.sheet, row: reported.row, col: reported.col },
        expected: weighed.expected.toNumber(),
        actual: weighed.reported.toNumber(),
      });
    });
    return reports;
  },
});
