/**
 * Reads the bytes of an .xlsx/.xlsm file into the Workbook snapshot, in node or in a browser (nothing
 * here needs node; ./xlsxReader.ts adds reading from disk and node's zlib). It checks what kind of file
 * it was given, opens the ZIP package (./xlsxPackage.ts), streams the parts it needs through the XML
 * layer (./xmlEvents.ts) into the part readers (./ooxml.ts, ./sheetCells.ts) and builds each sheet's
 * grids; every failure, expected or not, becomes a WorkbookReadError whose message is a sentence about
 * the file that a finance lead can act on.
 *
 * Bounds (./limits.ts): the file's size before unzipping; each part's declared size before inflating
 * and its real size while inflating; all parts together; each sheet's used range; and the memory the
 * snapshot takes, estimated as it is built, against a ceiling (512 MB unless the caller sets another).
 */
import { lacksResults, withFormulaValues } from "./formulaValues";
import type { CellValue, Sheet, SheetVisibility, Workbook } from "./workbook";
import { emptySheet, WorkbookReadError } from "./workbook";
import { a1Range } from "./address";
import { type PartCodec, portableCodec } from "./codec";
import {
  BYTES_PER_CELL,
  DEFAULT_LIMITS,
  formatMegabytes,
  GRID_BYTES_PER_CELL,
  GRID_BYTES_PER_ROW,
  KEPT_BYTES_PER_CELL,
  MAX_FILE_BYTES,
  MAX_SHEET_CELLS,
  ReadBudget,
  type ReadLimits,
} from "./limits";
import {
  type Relationship,
  relationshipsReader,
  sharedStringsReader,
  sheetEntriesReader,
  definedNamesReader,
  styleFormatsReader,
} from "./ooxml";
import { type SheetCells, SheetDamage, sheetCellsReader } from "./sheetCells";
import { openPackage, PackageError, type XlsxPackage } from "./xlsxPackage";
import { type AnyReader, EncodingError, MalformedPart, readXmlText, xmlFeed } from "./xmlEvents";
import { type PassOver, sheetMayMatter } from "./passOver";

export interface ReadOptions {
  /** How parts are inflated and checked (fflate by default; the command line passes node's zlib). */
  readonly codec?: PartCodec;
  readonly limits?: ReadLimits;
  /** Large sheets no check can use, to be passed over (./passOver.ts); every sheet is read without it. */
  readonly passOver?: PassOver;
}

/** A sheet larger than this is streamed as it is inflated, never held whole to see if it can be passed over. */
const MAX_PASS_OVER_BYTES = 64 * 1024 * 1024;

const AGAIN = "Open it in Excel, save it again and retry.";

