/**
 * Reads the open workbook through Office.js into a Workbook snapshot, in a constant number of round trips.
 *
 * Round trips (`context.sync()`), whatever the number of sheets:
 * 1. the sheet list (names, visibility);
 * 2. per sheet, the used range's size and position and its merged areas (all queued, one sync);
 *    should Excel refuse the merged areas (over 512 on a sheet), this one is repeated without them;
 * 3. the cells (`values`, `formulas`, `numberFormat`, `valueTypes`) of every sheet, packed into as few
 *    syncs as the per-sync cell budget allows — one for ordinary DfE templates. Only sheets bigger than the
 *    budget are split into row blocks, so extra syncs depend on the size of huge sheets, never on sheet count.
 * Excel on the web caps each response at 5 MB and any platform caps one read at 5 million cells
 * (office-js#6781: values may come back null); a read that hits a limit is retried with half the budget.
 */
import {
  OFFICE_ERROR_MESSAGES,
  OfficeActionError,
  officeErrorCode,
  officeErrorMessage,
  runInExcel,
} from "./office/officeErrors";
import { parseA1 } from "./address";
import {
  WorkbookReadError,
  type CellRange,
  type CellValue,
  type Sheet,
  type SheetVisibility,
  type Workbook,
} from "./workbook";

export interface OfficeReadOptions {
  /** Cells read per `context.sync()`; defaults to a budget that fits the platform's payload limit. */
  readonly cellsPerSync?: number;
}

/** About 45 bytes of JSON per cell for four properties: 100,000 cells stay under the web's 5 MB response cap. */
const WEB_CELLS_PER_SYNC = 100_000;
/** Desktop Excel has no payload cap; stay well inside the 5-million-cell read limit and the pane's memory. */
const DESKTOP_CELLS_PER_SYNC = 1_000_000;
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

/** One rectangle to read: a whole used range, or a block of its rows. */
export interface CellRead {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Reads every sheet of the open workbook (values, formulas, number formats, merges).
 * Waits while the user is editing a cell; throws `WorkbookReadError` with a sentence for the user when Excel refuses.
 * @param onProgress called with a short description of each stage ("Reading cells") for the progress bar
 */
export async function readOfficeWorkbook(
  onProgress?: (stage: string) => void,
  options: OfficeReadOptions = {}
): Promise<Workbook> {
  try {
    return await runInExcel((context) =>
      readAll(
        context,
        onProgress ?? (() => undefined),
        options.cellsPerSync ?? defaultCellsPerSync()
      )
    );
  } catch (error) {
    throw new WorkbookReadError(officeErrorMessage(error));
  }
}

async function readAll(
  context: Excel.RequestContext,
  progress: (stage: string) => void,
  cellsPerSync: number
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
  await readCells(context, sheets, areas, grids, cellsPerSync, progress);

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

/** Round trip 3: reads the planned rectangles pack by pack, halving the budget when Excel reports a size limit. */
async function readCells(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  areas: (UsedArea | null)[],
  grids: Grid[],
  cellsPerSync: number,
  progress: (stage: string) => void
): Promise<void> {
  const wholeSheets = areas.flatMap((area, sheet) => (area === null ? [] : [{ sheet, ...area }]));
  let budget = cellsPerSync;
  let pending = planReads(wholeSheets, budget);
  let done = 0;
  while (pending.length > 0) {
    const [pack, rest] = takePack(pending, budget);
    const parts = done + countPacks(pending, budget);
    progress(parts === 1 ? "Reading cells" : `Reading cells (part ${done + 1} of ${parts})`);
    const ranges = pack.map((read) => {
      const range = sheets[read.sheet].getRangeByIndexes(read.top, read.left, read.rows, read.cols);
      // Only what the rules read: each extra property multiplies the response size.
      range.load("values,formulas,numberFormat,valueTypes");
      return range;
    });
    try {
      // One sync per pack, not per sheet or row: packs exist only when sheets outgrow the budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      // office-js#6781: a read over the cell limit can come back as null instead of failing.
      if (ranges.some((range) => !Array.isArray(range.values)))
        throw new OfficeActionError(OFFICE_ERROR_MESSAGES.RangeExceedsLimit, "RangeExceedsLimit");
    } catch (error) {
      const code = officeErrorCode(error);
      if (code === undefined || !LIMIT_CODES.has(code) || budget <= SMALLEST_CELLS_PER_SYNC)
        throw error;
      budget = Math.max(SMALLEST_CELLS_PER_SYNC, Math.floor(budget / 2));
      pending = planReads([...pack, ...rest], budget);
      continue;
    }
    pack.forEach((read, i) =>
      copyInto(grids[read.sheet], areas[read.sheet] as UsedArea, read, ranges[i])
    );
    pending = rest;
    done += 1;
  }
}

/**
 * Splits each used range into reads of at most `budget` cells: whole sheets where they fit, otherwise blocks
 * of whole rows (Microsoft's advice for large ranges). Pure, so the chunking is tested without Excel.
 */
export function planReads(reads: readonly CellRead[], budget: number): CellRead[] {
  return reads.flatMap((read) => {
    if (read.rows * read.cols <= budget) return [read];
    const rowsPerBlock = Math.max(1, Math.floor(budget / read.cols));
    const blocks: CellRead[] = [];
    for (let offset = 0; offset < read.rows; offset += rowsPerBlock) {
      blocks.push({
        ...read,
        top: read.top + offset,
        rows: Math.min(rowsPerBlock, read.rows - offset),
      });
    }
    return blocks;
  });
}

/** The reads that go into the next sync (at least one, then as many as fit the budget) and those left over. */
export function takePack(reads: readonly CellRead[], budget: number): [CellRead[], CellRead[]] {
  let cells = 0;
  let count = 0;
  while (
    count < reads.length &&
    (count === 0 || cells + reads[count].rows * reads[count].cols <= budget)
  ) {
    cells += reads[count].rows * reads[count].cols;
    count += 1;
  }
  return [reads.slice(0, count), reads.slice(count)];
}

function countPacks(reads: readonly CellRead[], budget: number): number {
  let count = 0;
  for (let rest = reads; rest.length > 0; count += 1) rest = takePack(rest, budget)[1];
  return count;
}

function copyInto(grid: Grid, area: UsedArea, read: CellRead, range: Excel.Range): void {
  const { values, formulas, numberFormat, valueTypes } = range;
  for (let r = 0; r < read.rows; r += 1) {
    const row = read.top - area.top + r;
    for (let c = 0; c < read.cols; c += 1) {
      const col = read.left - area.left + c;
      grid.values[row][col] = toCellValue(values[r][c], valueTypes[r][c]);
      grid.formulas[row][col] = toFormula(formulas[r][c]);
      grid.numberFormats[row][col] =
        typeof numberFormat[r][c] === "string" ? numberFormat[r][c] : "General";
    }
  }
}

/** Excel returns error values as text ("#REF!") and empty cells as ""; `valueTypes` tells an error from text. */
export function toCellValue(value: unknown, type: string): CellValue {
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

function defaultCellsPerSync(): number {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return String(office?.context?.platform) === "OfficeOnline"
    ? WEB_CELLS_PER_SYNC
    : DESKTOP_CELLS_PER_SYNC;
}
