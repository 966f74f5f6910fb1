import {
  OFFICE_ERROR_MESSAGES,
  OfficeActionError,
  runInExcel,
} from "../../workbook/office/officeErrors";

/**
 * Shows a finding's cell: activates its sheet and selects the cell or range, in one short round trip
 * (it runs on a click, so it must not wait behind a long read). An empty address just opens the sheet.
 * Throws `OfficeActionError` with a sentence for the user when the sheet is gone, hidden, or Excel refuses.
 */
export async function selectCell(sheet: string, address: string): Promise<void> {
  await runInExcel(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (address !== "") worksheet.getRange(address).select();
    try {
      await context.sync();
    } catch (error) {
      // Excel cannot activate a hidden sheet; only then is a second round trip worth making to say so.
      if (await isHidden(context, sheet)) {
        throw new OfficeActionError(OFFICE_ERROR_MESSAGES.SheetHidden, "SheetHidden");
      }
      throw error;
    }
  });
}

async function isHidden(context: Excel.RequestContext, sheet: string): Promise<boolean> {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
  worksheet.load("visibility");
  await context.sync();
  return !worksheet.isNullObject && worksheet.visibility !== "Visible";
}