/** Reads a workbook from the bytes of an .xlsx/.xlsm file; every failure is a WorkbookReadError. */
export async function readXlsxBuffer(
  buffer: Uint8Array,
  options: ReadOptions = {}
): Promise<Workbook> {
  checkFileKind(buffer);
  const budget = new ReadBudget(options.limits ?? DEFAULT_LIMITS);
  let zip: XlsxPackage;
  try {
    zip = await openPackage(buffer, options.codec ?? portableCodec);
  } catch (error) {
    throw explain(error, "the file");
  }
  const read = <T>(path: string, reader: AnyReader<T>, what = `the part ${path}`) =>
    readPart(zip, path, reader, budget, what);

  const packageRels = await read("_rels/.rels", relationshipsReader(""));
  const workbookPath = findTarget(packageRels, "officeDocument") ?? "xl/workbook.xml";
  const listed = await read(workbookPath, sheetEntriesReader());
  const names = (await read(workbookPath, definedNamesReader())) ?? new Map<string, string>();
  if (listed === undefined) throw new WorkbookReadError(notAWorkbook(zip));
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
  const rels =
    (await read(
      `${folder}_rels/${workbookPath.slice(folder.length)}.rels`,
      relationshipsReader(workbookPath)
    )) ?? new Map<string, Relationship>();
  if (listed.length === 0)
    throw new WorkbookReadError("This is not an Excel workbook: it contains no worksheets.");
  const paths = listed.map((entry) =>
    entry.relationshipId ? rels.get(entry.relationshipId)?.target : undefined
  );
  checkSheetsApart(listed, paths, zip);
  const stringsPath = findTarget(rels, "sharedStrings");
  const stylesPath = findTarget(rels, "styles");
  // A part the workbook lists but the file lacks is damage: without its strings or styles every text
  // cell would read as empty and every figure as General, silently.
  const missing = (what: string) =>
    new WorkbookReadError(`The file is damaged: ${what} is listed but missing from it. ${AGAIN}`);
  const formats = stylesPath
    ? ((await read(stylesPath, styleFormatsReader(), "its styles")) ??
      throwing(missing("its styles part")))
    : [];
  const strings = stringsPath
    ? ((await read(stringsPath, sharedStringsReader(budget), "the shared strings")) ??
      throwing(missing("its table of shared strings")))
    : [];
  const readSheet = async (i: number, whole: boolean): Promise<Sheet> => {
    const entry = listed[i];
    const path = paths[i];
    const what = `the sheet "${entry.name}"`;
    const visibility = readVisibility(entry.state);
    const reader = sheetCellsReader(strings, { formats, budget });
    const size = path ? (zip.entry(path)?.size ?? 0) : 0;
    const candidate =
      !whole &&
      options.passOver !== undefined &&
      size >= options.passOver.fromBytes &&
      size <= MAX_PASS_OVER_BYTES &&
      !options.passOver.mayMatterAsName(entry.name);
    let cells: SheetCells | undefined;
    if (path && candidate) {
      const xml = await wholePart(zip, path, budget, what);
      if (xml && !sheetMayMatter(xml, strings, options.passOver!, kept))
        return { ...emptySheet(entry.name, visibility), passedOver: true };
      cells = xml && feedWhole(xml, reader, what);
    } else cells = path ? await read(path, reader, what) : undefined;
    // A sheet listed without its part is not an empty sheet: its figures are missing.
    if (!cells)
      throw new WorkbookReadError(
        `The file is damaged: the sheet "${entry.name}" is listed but its contents are missing. ${AGAIN}`
      );
    return denseSheet(entry.name, visibility, cells, formats, budget);
  };
  const kept = new Map<number, boolean>();
  const sheets: Sheet[] = [];
  for (let i = 0; i < listed.length; i++) sheets.push(await readSheet(i, false));
  // Formulas saved without their results are worked out from the cells they read, which may be on a
  // sheet passed over: then every sheet is read whole.
  if (sheets.some((s) => s.passedOver) && sheets.some(lacksResults))
    for (let i = 0; i < listed.length; i++)
      if (sheets[i].passedOver) sheets[i] = await readSheet(i, true);
  return withFormulaValues({ sheets }, names);
}

/**
 * Streams one part through a reader; undefined when the package has no such part. `what` names the
 * part in messages ("the sheet \"Financial summary\"").
 */
async function readPart<T>(
  zip: XlsxPackage,
  path: string,
  reader: AnyReader<T>,
  budget: ReadBudget,
  what: string
): Promise<T | undefined> {
  const feed = xmlFeed(reader);
  try {
    if (!(await zip.read(path, (bytes) => feed.write(bytes), budget))) return undefined;
    feed.end();
    return reader.result();
  } catch (error) {
    throw explain(error, what);
  }
}

/** A part's bytes held whole (a sheet that may be passed over); undefined when the package lacks it. */
async function wholePart(
  zip: XlsxPackage,
  path: string,
  budget: ReadBudget,
  what: string
): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  try {
    if (!(await zip.read(path, (bytes) => chunks.push(bytes.slice()), budget))) return undefined;
  } catch (error) {
    throw explain(error, what);
  }
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) (whole.set(chunk, at), (at += chunk.length));
  return whole;
}

/** Runs a reader over a part held whole. */
function feedWhole<T>(bytes: Uint8Array, reader: AnyReader<T>, what: string): T {
  try {
    return readXmlText(bytes, reader);
  } catch (error) {
    throw explain(error, what);
  }
}

/**
 * Two sheets on one part is not a workbook Excel writes (each sheet has its own part); read as it is,
 * forty sheet entries on one large part would hold forty copies of its grids.
 */
