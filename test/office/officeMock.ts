/**
 * A stand-in `Excel` built on office-addin-mock, for the reader's tests and bench/office.ts. The mock enforces
 * Office.js's load/sync order in its own way: a property read before `load` is the string "Error, property
 * was not loaded", after `load` but before `sync` the string "Error, context.sync() was not called".
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1Range, quoteSheetName } from "../../src/workbook/address";
import { isCellError, type Sheet, type Workbook } from "../../src/workbook/workbook";

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

/** What `Range` shows for a rectangle of cells, as Office.js returns it. */
export interface MockBlock {
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

export interface MockSheet {
  readonly name: string;
  readonly visibility?: string;
  /** The used range (absent for a blank sheet). */
  readonly used?: { top: number; left: number; rows: number; cols: number };
  /** RangeAreas.address of the merged areas (absent for none). */
  readonly merges?: string;
  /** The cells of a rectangle in sheet coordinates. */
  block(row: number, col: number, rowCount: number, colCount: number): MockBlock;
}

export interface MockExcel {
  /** `context.sync()` calls so far. */
  readonly syncs: number;
  /** Every `getRangeByIndexes` call: [row, column, rows, columns]. */
  readonly blockReads: number[][];
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

function sheetSeed(sheet: MockSheet, state: { blockReads: number[][] }): Record<string, unknown> {
  const used = sheet.used;
  let reads = 0;
  return {
    name: sheet.name,
    visibility: sheet.visibility ?? "Visible",
    used: withNullState({
      isNullObject: used === undefined,
      rowCount: used?.rows ?? 0,
      columnCount: used?.cols ?? 0,
      rowIndex: used?.top ?? 0,
      columnIndex: used?.left ?? 0,
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
      state.blockReads.push([row, col, rowCount, colCount]);
      const key = `block${(reads += 1)}`;
      this.addMock(key);
      const mock = this[key] as MockTree;
      mock.populate(sheet.block(row, col, rowCount, colCount));
      return mock;
    },
  };
}

/**
 * Installs `Excel` (and a minimal `Office` on `platform`, "PC" or "OfficeOnline") over `sheets`; the
 * returned counters are live. Remove the globals with `uninstallMockExcel`.
 */
export function installMockExcel(sheets: readonly MockSheet[], platform = "PC"): MockExcel {
  const state = { syncs: 0, blockReads: [] as number[][] };
  const seeds = Object.fromEntries(sheets.map((s, i) => [`sheet${i}`, sheetSeed(s, state)]));
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
        state.syncs += 1;
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
    Office: { context: { platform, requirements: { isSetSupported: () => true } } },
  });
  return state;
}

export function uninstallMockExcel(): void {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
}

const VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** A snapshot sheet as Excel shows it: "" for empty, the error text for errors, constants in `formulas`. */
export function mockSheetOf(sheet: Sheet): MockSheet {
  const rows = sheet.values.length;
  const cols = sheet.values[0]?.length ?? 0;
  const cut = <T>(grid: T[][], row: number, col: number, rowCount: number, colCount: number) =>
    grid
      .slice(row - sheet.top, row - sheet.top + rowCount)
      .map((r) => r.slice(col - sheet.left, col - sheet.left + colCount));
  return {
    name: sheet.name,
    visibility: VISIBILITY[sheet.visibility],
    used: rows === 0 ? undefined : { top: sheet.top, left: sheet.left, rows, cols },
    merges:
      sheet.merges.length === 0
        ? undefined
        : sheet.merges.map((m) => `${quoteSheetName(sheet.name)}!${a1Range(m)}`).join(","),
    block(row, col, rowCount, colCount) {
      const values = cut(sheet.values, row, col, rowCount, colCount);
      const formulas = cut(sheet.formulas, row, col, rowCount, colCount);
      return {
        values: values.map((r) => r.map((v) => (v === null ? "" : isCellError(v) ? v.error : v))),
        formulas: formulas.map((r, i) =>
          r.map((f, j) => {
            const v = values[i][j];
            return f ?? (v === null ? "" : isCellError(v) ? v.error : v);
          })
        ),
        numberFormat: cut(sheet.numberFormats, row, col, rowCount, colCount),
        valueTypes: values.map((r) =>
          r.map((v) =>
            v === null
              ? "Empty"
              : isCellError(v)
                ? "Error"
                : typeof v === "number"
                  ? "Double"
                  : typeof v === "boolean"
                    ? "Boolean"
                    : "String"
          )
        ),
      };
    },
  };
}

/** Installs the mock over a snapshot workbook. */
export function installMockWorkbook(workbook: Workbook, platform = "PC"): MockExcel {
  return installMockExcel(workbook.sheets.map(mockSheetOf), platform);
}
