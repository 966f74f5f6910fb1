/**
 * DSG formulas in a real spreadsheet engine (HyperFormula, through the same adapters Excel calls):
 * recalculation from sheet cells, nesting inside Excel functions, where spills land, and errors.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DsgPlugin, dsgTranslations, EXCEL_LIKE, excelCode } from "./dsgPlugin";
import { closeTo, wiltshire } from "./wiltshire";

// The Wiltshire forecast as the Schools Forum report lays it out: years across, one row per line.
const WILTSHIRE_ROWS = [
  ["£m", ...wiltshire.years],
  ["Brought forward", ...wiltshire.broughtForward],
  ["In year", ...wiltshire.inYear],
  ["Safety Valve", ...wiltshire.safetyValve],
  ["General fund", ...wiltshire.generalFund],
  ["Carried forward", ...wiltshire.carriedForward],
];

let hf: HyperFormula;
let sheet: number;

beforeAll(() => {
  HyperFormula.registerFunctionPlugin(DsgPlugin, dsgTranslations);
  hf = HyperFormula.buildEmpty(EXCEL_LIKE);
  sheet = hf.getSheetId(hf.addSheet("Forecast"))!;
  hf.setSheetContent(sheet, WILTSHIRE_ROWS);
});

afterAll(() => {
  hf.destroy();
  HyperFormula.unregisterFunctionPlugin(DsgPlugin);
});

/** Puts a formula in a cell (A1 address on the Forecast sheet) and returns the cell's value. */
function enter(address: string, formula: string) {
  const cell = hf.simpleCellAddressFromString(address, sheet)!;
  hf.setCellContents(cell, formula);
  return hf.getCellValue(cell);
}
const valueAt = (address: string) =>
  hf.getCellValue(hf.simpleCellAddressFromString(address, sheet)!);
const shown = (value: unknown) =>
  value instanceof DetailedCellError
    ? `${excelCode(value.type as never) ?? value.type} ${value.message}`.trim()
    : value;

