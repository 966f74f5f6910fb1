/**
 * What the Office reader's calls carry on workbooks of realistic size and number formats (the figures
 * bench/office.ts prints): every call measured under 4 MB on Excel on the web and on the desktop, four
 * calls for a plan, a bounded number for a million cells, and the workbook read exactly. Counts and limits
 * only, never timings.
 */
import { afterEach, describe, expect, it } from "vitest";
import { fullSizePlan } from "../../examples/examples";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { readOfficeWorkbook, type OfficeReadCall } from "../../src/workbook/officeReader";
import type { Workbook } from "../../src/workbook/workbook";
import { realisticWorkbook } from "./hostFixtures";
import { sheetFromRows } from "../support/sheets";
import { installMockWorkbook, uninstallMockExcel } from "./officeMock";
import { sheetMayHoldSections } from "../../src/templates/sheetWords";
import { validateWorkbook } from "../../src/validation/validate";

const FOUR_MB = 4_000_000;
const plan = fullSizePlan();
const sizes = [3_000, 120_000, 600_000] as const;
const workbooks = new Map<number, Workbook>();
function workbook(cells: number): Workbook {
  if (!workbooks.has(cells)) workbooks.set(cells, realisticWorkbook(plan, cells));
  return workbooks.get(cells) as Workbook;
}

/** The snapshot with number formats kept only where a cell holds a number: all the reader asks Excel for. */
function formatsOfNumbers(book: Workbook): Workbook {
  return {
    sheets: book.sheets.map((sheet) => ({
      ...sheet,
      numberFormats: sheet.numberFormats.map((row, r) =>
        row.map((format, c) => (typeof sheet.values[r][c] === "number" ? format : "General"))
      ),
    })),
  };
}

async function readOverMock(book: Workbook, platform: string) {
  const calls: OfficeReadCall[] = [];
  const mock = installMockWorkbook(book, platform);
  try {
    const read = await readOfficeWorkbook(undefined, { onCall: (call) => calls.push(call) });
    return { read, calls, syncs: mock.syncs };
  } finally {
    uninstallMockExcel();
  }
}

afterEach(uninstallMockExcel);

describe("the Office reader's calls on realistic workbooks (office-addin-mock)", () => {
  it.each(sizes.flatMap((cells) => ["OfficeOnline", "PC"].map((platform) => [cells, platform])))(
    "should keep every call under 4 MB at %i cells on %s, and read exactly",
    async (cells, platform) => {
      const book = workbook(cells as number);
      const { read, calls, syncs } = await readOverMock(book, platform as string);
      expect(calls.every((call) => call.bytes < FOUR_MB)).toBe(true);
      // Bounded: the two listing calls, then one call per ~3.5 MB measured and a part-filled call per stage.
      const bytes = calls.reduce((sum, call) => sum + call.bytes, 0);
      expect(syncs).toBe(2 + calls.length);
      expect(calls.length).toBeLessThanOrEqual(Math.ceil(bytes / 3_000_000) + 2);
      expect(read).toEqual(formatsOfNumbers(book));
    },
    60_000
  );

  it("should take four calls for a plan of a few thousand cells", async () => {
    const { calls, syncs } = await readOverMock(workbook(3_000), "PC");
    expect(syncs).toBe(4);
    expect(calls.map((call) => call.stage)).toEqual(["Reading cells", "Reading number formats"]);
  });

  it("should read a million cells on the desktop in calls each under 4 MB, about one per 3.5 MB", async () => {
    const { calls, syncs } = await readOverMock(realisticWorkbook(plan, 1_000_000), "PC");
    const bytes = calls.reduce((sum, call) => sum + call.bytes, 0);
    expect(calls.every((call) => call.bytes < FOUR_MB)).toBe(true);
    expect(syncs).toBeLessThanOrEqual(2 + Math.ceil(bytes / 3_000_000) + 2);
  }, 120_000);

  it("should stay at four calls on the desktop when numbers sit on every other row", async () => {
    const rows = Array.from({ length: 10_000 }, (_, r) =>
      r % 2 === 0 ? [`item ${r}`, r] : ["note", "text"]
    );
    const book: Workbook = { sheets: [sheetFromRows("Alternating", rows, "0.00")] };
    const { read, syncs } = await readOverMock(book, "PC");
    expect(syncs).toBe(4);
    expect(read.sheets[0].numberFormats[9_998]).toEqual(["General", "0.00"]);
  });

  it("should ask for number formats only on the sheets that may hold a section, as the pane does, and find the same", async () => {
    const book = workbook(120_000);
    const calls: OfficeReadCall[] = [];
    installMockWorkbook(book, "PC");
    const read = await readOfficeWorkbook(undefined, {
      onCall: (call) => calls.push(call),
      formatsFor: sheetMayHoldSections,
    });
    uninstallMockExcel();
    const everything = (await readOverMock(book, "PC")).read;
    const formats = (name: string) =>
      read.sheets
        .find((s) => s.name === name)!
        .numberFormats.flat()
        .filter((f) => f !== "General");
    expect(formats("Pupil data")).toEqual([]);
    expect(formats("Financial summary").length).toBeGreaterThan(0);
    const asked = calls.filter((c) => c.stage === "Reading number formats");
    const askedBefore = (await readOverMock(book, "PC")).calls.filter(
      (c) => c.stage === "Reading number formats"
    );
    expect(asked[0].cells).toBeLessThan(askedBefore[0].cells);
    expect(validateWorkbook(read).findings).toEqual(validateWorkbook(everything).findings);
  }, 60_000);

  it("should ask for the number formats of fewer cells than it reads", async () => {
    const { calls } = await readOverMock(workbook(120_000), "PC");
    const cellsOf = (stage: string) =>
      calls.filter((call) => call.stage === stage).reduce((sum, call) => sum + call.cells, 0);
    // Formats only where numbers are: fewer cells than the cells read.
    expect(cellsOf("Reading number formats")).toBeLessThan(cellsOf("Reading cells"));
  });
});

describe("the Office reader against Excel on the web's 5 MB response cap (stand-in host)", () => {
  let host: StandInHost | undefined;
  afterEach(() => host?.uninstall());

  it("should read 600,000 cells with accounting formats without a refused call", async () => {
    const book = workbook(600_000);
    host = installStandInExcel(book, globalThis, { platform: "OfficeOnline" });
    const read = await readOfficeWorkbook();
    const syncs = host.log.filter((event) => event.kind === "sync");
    expect(syncs.filter((sync) => sync.error !== undefined)).toEqual([]);
    expect(Math.max(...syncs.map((sync) => sync.bytes))).toBeLessThan(FOUR_MB);
    expect(read.sheets.map((sheet) => sheet.values)).toEqual(book.sheets.map((s) => s.values));
  }, 60_000);

  it("should retry smaller when a call is refused for its size, and still read everything", async () => {
    const book = workbook(120_000);
    host = installStandInExcel(book, globalThis, {
      platform: "OfficeOnline",
      maxResponseBytes: 1_000_000,
    });
    const read = await readOfficeWorkbook();
    const syncs = host.log.filter((event) => event.kind === "sync");
    expect(syncs.some((sync) => sync.error === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(syncs.filter((s) => s.error === undefined).every((s) => s.bytes <= 1_000_000)).toBe(
      true
    );
    expect(read.sheets.map((sheet) => sheet.formulas)).toEqual(book.sheets.map((s) => s.formulas));
  }, 60_000);
});
