import { defineRule, type RuleReport } from "../rule";
import { a1 } from "../../workbook/address";
import { isCellError, type CellValue } from "../../workbook/workbook";
import { callsAddinFunction } from "../addinFormulas";

const NAME_ERROR = "#NAME?";

const isNameError = (value: CellValue) => isCellError(value) && value.error === NAME_ERROR;

/**
 * `#NAME?` saved as a cell's value: Excel did not know a function or name in its formula when it last
 * calculated. In a plan built with the DSG functions this is the add-in not being loaded, which is what the
 * DfE would see; the figure the cell should hold is missing either way. One finding a sheet, with the count,
 * at the first cell, since one missing add-in turns every dependent cell to #NAME?.
 */
export const nameErrors = defineRule({
  id: "name-errors",
  severity: "error",
  title: "No #NAME? errors",
  description:
    "Finds cells showing #NAME?, on any sheet. Excel shows it when a formula uses a function or name it does not " +
    "know: a DSG function calculated where the add-in was not loaded, another add-in's function, a misspelt " +
    "function or a deleted named range. The figure the cell should hold is missing, and every cell that depends " +
    "on it shows #NAME? too. Where the cells use DSG functions, open the workbook with the add-in loaded, " +
    "recalculate (Ctrl+Alt+F9) and replace the functions with their values before submitting; otherwise correct " +
    "the formula. One finding a sheet, at its first such cell, with how many there are.",
  defaults: {},
  check({ workbook }) {
    const reports: RuleReport[] = [];
    for (const sheet of workbook.sheets) {
      let first: { row: number; col: number } | undefined;
      let count = 0;
      let addin = 0;
      sheet.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (!isNameError(value)) return;
          first ??= { row: sheet.top + r, col: sheet.left + c };
          count++;
          const formula = sheet.formulas[r]?.[c];
          if (formula && callsAddinFunction(formula)) addin++;
        })
      );
      if (first === undefined) continue;
      const cells = count === 1 ? "1 cell" : `${count.toLocaleString("en-GB")} cells`;
      const shows = `${cells} on this sheet ${count === 1 ? "shows" : "show"} #NAME?, the first at ${a1(first.row, first.col)}`;
      const why =
        addin === 0
          ? ": Excel does not know a function or name in the formula (a misspelt function, a deleted named range " +
            "or an add-in that is not installed), so the figure is missing. Correct the formula."
          : `; ${addin === count ? (count === 1 ? "it uses" : "they use") : `${addin} of them use`} add-in ` +
            "functions calculated where the DSG add-in was not loaded" +
            (addin === count ? "" : " (the others may depend on them)") +
            ", so the figures are missing. Open the " +
            "workbook with the add-in loaded, recalculate (Ctrl+Alt+F9), and replace the functions with their " +
            "values before submitting.";
      reports.push({
        message: shows + why,
        at: { sheet: sheet.name, row: first.row, col: first.col },
      });
    }
    return reports;
  },
});