describe("DSG functions on the Wiltshire sheet", () => {
  it("should spill DSG.CUMULATIVE across the row under the years", () => {
    enter("B8", "=DSG.CUMULATIVE(B2, B3:G3, B4:G4, B5:G5)");
    const spilled = ["B8", "C8", "D8", "E8", "F8", "G8"].map(valueAt) as number[];
    spilled.forEach((value, i) => expect(closeTo(value, wiltshire.recomputed[i])).toBe(true));
    expect(valueAt("H8")).toBeNull();
    expect(valueAt("B9")).toBeNull();
  });

  it.each([
    [
      "the gaps of the published row",
      "=DSG.ROLLGAP(B2, B3:G3, B4:G4, B5:G5, B6:G6)",
      [0, 0.001, 0, 0, 0, -0.001],
    ],
    [
      "the gross deficit",
      "=DSG.CUMULATIVE(B2, B3:G3)",
      [55.506, 94.683, 135.963, 164.542, 171.97, 171.776],
    ],
  ])("should spill %s", (_, formula, expected) => {
    enter("B10", formula);
    const spilled = ["B10", "C10", "D10", "E10", "F10", "G10"].map(valueAt) as number[];
    spilled.forEach((value, i) => expect(closeTo(value, expected[i])).toBe(true));
  });

  it.each([
    ["the balance year", "=DSG.BALANCEYEAR(B1:G1, B3:G3)", "2028-29"],
    ["the residual after contributions", "=DSG.RESIDUAL(B2, B3:G3, B4:G4, B5:G5)", 34.509],
    ["the original plan's council share", "=DSG.RESIDUAL(0, 137.2, 67)", 70.2],
    [
      "a total of the carried-forward row",
      "=ROUND(SUM(DSG.CUMULATIVE(B2, B3:G3, B4:G4, B5:G5)), 3)",
      400.838,
    ],
    [
      "the last carried-forward value",
      "=INDEX(DSG.CUMULATIVE(B2, B3:G3, B4:G4, B5:G5), 1, 6)",
      34.509,
    ],
    [
      "the write-off of the last balance",
      "=ROUND(DSG.HNSG(INDEX(DSG.CUMULATIVE(B2, B3:G3, B4:G4, B5:G5), 1, 6)), 4)",
      31.0581,
    ],
    // Wiltshire's deficit at 31 March 2026 is D6, £77.319m (Schools Forum report autumn 2024, para 16).
    ["the eligible deficit from the 2025-26 carry forward", "=DSG.ELIGIBLE(D6)", 77.319],
    [
      "the grant on the lower of the published and recomputed carry forward (fixture fact 1)",
      "=DSG.HNSG(DSG.ELIGIBLE({77.319;77.318}))",
      69.5862,
    ],
    [
      "the eligible deficit less an ineligible part",
      "=DSG.ELIGIBLE({80,77.318,79.5}, 2.5)",
      74.818,
    ],
    [
      "the exposure on the net in-year deficits of 2026-27 and 2027-28",
      "=DSG.EXPOSURE(D6, {21.879,0.728})",
      30.3389,
    ],
    ["the exposure as the 31 March 2028 deficit less the grant", "=F6-DSG.HNSG(D6)", 30.3389],
    [
      "the exposure on the in-year deficits before Safety Valve instalments",
      "=DSG.EXPOSURE(D6, E3:F3)",
      43.7389,
    ],
    ["the exposure with no grant at all", "=DSG.EXPOSURE(D6, E3:F3, 0)", 113.326],
    [
      "the total carrying cost at 5% on the published row",
      "=ROUND(SUM(DSG.CARRYCOST(B2, B6:G6, 5%)), 6)",
      20.059725,
    ],
    ["BCP's carrying cost, £63m to £91m at 5%", "=DSG.CARRYCOST(63, 91, 0.05)", 3.85],
    ["the financial year of a date", "=DSG.FY(DATE(2026, 11, 23))", "2026-27"],
    ["the financial year of 31 March", "=DSG.FY(DATE(2026, 3, 31))", "2025-26"],
    [
      "a year label in a sentence",
      '="Balanced from "&DSG.BALANCEYEAR(B1:G1, B3:G3)',
      "Balanced from 2028-29",
    ],
  ])("should compute %s", (_, formula, expected) => {
    const value = enter("J2", formula);
    if (typeof expected === "number") expect(closeTo(value as number, expected, 6)).toBe(true);
    else expect(value).toBe(expected);
  });

  it("should recalculate when an input cell changes", () => {
    enter("B12", "=DSG.RESIDUAL(B2, B3:G3, B4:G4, B5:G5)");
    hf.setCellContents(hf.simpleCellAddressFromString("G5", sheet)!, -61.822);
    expect(closeTo(valueAt("B12") as number, 24.509)).toBe(true);
    hf.setCellContents(hf.simpleCellAddressFromString("G5", sheet)!, wiltshire.generalFund[5]);
    expect(closeTo(valueAt("B12") as number, 34.509)).toBe(true);
  });
});

describe("DSG spills", () => {
  it.each([
    [
      "down a column from a column of in-year figures",
      "=DSG.CUMULATIVE(0, {1;2;3})",
      ["L2", "L3", "L4"],
      [1, 3, 6],
    ],
    [
      "across a row from a row of in-year figures",
      "=DSG.CUMULATIVE(0, {1,2,3})",
      ["L2", "M2", "N2"],
      [1, 3, 6],
    ],
    ["across a row for a repeated rate", "=DSG.UPLIFT(100, 0.1, 2)", ["L2", "M2"], [110, 121]],
    ["down a column of rates", "=DSG.UPLIFT(100, {0.1;0.1})", ["L2", "L3"], [110, 121]],
    [
      "across a row for a trajectory of scalars",
      "=DSG.TRAJECTORY(1576, 3, , 34, 10)",
      ["L2", "M2", "N2"],
      [1600, 1624, 1648],
    ],
    [
      "down a column when a flow is a column",
      "=DSG.TRAJECTORY(10, 2, 0, {1;2})",
      ["L2", "L3"],
      [11, 13],
    ],
    [
      "one carrying cost per year down a column of closing balances",
      "=DSG.CARRYCOST(63, {91;99}, 0.05)",
      ["L2", "L3"],
      [3.85, 4.75],
    ],
    [
      "one carrying cost per year across a row, a rate per year",
      "=DSG.CARRYCOST(63, {91,99}, {0.05,0.04})",
      ["L2", "M2"],
      [3.85, 3.8],
    ],
    ["one fewer value from AYTOFY", "=DSG.AYTOFY({12,24,36})", ["L2", "M2"], [19, 31]],
    [
      "one total per year from COST",
      "=DSG.COST({10,11;5,6}, {1000;2000}, 0.1)",
      ["L2", "M2"],
      [20000, 25300],
    ],
  ])("should spill %s", (_, formula, addresses, expected) => {
    hf.setCellContents(hf.simpleCellAddressFromString("L2", sheet)!, formula);
    expect(addresses.map(valueAt)).toEqual(expected);
    const next = hf.simpleCellAddressFromString(
      addresses.length > 1 && addresses[1].startsWith("L") ? "M2" : "L3",
      sheet
    )!;
    expect(hf.getCellValue(next)).toBeNull();
    hf.setCellContents(hf.simpleCellAddressFromString("L2", sheet)!, null);
  });
});

