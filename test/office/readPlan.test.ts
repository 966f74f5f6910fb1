import { describe, expect, it } from "vitest";
import {
  boundRuns,
  countPacks,
  jsonBytes,
  MAX_RANGES_PER_SYNC,
  PayloadMeter,
  runsOf,
  takePack,
  UNMEASURED_BYTES_PER_CELL,
  type CellRead,
  type ReadBudget,
} from "../../src/workbook/office/readPlan";

const sheet = (rows: number, cols: number, index = 0): CellRead => ({
  sheet: index,
  top: 4,
  left: 2,
  rows,
  cols,
});
/** A meter that has measured `perCell` bytes a cell on sheets 0-3. */
function measured(perCell: number): PayloadMeter {
  const meter = new PayloadMeter();
  for (let i = 0; i < 4; i++) meter.record(sheet(1, 100, i), perCell * 100);
  return meter;
}

/** Every call's reads, as the reader takes them one call after another. */
function packs(reads: CellRead[], budget: ReadBudget, meter: PayloadMeter): CellRead[][] {
  const all: CellRead[][] = [];
  for (let rest = reads; rest.length > 0;) {
    const [pack, left] = takePack(rest, budget, meter);
    all.push(pack);
    rest = left;
  }
  return all;
}

describe("takePack", () => {
  it("should keep a sheet within the budget whole", () => {
    expect(packs([sheet(10, 10)], { cells: 100, bytes: Infinity }, measured(1))).toEqual([
      [sheet(10, 10)],
    ]);
  });

  it("should split a larger sheet into blocks of whole rows that cover it exactly", () => {
    const blocks = packs([sheet(25, 4)], { cells: 40, bytes: Infinity }, measured(1)).flat();
    expect(blocks.map((b) => [b.top, b.rows])).toEqual([
      [4, 10],
      [14, 10],
      [24, 5],
    ]);
    expect(blocks.every((b) => b.left === 2 && b.cols === 4)).toBe(true);
  });

  it("should size blocks from the measured bytes per cell", () => {
    // 20 bytes a cell measured, 4,000 bytes a call: 200 cells, 20 rows of 10.
    const calls = packs([sheet(50, 10)], { cells: 1e6, bytes: 4_000 }, measured(20));
    expect(calls.map((call) => call.map((b) => b.rows))).toEqual([[20], [20], [10]]);
  });

  it("should assume the heavy default on a sheet not measured yet", () => {
    const [pack] = takePack([sheet(50, 10, 7)], { cells: 1e6, bytes: 10_000 }, measured(1));
    expect(pack[0].rows).toBe(Math.floor(10_000 / UNMEASURED_BYTES_PER_CELL.cells / 10));
  });

  it("should fill a call: whole reads while they fit, then the rows of the next that fit", () => {
    const reads = [sheet(5, 5, 0), sheet(5, 5, 1), sheet(5, 5, 2)];
    expect(takePack(reads, { cells: 60, bytes: Infinity }, measured(1))).toEqual([
      [reads[0], reads[1], { ...reads[2], rows: 2 }],
      [{ ...reads[2], top: 6, rows: 3 }],
    ]);
    expect(takePack(reads, { cells: 1e6, bytes: 25 * 3 * 2 }, measured(3))[0]).toEqual(
      reads.slice(0, 2)
    );
  });

  it("should read one row at a time when a single row is wider than the budget", () => {
    const calls = packs([sheet(3, 500)], { cells: 100, bytes: 10 }, measured(1));
    expect(calls.map((call) => call.map((b) => b.rows))).toEqual([[1], [1], [1]]);
  });

  it("should put no more ranges in a call than the request can carry", () => {
    const reads = Array.from({ length: MAX_RANGES_PER_SYNC + 5 }, () => sheet(1, 1));
    const budget = { cells: 1e6, bytes: Infinity };
    expect(takePack(reads, budget, measured(1))[0]).toHaveLength(MAX_RANGES_PER_SYNC);
    expect(countPacks(reads, budget, measured(1))).toBe(2);
  });
});

describe("PayloadMeter", () => {
  it("should keep the largest bytes per cell measured for a sheet and kind", () => {
    const meter = new PayloadMeter();
    meter.record(sheet(10, 10), 3_000);
    meter.record(sheet(10, 10), 1_000);
    expect(meter.bytesPerCell(sheet(1, 1))).toBe(30);
    expect(meter.bytesPerCell({ ...sheet(1, 1), kind: "formats" })).toBe(
      UNMEASURED_BYTES_PER_CELL.formats
    );
  });
});

describe("runsOf", () => {
  const isNumber = (v: unknown) => typeof v === "number";
  it("should cover each run of rows holding numbers with the union of their spans", () => {
    const grid = [
      ["Heading", null, null, null],
      ["Brought forward", 1, 2, null],
      ["Carried forward", null, 2, 3],
      [null, null, null, null],
      ["Note", "text", null, 4],
    ];
    expect(runsOf(grid, 10, 1, 3, "formats", isNumber)).toEqual([
      { sheet: 3, top: 11, left: 2, rows: 2, cols: 3, kind: "formats" },
      { sheet: 3, top: 14, left: 4, rows: 1, cols: 1, kind: "formats" },
    ]);
  });

  it("should find nothing in a grid without numbers", () => {
    expect(runsOf([["a"], [null]], 0, 0, 0, "formats", isNumber)).toEqual([]);
  });
});

describe("jsonBytes", () => {
  it("should count the JSON of the rows, non-ASCII characters at their escaped size", () => {
    expect(jsonBytes([[1, "ab"], [""]])).toBe(JSON.stringify([[1, "ab"], [""]]).length);
    expect(jsonBytes([["£"]])).toBe(JSON.stringify([["£"]]).length + 5);
    expect(jsonBytes([])).toBe(2);
  });
});

describe("boundRuns", () => {
  const run = (sheetIndex: number, top: number, left: number, cols: number): CellRead => ({
    sheet: sheetIndex,
    top,
    left,
    rows: 1,
    cols,
    kind: "formats",
  });
  it("should keep the rectangles when there are few enough", () => {
    const runs = [run(0, 1, 1, 2), run(0, 3, 0, 1)];
    expect(boundRuns(runs, 2)).toEqual(runs);
  });

  it("should put each sheet's rectangles in one when there are too many", () => {
    const runs = [
      run(0, 1, 1, 2),
      run(0, 3, 0, 1),
      run(1, 5, 2, 1),
      { ...run(0, 9, 9, 1), kind: "types" as const },
    ];
    expect(boundRuns(runs, 3)).toEqual([
      { sheet: 0, top: 1, left: 0, rows: 3, cols: 3, kind: "formats" },
      { sheet: 1, top: 5, left: 2, rows: 1, cols: 1, kind: "formats" },
      { sheet: 0, top: 9, left: 9, rows: 1, cols: 1, kind: "types" },
    ]);
  });
});
