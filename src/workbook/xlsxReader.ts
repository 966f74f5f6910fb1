/**
 * Reads an .xlsx/.xlsm file into the Workbook snapshot (for the command line, the tests and the
 * benchmarks). It checks what kind of file it was given, unzips the parts it needs (./zip.ts), scans them
 * (./ooxml.ts) and copies each sheet's used range into dense grids; every failure becomes a
 * WorkbookReadError whose message a finance lead can act on.
 *
 * Size limits (decided here, and the same for every caller):
 * - files above 100 MB are refused before unzipping: the DfE template is about 10.5 MB with its macros
 *   and graphs, so ten times that is not a plan;
 * - a part that unzips to more than 300 MB is refused (a "zip bomb" would otherwise exhaust memory);
 * - a sheet whose used range holds more than 5,000,000 cells is refused: dense grids of that size cost
 *   hundreds of MB. A 200,000-row sheet of five columns (1,000,000 cells) reads in about 3 s.
 */
import type { CellValue, Sheet, SheetVisibility, Workbook } from "./workbook";
import { WorkbookReadError } from "./workbook";
import { a1Range } from "./address";
import {
  relationships,
  sheetCells,
  sheetEntries,
  sharedStrings,
  styleFormats,
  type SheetCells,
} from "./ooxml";
import { inflateEntry, type ZipEntry, zipEntries, ZipError } from "./zip";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_SHEET_CELLS = 5_000_000;
export const MAX_PART_BYTES = 300 * 1024 * 1024;

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
      code === "ENOENT"
        ? `${name}: no such file.`
        : code === "EISDIR"
          ? `${name} is a folder, not a workbook.`
          : `${name} could not be opened (${code ?? "unknown error"}).`
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
  // Async for callers' sake (a future reader may stream); the work itself is synchronous and bounded by the limits above.
  checkFileKind(buffer);
  const data = Buffer.isBuffer(buffer)
    ? buffer
    : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(data);
  } catch (error) {
    throw damaged(error);
  }
  const zip = { data, entries };
  const workbookPath = officeDocumentPath(zip);
  const workbookXml = part(zip, workbookPath);
  if (workbookXml === undefined) throw new WorkbookReadError(notAWorkbook(zip));
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const rels = relationships(
    part(zip, `${folder}_rels/${basename(workbookPath)}.rels`) ?? "",
    workbookPath
  );
  const target = (type: string) =>
    [...rels.values()].find((rel) => rel.type.endsWith(`/${type}`))?.target;
  const stringsXml = target("sharedStrings");
  const stylesXml = target("styles");
  const strings = stringsXml ? sharedStrings(part(zip, stringsXml) ?? "") : [];
  const formats = stylesXml ? styleFormats(part(zip, stylesXml) ?? "") : [];
  const listed = sheetEntries(workbookXml, rels);
  if (listed.length === 0)
    throw new WorkbookReadError("This is not an Excel workbook: it contains no worksheets.");
  const sheets: Sheet[] = [];
  for (const entry of listed) {
    const xml = entry.path ? part(zip, entry.path) : undefined;
    const cells = sheetCells(xml ?? "", strings);
    sheets.push(denseSheet(entry.name, readVisibility(entry.state), cells, formats));
  }
  return { sheets };
}

interface Package {
  readonly data: Buffer;
  readonly entries: Map<string, ZipEntry>;
}

/** Where the package's main document is (normally xl/workbook.xml), from the package relationships. */
function officeDocumentPath(zip: Package): string {
  const rels = relationships(part(zip, "_rels/.rels") ?? "", "");
  const main = [...rels.values()].find((rel) => rel.type.endsWith("/officeDocument"));
  return main?.target ?? "xl/workbook.xml";
}

/** Names the kind of Office file a package is when it is not a workbook. */
function notAWorkbook(zip: Package): string {
  const kind = zip.entries.has("word/document.xml")
    ? " (it is a Word document)"
    : zip.entries.has("ppt/presentation.xml")
      ? " (it is a PowerPoint presentation)"
      : "";
  return `This is not an Excel workbook${kind}: it has no workbook part. Choose an .xlsx or .xlsm file.`;
}

/** One part of the package as text, or undefined when absent; refuses parts that unzip too large. */
function part(zip: Package, path: string): string | undefined {
  const entry = zip.entries.get(path);
  if (!entry) return undefined;
  if (entry.size > MAX_PART_BYTES) {
    throw new WorkbookReadError(
      `The part ${path} unzips to ${Math.round(entry.size / 1024 / 1024)} MB, more than a workbook to check may hold.`
    );
  }
  try {
    return inflateEntry(zip.data, entry).toString("utf8");
  } catch (error) {
    throw damaged(error);
  }
}

