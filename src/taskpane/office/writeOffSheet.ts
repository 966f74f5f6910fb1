/**
 * "Add write-off reconciliation": adds one new sheet holding the reconciliation (content worked out from the
 * located plan, src/validation/report/writeOffSheet.ts) and writes nothing else. A sheet already called
 * that is never replaced silently: the first call reports it, with a free name to use instead, and the
 * pane asks the user which they want.
 */
import type { WriteOffSheetContent } from "../../validation/report/writeOffSheet";
import { runInExcel } from "../../workbook/office/officeErrors";

/** Excel refuses sheet names longer than 31 characters. */
const MAX_SHEET_NAME = 31;

export type WriteOffSheetOutcome =
  | { readonly written: true; readonly sheet: string; readonly address: string }
  /** A sheet of that name exists and `replace` was not given: nothing was written. */
  | { readonly written: false; readonly sheet: string; readonly freeName: string };

/** The name with the first number that makes it new ("… 2", "… 3"), shortened to fit Excel's 31 characters. */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Adds the sheet `name` with the reconciliation, or replaces a sheet of that name when `replace` is true.
 * Two round trips: one to see which sheets exist, one to write. Throws `OfficeActionError` with a
 * sentence for the user (a protected workbook, for example).
 */
export async function addWriteOffSheet(
  content: WriteOffSheetContent,
  name: string,
  replace = false
): Promise<WriteOffSheetOutcome> {
  return runInExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    const existing = worksheets.getItemOrNullObject(name);
    worksheets.load("items/name");
    await context.sync();
    if (!existing.isNullObject && !replace)
      return {
        written: false,
        sheet: name,
        freeName: freeSheetName(
          name,
          worksheets.items.map((sheet) => sheet.name)
        ),
      };

    if (!existing.isNullObject) existing.delete();
    const sheet = worksheets.add(name);
    const all = sheet.getRangeByIndexes(0, 0, content.cells.length, content.cells[0].length);
    // Formulas, not values: the differences and the DSG.* lines must stay live on the plan's cells.
    all.formulas = content.cells.map((row) => [...row]);
    all.numberFormat = content.numberFormats.map((row) => [...row]);
    for (const row of content.headingRows)
      sheet.getRangeByIndexes(row, 0, 1, content.cells[0].length).format.font.bold = true;
    // Fitted on the table only: the explanatory sentence in row 2 would make column A page-wide.
    const table = content.headingRows[1] ?? 0;
    sheet
      .getRangeByIndexes(table, 0, content.cells.length - table, content.cells[0].length)
      .format.autofitColumns();
    all.load("address");
    await context.sync();
    return { written: true, sheet: name, address: all.address.replace(/^.*!/, "") };
  });
}
