/**
 * The plain Excel formulas Prepare for submission writes in place of DSG functions, evaluated in a real
 * spreadsheet engine (HyperFormula, without the add-in) and compared with what the add-in shows: on the
 * functions sample, and over random inputs for every function that has a plain equivalent.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nativeFormulas } from "../../src/functions/nativeFormulas";
import { functionsSample } from "../../src/functions/sampleWorkbook";
import { a1 } from "../../src/workbook/address";
import { DsgPlugin, dsgTranslations, EXCEL_LIKE, spillPlace } from "./dsgPlugin";

beforeAll(() => {
  HyperFormula.registerFunctionPlugin(DsgPlugin, dsgTranslations);
});
afterAll(() => {
  HyperFormula.unregisterFunctionPlugin(DsgPlugin);
});

/** Equal to Excel's 15 significant digits: the add-in is exact, the plain formulas work in doubles. */
function sameFigure(actual: unknown, expected: unknown): boolean {
  if (typeof actual !== "number" || typeof expected !== "number") return actual === expected;
  return Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected));
}

const place = (row: number, col: number, rows = 1, cols = 1) => ({ row, col, rows, cols });

describe("nativeFormulas", () => {
  it.each([
    [
      "a carried-forward row, each year from the one before",
      "=DSG.CUMULATIVE(B5,C6:E6,C7:E7,$C$8:$E$8)",
      place(9, 2, 1, 3),
      [["=B5+C6-ABS(C7)-ABS($C$8)", "=C10+D6-ABS(D7)-ABS($D$8)", "=D10+E6-ABS(E7)-ABS($E$8)"]],
    ],
    [
      "a column on another sheet, with adjustments and no contributions",
      "=DSG.CUMULATIVE('Inputs 2026'!B2,'Inputs 2026'!C2:C3,0,,D2:D3)",
      place(0, 0, 2, 1),
      [["='Inputs 2026'!B2+'Inputs 2026'!C2-ABS(0)+D2"], ["=A1+'Inputs 2026'!C3-ABS(0)+D3"]],
    ],
    [
      "the Excel file's own spelling of an add-in function",
      "=_xldudf_DSG_HNSG(D12,0.85,B3)",
      place(0, 0),
      [["=0.85*(D12-B3)"]],
    ],
    [
      "each gap against the reported balance before it",
      "=DSG.ROLLGAP(B5,B6:C6,B7:C7,0,B9:C9)",
      place(13, 1, 1, 2),
      [["=B9-(B5+B6-ABS(B7)-ABS(0))", "=C9-(B9+C6-ABS(C7)-ABS(0))"]],
    ],
    [
      "the instalments counted by their status",
      "=DSG.RESIDUAL(B5,B6:G6,B7:G7,,B10:G10)",
      place(15, 1),
      [
        [
          '=B5+SUM(B6:G6)-SUMPRODUCT(ABS(B7:G7)*((TRIM(B10:G10)="received")+(TRIM(B10:G10)="expected")))',
        ],
      ],
    ],
    [
      "the financial year of a date",
      "=DSG.FY(A1)",
      place(0, 1),
      [['=YEAR(A1)-(MONTH(A1)<4)&"-"&RIGHT(YEAR(A1)-(MONTH(A1)<4)+1,2)']],
    ],
    [
      "unit costs inflated from the second year",
      "=DSG.COST(D27:E28,H27:H28,H30)",
      place(29, 3, 1, 2),
      [["=D27*H27+D28*H28", "=(E27*H27+E28*H28)*(1+H30)"]],
    ],
    [
      "academic years to financial years, months given in a cell",
      "=DSG.AYTOFY(B23:D23,$A$1)",
      place(23, 2, 1, 2),
      [["=(B23*(12-$A$1)+C23*$A$1)/12", "=(C23*(12-$A$1)+D23*$A$1)/12"]],
    ],
  ])("should write %s", (_, formula, at, expected) => {
    expect(nativeFormulas(formula, at)).toEqual(expected);
  });

  it.each([
    ["a call inside another function", "=INDEX(DSG.CUMULATIVE(B5,B6:G6),2)", place(0, 0)],
    ["a call in arithmetic", "=DSG.HNSG(B5)*2", place(0, 0)],
    ["an expression as an argument", "=DSG.HNSG(B5-B6)", place(0, 0)],
    ["a named range", "=DSG.HNSG(Deficit2026)", place(0, 0)],
    ["a function with no plain equivalent", "=DSG.BALANCEYEAR(B4:G4,B6:G6)", place(0, 0)],
    ["a spill that does not match its series", "=DSG.CUMULATIVE(B5,B6:G6)", place(0, 0, 1, 4)],
    ["a series of the wrong length", "=DSG.CUMULATIVE(B5,B6:D6,B7:C7)", place(0, 0, 1, 3)],
    ["a rectangle where a series belongs", "=DSG.CUMULATIVE(B5,B6:D7)", place(0, 0, 1, 3)],
    ["a reference past Excel's last row", "=DSG.HNSG(A1048577)", place(0, 0)],
    ["another add-in's function", "=XYZ.HNSG(B5)", place(0, 0)],
  ])("should leave %s to be written as a value", (_, formula, at) => {
    expect(nativeFormulas(formula, at)).toBeNull();
  });
});

