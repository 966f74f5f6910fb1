import { describe, expect, it } from "vitest";
import { withFormulaValues } from "./formulaValues";
import type { CellValue, Sheet, Workbook } from "./workbook";

/** A sheet from rows where a string starting with "=" is a formula saved without its value. */
function sheet(name: string, rows: (CellValue | string)[][]): Sheet {
  const width = Math.max(...rows.map((r) => r.length));
  const pad = <T>(row: T[], fill: T) => [...row, ...Array<T>(width - row.length).fill(fill)];
  const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
  return {
    name,
    visibility: "visible",
    top: 0,
    left: 0,
    values: rows.map((row) =>
      pad(
        row.map((v) => (isFormula(v) ? null : v)),
        null
      )
    ),
    formulas: rows.map((row) =>
      pad(
        row.map((v) => (isFormula(v) ? v : null)),
        null
      )
    ),
    numberFormats: rows.map(() => Array<string>(width).fill("General")),
    merges: [],
  };
}

const valuesOf = (book: Workbook, i = 0) => withFormulaValues(book).sheets[i].values;

describe("withFormulaValues", () => {
  it("should leave a workbook whose formulas all have values as it is", () => {
    const book = { sheets: [sheet("S", [[1, 2]])] };
    expect(withFormulaValues(book)).toBe(book);
  });

  it.each([
    ["=A1+B1*2", 11],
    ["=SUM(A1:C1)", 9],
    ["=SUM(A1,B1)-C1", 3],
    ["=(A1+B1)/C1", 2],
    ["=-A1^2", 1],
    ["=A1*10%", 0.1],
    ["=ROUND(B1/C1,2)", 1.67],
    ["=ROUNDUP(2.001,1)", 2.1],
    ["=ABS(A1-C1)", 2],
    ["=MIN(A1:C1)", 1],
    ["=MAX(A1:C1)", 5],
    ["=AVERAGE(A1:C1)", 3],
    ['=IF(C1>B1,"up","down")', "down"],
    ['=A1&"-"&B1', "1-5"],
    ["=IFERROR(A1/0,0)", 0],
    ["=A1/0", { error: "#DIV/0!" }],
    ["=D1", 0],
  ])("should work out %s as Excel would", (formula, expected) => {
    // A1 = 1, B1 = 5, C1 = 3, then the formula in A2.
    expect(valuesOf({ sheets: [sheet("S", [[1, 5, 3], [formula]])] })[1][0]).toEqual(expected);
  });

  it("should follow a chain of formulas, across sheets, and read a carried-forward row", () => {
    const summary = sheet("Financial summary", [
      ["Brought forward", 10, "=B4"],
      ["In year", 5, 3],
      ["Payments", -3, -1],
      ["Carried forward", "=SUM(B1:B3)", "=SUM(C1:C3)"],
    ]);
    const other = sheet("Check", [["='Financial summary'!C4*2"]]);
    const book = withFormulaValues({ sheets: [summary, other] });
    expect(book.sheets[0].values.map((row) => row.slice(1))).toEqual([
      [10, 12],
      [5, 3],
      [-3, -1],
      [12, 14],
    ]);
    expect(book.sheets[1].values[0][0]).toBe(28);
  });

  it("should leave without a value what it cannot work out, and what reads it", () => {
    const values = valuesOf({
      sheets: [
        sheet("S", [
          ["=VLOOKUP(1,B1:C1,2,FALSE)", "=A1+1", "=C1+1", "=SUM(Total)", "=E1"],
          ["=A2+1", "=A2"],
        ]),
      ],
    });
    // An unknown function, what reads it, a circular reference, a defined name, and a reference to it.
    expect(values[0]).toEqual([null, null, null, null, null]);
    expect(values[1].slice(0, 2)).toEqual([null, null]);
  });
});
