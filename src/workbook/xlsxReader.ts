/**
 * Reads an .xlsx/.xlsm file into the Workbook snapshot (for the command line, the tests and the
 * benchmarks). exceljs parses the file; this module only checks what kind of file it was given, copies
 * each sheet's used range into dense grids and turns every failure into a WorkbookReadError whose message
 * a finance lead can act on.
 *
 * Size limits (decided here, and the same for every caller):
 * - files above 100 MB are refused before parsing: the DfE template is about 10.5 MB with its macros and
 *   graphs, so a plan ten times that size is not a plan, and parsing it would take minutes and gigabytes;
 * - a sheet whose used range holds more than 5,000,000 cells is refused: dense grids of that size cost
 *   hundreds of MB. A 200,000-row sheet of ten columns (2,000,000 cells) still reads.
 */
import ExcelJS from "exceljs";
import type { CellRange, CellValue, Sheet, SheetVisibility, Workbook } from "./workbook";
import { WorkbookReadError } from "./workbook";
import { a1Range, parseA1 } from "./address";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_SHEET_CELLS = 5_000_000;

/** Reads a workbook file from disk; every failure is a WorkbookReadError naming the file. */
export async function readXlsxFile(path: string): Promise<Workbook> {
  const name = basename(path);
  let buffer: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) throw new WorkbookReadError(tooBig(name, size));
    buffer = await readFile(path);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === "ENOENT" ? `${name}: no such file.` : code === "EISDIR" ? `${name} is a folder, not a workbook.` : `${name} could not be opened (${code ?? "unknown error"}).`,
    );
  }
  try {
    return await readXlsxBuffer(buffer);
  } catch (error) {
    throw new WorkbookReadError(`${name}: ${(error as Error).message}`);
  }
}

/** Reads a workbook from the bytes of an .xlsx/.xlsm file. */
export async function readXlsxBuffer(buffer: Uint8Array): Promise<Workbook> {
  checkFileKind(buffer);
  const book = new ExcelJS.Workbook();
  try {
    // exceljs's own Buffer type predates Node's generic Buffer<ArrayBufferLike>.
    await book.xlsx.load((Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer)) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new WorkbookReadError(
      `The file is damaged or incomplete and could not be opened as an Excel workbook (${(error as Error).message}). ` +
        "Open it in Excel, save it again and retry.",
    );
  }
  const worksheets = book.worksheets;
  if (worksheets.length === 0) {
    throw new WorkbookReadError("This is not an Excel workbook: it contains no worksheets.");
  }
  const date1904 = Boolean((book.properties as { date1904?: boolean }).date1904);
  return { sheets: worksheets.map((ws) => readSheet(ws, date1904)) };
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** The OLE compound document signature: old .xls files and password-protected (encrypted) .xlsx files. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buffer: Uint8Array, signature: readonly number[]): boolean {
  return buffer.length >= signature.length && signature.every((byte, i) => buffer[i] === byte);
}

/** Recognises files exceljs cannot read before it tries, so the message says what the file is. */
function checkFileKind(buffer: Uint8Array): void {
  if (buffer.length === 0) throw new WorkbookReadError("The file is empty (0 bytes): it is not an Excel workbook.");
  if (buffer.length > MAX_FILE_BYTES) throw new WorkbookReadError(tooBig("The file", buffer.length));
  if (startsWith(buffer, OLE_SIGNATURE)) {
    // An encrypted .xlsx is an OLE container holding "EncryptionInfo" and "EncryptedPackage" streams
    // (names stored in UTF-16LE); an old .xls holds a "Workbook" (or "Book") stream instead.
    const text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString("utf16le");
    const text1 = Buffer.from(buffer.buffer, buffer.byteOffset + 1, buffer.byteLength - 1).toString("utf16le");
    const has = (name: string) => text.includes(name) || text1.includes(name);
    if (!has("EncryptionInfo") && !has("EncryptedPackage") && (has("Workbook") || has("Book"))) {
      throw new WorkbookReadError(
        "This is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as an .xlsx or .xlsm workbook.",
      );
    }
    throw new WorkbookReadError("The workbook is password-protected: remove the password in Excel and save it again.");
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) {
    throw new WorkbookReadError("This is not an Excel workbook (.xlsx or .xlsm): its contents are not in Excel's format.");
  }
}

