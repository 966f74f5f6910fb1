import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { type PartCodec } from "../../src/workbook/codec";
import { readXlsxBuffer } from "../../src/workbook/xlsxBuffer";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { sheetFromRows } from "../support/sheets";
import {
  cellFormula,
  cellNumberFormat,
  cellValue,
  findSheet,
  type Workbook,
  WorkbookReadError,
} from "../../src/workbook/workbook";
import { HOSTILE_FILES, writeHostileFiles } from "./hostileFiles";

let dir: string;
const read = new Map<string, { workbook?: Workbook; error?: unknown; seconds: number }>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dsg-hostile-"));
  for (const file of await writeHostileFiles(dir)) {
    const started = performance.now();
    try {
      read.set(file.file, {
        workbook: await readXlsxFile(file.path),
        seconds: (performance.now() - started) / 1000,
      });
    } catch (error) {
      read.set(file.file, { error, seconds: (performance.now() - started) / 1000 });
    }
  }
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sheetOf = (file: string, name: string) => {
  const sheet = findSheet(read.get(file)!.workbook!, name);
  if (!sheet) throw new Error(`${file} has no sheet ${name}`);
  return sheet;
};

describe("readXlsxFile on hostile files", () => {
  it.each(HOSTILE_FILES.filter((f) => f.expect === "error").map((f) => [f.file, f] as const))(
    "should refuse %s with a WorkbookReadError that names the file and says why",
    (name, file) => {
      const { error } = read.get(name)!;
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as Error).message).toMatch(file.message!);
      expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    }
  );

  it.each(HOSTILE_FILES.filter((f) => f.expect === "workbook").map((f) => [f.file] as const))(
    "should read %s into a Workbook",
    (name) => {
      const { workbook, error } = read.get(name)!;
      expect(error).toBeUndefined();
      expect(workbook!.sheets.length).toBeGreaterThan(0);
    }
  );

  it("should answer every file within 15 seconds (no hang)", () => {
    for (const [name, { seconds }] of read) expect([name, seconds < 15]).toEqual([name, true]);
  });

  it("should read a workbook with no cells as an empty sheet", () => {
    expect(read.get("empty-workbook.xlsx")!.workbook!.sheets).toEqual([
      {
        name: "Sheet1",
        visibility: "visible",
        top: 0,
        left: 0,
        values: [],
        formulas: [],
        numberFormats: [],
        merges: [],
      },
    ]);
  });

  it("should read all 200,000 rows of a large sheet", () => {
    const sheet = sheetOf("many-rows.xlsx", "Pupil data");
    expect(sheet.values.length).toBe(200_000);
    expect(sheet.values[199_999]).toEqual([
      "Pupil 200000",
      200_000,
      (199_999 % 97) * 1.5,
      199_999 % 7,
      "2024-25",
    ]);
  });

  it("should keep error values apart from text, typed or as formula results", () => {
    const sheet = sheetOf("error-cells.xlsx", "Financial summary");
    expect([cellValue(sheet, 0, 1), cellValue(sheet, 0, 2), cellValue(sheet, 1, 1)]).toEqual([
      { error: "#REF!" },
      { error: "#DIV/0!" },
      { error: "#REF!" },
    ]);
    expect(cellFormula(sheet, 0, 2)).toBe("=1/0");
  });

  it("should report merged header cells and leave the covered cells empty", () => {
    const sheet = sheetOf("merged-header.xlsx", "Financial summary");
    expect(sheet.merges).toEqual([
      { top: 0, left: 1, bottom: 0, right: 2 },
      { top: 0, left: 3, bottom: 0, right: 4 },
    ]);
    expect([cellValue(sheet, 0, 1), cellValue(sheet, 0, 2), cellValue(sheet, 0, 3)]).toEqual([
      "Actual",
      null,
      "Forecast",
    ]);
  });

  it("should keep sheet order and visibility, hidden and very hidden", () => {
    const { sheets } = read.get("hidden-sheets.xlsx")!.workbook!;
    expect(sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Cover", "visible"],
      ["Lists", "hidden"],
      ["Macro data", "veryHidden"],
      ["Financial summary", "visible"],
    ]);
  });

  it("should keep a formula saved without a result and work out its value as Excel would", () => {
    const sheet = sheetOf("uncached-formulas.xlsx", "Financial summary");
    expect([
      cellFormula(sheet, 0, 2),
      cellValue(sheet, 0, 2),
      cellFormula(sheet, 1, 2),
      cellValue(sheet, 1, 2),
    ]).toEqual(["=A1+B1", 3, "=SUM(A2:B2)", 7]);
  });
});

describe("readXlsxFile on parts in other encodings", () => {
  it.each([["strings-utf16.xlsx"], ["strings-latin1-declared.xlsx"]])(
    "should read %s as the same text as UTF-8",
    (name) => {
      const sheet = sheetOf(name, "Financial summary");
      expect(sheet.values).toEqual([["Cumulative deficit", 34.509, "£m"]]);
      expect(cellNumberFormat(sheet, 0, 1)).toBe("#,##0.000");
    }
  );
});

describe("readXlsxBuffer on an unexpected failure", () => {
  it("should give a sentence about the file, never the JavaScript message", async () => {
    const saved = await writeXlsxBuffer({ sheets: [sheetFromRows("Cover", [["Units", "£m"]])] });
    const broken: PartCodec = {
      inflate: () => {
        throw new TypeError("Cannot set properties of undefined (setting '0')");
      },
      crc32: () => 0,
    };
    const read = readXlsxBuffer(saved, { codec: broken });
    await expect(read).rejects.toThrow(WorkbookReadError);
    await expect(read).rejects.toThrow(
      /^The part .+ could not be read: it is laid out in a way this checker does not understand\. Open it in Excel, save it again and retry\./
    );
    await expect(read).rejects.not.toThrow(/Cannot set properties/);
  });
});
