/**
 * Reads an .xlsx/.xlsm file into the Workbook snapshot (for the command line, the tests and the
 * benchmarks). It checks what kind of file it was given, opens the ZIP package (./xlsxPackage.ts, on
 * JSZip), streams the parts it needs through a SAX parser (./xmlEvents.ts, on saxes) into the part
 * readers (./ooxml.ts, ./sheetCells.ts) and copies each sheet's used range into dense grids; every
 * failure becomes a WorkbookReadError whose message a finance lead can act on.
 *
 * Size limits (decided here, and the same for every caller):
 * - files above 100 MB are refused before unzipping: the DfE template is about 10.5 MB with its macros
 *   and graphs, so ten times that is not a plan;
 * - a part that unzips to more than 300 MB is refused (a "zip bomb" would otherwise exhaust memory);
 * - a sheet whose used range holds more than 5,000,000 cells is refused: dense grids of that size cost
 *   hundreds of MB. A 200,000-row sheet of five columns (1,000,000 cells) reads in a few seconds.
 */
import type { CellValue, Sheet, SheetVisibility, Workbook } from "./workbook";
import { WorkbookReadError } from "./workbook";
import { a1Range } from "./address";
import {
  type Relationship,
  relationshipsReader,
  sharedStringsReader,
  sheetEntriesReader,
  styleFormatsReader,
} from "./ooxml";
import { type SheetCells, sheetCellsReader } from "./sheetCells";
import { openPackage, PackageError, type XlsxPackage } from "./xlsxPackage";
import { MalformedPart, type PartReader, xmlFeed } from "./xmlEvents";
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
  checkFileKind(buffer);
  let zip: XlsxPackage;
  try {
    zip = await openPackage(buffer);
  } catch (error) {
    throw damaged(error);
  }
  const packageRels = await readPart(zip, "_rels/.rels", relationshipsReader(""));
  const workbookPath = findTarget(packageRels, "officeDocument") ?? "xl/workbook.xml";
  const listed = await readPart(zip, workbookPath, sheetEntriesReader());
  if (listed === undefined) throw new WorkbookReadError(notAWorkbook(zip));
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const rels =
    (await readPart(
      zip,
      `${folder}_rels/${basename(workbookPath)}.rels`,
      relationshipsReader(workbookPath)
    )) ?? new Map<string, Relationship>();
  const stringsPath = findTarget(rels, "sharedStrings");
  const stylesPath = findTarget(rels, "styles");
  const strings = (stringsPath && (await readPart(zip, stringsPath, sharedStringsReader()))) || [];
  const formats = (stylesPath && (await readPart(zip, stylesPath, styleFormatsReader()))) || [];
  if (listed.length === 0)
    throw new WorkbookReadError("This is not an Excel workbook: it contains no worksheets.");
  const sheets: Sheet[] = [];
  for (const entry of listed) {
    const path = entry.relationshipId ? rels.get(entry.relationshipId)?.target : undefined;
    const reader = sheetCellsReader(strings);
    const cells = (path && (await readPart(zip, path, reader))) || reader.result();
    sheets.push(denseSheet(entry.name, readVisibility(entry.state), cells, formats));
  }
  return { sheets };
}

/**
 * Streams one part through a part reader; undefined when the package has no such part. A part too broken
 * to read on (see MalformedPart) gives what was read before the damage.
 */
async function readPart<T>(
  zip: XlsxPackage,
  path: string,
  reader: PartReader<T>
): Promise<T | undefined> {
  const feed = xmlFeed(reader);
  try {
    if (!(await zip.read(path, feed.write, MAX_PART_BYTES))) return undefined;
    feed.end();
  } catch (error) {
    if (!(error instanceof MalformedPart)) throw damaged(error);
  }
  return reader.result();
}

/** The package path of the first relationship of a kind (e.g. "styles"), if any. */
function findTarget(rels: Map<string, Relationship> | undefined, type: string): string | undefined {
  return [...(rels?.values() ?? [])].find((rel) => rel.type.endsWith(`/${type}`))?.target;
}

/** Names the kind of Office file a package is when it is not a workbook. */
function notAWorkbook(zip: XlsxPackage): string {
  const kind = zip.has("word/document.xml")
    ? " (it is a Word document)"
    : zip.has("ppt/presentation.xml")
      ? " (it is a PowerPoint presentation)"
      : "";
  return `This is not an Excel workbook${kind}: it has no workbook part. Choose an .xlsx or .xlsm file.`;
}

/** Words a damaged archive for the user; any other error passes through unchanged. */
function damaged(error: unknown): unknown {
  if (!(error instanceof PackageError)) return error;
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

/** Recognises files that are not ZIP packages before unzipping, so the message says what the file is. */
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