/** The value of every cell of a HyperFormula sheet, as rows. */
function valuesOf(hf: HyperFormula, sheet: number): unknown[][] {
  return hf
    .getSheetValues(sheet)
    .map((row) => row.map((v) => (v instanceof DetailedCellError ? { error: v.value } : v)));
}

describe("nativeFormulas on the functions sample", () => {
  it("should give every converted cell the value the add-in shows, without the add-in", () => {
    const { workbook, arrays } = functionsSample();
    const sheet = workbook.sheets[0];
    // The sample's inputs as constants, and its DSG cells as plain formulas where there is one.
    const content: unknown[][] = sheet.values.map((row, r) =>
      row.map((value, c) => sheet.formulas[r][c] ?? value)
    );
    const converted: string[] = [];
    for (const { range, formula } of arrays) {
      const native = nativeFormulas(formula, spillPlace(range));
      const area = native ?? [[content[range.top][range.left]]];
      if (native !== null) converted.push(formula.replace(/\(.*/, ""));
      area.forEach((cells, r) =>
        cells.forEach((f, c) => (content[range.top + r][range.left + c] = f))
      );
    }
    // Every cell the add-in filled that was not converted keeps its value.
    const hf = HyperFormula.buildFromArray(
      content.map((row) => row.map((v) => (v === null ? null : (v as string | number)))),
      EXCEL_LIKE
    );
    const computed = valuesOf(hf, 0);
    hf.destroy();
    for (const { range } of arrays)
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++)
          expect(
            sameFigure(computed[r][c], sheet.values[r][c]),
            `${a1(r, c)}: ${String(computed[r][c])} where the add-in shows ${String(sheet.values[r][c])}`
          ).toBe(true);
    expect(converted).toEqual(
      expect.arrayContaining([
        "=DSG.CUMULATIVE",
        "=DSG.ROLLGAP",
        "=DSG.RESIDUAL",
        "=DSG.HNSG",
        "=DSG.UPLIFT",
        "=DSG.AYTOFY",
        "=DSG.COST",
        "=DSG.TRAJECTORY",
        "=DSG.ELIGIBLE",
        "=DSG.EXPOSURE",
        "=DSG.CARRYCOST",
      ])
    );
    expect(converted).not.toContain("=DSG.BALANCEYEAR");
  });
});

/**
 * One random case: the inputs laid out in rows 1–8 (A1 is a scalar, B–… a series), the DSG formula in row 10
 * evaluated by the add-in, and its plain formulas in row 12 evaluated by the engine alone.
 */
function agrees(inputs: (number | string | null)[][], formula: string): void {
  const hf = HyperFormula.buildFromArray(inputs, EXCEL_LIKE);
  const sheet = 0;
  hf.setCellContents({ sheet, row: 9, col: 1 }, formula);
  const shown = valuesOf(hf, sheet)[9] ?? [];
  if (shown.some((v) => typeof v === "object" && v !== null)) {
    hf.destroy();
    return; // The add-in shows an error: such a cell is left as it is, never converted.
  }
  const width = shown.slice(1).findIndex((v) => v === null || v === undefined);
  const cols = width < 0 ? shown.length - 1 : width;
  const native = nativeFormulas(formula, {
    row: 11,
    col: 1,
    rows: 1,
    cols,
  });
  expect(native, formula).not.toBeNull();
  hf.setCellContents({ sheet, row: 11, col: 1 }, native!);
  const plain = valuesOf(hf, sheet)[11];
  hf.destroy();
  for (let c = 1; c <= cols; c++)
    expect(
      sameFigure(plain[c], shown[c]),
      `${formula} year ${c}: ${String(plain[c])} against ${String(shown[c])}`
    ).toBe(true);
}

