import { runInExcel } from "../../workbook/office/officeErrors";

export interface FunctionInsertion {
  /** False when the cell was not empty and `overwrite` was not given: nothing was written. */
  readonly inserted: boolean;
  /** The cell, as `Sheet!A1`. */
  readonly address: string;
  /** What the cell held before (formula or value as text); "" when it was empty. */
  readonly previous: string;
}

/**
 * Puts `formulaText` (for example `=DSG.CUMULATIVE(C5:C10)`) into the active cell — the top-left cell when a
 * block is selected. Called only when the user asks. A cell that already holds something is left alone unless
 * `overwrite` is true, so the pane can ask first. Throws `OfficeActionError` with a sentence for the user.
 */
export async function insertFunction(
  formulaText: string,
  options: { overwrite?: boolean } = {}
): Promise<FunctionInsertion> {
  const formula = formulaText.trim().startsWith("=")
    ? formulaText.trim()
    : `=${formulaText.trim()}`;
  return runInExcel(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load("address,formulas");
    await context.sync();

    const previous = String(cell.formulas[0][0] ?? "");
    if (previous !== "" && options.overwrite !== true)
      return { inserted: false, address: cell.address, previous };
    cell.formulas = [[formula]];
    await context.sync();
    return { inserted: true, address: cell.address, previous };
  });
}