function checkSheetsApart(
  listed: readonly { name: string }[],
  paths: readonly (string | undefined)[],
  zip: XlsxPackage
): void {
  const byPart = new Map<string, string[]>();
  paths.forEach((path, i) => {
    const name = path && zip.entry(path)?.name;
    if (!name) return;
    const names = byPart.get(name) ?? [];
    names.push(listed[i].name);
    byPart.set(name, names);
  });
  for (const [part, names] of byPart) {
    if (names.length < 2) continue;
    const [first, second] = names.map((n) => `"${n}"`);
    const which =
      names.length > 2
        ? `${names.length} of its sheets (${first}, ${second}, …) are`
        : `its sheets ${first} and ${second} are`;
    throw new WorkbookReadError(
      `The file is damaged: ${which} all stored in the same part (${part}), which Excel never does. ${AGAIN}`
    );
  }
}

/**
 * Words any failure while reading `what` as a WorkbookReadError: damage, encodings, limits; and an
 * unexpected error (a bug here, or a file unlike any tested) as a sentence about the file, never the
 * JavaScript message.
 */
function explain(error: unknown, what: string): WorkbookReadError {
  if (error instanceof WorkbookReadError) return error;
  if (error instanceof PackageError)
    return new WorkbookReadError(
      `The file is damaged or incomplete and could not be opened as an Excel workbook: ${error.message}. ${AGAIN}`
    );
  if (error instanceof SheetDamage)
    return new WorkbookReadError(
      `The file is damaged: ${what} cannot be read, as ${error.message}. ${AGAIN}`
    );
  if (error instanceof EncodingError)
    return new WorkbookReadError(`${capitalise(what)} cannot be read: ${error.message}. ${AGAIN}`);
  if (error instanceof MalformedPart)
    return new WorkbookReadError(`The file is damaged: in ${what}, ${error.message}. ${AGAIN}`);
  if (error instanceof RangeError)
    return new WorkbookReadError(
      `${capitalise(what)} is too large to read into memory. Remove what the plan does not need and retry.`
    );
  return new WorkbookReadError(
    `${capitalise(what)} could not be read: it is laid out in a way this checker does not understand. ${AGAIN} If it still fails, please report it.`
  );
}

function throwing(error: Error): never {
  throw error;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The package path of the first relationship of a kind (e.g. "styles"), if any. */
function findTarget(rels: Map<string, Relationship> | undefined, type: string): string | undefined {
  for (const rel of rels?.values() ?? []) if (rel.type.endsWith(`/${type}`)) return rel.target;
  return undefined;
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
    const decoder = new TextDecoder("utf-16le");
    const text = decoder.decode(buffer.subarray(0, buffer.length - (buffer.length % 2)));
    const odd = buffer.subarray(1);
    const text1 = decoder.decode(odd.subarray(0, odd.length - (odd.length % 2)));
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

export function tooBig(name: string, bytes: number): string {
  return `${name} is ${formatMegabytes(bytes)}, larger than the ${formatMegabytes(MAX_FILE_BYTES)} limit for a workbook to check.`;
}

/** Builds the dense grids of a sheet's used range (cells holding a value or a formula) from its cells. */
function denseSheet(
  name: string,
  visibility: SheetVisibility,
  cells: SheetCells,
  formats: readonly string[],
  budget: ReadBudget
): Sheet {
  const merges = [...cells.merges].sort((a, b) => a.top - b.top || a.left - b.left);
  const count = cells.count;
  const { top, left, bottom, right } = cells;
  budget.release(count * BYTES_PER_CELL);
  if (bottom < 0) return { ...emptySheet(name, visibility), merges };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > MAX_SHEET_CELLS) {
    const range = a1Range({ top, left, bottom, right });
    throw new WorkbookReadError(
      `Sheet "${name}" uses the range ${range} (${(height * width).toLocaleString("en-GB")} cells), more than the ` +
        `${MAX_SHEET_CELLS.toLocaleString("en-GB")} cells a workbook to check may hold. Clear the unused cells and save again.`
    );
  }
  budget.hold(
    height * GRID_BYTES_PER_ROW + height * width * GRID_BYTES_PER_CELL + count * KEPT_BYTES_PER_CELL
  );
  const values: CellValue[][] = new Array(height);
  const formulas: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<CellValue>(width).fill(null);
    formulas[r] = new Array<string | null>(width).fill(null);
  }
  const numberFormats =
    formatRowsInOrder(cells, formats, height, width) ??
    formatRowsScattered(cells, formats, height, width);
  const { rows, cols, kinds, numbers, others } = cells;
  let other = 0;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    values[rows[i] - top][cols[i] - left] =
      kind === 1 ? numbers[i] : kind === 2 ? others[other++] : null;
  }
  const { formulaAt, formulaTexts } = cells;
  for (let k = 0; k < formulaAt.length; k++) {
    const i = formulaAt[k];
    formulas[rows[i] - top][cols[i] - left] = formulaTexts[k];
  }
  return { name, visibility, top, left, values, formulas, numberFormats, merges };
}

