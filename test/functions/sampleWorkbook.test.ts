/**
 * The functions sample workbook: its inputs are the fixture's, every cached answer is what the formula
 * recalculates to in a spreadsheet engine, and the committed .xlsx is what the builder writes today.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionsSampleXlsx } from "../../examples/buildFunctionsSample";
import { functionsSample, WILTSHIRE_FORECAST } from "../../src/functions/sampleWorkbook";
import fixture from "../fixtures/wiltshire-2024-08-forecast.json";
import { DsgPlugin, dsgTranslations } from "./dsgPlugin";

const { workbook, arrays } = functionsSample();
const sheet = workbook.sheets[0];

describe("functionsSample", () => {
  it("should use the Wiltshire fixture's years and rows", () => {
    expect(WILTSHIRE_FORECAST.years).toEqual(fixture.years);
    expect(WILTSHIRE_FORECAST.rows.map(([, values]) => values)).toEqual(
      Object.values(fixture.rows)
    );
  });

  it("should use every DSG function", () => {
    const used = arrays.map((a) => /^=DSG\.([A-Z]+)\(/.exec(a.formula)?.[1]);
    expect(new Set(used)).toEqual(
      new Set([
        "CUMULATIVE",
        "RESIDUAL",
        "ELIGIBLE",
        "HNSG",
        "EXPOSURE",
        "CARRYCOST",
        "ROLLGAP",
        "BALANCEYEAR",
        "UPLIFT",
        "COST",
        "AYTOFY",
        "FY",
        "TRAJECTORY",
      ])
    );
  });

  describe("recalculated in a spreadsheet engine", () => {
    let hf: HyperFormula;

    beforeAll(() => {
      HyperFormula.registerFunctionPlugin(DsgPlugin, dsgTranslations);
      const contents = sheet.values.map((row, r) =>
        row.map(
          (value, c) =>
            sheet.formulas[r][c] ?? (arrays.some((a) => inside(a.range, r, c)) ? null : value)
        )
      );
      hf = HyperFormula.buildFromArray(contents as never, {
        licenseKey: "gpl-v3",
        leapYear1900: true,
        nullDate: { year: 1899, month: 12, day: 31 },
        smartRounding: false,
      });
    });

    afterAll(() => {
      hf.destroy();
      HyperFormula.unregisterFunctionPlugin(DsgPlugin);
    });

    it.each(arrays.map((a) => [a.formula, a] as const))(
      "should cache what %s recalculates to",
      (_, array) => {
        const { top, left, bottom, right } = array.range;
        for (let r = top; r <= bottom; r++) {
          for (let c = left; c <= right; c++)
            expect(hf.getCellValue({ sheet: 0, row: r, col: c })).toEqual(sheet.values[r][c]);
        }
      }
    );
  });
});

function inside(
  range: { top: number; left: number; bottom: number; right: number },
  row: number,
  col: number
): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

describe("examples/dsg-functions-sample.xlsx", () => {
  it("should be exactly what the builder writes (run npx tsx examples/buildFunctionsSample.ts after changes)", async () => {
    const built = await functionsSampleXlsx();
    expect(built.equals(await functionsSampleXlsx())).toBe(true);
    expect(built.equals(readFileSync("examples/dsg-functions-sample.xlsx"))).toBe(true);
  });

  it("should hold the formulas with their cached answers, spills as array formulas", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync("examples/dsg-functions-sample.xlsx") as never);
    const ws = book.getWorksheet("DSG functions")!;
    expect(ws.getCell("B12").value).toMatchObject({
      formula: "DSG.CUMULATIVE(B5,B6:G6,B7:G7,B8:G8)",
      result: 28.706,
      shareType: "array",
      ref: "B12:G12",
    });
    expect(ws.getCell("G12").value).toBe(34.509);
    expect(ws.getCell("B15").value).toEqual({
      formula: "DSG.BALANCEYEAR(B4:G4,B6:G6)",
      result: "2028-29",
    });
    expect(ws.getCell("B17").value).toMatchObject({
      formula: "DSG.RESIDUAL(0,137.2,67)",
      result: 70.2,
    });
  });
});