function tooBig(name: string, bytes: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `${name} is ${mb(bytes)}, larger than the ${mb(MAX_FILE_BYTES)} limit for a workbook to check.`;
}

/** The cell value types exceljs reports (ExcelJS.ValueType, whose enum is declared but not exported at runtime). */
const MERGE = 1;

/** Copies one worksheet's used range (cells holding a value or a formula) into dense grids. */
function readSheet(ws: ExcelJS.Worksheet, date1904: boolean): Sheet {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === MERGE) return;
      if (rowNumber < top) top = rowNumber;
      if (rowNumber > bottom) bottom = rowNumber;
      if (colNumber < left) left = colNumber;
      if (colNumber > right) right = colNumber;
    });
  });
  const merges = readMerges(ws);
  const visibility = readVisibility(ws.state);
  if (bottom < 0) return { name: ws.name, visibility, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > MAX_SHEET_CELLS) {
    const range = a1Range({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 });
    throw new WorkbookReadError(
      `Sheet "${ws.name}" uses the range ${range} (${(height * width).toLocaleString("en-GB")} cells), more than the ` +
        `${MAX_SHEET_CELLS.toLocaleString("en-GB")} cells a workbook to check may hold. Clear the unused cells and save again.`,
    );
  }
  // Rows are shared until written: most cells of a plan's used range are empty, so blank rows cost nothing.
  const blankValues: CellValue[] = Array<CellValue>(width).fill(null);
  const blankFormulas: (string | null)[] = Array<string | null>(width).fill(null);
  const blankFormats: string[] = Array<string>(width).fill("General");
  const values: CellValue[][] = Array.from({ length: height }, () => blankValues);
  const formulas: (string | null)[][] = Array.from({ length: height }, () => blankFormulas);
  const numberFormats: string[][] = Array.from({ length: height }, () => blankFormats);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - top;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === MERGE) return;
      const c = colNumber - left;
      if (values[r] === blankValues) {
        values[r] = blankValues.slice();
        formulas[r] = blankFormulas.slice();
        numberFormats[r] = blankFormats.slice();
      }
      const formula = cell.formula;
      if (formula) {
        formulas[r][c] = `=${formula}`;
        values[r][c] = plainValue(cell.result, date1904);
      } else {
        values[r][c] = plainValue(cell.value, date1904);
      }
      const format = cell.numFmt;
      if (format) numberFormats[r][c] = format;
    });
  });
  // Blank rows stay shared only while nobody writes to them: give each its own arrays before handing out.
  for (let r = 0; r < height; r++) {
    if (values[r] === blankValues) {
      values[r] = blankValues.slice();
      formulas[r] = blankFormulas.slice();
      numberFormats[r] = blankFormats.slice();
    }
  }
  return { name: ws.name, visibility, top: top - 1, left: left - 1, values, formulas, numberFormats, merges };
}

function readVisibility(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  // exceljs keeps merges in `_merges` (master address → range); its public `model` getter would
  // serialise every row of the sheet just to list them.
  const merges = (ws as unknown as { _merges: Record<string, { range?: string; model?: { top: number; left: number; bottom: number; right: number } }> })._merges;
  return Object.values(merges ?? {})
    .map((merge) => {
      if (merge.model) return { top: merge.model.top - 1, left: merge.model.left - 1, bottom: merge.model.bottom - 1, right: merge.model.right - 1 };
      return merge.range ? parseA1(merge.range) : null;
    })
    .filter((m): m is CellRange => m !== null)
    .sort((a, b) => a.top - b.top || a.left - b.left);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const EXCEL_EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Converts an exceljs cell value (or formula result) to a snapshot CellValue. */
function plainValue(value: unknown, date1904: boolean): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    // Dates become Excel serial numbers, as Office.js reports them, so both readers give the same snapshot.
    return (value.getTime() - (date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH)) / 86_400_000;
  }
  if (typeof value === "object") {
    const v = value as { error?: string; richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string };
    if (typeof v.error === "string") return { error: v.error };
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text).join("");
    if (v.text !== undefined) return plainValue(v.text, date1904);
    if ("result" in v || "formula" in v) return plainValue(v.result, date1904);
  }
  return null;
}