describe("DSG errors in the sheet", () => {
  it.each([
    [
      "text among the in-year figures",
      '=DSG.CUMULATIVE(0, {1,"n/a",3})',
      "#VALUE! in_year: value 2 is text ('n/a')",
    ],
    [
      "payments of another length",
      "=DSG.CUMULATIVE(B2, B3:G3, B4:F4)",
      "#VALUE! payments has 5 values but in_year has 6",
    ],
    [
      "a balance never reached",
      "=DSG.BALANCEYEAR(B1:G1, B2:G2)",
      "#N/A in-year balance is never reached in 2023-24..2028-29",
    ],
    ["an error in an argument, passed on as Excel does", "=DSG.CUMULATIVE(0, 1/0)", "#DIV/0!"],
    [
      "a share over 100%",
      "=DSG.HNSG(100, 90)",
      "#VALUE! share is 90; it must be between 0 and 1 (0.9 is 90%)",
    ],
    [
      "a source figure left blank",
      "=DSG.ELIGIBLE(H20:H21)",
      "#VALUE! figures: value 1 is blank: give the deficit that source shows, or leave the source out of the range",
    ],
    [
      "a source figure shown as a negative",
      "=DSG.ELIGIBLE({77.319;-77.318})",
      "#VALUE! figures: value 2 is -77.318; give each source's deficit as a positive figure (a surplus has nothing to write off)",
    ],
    [
      "more ineligible than the lowest figure",
      "=DSG.ELIGIBLE(B6:G6, 30)",
      "#VALUE! ineligible is 30; it must be between 0 and the lowest figure (28.706)",
    ],
    [
      "an exposure on a surplus",
      "=DSG.EXPOSURE(-1, E3:F3)",
      "#VALUE! deficit is -1, a surplus: the High Needs Stability Grant only writes off a deficit",
    ],
    [
      "a carrying-cost rate typed as a percentage number",
      "=DSG.CARRYCOST(63, 91, 5)",
      "#VALUE! rate is 5; give the rate as a fraction (0.05 is 5%)",
    ],
  ])("should show %s", (_, formula, expected) => {
    expect(shown(enter("J4", formula))).toBe(expected);
  });

  it("should spill DSG.CARRYCOST under the carry-forward row and fill its area with an error", () => {
    enter("B16", "=DSG.CARRYCOST(B2, B6:G6, 0.05)");
    const spilled = ["B16", "C16", "D16", "E16", "F16", "G16"].map(valueAt) as number[];
    const expected = [1.598, 2.24725, 3.462575, 4.412925, 4.9781, 3.360875];
    spilled.forEach((value, i) => expect(closeTo(value, expected[i], 9)).toBe(true));
    expect(valueAt("H16")).toBeNull();
    enter("B16", "=DSG.CARRYCOST(B2, B6:G6, {0.05,0.04})");
    expect(shown(valueAt("B16"))).toBe(
      "#VALUE! rate has 2 values but closing has 6: give one rate, or one per year"
    );
    enter("B16", "");
  });

  it("should fill the spill area of an array function with its error", () => {
    enter("B14", "=DSG.CUMULATIVE(B2, B3:G3, B4:G4, A5:F5)");
    expect(shown(valueAt("B14"))).toBe("#VALUE! contributions: value 1 is text ('General fund')");
  });
});
