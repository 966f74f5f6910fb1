/**
 * Formulas that call an add-in's functions: `DSG.*` as Excel shows them while the add-in is loaded, and
 * `_xldudf_…` as Excel writes a user-defined function it does not know (in the file, and in the formula
 * bar when the add-in is missing). Anywhere the DSG add-in is not installed (at the DfE, on a colleague's
 * machine, on a network drive opened by another program) these cells show `#NAME?` instead of figures.
 */
import type { Sheet } from "../workbook/workbook";

// A function name directly before its opening bracket: DSG.CUMULATIVE( or _xldudf_DSG_CUMULATIVE(. The
// look-behind keeps MYDSG.X( and a sheet name ending in "DSG." out.
const ADDIN_CALL = /(?<![A-Za-z0-9_.])(DSG\.[A-Za-z][A-Za-z0-9_.]*|_xldudf_[A-Za-z0-9_.]*)\s*\(/gi;
// Text in double quotes and sheet names in single quotes are not calls, whatever they say.
const QUOTED = /"(?:[^"]|"")*"|'(?:[^']|'')*'/g;

/**
 * The add-in functions a formula calls, in upper case and in the order first called (`DSG.CUMULATIVE`,
 * `_XLDUDF_DSG_HNSG`); empty for a formula that calls none.
 */
export function addinFunctions(formula: string): string[] {
  const code = formula.replace(QUOTED, '""');
  const names = [...code.matchAll(ADDIN_CALL)].map((match) => match[1].toUpperCase());
  return [...new Set(names)];
}

/** True when the formula calls a `DSG.*` or `_xldudf_` function. */
export function callsAddinFunction(formula: string): boolean {
  // Most formulas mention neither: a plain search is cheaper than the full match on each.
  const upper = formula.toUpperCase();
  if (!upper.includes("DSG.") && !upper.includes("_XLDUDF_")) return false;
  return addinFunctions(formula).length > 0;
}

/** One cell of a sheet, in sheet coordinates (0-based), with its formula. */
export interface FormulaCell {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** Every cell of the sheet whose formula calls an add-in function, row by row, left to right. */
export function addinFormulaCells(sheet: Sheet): FormulaCell[] {
  const cells: FormulaCell[] = [];
  sheet.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (formula !== null && callsAddinFunction(formula))
        cells.push({ row: sheet.top + r, col: sheet.left + c, formula });
    })
  );
  return cells;
}
