import { withFormulaValues } from "../../src/workbook/formulaValues";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer, readXlsxFile } from "../../src/workbook/xlsxReader";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { moveFormula } from "../../src/workbook/sheetCells";
import {
  cellFormula,
  cellNumberFormat,
  cellValue,
  findSheet,
  type Sheet,
  WorkbookReadError,
} from "../../src/workbook/workbook";
import { buildExamples, managementPlan } from "../../examples/examples";
import { rawXlsx } from "../hostile/rawXlsx";

const EXAMPLES = join(__dirname, "..", "..", "examples");

/** Writes a one-sheet workbook with exceljs (as other tools would) and reads it back. */
async function readBack(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Sheet> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("Sheet1"));
  const workbook = await readXlsxBuffer(Buffer.from(await book.xlsx.writeBuffer()));
  return workbook.sheets[0];
}

describe("readXlsxBuffer", () => {
  it.each(buildExamples().map((e) => [e.name, e.workbook] as const))(
    "should read back %s exactly as it was written",
    async (_, workbook) => {
      // Formulas saved without a value (as in a file no Excel has opened) are worked out on reading.
      expect(await readXlsxBuffer(await writeXlsxBuffer(workbook))).toEqual(
        withFormulaValues(workbook)
      );
    }
  );

  it.each(buildExamples().map((e) => [e.name] as const))(
    "should read the committed %s.xlsx into its committed snapshot",
    async (name) => {
      const snapshot = JSON.parse(
        await readFile(join(EXAMPLES, "snapshots", `${name}.json`), "utf8")
      );
      expect(await readXlsxFile(join(EXAMPLES, `${name}.xlsx`))).toEqual(snapshot);
    }
  );

  it("should write the same workbook to the same bytes", async () => {
    const [first, second] = await Promise.all([
      writeXlsxBuffer(managementPlan()),
      writeXlsxBuffer(managementPlan()),
    ]);
    expect(first.equals(second)).toBe(true);
  });

  it("should give formulas, cached values and number formats of the sample plan", async () => {
    const workbook = await readXlsxBuffer(await writeXlsxBuffer(managementPlan()));
    const sheet = findSheet(workbook, "Financial summary")!;
    // J54: the 2028-29 carried-forward cell (Wiltshire's published £34.509m).
    expect([
      cellFormula(sheet, 53, 9),
      cellValue(sheet, 53, 9),
      cellNumberFormat(sheet, 53, 9),
    ]).toEqual(["=SUM(J49:J53)", 34.5094, "#,##0.000"]);
    expect(findSheet(workbook, "Lookups")!.visibility).toBe("hidden");
    expect(findSheet(workbook, "Cover")!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
    ]);
  });

  it("should resolve shared formulas to each cell's own references", async () => {
    const sheet = await readBack((ws) => {
      ws.getRow(1).values = [1, 2, 3];
      ws.getRow(2).values = [4, 5, 6];
      ws.fillFormula("A3:C3", "SUM(A1:A2)", [5, 7, 9]);
    });
    expect(sheet.formulas[2]).toEqual(["=SUM(A1:A2)", "=SUM(B1:B2)", "=SUM(C1:C2)"]);
    expect(sheet.values[2]).toEqual([5, 7, 9]);
  });

  it("should give an array formula's text in its top-left cell", async () => {
    const sheet = await readBack((ws) => {
      ws.getRow(1).values = [1, 2];
      ws.getCell("A2").value = {
        formula: "SUM(A1:B1*2)",
        result: 6,
        shareType: "array",
        ref: "A2",
      } as ExcelJS.CellValue;
    });
    expect([sheet.formulas[1][0], sheet.values[1][0]]).toEqual(["=SUM(A1:B1*2)", 6]);
  });

  it("should flatten rich text, keep booleans and give dates as Excel serial numbers", async () => {
    const sheet = await readBack((ws) => {
      ws.getCell("A1").value = {
        richText: [{ text: "Cumulative " }, { font: { bold: true }, text: "deficit" }],
      };
      ws.getCell("B1").value = true;
      ws.getCell("C1").value = new Date(Date.UTC(2024, 2, 31));
      ws.getCell("C1").numFmt = "dd/mm/yyyy";
      ws.getCell("D1").value = "Fish & chips <£5>";
    });
    expect(sheet.values[0]).toEqual(["Cumulative deficit", true, 45382, "Fish & chips <£5>"]);
    expect(sheet.numberFormats[0][2]).toBe("dd/mm/yyyy");
  });

  it("should give the used range offsets when the data does not start at A1", async () => {
    const sheet = await readBack((ws) => {
      ws.getCell("C5").value = "Units";
      ws.getCell("D6").value = 1.5;
    });
    expect([sheet.top, sheet.left, sheet.values]).toEqual([
      4,
      2,
      [
        ["Units", null],
        [null, 1.5],
      ],
    ]);
  });

  const STYLES =
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.000"/></numFmts>' +
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';
  const readRows = async (rows: string) =>
    (
      await readXlsxBuffer(
        rawXlsx({
          sheets: [
            {
              name: "Records",
              xml: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`,
            },
          ],
          styles: STYLES,
        })
      )
    ).sheets[0];

  it("should keep one row of formats for rows formatted alike, frozen, and the others their own", async () => {
    const record = (r: number) =>
      `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" s="1"/><c r="C${r}" s="1"><v>${r}.5</v></c></row>`;
    const sheet = await readRows(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Id</t></is></c></row>${record(2)}${record(3)}${record(4)}` +
        `<row r="5"><c r="A5" s="1"><v>1</v></c></row>${record(6)}`
    );
    const alike = ["General", "#,##0.000", "#,##0.000"];
    expect(sheet.numberFormats).toEqual([
      ["General", "General", "General"],
      alike,
      alike,
      alike,
      ["#,##0.000", "General", "General"],
      alike,
    ]);
    expect(sheet.numberFormats[2]).toBe(sheet.numberFormats[1]);
    expect(sheet.numberFormats[3]).toBe(sheet.numberFormats[1]);
    expect(sheet.numberFormats[5]).not.toBe(sheet.numberFormats[1]);
    expect(() => (sheet.numberFormats[2][0] = "0.0%")).toThrow(TypeError);
    expect(sheet.values.map((row) => row[2])).toEqual([null, 2.5, 3.5, 4.5, null, 6.5]);
  });

  it("should read the formats of rows written out of order", async () => {
    const sheet = await readRows(
      `<row r="3"><c r="A3" s="1"><v>3</v></c><c r="B3"><v>1</v></c></row>` +
        `<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/></row>` +
        `<row r="2"><c r="B2" s="1"><v>2</v></c></row>`
    );
    expect([sheet.values, sheet.numberFormats]).toEqual([
      [
        [1, null],
        [null, 2],
        [3, 1],
      ],
      [
        ["General", "#,##0.000"],
        ["General", "#,##0.000"],
        ["#,##0.000", "General"],
      ],
    ]);
  });

  it("should throw a WorkbookReadError naming the file when it does not exist", async () => {
    await expect(readXlsxFile(join(EXAMPLES, "no-such-plan.xlsx"))).rejects.toThrow(
      new WorkbookReadError("no-such-plan.xlsx: no such file.")
    );
  });
});

describe("moveFormula", () => {
  it.each([
    ["SUM(C5:C9)", 0, 1, "SUM(D5:D9)"],
    ["C10-(C7+C8)", 2, 0, "C12-(C9+C10)"],
    ["$C$5+C$5+$C5", 1, 1, "$C$5+D$5+$C6"],
    ['IF(A1="B2",LOG10(A1),0)', 1, 0, 'IF(A2="B2",LOG10(A2),0)'],
    ["'Financial summary'!B2*2", 0, 1, "'Financial summary'!C2*2"],
    ["A1", -1, 0, "#REF!"],
  ])("should move %s by (%i, %i) to %s", (formula, rows, cols, moved) => {
    expect(moveFormula(formula, rows, cols)).toBe(moved);
  });
});
