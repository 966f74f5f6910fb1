/**
 * The DSG functions sample: Wiltshire's August 2024 forecast laid out as in the council's report, with
 * every DSG function used on it in a formula. The cached results come from the same adapters Excel
 * calls, so a reader (or the browser workbench, which embeds this snapshot) sees the values the
 * add-in would show. examples/buildFunctionsSample.ts saves it as examples/dsg-functions-sample.xlsx.
 */
import { a1, a1Range } from "../workbook/address";
import type { CellRange, CellValue, Sheet, Workbook } from "../workbook/workbook";
import * as dsg from "./functions";

export const FUNCTIONS_SAMPLE_SHEET = "DSG functions";

/**
 * Wiltshire Council, report to Schools Forum on the SEND Transformation Programme (autumn 2024),
 * paragraph 16: revised forecast sent to the DfE with the August 2024 Safety Valve monitoring report (£m).
 * The same figures as test/fixtures/wiltshire-2024-08-forecast.json, which a test keeps in step.
 */
export const WILTSHIRE_FORECAST = {
  years: ["2023-24", "2024-25", "2025-26", "2026-27", "2027-28", "2028-29"],
  rows: [
    ["Cumulative DSG deficit - brought forward", [35.214, 28.706, 61.184, 77.319, 99.198, 99.926]],
    [
      "In year DSG deficit (before Safety Valve and local contributions)",
      [20.292, 39.177, 41.28, 28.579, 7.428, -0.194],
    ],
    ["Safety Valve programme contribution", [-26.8, -6.7, -6.7, -6.7, -6.7, -13.4]],
    ["Local general fund contribution", [0, 0, -18.445, 0, 0, -51.822]],
    ["Cumulative DSG deficit - carry forward", [28.706, 61.184, 77.319, 99.198, 99.926, 34.509]],
  ],
} as const;

const MONEY = "#,##0.000";
const POUNDS = "#,##0";
const RATE = "0.0%";

/** A formula whose result spills over `range` (a single cell when it does not spill). */
export interface SampleArray {
  range: CellRange;
  formula: string;
}

interface SampleCell {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  format: string;
}

export interface FunctionsSample {
  workbook: Workbook;
  /** Where each formula's answer lands, for writers that must declare array formulas. */
  arrays: readonly SampleArray[];
}