/**
 * The number formats of a sheet whose cells and styled empty cells come row by row (as Excel writes
 * them), built a row at a time; a row whose formats are the same as the row above's is that row's array
 * (frozen, so a write to it fails rather than changes both). A sheet of records formatted alike, the
 * usual large sheet, keeps one row of formats instead of one a record. Null when the cells are out of
 * order (then formatRowsScattered builds them).
 */
function formatRowsInOrder(
  cells: SheetCells,
  formats: readonly string[],
  height: number,
  width: number
): string[][] | null {
  const { rows, cols, styles, count, top, left, styled } = cells;
  for (let i = 1; i < count; i++) if (rows[i] < rows[i - 1]) return null;
  for (let i = 1; i < styled.rows.length; i++) if (styled.rows[i] < styled.rows[i - 1]) return null;
  const numberFormats: string[][] = new Array(height);
  const row = new Array<string>(width);
  let above: string[] | null = null;
  let cell = 0;
  let run = 0;
  while (run < styled.rows.length && styled.rows[run] < top) run++;
  for (let r = 0; r < height; r++) {
    row.fill("General");
    // Styled empty cells first, so a cell that also holds a value (written twice) keeps the value's format.
    for (; run < styled.rows.length && styled.rows[run] === top + r; run++)
      paintRun(row, styled, run, formats, left);
    for (; cell < count && rows[cell] === top + r; cell++)
      row[cols[cell] - left] = formats[styles[cell]] ?? "General";
    if (above === null || !sameFormats(above, row)) above = Object.freeze(row.slice()) as string[];
    numberFormats[r] = above;
  }
  return numberFormats;
}

/** Gives the row's cells under styled run `i` (clipped to the row) the run's number format. */
function paintRun(
  row: string[],
  styled: SheetCells["styled"],
  i: number,
  formats: readonly string[],
  left: number
): void {
  const format = formats[styled.styles[i]] ?? "General";
  const from = Math.max(styled.firstCols[i] - left, 0);
  const to = Math.min(styled.lastCols[i] - left, row.length - 1);
  for (let c = from; c <= to; c++) row[c] = format;
}

function sameFormats(a: readonly string[], b: readonly string[]): boolean {
  for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  return true;
}

/** The number formats of a sheet whose cells come in any order: a row each, filled cell by cell. */
function formatRowsScattered(
  cells: SheetCells,
  formats: readonly string[],
  height: number,
  width: number
): string[][] {
  const { rows, cols, styles, count, top, left, styled } = cells;
  const numberFormats: string[][] = new Array(height);
  for (let r = 0; r < height; r++) numberFormats[r] = new Array<string>(width).fill("General");
  // Styled empty cells first, so a cell that also holds a value (written twice) keeps the value's format.
  for (let i = 0; i < styled.rows.length; i++) {
    const r = styled.rows[i] - top;
    if (r >= 0 && r < height) paintRun(numberFormats[r], styled, i, formats, left);
  }
  for (let i = 0; i < count; i++)
    numberFormats[rows[i] - top][cols[i] - left] = formats[styles[i]] ?? "General";
  return numberFormats;
}

function readVisibility(state: string | undefined): SheetVisibility {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}
