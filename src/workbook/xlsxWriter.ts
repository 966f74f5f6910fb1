/**
 * Writes a Workbook snapshot to .xlsx: the sample workbooks, the hostile test files and the benchmark
 * plans are all built as snapshots and saved through here, so what a test reads back can be compared
 * cell by cell with what was written.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellValue, Sheet, Workbook } from "./workbook";
import { isCellError } from "./workbook";

/** A fixed timestamp for the document properties, so rebuilding a sample changes nothing but real content. */
const FIXED_DATE = new Date(Date.UTC(2024, 8, 30));
/** 1 January 1980, the DOS epoch: the fixed modification time of every ZIP entry. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

/** Saves a snapshot as .xlsx; formula cells keep their value as the cached result (none when `null`). */
export async function writeXlsxBuffer(workbook: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "dsg-addin examples";
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  for (const sheet of workbook.sheets)
    writeSheet(book.addWorksheet(sheet.name, { state: sheet.visibility }), sheet);
  // exceljs stamps each ZIP entry with the current time; clearing it makes rebuilt samples byte-identical.
  return withFixedEntryTimes(Buffer.from(await book.xlsx.writeBuffer()));
}

/**
 * Re-packs a ZIP archive with every entry dated ZIP_EPOCH. JSZip (which exceljs writes with) reuses each
 * entry's compressed bytes, so only the timestamps change.
 */
async function withFixedEntryTimes(zipped: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(zipped);
  zip.forEach((_, entry) => {
    entry.date = ZIP_EPOCH;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function writeSheet(worksheet: ExcelJS.Worksheet, sheet: Sheet): void {
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      const formula = sheet.formulas[r][c];
      const format = sheet.numberFormats[r][c];
      if (value === null && formula === null && format === "General") return;
      const cell = worksheet.getCell(sheet.top + r + 1, sheet.left + c + 1);
      cell.value = formula ? formulaValue(formula, value) : plainValue(value);
      if (format !== "General") cell.numFmt = format;
    });
  });
  for (const m of sheet.merges)
    worksheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Readable column widths: the label column of each sheet is wide, figures narrower.
  const labelCol = worksheet.getColumn(sheet.left + 1);
  labelCol.width = 48;
}

function plainValue(value: CellValue): ExcelJS.CellValue {
  return isCellError(value) ? { error: value.error as ExcelJS.CellErrorValue["error"] } : value;
}

function formulaValue(formula: string, value: CellValue): ExcelJS.CellValue {
  const text = formula.replace(/^=/, "");
  if (value === null) return { formula: text } as ExcelJS.CellFormulaValue;
  return {
    formula: text,
    result: isCellError(value) ? { error: value.error } : value,
  } as ExcelJS.CellFormulaValue;
}