/** Builds the sample sheet: inputs, then one row per function, each formula with its cached answer. */
export function functionsSample(): FunctionsSample {
  const cells = new Map<string, SampleCell>();
  const arrays: SampleArray[] = [];
  const put = (
    row: number,
    col: number,
    value: CellValue,
    format = "General",
    formula: string | null = null
  ) => cells.set(a1(row, col), { row, col, value, formula, format });
  const label = (row: number, text: string) => put(row, 0, text);
  /** Puts a formula at (row, col) and its answer (one value or a spill) in the cells it fills. */
  const formula = (row: number, col: number, text: string, answer: unknown, format = MONEY) => {
    const grid = (Array.isArray(answer) ? answer : [[answer]]) as CellValue[][];
    grid.forEach((cellsOfRow, r) =>
      cellsOfRow.forEach((v, c) =>
        put(row + r, col + c, v, format, r === 0 && c === 0 ? text : null)
      )
    );
    arrays.push({
      range: {
        top: row,
        left: col,
        bottom: row + grid.length - 1,
        right: col + grid[0].length - 1,
      },
      formula: text,
    });
  };

  const { years, rows } = WILTSHIRE_FORECAST;
  const [broughtForward, inYear, safetyValve, generalFund] = rows.map(([, values]) => [...values]);
  const row = (values: readonly unknown[]) => [[...values]];
  label(0, "DSG functions on Wiltshire's August 2024 forecast (£m)");
  label(
    1,
    "Source: Wiltshire Council, report to Schools Forum (autumn 2024), paragraph 16. Illustrative rows are marked."
  );
  label(3, "£m");
  years.forEach((year, c) => put(3, 1 + c, year));
  rows.forEach(([name, values], r) => {
    label(4 + r, name);
    values.forEach((v, c) => put(4 + r, 1 + c, v, MONEY));
  });
  // Inputs: B5 opening, B6:G6 in year, B7:G7 Safety Valve, B8:G8 general fund, B9:G9 published carry forward.
  const cumulative = dsg.cumulative(
    broughtForward[0],
    row(inYear),
    row(safetyValve),
    row(generalFund)
  );

  label(10, "Function");
  put(10, 1, "Answer");
  label(11, "DSG.CUMULATIVE: carry forward recomputed from the rows above");
  formula(11, 1, "=DSG.CUMULATIVE(B5,B6:G6,B7:G7,B8:G8)", cumulative);
  label(12, "DSG.CUMULATIVE: gross deficit, before Safety Valve and contributions");
  formula(12, 1, "=DSG.CUMULATIVE(B5,B6:G6)", dsg.cumulative(broughtForward[0], row(inYear)));
  label(13, "DSG.ROLLGAP: published carry forward less recomputed (0.001 is rounding)");
  formula(
    13,
    1,
    "=DSG.ROLLGAP(B5,B6:G6,B7:G7,B8:G8,B9:G9)",
    dsg.rollgap(broughtForward[0], row(inYear), row(safetyValve), row(generalFund), row(rows[4][1]))
  );
  label(14, "DSG.BALANCEYEAR: first year of in-year balance");
  formula(
    14,
    1,
    "=DSG.BALANCEYEAR(B4:G4,B6:G6)",
    dsg.balanceyear(row(years), row(inYear)),
    "General"
  );
  label(15, "DSG.RESIDUAL: deficit left after 2028-29");
  formula(
    15,
    1,
    "=DSG.RESIDUAL(B5,B6:G6,B7:G7,B8:G8)",
    dsg.residual(broughtForward[0], row(inYear), row(safetyValve), row(generalFund))
  );
  label(16, "DSG.RESIDUAL: original plan, £137.2m deficit less DfE £67m");
  formula(16, 1, "=DSG.RESIDUAL(0,137.2,67)", dsg.residual(0, [[137.2]], [[67]]));
  label(17, "DSG.HNSG: 90% write-off of the 2025-26 closing deficit");
  formula(17, 1, "=DSG.HNSG(D12)", dsg.hnsg(cumulative[0][2]));
  label(18, "DSG.FY: financial year of the first Safety Valve payment (28 March 2024)");
  formula(18, 1, "=DSG.FY(DATE(2024,3,28))", dsg.fy(excelSerial(2024, 3, 28)), "General");

  label(20, "Money over time (illustrative where marked)");
  label(21, "DSG.UPLIFT: high needs block income, +3% a year after 2025-26");
  put(21, 3, 80.301, MONEY);
  formula(21, 4, "=DSG.UPLIFT(D22,0.03,3)", dsg.uplift(80.301, [[0.03]], 3));
  label(22, "Academic-year cost, 2023/24 to 2026/27 (illustrative)");
  const academic = [36, 39, 42, 45];
  academic.forEach((v, c) => put(22, 1 + c, v, MONEY));
  label(23, "DSG.AYTOFY: the same cost by financial year");
  formula(23, 2, "=DSG.AYTOFY(B23:E23)", dsg.aytofy(row(academic)));

  label(25, "Placements, 2025-26 to 2027-28 (illustrative), unit cost in £ in column H");
  const placements: [string, number[], number][] = [
    ["Special school", [120, 130, 140], 25_000],
    ["Independent special school", [40, 44, 48], 60_000],
    ["Mainstream top-up", [300, 320, 340], 8_000],
  ];
  placements.forEach(([name, counts, unitCost], r) => {
    label(26 + r, name);
    counts.forEach((n, c) => put(26 + r, 3 + c, n, POUNDS));
    put(26 + r, 7, unitCost, POUNDS);
  });
  label(29, "DSG.COST: high-needs cost in £, unit costs +2.2% a year");
  put(29, 7, 0.022, RATE);
  formula(
    29,
    3,
    "=DSG.COST(D27:F29,H27:H29,H30)",
    dsg.cost(
      placements.map(([, counts]) => counts),
      placements.map(([, , unitCost]) => [unitCost]),
      [[0.022]]
    ),
    POUNDS
  );

  label(31, "DSG.TRAJECTORY: EHCPs a month from 1,576, with 34 new and 10 ceased (illustrative)");
  formula(
    31,
    1,
    "=DSG.TRAJECTORY(1576,6,,34,10)",
    dsg.trajectory(1576, 6, undefined, [[34]], [[10]]),
    POUNDS
  );

  // The write-off claim. A council lists the deficit at 31 March 2026 as each source shows it (s251,
  // DSG note, S151 assurance, RO, accounts); here the table's own two figures stand in for them.
  label(33, "The write-off claim: the deficit at 31 March 2026 by source (£m)");
  label(34, "Carry forward 2025-26 as published");
  const published = rows[4][1][2];
  put(34, 1, published, MONEY);
  label(35, "Carry forward 2025-26 recomputed from the rounded rows (row 12)");
  put(35, 1, cumulative[0][2], MONEY);
  label(36, "DSG.ELIGIBLE: the lowest figure, as the DfE would use it");
  const eligible = dsg.eligible([[published], [cumulative[0][2]]]);
  formula(36, 1, "=DSG.ELIGIBLE(B35:B36)", eligible);
  label(37, "DSG.HNSG: the grant on the eligible deficit");
  formula(37, 1, "=DSG.HNSG(B37)", dsg.hnsg(eligible));
  label(38, "In-year deficit less Safety Valve instalments, 2026-27 and 2027-28");
  const later = [3, 4].map((t) => Number((inYear[t] + safetyValve[t]).toFixed(3)));
  later.forEach((v, c) => put(38, 4 + c, v, MONEY));
  label(39, "DSG.EXPOSURE: what the council carries at 31 March 2028, after the grant");
  formula(39, 1, "=DSG.EXPOSURE(B37,E39:F39)", dsg.exposure(eligible, row(later)));
  label(40, "DSG.CARRYCOST: cost of carrying the deficit each year at 5% (rate illustrative)");
  put(40, 7, 0.05, RATE);
  formula(
    40,
    1,
    "=DSG.CARRYCOST(B5,B9:G9,H41)",
    dsg.carrycost(broughtForward[0], row(rows[4][1]), [[0.05]])
  );

  return { workbook: { sheets: [denseSheet(cells)] }, arrays };
}

/** The sample as a Workbook snapshot (for the browser workbench). */
export function functionsSampleWorkbook(): Workbook {
  return functionsSample().workbook;
}

/** Where an array formula lands, as Excel writes it (`B12:G12`). */
export function arrayAddress(array: SampleArray): string {
  return a1Range(array.range);
}

/** Excel's serial number of a date (1900 date system; dates after February 1900). */
function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function denseSheet(cells: Map<string, SampleCell>): Sheet {
  const all = [...cells.values()];
  const height = Math.max(...all.map((c) => c.row)) + 1;
  const width = Math.max(...all.map((c) => c.col)) + 1;
  const grid = <T>(fill: T) => Array.from({ length: height }, () => new Array<T>(width).fill(fill));
  const values = grid<CellValue>(null);
  const formulas = grid<string | null>(null);
  const numberFormats = grid("General");
  for (const c of all) {
    values[c.row][c.col] = c.value;
    formulas[c.row][c.col] = c.formula;
    numberFormats[c.row][c.col] = c.format;
  }
  return {
    name: FUNCTIONS_SAMPLE_SHEET,
    visibility: "visible",
    top: 0,
    left: 0,
    values,
    formulas,
    numberFormats,
    merges: [],
  };
}