function damaged(error: unknown): WorkbookReadError {
  if (!(error instanceof ZipError)) throw error;
  return new WorkbookReadError(
    `The file is damaged or incomplete and could not be opened as an Excel workbook: ${error.message}. Open it in Excel, save it again and retry.`
  );
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** The OLE compound document signature: old .xls files and password-protected (encrypted) .xlsx files. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buffer: Uint8Array, signature: readonly number[]): boolean {
  return buffer.length >= signature.length && signature.every((byte, i) => buffer[i] === byte);
}

/** Recognises files exceljs cannot read before it tries, so the message says what the file is. */
function checkFileKind(buffer: Uint8Array): void {
  if (buffer.length === 0)
    throw new WorkbookReadError("The file is empty (0 bytes): it is not an Excel workbook.");
  if (buffer.length > MAX_FILE_BYTES)
    throw new WorkbookReadError(tooBig("The file", buffer.length));
  if (startsWith(buffer, OLE_SIGNATURE)) {
    // An encrypted .xlsx is an OLE container holding "EncryptionInfo" and "EncryptedPackage" streams
    // (names stored in UTF-16LE); an old .xls holds a "Workbook" (or "Book") stream instead.
    const text = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).toString(
      "utf16le"
    );
    const text1 = Buffer.from(buffer.buffer, buffer.byteOffset + 1, buffer.byteLength - 1).toString(
      "utf16le"
    );
    const has = (name: string) => text.includes(name) || text1.includes(name);
    if (!has("EncryptionInfo") && !has("EncryptedPackage") && (has("Workbook") || has("Book"))) {
      throw new WorkbookReadError(
        "This is an old Excel 97-2003 workbook (.xls): open it in Excel and save it as an .xlsx or .xlsm workbook."
      );
    }
    throw new WorkbookReadError(
      "The workbook is password-protected: remove the password in Excel and save it again."
    );
  }
  if (!startsWith(buffer, ZIP_SIGNATURE)) {
    throw new WorkbookReadError(
      "This is not an Excel workbook (.xlsx or .xlsm): its contents are not in Excel's format."
    );
  }
}

function tooBig(name: string, bytes: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `${name} is ${mb(bytes)}, larger than the ${mb(MAX_FILE_BYTES)} limit for a workbook to check.`;
}

/** Builds the dense grids of a sheet's used range (cells holding a value or a formula) from its flat cells. */
function denseSheet(
  name: string,
  visibility: SheetVisibility,
  cells: SheetCells,
  formats: readonly string[]
): Sheet {
  const merges = [...cells.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let i = 0; i < cells.rows.length; i++) {
    if (cells.values[i] === null && cells.formulas[i] === null) continue;
    top = Math.min(top, cells.rows[i]);
    bottom = Math.max(bottom, cells.rows[i]);
    left = Math.min(left, cells.cols[i]);
    right = Math.max(right, cells.cols[i]);
  }
  if (bottom < 0)
    return {
      name,
      visibility,
      top: 0,
      left: 0,
      values: [],
      formulas: [],
      numberFormats: [],
      merges,
    };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > MAX_SHEET_CELLS) {
    const range = a1Range({ top, left, bottom, right });
    throw new WorkbookReadError(
      `Sheet "${name}" uses the range ${range} (${(height * width).toLocaleString("en-GB")} cells), more than the ` +
        `${MAX_SHEET_CELLS.toLocaleString("en-GB")} cells a workbook to check may hold. Clear the unused cells and save again.`
    );
  }
  const values: CellValue[][] = Array.from({ length: height }, () =>
    Array<CellValue>(width).fill(null)
  );
  const formulas: (string | null)[][] = Array.from({ length: height }, () =>
    Array<string | null>(width).fill(null)
  );
  const numberFormats: string[][] = Array.from({ length: height }, () =>
    Array<string>(width).fill("General")
  );
  for (let i = 0; i < cells.rows.length; i++) {
    const r = cells.rows[i] - top;
    const c = cells.cols[i] - left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    values[r][c] = cells.values[i];
    formulas[r][c] = cells.formulas[i];
    numberFormats[r][c] = formats[cells.styles[i]] ?? "General";
  }
  return { name, visibility, top, left, values, formulas, numberFormats, merges };
}

function readVisibility(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}
