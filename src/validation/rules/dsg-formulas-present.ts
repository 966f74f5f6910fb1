import { defineRule, type RuleReport } from "../rule";
import { a1 } from "../../workbook/address";
import { addinFormulaCells, addinFunctions } from "../addinFormulas";

/** Up to three names, then how many more: "DSG.CUMULATIVE, DSG.HNSG and 2 more". */
export function someNames(names: readonly string[], shown = 3): string {
  if (names.length <= shown)
    return names.length <= 1
      ? names.join("")
      : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}

/**
 * `DSG.*` formulas left in a workbook about to be submitted. The DfE, and anyone without the add-in, opens
 * the file in an Excel that does not know the functions: each such cell shows #NAME? once it recalculates.
 * One finding a sheet, with the count, at the first cell: a plan built on the functions has hundreds.
 */
export const dsgFormulasPresent = defineRule({
  id: "dsg-formulas-present",
  severity: "warning",
  title: "No DSG functions left for submission",
  description:
    "Finds cells whose formulas use the DSG add-in's functions (DSG.CUMULATIVE and the others), or another " +
    "add-in's functions saved by Excel as _xldudf_…, on any sheet. Where the add-in is not installed (at the DfE, " +
    "on a colleague's machine, in a program other than Excel) these cells show #NAME? instead of figures as soon " +
    "as the workbook recalculates. Before submitting, replace them with their values (Prepare for submission in " +
    "the pane does this and lists each cell on an audit sheet; Copy and Paste Values does it by hand). One finding " +
    "a sheet, at its first such cell, with how many there are.",
  defaults: {},
  check({ workbook }) {
    const reports: RuleReport[] = [];
    for (const sheet of workbook.sheets) {
      const cells = addinFormulaCells(sheet);
      if (cells.length === 0) continue;
      const first = cells[0];
      const names = [...new Set(cells.flatMap((cell) => addinFunctions(cell.formula)))];
      const count = cells.length === 1 ? "1 cell" : `${cells.length.toLocaleString("en-GB")} cells`;
      reports.push({
        message:
          `${count} on this sheet ${cells.length === 1 ? "uses" : "use"} add-in functions (${someNames(names)}), ` +
          `the first at ${a1(first.row, first.col)}: where the DSG add-in is not installed, as at the DfE, ` +
          `${cells.length === 1 ? "it shows" : "they show"} #NAME? instead of figures. Replace them with their ` +
          "values before submitting (Prepare for submission in the pane, or Paste Values).",
        at: { sheet: sheet.name, row: first.row, col: first.col },
      });
    }
    return reports;
  },
});
