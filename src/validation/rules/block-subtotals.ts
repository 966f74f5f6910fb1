import { addsUp } from "../checks/addsUp";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";
import { at } from "../../templates/financial/terms";
import { quoted } from "../at";

/**
 * A subtotal among a block's expenditure lines ("Subtotal", "Total top-up funding") adds up the lines since
 * the previous subtotal or sub-heading. A rule of the common kind, stated as data. A warning: which lines a
 * subtotal covers is read from the layout, not from the template, so typed subtotals are checked and
 * subtotals worked out by formulas are left to their formulas.
 */
export const blockSubtotals = addsUp({
  id: "block-subtotals",
  severity: "warning",
  title: "Subtotals add up their lines",
  description:
    "For each subtotal row among a block's expenditure lines (a row that says 'Subtotal' or 'Total …' between the " +
    "lines and the block's total), and each year, it must equal the sum of the lines above it back to the previous " +
    "subtotal or sub-heading; a subtotal worked out by formulas in every year is left to them. The subtotals " +
    "themselves are not counted again in the block's total. Rounded figures " +
    "may differ by half a unit of their last shown decimal each. Correct the subtotal, or check that it covers the " +
    "lines above it.",
  given: (template) =>
    (template.financial?.blocks ?? []).flatMap((block) =>
      block.subtotals
        // A subtotal worked out by formulas adds up whatever its formulas say, which may not be the lines
        // read as its group; its formulas are checked against their neighbours by formula-pattern.
        .filter(
          (subtotal) =>
            subtotal.lines.length >= 2 && subtotal.row.cells.some((cell) => cell.formula === null)
        )
        .flatMap((subtotal) =>
          block.years.flatMap((year, i) => {
            const reported = at(subtotal.row, i);
            if (!reported) return [];
            const terms = subtotal.lines.map((line) => ({
              cell: at(line, i),
              weight: 1 as const,
              name: line.label,
            }));
            const subject = `${BLOCK_NAMES[block.block]} ${quoted(subtotal.row.label.trim())}`;
            return [{ sheet: block.sheet, subject, year: year.label, reported, terms }];
          })
        )
    ),
  message: ({ subject, year, reported, expected, gap }) =>
    `${subject} for ${year} is ${reported}, but the lines above it that it adds up come to ${expected}: ` +
    `difference ${gap}.`,
});
