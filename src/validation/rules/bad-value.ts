import { defineRule, type RuleReport } from "../rule";
import type { CellValue } from "../../workbook/workbook";
import { isCellError } from "../../workbook/workbook";
import type { LocatedCell } from "../../templates/located";
import { numericRows } from "../numericRows";
import { isNilDash } from "../../templates/figures";
import { cellLocation, quoted, rowName, yearOf } from "../at";

/** What is wrong with a cell that should hold a number, in words, or undefined when nothing is. */
function problem(value: CellValue): string | undefined {
  if (isCellError(value))
    return `shows the error ${value.error}: correct the formula or the cell it refers to`;
  if (typeof value === "boolean")
    return `is ${value ? "TRUE" : "FALSE"} where a number is expected`;
  if (typeof value === "string" && value.trim() !== "" && !isNilDash(value))
    return `is text (${quoted(value.trim())}) where a number is expected: type the figure as a number`;
  return undefined;
}

/** A formula saved without its result: the file was written by a tool that does not calculate. */
function uncached(cell: LocatedCell): boolean {
  return cell.formula !== null && cell.value === null;
}

/** Text, error values and booleans where a figure belongs; formulas with no saved value. */
export const badValue = defineRule({
  id: "bad-value",
  severity: "error",
  title: "Figures are numbers",
  description:
    "Checks every figure the other checks read (end of year positions, funding blocks, mitigations, Safety Valve limits, " +
    "EHCP tables) for values that are not numbers: text such as 'n/a' or a number typed with a stray character, Excel " +
    "errors such as #REF! or #DIV/0!, and TRUE/FALSE. Such a cell makes the sums around it wrong or impossible to check. " +
    "It also reports formulas that have no saved value, which happens when a file was produced by a tool other than " +
    "Excel: open and save the workbook in Excel so its formulas have values.",
  defaults: {},
  check({ template }) {
    const reports: RuleReport[] = [];
    for (const { row, years } of numericRows(template)) {
      // Nearly every cell is a number, which needs no more than its type checked; the first and last
      // unsaved formulas and their count are kept as the row is walked, rather than gathered in a list.
      let first: LocatedCell | undefined;
      let last: LocatedCell | undefined;
      let unsaved = 0;
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i];
        const value = cell.value;
        if (typeof value === "number") continue;
        if (uncached(cell)) {
          first ??= cell;
          last = cell;
          unsaved++;
        }
        const what = problem(value);
        if (what)
          reports.push({
            message: `${rowName(row)} for ${yearOf(years, i)} ${what}.`,
            at: cellLocation(row, cell),
          });
      }
      // One finding per row for unsaved formulas: a file written without values has them everywhere.
      if (first !== undefined && last !== undefined) {
        reports.push({
          message:
            `${rowName(row)} has ${unsaved === 1 ? "a formula" : `${unsaved} formulas`} with no saved value, so ` +
            "the figures cannot be checked: open and save the workbook in Excel so its formulas have values.",
          at: {
            sheet: row.sheet,
            row: first.row,
            col: first.col,
            bottom: last.row,
            right: last.col,
          },
        });
      }
    }
    const total = template.financial?.safetyValve?.agreementTotal;
    const totalProblem = total && problem(total.cell.value);
    if (total && totalProblem) {
      reports.push({
        message: `${total.label} ${totalProblem}.`,
        at: { sheet: total.sheet, row: total.cell.row, col: total.cell.col },
      });
    }
    return reports;
  },
});
