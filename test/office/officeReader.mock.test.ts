/**
 * The reader against office-addin-mock, which enforces Office.js's load/sync order in its own way: a property
 * read before `load` is the string "Error, property was not loaded", after `load` but before `sync` the string
 * "Error, context.sync() was not called". A reader that breaks the order returns those strings as cell values.
 */
import { afterEach, describe, expect, it } from "vitest";
import { readOfficeWorkbook } from "../../src/workbook/officeReader";
import { installMockExcel, uninstallMockExcel, type MockExcel, type MockSheet } from "./officeMock";

const SENTINELS = ["Error, property was not loaded", "Error, context.sync() was not called"];

interface SheetSeed {
  name: string;
  visibility?: string;
  /** Rows of Excel-style values ("" for empty) starting at `top`/`left`; absent for a blank sheet. */
  rows?: unknown[][];
  top?: number;
  left?: number;
  merges?: string;
}

/** A seed as Excel shows it: "SUM…" text stands for a formula, every cell formatted "0.00". */
function mockSheet(sheet: SheetSeed): MockSheet {
  const rows = sheet.rows ?? [];
  const top = sheet.top ?? 0;
  const left = sheet.left ?? 0;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    used: rows.length === 0 ? undefined : { top, left, rows: rows.length, cols: rows[0].length },
    merges: sheet.merges,
    block(row, col, rowCount, colCount) {
      const block = rows
        .slice(row - top, row - top + rowCount)
        .map((r) => r.slice(col - left, col - left + colCount));
      return {
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
      };
    },
  };
}

let mock: MockExcel;
function install(sheets: SheetSeed[]): void {
  mock = installMockExcel(sheets.map(mockSheet));
}

function containsSentinel(value: unknown): boolean {
  return (
    JSON.stringify(value).includes("Error, ") &&
    SENTINELS.some((s) => JSON.stringify(value).includes(s))
  );
}

afterEach(uninstallMockExcel);

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
    install([TEMPLATE, { name: "Blank" }]);
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
    install([TEMPLATE]);
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
    install([{ name: "Blank" }]);
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
    expect(mock.blockReads).toEqual([]);
  });

  it("should use the same number of syncs for one sheet and for twenty", async () => {
    install([TEMPLATE]);
    await readOfficeWorkbook();
    const one = mock.syncs;
    install(Array.from({ length: 20 }, (_, i) => ({ ...TEMPLATE, name: `Sheet${i}` })));
    await readOfficeWorkbook();
    expect([one, mock.syncs]).toEqual([4, 4]);
  });

  it("should read a huge sheet in row blocks of whole rows and reassemble it", async () => {
    const rows = Array.from({ length: 1_000 }, (_, r) => [r, r * 2, `row ${r}`, ""]);
    install([{ name: "Data", rows, top: 10 }]);
    const workbook = await readOfficeWorkbook(undefined, { cellsPerSync: 1_200 });
    expect(mock.blockReads.slice(0, 2)).toEqual([
      [10, 0, 300, 4],
      [310, 0, 300, 4],
    ]);
    // The cells in blocks of 300 rows by 4 columns, then the formats of the two numeric columns, 600 rows a block.
    expect(mock.blockReads.map((b) => [b[2], b[3]])).toEqual([
      [300, 4],
      [300, 4],
      [300, 4],
      [100, 4],
      [600, 2],
      [400, 2],
    ]);
    expect(mock.syncs).toBe(2 + 4 + 2);
    expect(workbook.sheets[0].values[999]).toEqual([999, 1998, "row 999", null]);
    expect(containsSentinel(workbook)).toBe(false);
  });
});
