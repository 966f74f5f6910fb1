/**
 * The reader against office-addin-mock, which enforces Office.js's load/sync order in its own way: a property
 * read before `load` is the string "Error, property was not loaded", after `load` but before `sync` the string
 * "Error, context.sync() was not called". A reader that breaks the order returns those strings as cell values.
 */
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readOfficeWorkbook } from "../../src/workbook/officeReader";

const SENTINELS = ["Error, property was not loaded", "Error, context.sync() was not called"];
/** The mock's own tree-building methods, which its typings mark private. */
interface MockTree {
  addMock(name: string): void;
  populate(seed: object): void;
  setValue(name: string, value: unknown): void;
}

const proto = OfficeMockObject.prototype as unknown as {
  load(arg?: unknown): unknown;
  sync(): Promise<void>;
};

interface SheetSeed {
  name: string;
  visibility?: string;
  /** Rows of Excel-style values ("" for empty) starting at `top`/`left`; absent for a blank sheet. */
  rows?: unknown[][];
  top?: number;
  left?: number;
  merges?: string;
}

/** Office auto-loads `isNullObject` with the sync; the mock needs it loaded explicitly. */
function withNullState(seed: Record<string, unknown>): Record<string, unknown> {
  return {
    ...seed,
    load(this: OfficeMockObject, arg?: unknown) {
      proto.load.call(this, arg);
      proto.load.call(this, "isNullObject");
      return this;
    },
  };
}

let syncs = 0;
let blockReads: number[][] = [];

function sheetSeed(sheet: SheetSeed): Record<string, unknown> {
  const rows = sheet.rows ?? [];
  const top = sheet.top ?? 0;
  const left = sheet.left ?? 0;
  const cols = rows[0]?.length ?? 0;
  const blank = rows.length === 0;
  let reads = 0;
  return {
    name: sheet.name,
    visibility: sheet.visibility ?? "Visible",
    used: withNullState({
      isNullObject: blank,
      address: blank ? "" : `${sheet.name}!used`,
      rowCount: rows.length,
      columnCount: cols,
      cellCount: rows.length * cols,
      rowIndex: top,
      columnIndex: left,
    }),
    formatted: {
      merged: withNullState({
        isNullObject: sheet.merges === undefined,
        address: sheet.merges ?? "",
      }),
      getMergedAreasOrNullObject(this: { merged: unknown }) {
        return this.merged;
      },
    },
    getUsedRangeOrNullObject(this: { used: unknown }) {
      return this.used;
    },
    getUsedRange(this: { formatted: unknown }) {
      return this.formatted;
    },
    getRangeByIndexes(
      this: MockTree & Record<string, unknown>,
      row: number,
      col: number,
      rowCount: number,
      colCount: number
    ) {
      blockReads.push([row, col, rowCount, colCount]);
      const block = rows
        .slice(row - top, row - top + rowCount)
        .map((r) => r.slice(col - left, col - left + colCount));
      const key = `block${(reads += 1)}`;
      this.addMock(key);
      const mock = this[key] as MockTree;
      mock.populate({
        values: block,
        formulas: block.map((r) =>
          r.map((v) => (typeof v === "string" && v.startsWith("SUM") ? `=${v}` : v))
        ),
        numberFormat: block.map((r) => r.map(() => "0.00")),
        valueTypes: block.map((r) =>
          r.map((v) =>
            v === ""
              ? "Empty"
              : v === "#REF!"
                ? "Error"
                : typeof v === "number"
                  ? "Double"
                  : "String"
          )
        ),
      });
      return mock;
    },
  };
}

function installMockExcel(sheets: SheetSeed[]): void {
  const seeds = Object.fromEntries(sheets.map((s, i) => [`sheet${i}`, sheetSeed(s)]));
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          ...seeds,
          items: [],
          // `load("items/name,items/visibility")`: the mock keeps arrays as plain values, so load each item here.
          load(this: OfficeMockObject & Record<string, OfficeMockObject>) {
            proto.load.call(this, "items");
            sheets.forEach((_, i) => this[`sheet${i}`].load("name,visibility"));
            return this;
          },
        },
      },
      async sync(this: OfficeMockObject) {
        syncs += 1;
        await proto.sync.call(this);
      },
    },
    async run(
      this: { context: unknown },
      _options: unknown,
      batch: (context: unknown) => Promise<unknown>
    ) {
      return batch(this.context);
    },
  }) as unknown as {
    context: { workbook: { worksheets: MockTree & Record<string, unknown> } };
  };
  const worksheets = excel.context.workbook.worksheets;
  worksheets.setValue(
    "items",
    sheets.map((_, i) => worksheets[`sheet${i}`])
  );
  Object.assign(globalThis, {
    Excel: excel,
    Office: { context: { platform: "PC", requirements: { isSetSupported: () => true } } },
  });
}