const money = fc
  .double({ min: -500, max: 500, noNaN: true })
  .map((v) => Math.round(v * 1000) / 1000);
const positive = fc
  .double({ min: 0, max: 500, noNaN: true })
  .map((v) => Math.round(v * 1000) / 1000);
const rate = fc
  .double({ min: -0.2, max: 0.3, noNaN: true })
  .map((v) => Math.round(v * 10000) / 10000);

/** A grid of `width` years with the given rows under a scalar column A. */
const rows = (count: number, row: fc.Arbitrary<number>, width: number) =>
  fc.array(fc.array(row, { minLength: width, maxLength: width }), {
    minLength: count,
    maxLength: count,
  });
const grid = (scalars: number[], series: number[][]) =>
  series.map((values, r) => [scalars[r] ?? null, ...values]);
const end = (width: number) => a1(0, width).replace(/\d+/, "");

describe("nativeFormulas against the add-in over random inputs", () => {
  const width = fc.integer({ min: 1, max: 8 });

  it("should agree for the deficit's roll-forward, gaps and residual", () => {
    fc.assert(
      fc.property(
        width.chain((w) => fc.tuple(fc.constant(w), rows(5, money, w), money)),
        ([w, series, opening]) => {
          const last = end(w);
          const inputs = grid([opening], series);
          agrees(inputs, `=DSG.CUMULATIVE(A1,B1:${last}1,B2:${last}2,B3:${last}3,B4:${last}4)`);
          agrees(inputs, `=DSG.CUMULATIVE(A1,B1:${last}1)`);
          agrees(inputs, `=DSG.ROLLGAP(A1,B1:${last}1,B2:${last}2,B3:${last}3,B5:${last}5)`);
          agrees(inputs, `=DSG.RESIDUAL(A1,B1:${last}1,B2:${last}2,B3:${last}3)`);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("should agree for the carrying cost, uplift, academic years and trajectory", () => {
    fc.assert(
      fc.property(
        width.chain((w) =>
          fc.tuple(
            fc.constant(w),
            rows(1, money, w),
            rows(2, rate, w),
            positive,
            fc.integer({ min: 0, max: 12 })
          )
        ),
        ([w, [closing], [rates, growth], start, months]) => {
          const last = end(w);
          const inputs = grid([start, months], [closing, rates.map(Math.abs), growth]);
          agrees(inputs, `=DSG.CARRYCOST(A1,B1:${last}1,B2:${last}2)`);
          agrees(inputs, `=DSG.UPLIFT(A1,B3:${last}3)`);
          agrees(inputs, `=DSG.TRAJECTORY(A1,${w},B3:${last}3,5,2,1)`);
          if (w > 1) agrees(inputs, `=DSG.AYTOFY(B1:${last}1,A2)`);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("should agree for the cost of placements", () => {
    fc.assert(
      fc.property(
        width.chain((w) => fc.tuple(fc.constant(w), rows(3, fc.nat(400), w), rows(1, rate, w))),
        ([w, counts, [inflation]]) => {
          const last = end(w);
          const inputs = grid([25_000, 60_000, 8_000], [...counts, inflation]);
          agrees(inputs, `=DSG.COST(B1:${last}3,A1:A3,B4:${last}4)`);
          agrees(inputs, `=DSG.COST(B1:${last}3,A1:A3,B4)`);
          agrees(inputs, `=DSG.COST(B1:${last}3,A1:A3)`);
        }
      ),
      { numRuns: 60 }
    );
  });

  it("should agree for the grant, the exposure, the eligible deficit and the financial year", () => {
    fc.assert(
      fc.property(
        positive,
        fc.double({ min: 0, max: 1, noNaN: true }),
        positive,
        rows(1, positive, 4),
        fc.integer({ min: 1, max: 2_958_465 }),
        (deficit, share, part, [figures], serial) => {
          // An ineligible part larger than the deficit is refused by the add-in: keep most cases valid.
          const ineligible = Math.min(part, deficit, ...figures);
          const inputs = grid(
            [deficit, share, ineligible, serial],
            [figures, figures, figures, figures]
          );
          agrees(inputs, "=DSG.HNSG(A1,A2,A3)");
          agrees(inputs, "=DSG.HNSG(A1)");
          agrees(inputs, "=DSG.EXPOSURE(A1,B1:E1,A2,A3)");
          agrees(inputs, "=DSG.ELIGIBLE(B1:E1,A3)");
          agrees(inputs, "=DSG.FY(A4)");
        }
      ),
      { numRuns: 60 }
    );
  });
});
