/**
 * How the Office.js reader splits its reads into `context.sync()` calls, sized from measured payloads.
 *
 * Excel on the web refuses a response over 5 MB (`ResponsePayloadSizeLimitExceeded`), and what a cell costs
 * in that response varies tenfold: a blank cell is a few bytes, an accounting format
 * (`_-£* #,##0.00_-;-£* #,##0.00_-;…`) fifty. So no bytes-per-cell constant is right for every workbook.
 * Each read is sized from the bytes per cell measured on what earlier calls returned for the same sheet and
 * property (JSON, non-ASCII characters counted at their escaped size), and from a deliberately heavy default
 * until a sheet has been measured. Pure, so tested without Excel.
 */

/** What a read loads: the cells (values and formulas), their number formats, or their value types. */
export type ReadKind = "cells" | "formats" | "types";

/** One rectangle to read, in sheet coordinates (0-based). */
export interface CellRead {
  readonly sheet: number;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  /** `cells` when absent. */
  readonly kind?: ReadKind;
}

/** What one call may carry. Both shrink when Excel still refuses a call. */
export interface ReadBudget {
  /** Estimated response bytes. */
  bytes: number;
  /** Cells (Excel caps one read at 5,000,000 and returns null past it: office-js#6781). */
  cells: number;
}

/**
 * Bytes per cell assumed before a sheet's first read is measured: heavier than templates are (a number
 * and its constant in `formulas` take about 20; a label twice its length; a long formula ~80), so the first
 * call stays under the limit, and later calls are sized from what was measured.
 */
export const UNMEASURED_BYTES_PER_CELL: Readonly<Record<ReadKind, number>> = {
  cells: 100,
  formats: 70,
  types: 12,
};

/** Ranges per call: each is an operation in the request, which Excel on the web also caps at 5 MB. */
export const MAX_RANGES_PER_SYNC = 2_000;

const cellsOf = (read: CellRead) => read.rows * read.cols;
const keyOf = (read: CellRead) => `${read.kind ?? "cells"} ${read.sheet}`;

/** Bytes per cell measured so far, per sheet and kind of read; the largest seen is kept. */
export class PayloadMeter {
  private readonly perCell = new Map<string, number>();

  /** The bytes per cell to plan `read` with: measured for its sheet and kind, else the heavy default. */
  bytesPerCell(read: CellRead): number {
    return this.perCell.get(keyOf(read)) ?? UNMEASURED_BYTES_PER_CELL[read.kind ?? "cells"];
  }

  estimate(read: CellRead): number {
    return cellsOf(read) * this.bytesPerCell(read);
  }

  /** Records what a read returned (bytes of JSON). */
  record(read: CellRead, bytes: number): void {
    const cells = cellsOf(read);
    if (cells === 0) return;
    const key = keyOf(read);
    this.perCell.set(key, Math.max(this.perCell.get(key) ?? 0, bytes / cells));
  }
}

/**
 * The reads that go into the next call and those left over: whole rectangles while they fit the budget as
 * planned by `meter`, then as many whole rows of the next one as fit (Microsoft's advice for large ranges is
 * blocks of rows), so each call is filled to the budget by the latest measurements. A call always takes at
 * least one row, however wide.
 */
export function takePack(
  reads: readonly CellRead[],
  budget: ReadBudget,
  meter: PayloadMeter
): [CellRead[], CellRead[]] {
  const pack: CellRead[] = [];
  let bytes = 0;
  let cells = 0;
  for (let i = 0; i < reads.length; i++) {
    const read = reads[i];
    if (pack.length === MAX_RANGES_PER_SYNC) return [pack, reads.slice(i)];
    const perRow = read.cols * meter.bytesPerCell(read);
    const rows = Math.min(
      read.rows,
      Math.floor((budget.cells - cells) / read.cols),
      Math.floor((budget.bytes - bytes) / perRow)
    );
    if (rows >= read.rows) {
      pack.push(read);
      bytes += read.rows * perRow;
      cells += read.rows * read.cols;
      continue;
    }
    if (rows <= 0 && pack.length > 0) return [pack, reads.slice(i)];
    const taken = Math.max(1, rows);
    pack.push({ ...read, rows: taken });
    const left = read.rows - taken;
    return [
      pack,
      left > 0
        ? [{ ...read, top: read.top + taken, rows: left }, ...reads.slice(i + 1)]
        : reads.slice(i + 1),
    ];
  }
  return [pack, []];
}

