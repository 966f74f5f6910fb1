/**
 * Prepare for submission: each cell that calls a DSG function gets a plain Excel formula that computes what
 * it shows, or the value it shows, so the workbook reads the same at the DfE, where the add-in is not
 * installed; an audit sheet lists every cell written with its original formula, its value and what it holds
 * now, so the formulas can be put back. Runs only after the user confirmed the list.
 */
import {
  AUDIT_SHEET_NAME,
  type AddinFormulaCell,
  type SubmissionKeeps,
  type SubmissionPrepared,
} from "../services";
import { nativeFormulas } from "../../functions/nativeFormulas";
import { a1, parseA1 } from "../../workbook/address";
import { runInExcel } from "../../workbook/office/officeErrors";
import { asText } from "./reportSheet";

const HEADINGS = ["Sheet", "Cell", "Original formula", "Value", "Now holds"];
const AS_VALUE = "its value";

/**
 * A spilled result (DSG.CUMULATIVE over six years) lives in its anchor's formula: writing the anchor alone
 * would drop the other five figures, so the whole spill range is written. Dynamic arrays came with
 * ExcelApi 1.12; a host without it has no spills.
 */
function spillsSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.12") === true;
}

/** The first of "DSG submission audit", "DSG submission audit 2", … that no sheet has. */
export function freeSheetName(taken: readonly string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  let name = AUDIT_SHEET_NAME;
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = `${AUDIT_SHEET_NAME} ${n}`;
  return name;
}

type Figure = string | number | boolean;

const shown = (value: unknown): Figure =>
  typeof value === "string" ? asText(value) : (value as number | boolean);

/**
 * Replaces the listed cells and adds the audit sheet. With `keeps` "formulas", each cell (every cell of a
 * spill) gets the plain Excel formula that computes what it shows where there is one (see nativeFormulas),
 * and its value where there is not; with "values", every cell gets its value. Two round trips: one to read
 * each cell's formula, value and spill range, one to write. A cell whose formula changed since it was listed,
 * or that shows an error (its value would be the error), is left as it is and reported.
 */
export async function replaceForSubmission(
  cells: readonly AddinFormulaCell[],
  keeps: SubmissionKeeps
): Promise<SubmissionPrepared> {
  const spills = spillsSupported();
  return runInExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const targets = cells.map((cell) => {
      const range = worksheets.getItem(cell.sheet).getRange(cell.address);
      range.load("formulas,values,valueTypes");
      const spill = spills ? range.getSpillingToRangeOrNullObject() : null;
      spill?.load("address,values,valueTypes");
      return { cell, range, spill };
    });
    await context.sync();

    const audit: Figure[][] = [HEADINGS];
    const leftAlone: { sheet: string; address: string; why: string }[] = [];
    let replaced = 0;
    let asFormulas = 0;
    for (const { cell, range, spill } of targets) {
      const spilled = spill && !spill.isNullObject ? spill : null;
      const area = spilled ?? range;
      if (range.formulas[0][0] !== cell.formula) {
        leftAlone.push({ ...cell, why: "its formula changed since the list was made" });
        continue;
      }
      if (area.valueTypes.some((row) => row.some((type) => type === "Error"))) {
        leftAlone.push({ ...cell, why: "it shows an error, so it has no value to keep" });
        continue;
      }
      const values = area.values;
      const at = parseA1((spilled?.address ?? cell.address).replace(/^.*!/, ""))!;
      const native =
        keeps === "formulas"
          ? nativeFormulas(cell.formula, {
              row: at.top,
              col: at.left,
              rows: values.length,
              cols: values[0].length,
            })
          : null;
      // Either way the cells hold nothing of the add-in afterwards; their formats are left as they were.
      if (native === null) area.values = values;
      else area.formulas = native;
      replaced++;
      if (native !== null) asFormulas += values.length * values[0].length;
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const original =
            r === 0 && c === 0 ? asText(cell.formula) : `(spilled from ${cell.address})`;
          const now = native === null ? AS_VALUE : asText(native[r][c]);
          audit.push([
            asText(cell.sheet),
            a1(at.top + r, at.left + c),
            original,
            shown(value),
            now,
          ]);
        })
      );
    }
    const name = freeSheetName(worksheets.items.map((sheet) => sheet.name));
    const sheet = worksheets.add(name);
    sheet.getRangeByIndexes(0, 0, audit.length, HEADINGS.length).values = audit;
    sheet.getRangeByIndexes(0, 0, 1, HEADINGS.length).format.font.bold = true;
    await context.sync();
    return { cellsWritten: audit.length - 1, replaced, asFormulas, leftAlone, auditSheet: name };
  });
}
