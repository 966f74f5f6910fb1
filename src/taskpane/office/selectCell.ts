import { runInExcel } from "./officeErrors";

/**
 * Shows a finding's cell: activates its sheet and selects the cell or range, in one short round trip
 * (it runs on a click, so it must not wait behind a long read). An empty address just opens the sheet.
 * Throws `OfficeActionError` with a sentence for the user when the sheet is gone or Excel refuses.
 */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await runInExcel(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (address !== "") worksheet.getRange(address).select();
    await context.sync();
  });
}
