/**
 * Reads the open workbook through Office.js into a Workbook snapshot, in a bounded number of round trips.
 *
 * Round trips (`context.sync()`), whatever the number of sheets:
 * 1. the sheet list (names, visibility);
 * 2. per sheet, the used range's size and position and its merged areas (all queued, one sync);
 *    should Excel refuse the merged areas (over 512 on a sheet), this one is repeated without them;
 * 3. the cells (`values`, `formulas`) of every used range;
 * 4. the number formats of the rows that hold numbers (the rules read formats only for figures, for their
 *    displayed precision, and for dated year headings), on the sheets `formatsFor` keeps (the pane: sheets
 *    that may hold a section), and the value types of the few cells whose text reads like an error
 *    (`#N/A`), which is all `valueTypes` was needed for.
 * Excel on the web caps each response at 5 MB, and on the desktop a response of many megabytes holds Excel
 * and the pane's memory for seconds: on both, every call's response is measured (the JSON of what it
 * returned) and the next calls are sized from the measured bytes per cell to stay under 4 MB. A plan of up
 * to ~100,000 cells is read in four round trips; past that the count grows with the data (one call per
 * ~3.5 MB), never with the number of sheets.
 * Any platform caps one read at 5 million cells (office-js#6781: values may come back null); a read that
 * still hits a limit is retried with half the budget.
 */
import {
  OFFICE_ERROR_MESSAGES,
  OfficeActionError,
  officeErrorCode,
  officeErrorMessage,
  runInExcel,
} from "./office/officeErrors";
import {
  boundRuns,
  countPacks,
  jsonBytes,
  PayloadMeter,
  runsOf,
  takePack,
  type CellRead,
  type ReadBudget,
  type ReadKind,
} from "./office/readPlan";
import { EXCEL_ERROR_VALUES } from "./office/errorValues";
import { parseA1 } from "./address";
import {
  WorkbookReadError,
  type CellRange,
  type CellValue,
  type Sheet,
  type SheetVisibility,
  type Workbook,
} from "./workbook";

/** One `context.sync()` of round trips 3 and 4, as measured (for the bench and the tests). */
export interface OfficeReadCall {
  /** "Reading cells" or "Reading number formats". */
  readonly stage: string;
  readonly ranges: number;
  readonly cells: number;
  /** Bytes of JSON the call returned (non-ASCII characters counted at their escaped size). */
  readonly bytes: number;
}

export interface OfficeReadOptions {
  /** Cells read per `context.sync()`; defaults to the platform's (1,000,000). */
  readonly cellsPerSync?: number;
  /** Response bytes aimed at per call; defaults to 3.5 MB. */
  readonly bytesPerSync?: number;
  /** Told about each call of round trips 3 and 4 once it has returned. */
  readonly onCall?: (call: OfficeReadCall) => void;
  /**
   * Whether a sheet's number formats are asked for (all sheets' without it): the pane asks only for those of
   * sheets that may hold a section, since the checks read formats only there.
   */
  readonly formatsFor?: (name: string, values: readonly (readonly CellValue[])[]) => boolean;
}

/**
 * Excel on the web refuses a response over 5 MB; calls aim at 3.5 MB, on every platform, so that a call
 * planned from a measurement of other rows of the same sheet still stays under 4 MB.
 */
export const BYTES_PER_SYNC = 3_500_000;
/** Stay well inside the 5-million-cell read limit and the pane's memory. */
const CELLS_PER_SYNC = 1_000_000;
/** Below this a payload error is not about size any more: give up and tell the user. */
const SMALLEST_CELLS_PER_SYNC = 1_000;
const LIMIT_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "RangeExceedsLimit",
]);

