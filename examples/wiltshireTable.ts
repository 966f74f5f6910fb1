/**
 * The Wiltshire August 2024 forecast table alone (test/fixtures/wiltshire-2024-08-forecast.json), typed
 * exactly as published into a management-plan "Summary of end of year positions". Its carried-forward row
 * was computed from unrounded figures, so recomputing it from the rounded rows leaves 0.001 gaps: the
 * validator must accept those as rounding and reject a real gap (pass `gap`).
 */
import Decimal from "decimal.js";
import fixture from "../test/fixtures/wiltshire-2024-08-forecast.json";
import type { Workbook } from "../src/workbook/workbook";
import { WorkbookDraft } from "./draft";
import { FINANCIAL_SUMMARY } from "./managementPlan";

/** Where the table puts its carried-forward row and first year column (0-based), for tests. */
export const WILTSHIRE_TABLE = {
  sheet: FINANCIAL_SUMMARY,
  firstYearCol: 1,
  carriedForwardRow: 11,
} as const;

/**
 * Builds the table; `gap` (in £m) is added to the published carried-forward figure of `gapYear`
 * (default 2025-26), for the test that a real gap fails.
 */
export function wiltshireSummaryTable(gap = 0, gapYear = "2025-26"): Workbook {
  const draft = new WorkbookDraft();
  const sheet = draft.addSheet(FINANCIAL_SUMMARY);
  sheet.set(0, 0, "Financial summary");
  sheet.set(1, 0, "Source");
  sheet.set(1, 1, fixture.source);
  sheet.set(2, 0, "Units");
  sheet.set(2, 1, fixture.unit);
  fixture.years.forEach((year, i) => {
    sheet.set(4, 1 + i, fixture.year_kinds[i]);
    sheet.set(5, 1 + i, year);
  });
  sheet.set(5, 0, "Financial year");
  sheet.set(6, 0, "Summary of end of year positions");
  Object.entries(fixture.rows).forEach(([label, values], r) => {
    sheet.set(7 + r, 0, label);
    values.forEach((value, i) => {
      const adjusted =
        r === 4 && fixture.years[i] === gapYear ? new Decimal(value).plus(gap).toNumber() : value;
      sheet.set(7 + r, 1 + i, adjusted, "#,##0.000");
    });
  });
  return draft.toWorkbook();
}
