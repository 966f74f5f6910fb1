import { afterEach, describe, expect, it } from "vitest";
import {
  installStandInExcel,
  type StandInHost,
  type StandInHostOptions,
} from "../../src/workbench/host";
import { readOfficeWorkbook } from "../../src/workbook/officeReader";
import { WorkbookReadError, type Workbook } from "../../src/workbook/workbook";
import { largeWorkbook, smallWorkbook } from "./hostFixtures";

let host: StandInHost | undefined;
afterEach(() => host?.uninstall());

function install(workbook: Workbook, options: StandInHostOptions = {}): StandInHost {
  host = installStandInExcel(workbook, globalThis, options);
  return host;
}

describe("readOfficeWorkbook over the stand-in host", () => {
  it("should read values, formulas, number formats, errors, visibility and merges exactly", async () => {
    const workbook = smallWorkbook();
    install(workbook);
    const read = await readOfficeWorkbook();
    const summary = read.sheets[0];
    expect(read.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Financial summary", "visible"],
      ["Lookups", "hidden"],
      ["Blank", "visible"],
    ]);
    expect([summary.top, summary.left]).toEqual([2, 1]);
    expect(summary.values).toEqual(workbook.sheets[0].values);
    expect(summary.formulas).toEqual(workbook.sheets[0].formulas);
    expect(summary.numberFormats).toEqual(workbook.sheets[0].numberFormats);
    expect(summary.merges).toEqual([{ top: 2, left: 1, bottom: 2, right: 3 }]);
    expect(read.sheets[2]).toMatchObject({
      values: [],
      formulas: [],
      numberFormats: [],
      merges: [],
    });
  });

  it("should keep text that looks like an error as text and real errors as errors", async () => {
    install(smallWorkbook());
    const summary = (await readOfficeWorkbook()).sheets[0];
    expect(summary.values[4][1]).toBe("#N/A");
    expect(summary.values[3][2]).toEqual({ error: "#REF!" });
  });

  it("should take four syncs for a small workbook, and calls under 4 MB for a 50,000-row sheet", async () => {
    const small = install(smallWorkbook());
    await readOfficeWorkbook();
    small.uninstall();
    const large = install(largeWorkbook(50_000));
    const read = await readOfficeWorkbook();
    expect(read.sheets[0].values).toHaveLength(50_000);
    expect(read.sheets[0].values[49_999][5]).toBe(299_999);
    expect(small.syncCount).toBe(4);
    const syncs = large.log.filter((event) => event.kind === "sync");
    expect(Math.max(...syncs.map((sync) => sync.bytes))).toBeLessThan(4_000_000);
    expect(syncs.length).toBeLessThan(10);
  });

  it("should ask Excel for no property the rules do not need", async () => {
    const loaded = install(smallWorkbook());
    await readOfficeWorkbook();
    expect(loaded.log.map((e) => (e.kind === "sync" ? e.properties : e.kind))).toEqual([
      ["Worksheet.name", "Worksheet.visibility", "WorksheetCollection.items"],
      [
        "Range.columnCount",
        "Range.columnIndex",
        "Range.rowCount",
        "Range.rowIndex",
        "RangeAreas.address",
      ],
      ["Range.formulas", "Range.values"],
      ["Range.numberFormat", "Range.valueTypes"],
    ]);
  });

  it("should not add syncs for more sheets", async () => {
    const sheets = Array.from({ length: 40 }, (_, i) => ({
      ...smallWorkbook().sheets[0],
      name: `Sheet ${i + 1}`,
    }));
    const many = install({ sheets });
    const read = await readOfficeWorkbook();
    expect(read.sheets).toHaveLength(40);
    expect(many.syncCount).toBe(4);
  });

  it("should read a sheet above the budget in row blocks, one sync per block, and assemble it in order", async () => {
    const chunked = install(largeWorkbook(10_000, 5));
    const stages: string[] = [];
    const read = await readOfficeWorkbook((stage) => stages.push(stage), { cellsPerSync: 20_000 });
    // 50,000 cells at 20,000 a sync (4,000 rows a block): blocks of 4,000, 4,000, 2,000 rows; the 1-cell sheet
    // rides along. Then the number formats of the same 50,000 numbers, in as many blocks.
    expect(chunked.syncCount).toBe(2 + 3 + 3);
    expect(read).toEqual({ sheets: largeWorkbook(10_000, 5).sheets });
    expect(stages).toContain("Reading cells (part 3 of 3)");
  });

  it("should retry with smaller reads when Excel on the web refuses a large response", async () => {
    const web = install(largeWorkbook(5_000, 4), {
      platform: "OfficeOnline",
      maxCellValuesPerSync: 30_000,
    });
    const read = await readOfficeWorkbook();
    expect(read.sheets[0].values[4_999][3]).toBe(19_999);
    const failed = web.log.filter(
      (e) => e.kind === "sync" && e.error === "ResponsePayloadSizeLimitExceeded"
    );
    expect(failed.length).toBeGreaterThan(0);
    expect(
      web.log.filter((e) => e.kind === "sync" && e.cellValues > 30_000 && e.error === undefined)
    ).toEqual([]);
  });

  it("should read in the same calls on Excel on the web as on the desktop", async () => {
    const web = install(largeWorkbook(20_000), { platform: "OfficeOnline" });
    await readOfficeWorkbook();
    const webSyncs = web.syncCount;
    web.uninstall();
    const desktop = install(largeWorkbook(20_000), { platform: "PC" });
    await readOfficeWorkbook();
    expect(desktop.syncCount).toBe(webSyncs);
    expect(webSyncs).toBeGreaterThan(3);
  });

  it("should wait while the user is editing a cell instead of failing", async () => {
    const editing = install(smallWorkbook());
    editing.setCellEditMode(true);
    const reading = readOfficeWorkbook();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(editing.syncCount).toBe(0);
    editing.setCellEditMode(false);
    await expect(reading).resolves.toHaveProperty("sheets");
  });

  it.each([
    ["InvalidOperationInCellEditMode", /Finish editing the cell/],
    ["AccessDenied", /protected/],
    ["InactiveWorkbook", /no longer active/],
    ["GeneralException", /could not finish/],
    ["SomethingNew", /could not finish/],
  ])("should turn %s into a sentence for the user", async (code, message) => {
    install(smallWorkbook()).failNextSync(code);
    const failure = readOfficeWorkbook();
    await expect(failure).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(failure).rejects.toThrow(message);
  });

  it("should still read the cells of a sheet with more merged areas than Excel returns (512)", async () => {
    const merged = smallWorkbook();
    const merges = Array.from({ length: 600 }, (_, i) => ({
      top: 10 + i,
      left: 0,
      bottom: 10 + i,
      right: 1,
    }));
    const many = install({ sheets: [{ ...merged.sheets[0], merges }, merged.sheets[1]] });
    const read = await readOfficeWorkbook();
    expect(read.sheets[0].values).toEqual(merged.sheets[0].values);
    expect(read.sheets[0].merges).toEqual([]);
    expect(many.log.filter((e) => e.kind === "sync").map((e) => e.error)).toEqual([
      undefined,
      "GeneralException",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("should skip merged areas where Excel does not support ExcelApi 1.13", async () => {
    install(smallWorkbook(), { excelApiVersion: "1.12" });
    expect((await readOfficeWorkbook()).sheets[0].merges).toEqual([]);
  });
});