/** How many calls `reads` take at this budget, for the progress bar. */
export function countPacks(
  reads: readonly CellRead[],
  budget: ReadBudget,
  meter: PayloadMeter
): number {
  let count = 0;
  for (let rest = reads; rest.length > 0; count += 1) rest = takePack(rest, budget, meter)[1];
  return count;
}

/**
 * The rectangles of a sheet's grid that hold cells passing `wanted`: each run of consecutive rows with such
 * a cell becomes one rectangle as wide as the union of those rows' spans. Used to read number formats only
 * where numbers are (the rules look at formats only for figures and dated year headings), not for labels,
 * blank rows and margins. `top`/`left` are the grid's sheet coordinates.
 */
export function runsOf<T>(
  grid: readonly (readonly T[])[],
  top: number,
  left: number,
  sheet: number,
  kind: ReadKind,
  wanted: (value: T) => boolean
): CellRead[] {
  const runs: CellRead[] = [];
  let start = -1;
  let first = Infinity;
  let last = -1;
  const close = (end: number) => {
    if (start >= 0)
      runs.push({
        sheet,
        top: top + start,
        left: left + first,
        rows: end - start,
        cols: last - first + 1,
        kind,
      });
    start = -1;
    first = Infinity;
    last = -1;
  };
  grid.forEach((row, r) => {
    let rowFirst = -1;
    let rowLast = -1;
    for (let c = 0; c < row.length; c++) {
      if (!wanted(row[c])) continue;
      if (rowFirst < 0) rowFirst = c;
      rowLast = c;
    }
    if (rowFirst < 0) {
      close(r);
      return;
    }
    if (start < 0) start = r;
    first = Math.min(first, rowFirst);
    last = Math.max(last, rowLast);
  });
  close(grid.length);
  return runs;
}

/**
 * At most `max` rectangles: when there are more (numbers on every other row of long sheets), each sheet's
 * rectangles of a kind become the one rectangle around them, so the reads still fit one call's ranges and a
 * plan of a few thousand cells is still read in four round trips. The cells read that hold no number cost a few bytes each.
 */
export function boundRuns(reads: readonly CellRead[], max = MAX_RANGES_PER_SYNC): CellRead[] {
  if (reads.length <= max) return [...reads];
  const boxes = new Map<
    string,
    { sheet: number; kind?: ReadKind; top: number; left: number; bottom: number; right: number }
  >();
  for (const read of reads) {
    const key = keyOf(read);
    const box = boxes.get(key);
    const bottom = read.top + read.rows - 1;
    const right = read.left + read.cols - 1;
    if (box === undefined)
      boxes.set(key, {
        sheet: read.sheet,
        kind: read.kind,
        top: read.top,
        left: read.left,
        bottom,
        right,
      });
    else {
      box.top = Math.min(box.top, read.top);
      box.left = Math.min(box.left, read.left);
      box.bottom = Math.max(box.bottom, bottom);
      box.right = Math.max(box.right, right);
    }
  }
  return [...boxes.values()].map(({ sheet, kind, top, left, bottom, right }) => ({
    sheet,
    top,
    left,
    rows: bottom - top + 1,
    cols: right - left + 1,
    ...(kind !== undefined && { kind }),
  }));
}

/**
 * Bytes of `rows` as JSON, the form Excel sends them in, counted row by row (no one huge string). A
 * character outside ASCII counts 6 bytes, its size as a `\uXXXX` escape: the worst case, so the measure
 * never falls short of the response.
 */
export function jsonBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1);
  for (const row of rows) {
    const text = JSON.stringify(row);
    bytes += text.length;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 5;
  }
  return bytes;
}
