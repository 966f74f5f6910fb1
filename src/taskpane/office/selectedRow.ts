import { runInExcel } from "../../workbook/office/officeErrors";

/** The selection, as rows the user sees: its sheet, its first row (1-based) and how many rows it spans. */
export interface SelectedRow {
  readonly sheet: string;
  readonly row: number;
  readonly rows: number;
}

/**
 * Where the user's selection is, for "Use the selected row as…": one round trip for the active sheet's
 * name and the selected range's first row and row count. Throws `OfficeActionError` when Excel refuses
 * (the selection is a chart or a shape, say).
 */
export async function selectedRow(): Promise<SelectedRow> {
  return runInExcel(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const range = context.workbook.getSelectedRange();
    sheet.load("name");
    range.load("rowIndex, rowCount");
    await context.sync();
    return { sheet: sheet.name, row: range.rowIndex + 1, rows: range.rowCount };
  });
}
