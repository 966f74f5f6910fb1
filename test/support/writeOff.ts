/**
 * A plan with the write-off reconciliation sheet added as the pane adds it (writeOffSheetContent), with
 * figures and explanations filled in as a council would, for the locator and rule tests.
 */
import path from "node:path";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { locateTemplate } from "../../src/templates/locate";
import { writeOffSheetContent } from "../../src/validation/report/writeOffSheet";
import { WRITE_OFF_SHEET_NAME } from "../../src/templates/writeOff/writeOffLabels";
import { labelSheet } from "../../src/templates/labels";

export const ROOT = path.resolve(__dirname, "../..");

/** Sheet rows (0-based) of each source on the written sheet, in SOURCE_ORDER. */
export const SOURCE_ROW = {
  s251: 4,
  dsgNoteDraft: 5,
  dsgNotePublished: 6,
  s151: 7,
  revenueOutturn: 8,
  accounts: 9,
} as const;

/** What a council types into the sheet: a figure (and an explanation) per row, by 0-based row. */
export type Filled = Readonly<
  Record<number, { figure?: CellValue; explanation?: string; value?: CellValue }>
>;

/** The Wiltshire sample plan (examples/dsg-management-plan.xlsx): £77.319m carried forward at 31 March 2026. */
export function samplePlan(): Promise<Workbook> {
  return readXlsxFile(path.join(ROOT, "examples/dsg-management-plan.xlsx"));
}

/**
 * The workbook with the reconciliation sheet as written for it, figures filled in by row; a formula cell
 * keeps no value, as in a workbook no Excel has recalculated. `format` is the figures' number format.
 */
export function withReconciliation(plan: Workbook, filled: Filled = {}, format?: string): Workbook {
  const content = writeOffSheetContent(locateTemplate(plan), {
    writeOffPercent: 90,
    cutOffYear: 2025,
  });
  if (!content) throw new Error("the plan has no deficit at 31 March 2026");
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: string[][] = [];
  content.cells.forEach((cells, r) => {
    values.push(
      cells.map((cell, c) => {
        const typed = filled[r];
        if (c === 1 && typed?.figure !== undefined) return typed.figure;
        if (c === 1 && typed?.value !== undefined) return typed.value === "" ? null : typed.value;
        if (c === 3 && typed?.explanation !== undefined) return typed.explanation;
        if (typeof cell === "string" && (cell.startsWith("=") || cell === "")) return null;
        return cell;
      })
    );
    // A value typed over a formula replaces it.
    const typed = filled[r]?.figure !== undefined || filled[r]?.value !== undefined;
    formulas.push(
      cells.map((cell, c) =>
        (c === 1 && typed) || typeof cell !== "string" || !cell.startsWith("=") ? null : cell
      )
    );
    formats.push(content.numberFormats[r].map((f, c) => (c === 1 && format ? format : f)));
  });
  return {
    sheets: [
      ...plan.sheets,
      labelSheet({
        name: WRITE_OFF_SHEET_NAME,
        visibility: "visible",
        top: 0,
        left: 0,
        values,
        formulas,
        numberFormats: formats,
        merges: [],
      }),
    ],
  };
}
