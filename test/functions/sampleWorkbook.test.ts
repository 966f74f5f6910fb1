/**
 * The functions sample workbook: its inputs are the fixture's, every cached answer is what the formula
 * recalculates to in a spreadsheet engine, and the committed .xlsx is what the builder writes today.
 */
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { functionsSampleXlsx } from "../../examples/buildFunctionsSample";
import {
  arrayAddress,
  functionsSample,
  WILTSHIRE_FORECAST,
} from "../../src/functions/sampleWorkbook";
import { a1Range } from "../../src/workbook/address";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { cellFormula, cellValue } from "../../src/workbook/workbook";
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

  it("should hold the formulas with their cached answers, each an array formula over the cells it fills", async () => {
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
    expect(ws.getCell("B15").value).toMatchObject({
      formula: "DSG.BALANCEYEAR(B4:G4,B6:G6)",
      result: "2028-29",
      shareType: "array",
      ref: "B15",
    });
    expect(ws.getCell("B17").value).toMatchObject({
      formula: "DSG.RESIDUAL(0,137.2,67)",
      result: 70.2,
    });
  });
});

describe("examples/dsg-functions-sample.xlsx as Excel 365 saves dynamic arrays", () => {
  let parts: Record<string, string>;

  beforeAll(async () => {
    const zip = await JSZip.loadAsync(readFileSync("examples/dsg-functions-sample.xlsx"));
    parts = Object.fromEntries(
      await Promise.all(
        Object.values(zip.files)
          .filter((entry) => !entry.dir)
          .map(async (entry) => [entry.name, await entry.async("string")])
      )
    );
  });

  it('should mark every formula cell cm="1" with its formula as t="array" over the cells it fills', () => {
    const sheetXml = parts["xl/worksheets/sheet1.xml"];
    const formulaCells = [
      ...sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f([^>]*)>([^<]*)<\/f>/g),
    ];
    expect(formulaCells.map(([, address, cell, f, text]) => ({ address, cell, f, text }))).toEqual(
      arrays.map((array) => ({
        address: a1Range({ ...array.range, bottom: array.range.top, right: array.range.left }),
        cell: expect.stringMatching(/ cm="1"$/),
        f: ` t="array" ref="${arrayAddress(array)}"`,
        text: array.formula.slice(1),
      }))
    );
    // A spill's other cells hold only their cached answers: no formula, no metadata.
    expect(sheetXml.match(/ cm="/g)).toHaveLength(arrays.length);
  });

  it("should write xl/metadata.xml byte for byte as Excel saved it in a workbook with a dynamic array", () => {
    // test/fixtures/excel-dynamic-array/metadata.xml is the part of tests/input/dynamic_array01.xlsx in
    // jmcnamara/rust_xlsxwriter, a workbook saved by Microsoft Excel (its docProps/app.xml says so) with one
    // dynamic array formula, written there as <c r="A1" cm="1"><f t="array" ref="A1">…</f><v>0</v></c>.
    expect(parts["xl/metadata.xml"]).toBe(
      readFileSync("test/fixtures/excel-dynamic-array/metadata.xml", "utf8")
    );
  });

  it('should point cm="1" at the XLDAPR dynamic array properties in xl/metadata.xml', () => {
    const metadata = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(
      parts["xl/metadata.xml"]
    ) as {
      metadata: {
        "xmlns:xda": string;
        metadataTypes: { count: string; metadataType: { name: string } };
        futureMetadata: {
          name: string;
          bk: {
            extLst: { ext: { uri: string; "xda:dynamicArrayProperties": Record<string, string> } };
          };
        };
        cellMetadata: { count: string; bk: { rc: { t: string; v: string } } };
      };
    };
    const { metadata: m } = metadata;
    expect(m["xmlns:xda"]).toBe(
      "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"
    );
    expect(m.metadataTypes.metadataType.name).toBe("XLDAPR");
    expect(m.futureMetadata.name).toBe("XLDAPR");
    expect(m.futureMetadata.bk.extLst.ext).toEqual({
      uri: "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}",
      "xda:dynamicArrayProperties": { fDynamic: "1", fCollapsed: "0" },
    });
    // cm="1" is the first cell-metadata record: type 1 (XLDAPR), its block 0.
    expect(m.cellMetadata).toEqual({ count: "1", bk: { rc: { t: "1", v: "0" } } });
    expect(XMLValidator.validate(parts["xl/metadata.xml"])).toBe(true);
  });

  it("should declare the metadata part in the content types and the workbook's relationships", () => {
    expect(parts["[Content_Types].xml"]).toContain(
      '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>'
    );
    const rels = parts["xl/_rels/workbook.xml.rels"];
    expect(rels).toMatch(
      /<Relationship Id="rId\d+" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata\.xml"\/>/
    );
    const ids = [...rels.matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("should still be read by the checker's own .xlsx reader, formulas and cached answers", async () => {
    const read = await readXlsxFile("examples/dsg-functions-sample.xlsx");
    const [readSheet] = read.sheets;
    for (const array of arrays) {
      const { top, left, bottom, right } = array.range;
      expect(cellFormula(readSheet, top, left)).toBe(array.formula);
      expect(cellValue(readSheet, bottom, right)).toEqual(sheet.values[bottom][right]);
    }
  });
});