/** Where a sheet's used range sits, as Excel reported it in round trip 2. */
interface UsedArea {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

export type { CellRead } from "./office/readPlan";

/**
 * Reads every sheet of the open workbook (values, formulas, number formats, merges).
 * Waits while the user is editing a cell; throws `WorkbookReadError` with a sentence for the user when Excel refuses.
 * @param onProgress called with a short description of each stage ("Reading cells") for the progress bar
 */
export async function readOfficeWorkbook(
  onProgress?: (stage: string) => void,
  options: OfficeReadOptions = {}
): Promise<Workbook> {
  const budget: ReadBudget = {
    cells: options.cellsPerSync ?? CELLS_PER_SYNC,
    bytes: options.bytesPerSync ?? BYTES_PER_SYNC,
  };
  try {
    return await runInExcel((context) =>
      readAll(context, onProgress ?? (() => undefined), budget, options)
    );
  } catch (error) {
    throw new WorkbookReadError(officeErrorMessage(error));
  }
}

async function readAll(
  context: Excel.RequestContext,
  progress: (stage: string) => void,
  budget: ReadBudget,
  options: OfficeReadOptions
): Promise<Workbook> {
  progress("Listing the sheets");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = worksheets.items;

  progress(
    `Finding the used cells on ${sheets.length} ${sheets.length === 1 ? "sheet" : "sheets"}`
  );
  const { areas, merges } = await findUsedAreas(context, sheets, mergedAreasSupported());
  const grids = areas.map((area) => (area === null ? emptyGrid() : newGrid(area)));
  await readCells(context, sheets, areas, grids, budget, progress, options);

  return {
    sheets: sheets.map((sheet, i): Sheet => ({
      name: sheet.name,
      visibility: visibilityOf(sheet.visibility),
      top: areas[i]?.top ?? 0,
      left: areas[i]?.left ?? 0,
      ...grids[i],
      merges: merges[i] ?? [],
    })),
  };
}

/**
 * Round trip 2: each sheet's used range and merged areas, queued in one loop (split-loop pattern) and synced
 * once. Excel fails the whole request when a range has more than 512 merged areas, so a failure with merges
 * asked for is retried once without them: merges only help label matching, the cells matter more.
 */
async function findUsedAreas(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  withMerges: boolean
): Promise<{ areas: (UsedArea | null)[]; merges: CellRange[][] }> {
  const usedRanges = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return used;
  });
  // The formatted used range (valuesOnly false) also covers merged blank cells; on a Worksheet it never fails.
  const mergedAreas = withMerges
    ? sheets.map((sheet) => {
        const merged = sheet.getUsedRange(false).getMergedAreasOrNullObject();
        merged.load("address");
        return merged;
      })
    : [];
  try {
    await context.sync();
  } catch (error) {
    if (!withMerges) throw error;
    return findUsedAreas(context, sheets, false);
  }
  return {
    areas: usedRanges.map((used): UsedArea | null =>
      used.isNullObject
        ? null
        : {
            top: used.rowIndex,
            left: used.columnIndex,
            rows: used.rowCount,
            cols: used.columnCount,
          }
    ),
    merges: mergedAreas.map((merged) => (merged.isNullObject ? [] : parseAreas(merged.address))),
  };
}

interface Grid {
  values: CellValue[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
}

function emptyGrid(): Grid {
  return { values: [], formulas: [], numberFormats: [] };
}

function newGrid(area: UsedArea): Grid {
  const rows = <T>() => Array.from({ length: area.rows }, () => [] as T[]);
  return { values: rows(), formulas: rows(), numberFormats: rows() };
}

/**
 * Round trips 3 and 4: the cells (values and formulas) of every used range, then the number formats of the
 * rows holding numbers and the value types of cells whose text could be an error. Each is packed into as few
 * calls as the budget allows, sized from measured payloads (./office/readPlan.ts).
 */
async function readCells(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  areas: (UsedArea | null)[],
  grids: Grid[],
  budget: ReadBudget,
  progress: (stage: string) => void,
  options: OfficeReadOptions
): Promise<void> {
  const onCall = options.onCall ?? (() => undefined);
  const meter = new PayloadMeter();
  const wholeSheets = areas.flatMap((area, sheet): CellRead[] =>
    area === null ? [] : [{ sheet, ...area }]
  );
  await readPacks(
    context,
    sheets,
    wholeSheets,
    budget,
    meter,
    "Reading cells",
    onCall,
    progress,
    (read, range) => copyCells(grids[read.sheet], areas[read.sheet] as UsedArea, read, range)
  );
  const second = boundRuns(
    areas.flatMap((area, sheet): CellRead[] => {
      if (area === null) return [];
      const { values } = grids[sheet];
      const formats = options.formatsFor?.(sheets[sheet].name, values) ?? true;
      return [
        ...(formats
          ? runsOf(values, area.top, area.left, sheet, "formats", (v) => typeof v === "number")
          : []),
        ...runsOf(values, area.top, area.left, sheet, "types", looksLikeError),
      ];
    })
  );
  await readPacks(
    context,
    sheets,
    second,
    budget,
    meter,
    "Reading number formats",
    onCall,
    progress,
    (read, range) =>
      read.kind === "types"
        ? copyTypes(grids[read.sheet], areas[read.sheet] as UsedArea, read, range)
        : copyFormats(grids[read.sheet], areas[read.sheet] as UsedArea, read, range)
  );
}

/** Reads `reads` call by call, measuring each response; a call Excel refuses for size is retried smaller. */
async function readPacks(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  reads: readonly CellRead[],
  budget: ReadBudget,
  meter: PayloadMeter,
  stage: string,
  onCall: (call: OfficeReadCall) => void,
  progress: (stage: string) => void,
  apply: (read: CellRead, range: Excel.Range) => void
): Promise<void> {
  let pending: readonly CellRead[] = reads;
  let done = 0;
  while (pending.length > 0) {
    const [pack, rest] = takePack(pending, budget, meter);
    const parts = done + countPacks(pending, budget, meter);
    progress(parts === 1 ? stage : `${stage} (part ${done + 1} of ${parts})`);
    const ranges = pack.map((read) => {
      const range = sheets[read.sheet].getRangeByIndexes(read.top, read.left, read.rows, read.cols);
      loadFor(range, read.kind ?? "cells");
      return range;
    });
    let bytes = 0;
    try {
      // One sync per pack, not per sheet or row: packs exist only when reads outgrow the budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      pack.forEach((read, i) => {
        const measured = responseBytes(read, ranges[i]);
        meter.record(read, measured);
        bytes += measured;
      });
    } catch (error) {
      const code = officeErrorCode(error);
      if (code === undefined || !LIMIT_CODES.has(code) || budget.cells <= SMALLEST_CELLS_PER_SYNC)
        throw error;
      const cells = pack.reduce((sum, read) => sum + read.rows * read.cols, 0);
      const estimate = pack.reduce((sum, read) => sum + meter.estimate(read), 0);
      budget.cells = Math.max(
        SMALLEST_CELLS_PER_SYNC,
        Math.floor(Math.min(budget.cells, cells) / 2)
      );
      budget.bytes = Math.floor(Math.min(budget.bytes, estimate) / 2);
      pending = [...pack, ...rest];
      continue;
    }
    onCall({
      stage,
      ranges: pack.length,
      cells: pack.reduce((sum, read) => sum + read.rows * read.cols, 0),
      bytes,
    });
    pack.forEach((read, i) => apply(read, ranges[i]));
    pending = rest;
    done += 1;
  }
}

