/**
 * A small "Summary of end of year positions" for the engine's rule tests: three years in £m shown to 3
 * decimals, deficits positive, that rolls forward exactly. Tests change a few cells and run the real
 * validator (recognition, locator, rules) over it.
 */
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import type { Finding } from "../../src/validation/finding";
import type { ValidationOptions } from "../../src/validation/rule";
import { validateWorkbook } from "../../src/validation/validate";
import { sheetFromRows } from "../support/sheets";

export type Cell = CellValue | { f: string; v: CellValue; fmt?: string };

export const SHEET = "Financial summary";
/** Sheet rows (0-based) of the summary rows; figures in columns B to D (1 to 3). */
export const ROW = {
  header: 2,
  broughtForward: 4,
  inYear: 5,
  payments: 6,
  contribution: 7,
  carriedForward: 8,
} as const;

export interface Summary {
  years: Cell[];
  broughtForward: Cell[];
  inYear: Cell[];
  payments: Cell[];
  contribution: Cell[];
  carriedForward: Cell[];
  kinds: Cell[];
}

/** 10 + 5 − 3 = 12; 12 + 6 − 3 = 15; 15 + 4 − 3 − 1 = 15. */
export function consistent(): Summary {
  return {
    kinds: ["Outturn", "Forecast", null],
    years: ["2023-24", "2024-25", "2025-26"],
    broughtForward: [10, 12, 15],
    inYear: [5, 6, 4],
    payments: [-3, -3, -3],
    contribution: [0, 0, -1],
    carriedForward: [12, 15, 15],
  };
}

/** The same figures with deficits shown as negative numbers (payments and contributions positive). */
export function negated(summary: Summary): Summary {
  const flip = (cells: Cell[]) =>
    cells.map((c) => (typeof c === "number" ? (c === 0 ? 0 : -c) : c));
  return {
    ...summary,
    broughtForward: flip(summary.broughtForward),
    inYear: flip(summary.inYear),
    payments: flip(summary.payments),
    contribution: flip(summary.contribution),
    carriedForward: flip(summary.carriedForward),
  };
}

export function summaryWorkbook(summary: Summary, unit = "£m", format = "#,##0.000"): Workbook {
  const rows: Cell[][] = [
    ["Financial summary"],
    [unit, ...summary.kinds],
    [null, ...summary.years],
    ["Summary of end of year positions"],
    ["Cumulative DSG deficit - brought forward", ...summary.broughtForward],
    ["In year DSG deficit (before Safety Valve and local contributions)", ...summary.inYear],
    ["Safety Valve programme contribution", ...summary.payments],
    ["Local general fund contribution", ...summary.contribution],
    ["Cumulative DSG deficit - carry forward", ...summary.carriedForward],
  ];
  return { sheets: [sheetFromRows(SHEET, rows, format)] };
}

/** The findings of one rule when the whole validator runs over the summary. */
export function findingsOf(
  rule: string,
  summary: Summary,
  options: ValidationOptions = {}
): Finding[] {
  return validateWorkbook(summaryWorkbook(summary), options).findings.filter(
    (f) => f.rule === rule
  );
}

/** A copy of the consistent summary with some cells changed. */
export function changed(change: (summary: Summary) => void, base = consistent()): Summary {
  change(base);
  return base;
}
