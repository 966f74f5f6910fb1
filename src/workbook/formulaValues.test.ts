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

  it.each([
    ['=SUMIF(A1:A4,"INMSS",B1:B4)', 30],
    ['=SUMIFS(B:B,A:A,"inmss",C:C,2025)', 10],
    ['=SUMIFS(B1:B4,A1:A4,"<>INMSS")', 60],
    ['=SUMIF(B1:B4,">15")', 80],
    ['=COUNTIF(A1:A4,"IN*")', 2],
    ['=COUNTIFS(A1:A4,"?P",C1:C4,">=2025")', 1],
    ['=VLOOKUP("AP",A1:C4,2,FALSE)', 40],
    ['=VLOOKUP("XX",A1:C4,2,FALSE)', { error: "#N/A" }],
    ['=INDEX(B1:B4,MATCH("AP",A1:A4,0))', 40],
    ["=INDEX(A1:C4,2,3)", 2026],
    ['=HLOOKUP("INMSS",A1:C2,2,FALSE)', "SEN"],
    ["=SUMPRODUCT(B1:B4,C1:C4)", 10 * 2025 + 20 * 2026 + 40 * 2025 + 20 * 2026],
    ["=INT(-2.5)+MOD(7,3)+TRUNC(2.99)", -3 + 1 + 2],
    ['=N(A1)+VALUE("12")+ISBLANK(D1)', 13],
    ['=YEAR(DATE(2025,3,31))&"-"&MONTH(DATE(2025,3,31))', "2025-3"],
    ["=SUM('S'!B1:'S'!B2)", 30],
    ['=_xlfn.XLOOKUP("ap",A1:A4,B1:B4)', 40],
    ['=XLOOKUP("INMSS",A1:A4,B1:B4,0,0,-1)', 20],
    ['=XLOOKUP("XX",A1:A4,B1:B4,"none")', "none"],
    ['=XLOOKUP("XX",A1:A4,B1:B4)', { error: "#N/A" }],
    ['=_xlfn.IFS(B1>15,"high",B1>5,"mid")', "mid"],
    ["=IFS(B1>15,1)", { error: "#N/A" }],
    ['=_xlfn.SWITCH(A2,"INMSS",1,"sen",2,3)', 2],
    ['=SWITCH(A3,"INMSS",1,"SEN",2,3)', 3],
    ['=SWITCH(A3,"INMSS",1)', { error: "#N/A" }],
    ['=_xlfn.TEXTJOIN(", ",TRUE,A1:A3,E1)', "INMSS, SEN, AP"],
    ['=TEXTJOIN("/",FALSE,A1,E1,B1)', "INMSS//10"],
    ['=PROPER("green - ON track")&CHAR(33)', "Green - On Track!"],
    ["=CHAR(0)", { error: "#VALUE!" }],
    ['=TEXT(DATE(2025,3,31),"mmm-yy")', "Mar-25"],
    [
      '=TEXT(DATE(2024,4,1),"dd/mm/yyyy")&" to "&TEXT(DATE(2025,3,31),"d mmmm yyyy")',
      "01/04/2024 to 31 March 2025",
    ],
    ['=TEXT(C1,"0000")&"-"&TEXT(MOD(C1+1,100),"00")', "2025-26"],
    ["=_xlfn.LET(x,B1*2,y,x+C1,y-x)", 2025],
    ["=LET(total,SUM(B1:B4),total/4)", 22.5],
    ['=_xlfn.XLOOKUP("O",{"S","A","O","R"},{"Blue","Green","Amber","Red"},"?")', "Amber"],
    ["=SUM({1,2;3,-4})+INDEX({10;20;30},2)", 22],
  ])("should work out %s over a table of placements", (formula, expected) => {
    // A1:C4 placements, costs and years; the formula in D6, outside the columns it reads.
    const rows: (CellValue | string)[][] = [
      ["INMSS", 10, 2025],
      ["SEN", 20, 2026],
      ["AP", 40, 2025],
      ["INMSS", 20, 2026],
      [],
      [null, null, null, formula],
    ];
    expect(valuesOf({ sheets: [sheet("S", rows)] })[5][3]).toEqual(expected);
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

  it("should read the workbook's defined names", () => {
    const book = {
      sheets: [
        sheet("S", [
          [5, 7],
          ["=Deficit*2", "=SUM(Costs)"],
        ]),
      ],
    };
    const names = new Map([
      ["deficit", "S!$A$1"],
      ["costs", "'S'!$A$1:$B$1"],
    ]);
    expect(withFormulaValues(book, names).sheets[0].values[1]).toEqual([10, 12]);
  });

  it("should give up on a formula nested deeper or longer than Excel allows", () => {
    const deep = `=${"(".repeat(100)}1${")".repeat(100)}`;
    const long = `=${Array(5000).fill("1").join("+")}`;
    expect(valuesOf({ sheets: [sheet("S", [[deep, long, "=(((1)))"]])] })[0]).toEqual([
      null,
      null,
      1,
    ]);
  });

  it("should stop working out formulas once they have read more cells than a workbook needs", () => {
    // 5,000 figures, each beside a SUM of the whole column: 25 million cells read in all.
    const rows = Array.from({ length: 5_000 }, (): (CellValue | string)[] => [1, "=SUM(A:A)"]);
    const values = valuesOf({ sheets: [sheet("S", rows)] });
    expect(values[0][1]).toBe(5_000);
    // Past 20 million cells read, the rest keep no value rather than take minutes.
    expect(values[4_999][1]).toBeNull();
  });

  it.each([
    '=TEXT(DATE(2025,3,31),"hh:mm")',
    '=TEXT(5,"#,##0")',
    "=CHAR(130)",
    '=XLOOKUP("AP",A1:A4,B1:C4)',
    '=XLOOKUP("A*",A1:A4,B1:B4,0,2)',
    "=LET(B1)",
    "=SUM({1,2;3})",
    "=SUM({A1,2})",
    "=UNKNOWNFN(A1)",
  ])("should leave %s without a value, as it cannot be worked out here", (formula) => {
    const rows = [["INMSS", 10, 2025], ["AP", 40, 2025], [], [], [null, null, null, formula]];
    expect(valuesOf({ sheets: [sheet("S", rows)] })[4][3]).toBeNull();
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