/** Only what the rules read, since every property adds to the response. */
function loadFor(range: Excel.Range, kind: ReadKind): void {
  if (kind === "formats") range.load("numberFormat");
  else if (kind === "types") range.load("valueTypes");
  else range.load("values,formulas");
}

/**
 * The JSON bytes of what a read returned, checked first: office-js#6781, a read over the cell limit can come
 * back as null instead of failing.
 */
function responseBytes(read: CellRead, range: Excel.Range): number {
  const loaded =
    read.kind === "formats"
      ? [range.numberFormat]
      : read.kind === "types"
        ? [range.valueTypes]
        : [range.values, range.formulas];
  if (loaded.some((rows) => !Array.isArray(rows)))
    throw new OfficeActionError(OFFICE_ERROR_MESSAGES.RangeExceedsLimit, "RangeExceedsLimit");
  return loaded.reduce((sum, rows) => sum + jsonBytes(rows), 0);
}

function copyCells(grid: Grid, area: UsedArea, read: CellRead, range: Excel.Range): void {
  const { values, formulas } = range;
  for (let r = 0; r < read.rows; r += 1) {
    const row = read.top - area.top + r;
    for (let c = 0; c < read.cols; c += 1) {
      const col = read.left - area.left + c;
      grid.values[row][col] = toCellValue(values[r][c]);
      grid.formulas[row][col] = toFormula(formulas[r][c]);
      grid.numberFormats[row][col] = "General";
    }
  }
}

function copyFormats(grid: Grid, area: UsedArea, read: CellRead, range: Excel.Range): void {
  const { numberFormat } = range;
  for (let r = 0; r < read.rows; r += 1) {
    const row = grid.numberFormats[read.top - area.top + r];
    for (let c = 0; c < read.cols; c += 1) {
      const format: unknown = numberFormat[r][c];
      row[read.left - area.left + c] = typeof format === "string" ? format : "General";
    }
  }
}

/** Text that reads like an error is an error only where Excel's value type says so. */
function copyTypes(grid: Grid, area: UsedArea, read: CellRead, range: Excel.Range): void {
  const { valueTypes } = range;
  for (let r = 0; r < read.rows; r += 1) {
    const row = grid.values[read.top - area.top + r];
    for (let c = 0; c < read.cols; c += 1) {
      const col = read.left - area.left + c;
      const value = row[col];
      if (valueTypes[r][c] === "Error" && looksLikeError(value)) row[col] = { error: value };
    }
  }
}

/**
 * A cell showing one of Excel's error values is an error or text that reads the same ('#N/A typed with an
 * apostrophe): only those cells' `valueTypes` are asked for, so the value types of all other cells (about
 * 9 bytes each) stay out of the response.
 */
function looksLikeError(value: CellValue): value is string {
  return typeof value === "string" && EXCEL_ERROR_VALUES.has(value);
}

/** Excel returns error values as text ("#REF!") and empty cells as ""; errors are told apart later by type. */
export function toCellValue(value: unknown, type?: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  return String(value);
}

/** `Range.formulas` holds the constant itself for cells without a formula. */
export function toFormula(formula: unknown): string | null {
  return typeof formula === "string" && formula.startsWith("=") ? formula : null;
}

function visibilityOf(visibility: Excel.SheetVisibility | string): SheetVisibility {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

/** Parses a RangeAreas address ("'My sheet'!A1:B2,'My sheet'!D4") into rectangles, ignoring the sheet prefix. */
export function parseAreas(address: string): CellRange[] {
  const pattern =
    /(?:^|,)\s*(?:(?:'(?:[^']|'')*'|[^,'!]+)!)?([$A-Za-z]+[$0-9]+(?::[$A-Za-z]+[$0-9]+)?)/g;
  return [...address.matchAll(pattern)].flatMap((match) => {
    const range = parseA1(match[1]);
    return range === null ? [] : [range];
  });
}

/** Merged areas need ExcelApi 1.13; older hosts (and tests without `Office`) get no merges rather than an error. */
function mergedAreasSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.13") === true;
}