function containsSentinel(value: unknown): boolean {
  return (
    JSON.stringify(value).includes("Error, ") &&
    SENTINELS.some((s) => JSON.stringify(value).includes(s))
  );
}

beforeEach(() => {
  syncs = 0;
  blockReads = [];
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

const TEMPLATE: SheetSeed = {
  name: "Financial summary",
  top: 3,
  left: 1,
  rows: [
    ["Year", "2024-25", "2025-26"],
    ["Brought forward", 1.5, "SUM(C4)"],
    ["Carried forward", "", "#REF!"],
  ],
  merges: "'Financial summary'!B4:C4,'Financial summary'!B6",
};

describe("readOfficeWorkbook with office-addin-mock", () => {
  it("should read only loaded and synced properties (no mock sentinel reaches the workbook)", async () => {
    installMockExcel([TEMPLATE, { name: "Blank" }]);
    const workbook = await readOfficeWorkbook();
    expect(containsSentinel(workbook)).toBe(false);
    expect(workbook.sheets[0]).toEqual({
      name: "Financial summary",
      visibility: "visible",
      top: 3,
      left: 1,
      values: [
        ["Year", "2024-25", "2025-26"],
        ["Brought forward", 1.5, "SUM(C4)"],
        ["Carried forward", null, { error: "#REF!" }],
      ],
      formulas: [
        [null, null, null],
        [null, null, "=SUM(C4)"],
        [null, null, null],
      ],
      // Formats are read only for the cells holding numbers; the rules read no other.
      numberFormats: [
        ["General", "General", "General"],
        ["General", "0.00", "General"],
        ["General", "General", "General"],
      ],
      merges: [
        { top: 3, left: 1, bottom: 3, right: 2 },
        { top: 5, left: 1, bottom: 5, right: 1 },
      ],
    });
  });

  it("should detect a read that skips the sync (so the check above can fail)", async () => {
    installMockExcel([TEMPLATE]);
    const excel = (
      globalThis as unknown as {
        Excel: { context: { workbook: { worksheets: Record<string, Excel.Worksheet> } } };
      }
    ).Excel;
    const used = excel.context.workbook.worksheets.sheet0.getUsedRangeOrNullObject(true);
    used.load("rowCount");
    // Deliberately read without a sync, to show what the first test would catch.
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    expect(containsSentinel({ rowCount: used.rowCount })).toBe(true);
  });

  it("should see an empty sheet as a null object and read no cells from it", async () => {
    installMockExcel([{ name: "Blank" }]);
    const workbook = await readOfficeWorkbook();
    expect(workbook.sheets).toEqual([
      {
        name: "Blank",
        visibility: "visible",
        top: 0,
        left: 0,
        values: [],
        formulas: [],
        numberFormats: [],
        merges: [],
      },
    ]);
    expect(blockReads).toEqual([]);
  });

  it("should use the same number of syncs for one sheet and for twenty", async () => {
    installMockExcel([TEMPLATE]);
    await readOfficeWorkbook();
    const one = syncs;
    syncs = 0;
    installMockExcel(Array.from({ length: 20 }, (_, i) => ({ ...TEMPLATE, name: `Sheet${i}` })));
    await readOfficeWorkbook();
    expect([one, syncs]).toEqual([4, 4]);
  });

  it("should read a huge sheet in row blocks of whole rows and reassemble it", async () => {
    const rows = Array.from({ length: 1_000 }, (_, r) => [r, r * 2, `row ${r}`, ""]);
    installMockExcel([{ name: "Data", rows, top: 10 }]);
    const workbook = await readOfficeWorkbook(undefined, { cellsPerSync: 1_200 });
    expect(blockReads.slice(0, 2)).toEqual([
      [10, 0, 300, 4],
      [310, 0, 300, 4],
    ]);
    // The cells in blocks of 300 rows by 4 columns, then the formats of the two numeric columns, 600 rows a block.
    expect(blockReads.map((b) => [b[2], b[3]])).toEqual([
      [300, 4],
      [300, 4],
      [300, 4],
      [100, 4],
      [600, 2],
      [400, 2],
    ]);
    expect(syncs).toBe(2 + 4 + 2);
    expect(workbook.sheets[0].values[999]).toEqual([999, 1998, "row 999", null]);
    expect(containsSentinel(workbook)).toBe(false);
  });
});
