/**
 * A small, consistent Financial summary (three years, £m to 3 decimals, deficits positive) with every
 * section the block, mitigation and Safety Valve rules read, and a way to run one rule over it after a
 * few cells are changed, through the real locator.
 */
import { sheetFromRows } from "../support/sheets";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { a1 } from "../../src/workbook/address";
import { locateTemplate } from "../../src/templates/locate";
import { labelWorkbook } from "../../src/templates/labels";
import type { Rule, ValidationOptions } from "../../src/validation/rule";
import { ruleSettings } from "../../src/validation/settings";

export const SHEET = "Financial summary";

/** Sheet rows (0-based) of the rows the tests change; the figures start in column C (index 2). */
export const AT = {
  inYear: 3,
  carriedForward: 7,
  schoolsAllocation: 12,
  schoolsMovements: 13,
  earlyYearsInYear: 25,
  hnbAllocation: 28,
  hnbMovements: 29,
  hnbPlaceFunding: 30,
  hnbExpenditure: 32,
  hnbInYear: 33,
  unmitigated: 36,
  firstMitigation: 37,
  totalMitigations: 39,
  mitigated: 40,
  unmitigatedCumulative: 41,
  mitigatedCumulative: 42,
  deficitLimit: 45,
  inYearLimit: 46,
  limitBasis: 47,
  agreementTotal: 48,
  status: 49,
  referenceInYear: 51,
  referenceCumulative: 52,
} as const;

const n = (...values: CellValue[]) => values;

function plan(): CellValue[][] {
  return [
    ["DSG deficit management plan", null, "£m"],
    [null, null, "Outturn", "Forecast"],
    ["Summary of end of year positions", null, "2024-25", "2025-26", "2026-27"],
    [null, "Total DSG in-year deficit", ...n(9, 9.9, 8.3)],
    [null, "Cumulative deficit brought forward", ...n(20, 24, 26.9)],
    [null, "DfE deficit payments", ...n(-5, -5, -5)],
    [null, "Local authority contribution", ...n(0, -2, 0)],
    [null, "Cumulative deficit carried forward", ...n(24, 26.9, 30.2)],
    [],
    [],
    ["Financial plan per funding block"],
    ["Schools block"],
    [null, "DSG allocation", ...n(300, 310, 320)],
    [null, "Block movements", ...n(-1.5, -1.55, -1.6)],
    [null, "Expenditure", ...n(298.5, 308.45, 318.4)],
    [null, "In-year surplus/(deficit)", ...n(0, 0, 0)],
    [],
    ["Central school services block"],
    [null, "DSG allocation", ...n(3, 3, 3)],
    [null, "Expenditure", ...n(3, 3, 3)],
    [null, "In-year surplus/(deficit)", ...n(0, 0, 0)],
    [],
    ["Early years block"],
    [null, "DSG allocation", ...n(30, 31, 32)],
    [null, "Expenditure", ...n(30.2, 31, 31.9)],
    [null, "In-year surplus/(deficit)", ...n(0.2, 0, -0.1)],
    [],
    ["High needs block"],
    [null, "DSG allocation", ...n(70, 74, 78)],
    [null, "Block movements", ...n(1.5, 1.55, 1.6)],
    [null, "Place funding", ...n(20, 21, 22)],
    [null, "Top-up funding", ...n(60.3, 64.45, 66)],
    [null, "Total expenditure", ...n(80.3, 85.45, 88)],
    [null, "In-year surplus/(deficit)", ...n(8.8, 9.9, 8.4)],
    [],
    ["Mitigations"],
    [null, "Unmitigated in-year deficit", ...n(9, 11.9, 12.3)],
    [null, "Reduce independent placements", ...n(0, 1.5, 2.5)],
    [null, "Early help", ...n(0, 0.5, 1.5)],
    [null, "Total mitigations", ...n(0, 2, 4)],
    [null, "Mitigated in-year deficit", ...n(9, 9.9, 8.3)],
    [null, "Unmitigated cumulative deficit", ...n(24, 28.9, 36.2)],
    [null, "Mitigated cumulative deficit", ...n(24, 26.9, 30.2)],
    [],
    ["Safety Valve agreement"],
    [null, "Deficit limit", ...n(25, 28, 32)],
    [null, "Agreed in-year deficit", ...n(9.5, 10, 9)],
    [null, "Limit basis", "net"],
    [null, "Agreement total", 15],
    [null, "Status", "received", "expected", "expected"],
    [],
    [null, "Reference in-year deficit", 9],
    [null, "Reference cumulative deficit", 24],
  ];
}

/** A change to the consistent plan: `[row, year index (0 = 2024-25), value]`, or a label/text at column B. */
export type Change = readonly [row: number, year: number, value: CellValue];

/** The consistent plan with the changes made, as a one-sheet workbook. */
export function planWorkbook(changes: readonly Change[] = []): Workbook {
  const rows = plan();
  for (const [row, year, value] of changes) {
    const cells = rows[row];
    while (cells.length <= 2 + year) cells.push(null);
    cells[2 + year] = value;
  }
  return { sheets: [sheetFromRows(SHEET, rows, "0.000")] };
}

/** A finding as the runner would report it. */
export interface Found {
  readonly sheet: string;
  readonly address: string;
  readonly message: string;
  readonly expected?: number;
  readonly actual?: number;
}

/** Runs one rule over a workbook with its defaults, overridden by `options.thresholds` as the engine does. */
export function runRule<S extends Record<string, number>>(
  rule: Rule<S>,
  workbook: Workbook,
  options: ValidationOptions = {}
): Found[] {
  const template = locateTemplate(workbook);
  const settings = ruleSettings(rule, undefined, options);
  return rule
    .check({ workbook: labelWorkbook(workbook), template, settings, options })
    .map((report) => ({
      sheet: report.at?.sheet ?? "",
      address: report.at ? a1(report.at.row, report.at.col) : "",
      message: report.message,
      ...(report.expected !== undefined && { expected: report.expected }),
      ...(report.actual !== undefined && { actual: report.actual }),
    }));
}

/** Column letter of a year index in the plan: 0 → C (2024-25). */
export function yearCell(row: number, year: number): string {
  return a1(row, 2 + year);
}
