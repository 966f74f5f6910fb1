/**
 * Consistent management plans laid out differently, for locator tests: every variant must validate as
 * cleanly as the standard sample, because the validator finds rows by label, not by address.
 */
import type { Workbook } from "../src/workbook/workbook";
import {
  buildManagementPlan,
  CYP_SUMMARY,
  DEFAULT_LAYOUT,
  FINANCIAL_SUMMARY,
  type PlanLayout,
} from "./managementPlan";
import { WILTSHIRE_PLAN } from "./planInputs";

const planWith = (layout: Partial<PlanLayout>) =>
  buildManagementPlan(WILTSHIRE_PLAN, { ...DEFAULT_LAYOUT, ...layout }).draft.toWorkbook();

/** Blank and note rows inserted between and inside sections (formulas follow, as when Excel inserts rows). */
export function rowsInserted(): Workbook {
  const { draft, cells } = buildManagementPlan(WILTSHIRE_PLAN);
  const summary = draft.sheet(FINANCIAL_SUMMARY);
  // Bottom-up, so each insertion leaves the rows still to be used where they were.
  const at = [
    cells.row("summary.broughtForward").row - 1,
    cells.row("highNeeds.expenditure").row,
    cells.row("earlyYears.allocation").row - 1,
    cells.row("schools.allocation").row - 1,
  ];
  for (const row of at) {
    summary.insertRows(row, 2);
    summary.set(row, cells.row("years").col, "Note: rows added by the council");
  }
  const cyp = draft.sheet(CYP_SUMMARY);
  const row = cells.row("Maintained special schools or special academies.age.Under 5").row - 2;
  cyp.insertRows(row, 3);
  return draft.toWorkbook();
}

/** The schools block moved below the high needs block. */
export const blockMovedDown = (): Workbook =>
  planWith({ blockOrder: ["cssb", "earlyYears", "highNeeds", "schools"] });

/** The whole Financial summary three columns to the right and two rows down. */
export const columnsShifted = (): Workbook => planWith({ left: 4, top: 2 });

/** Financial years written "2024/25". */
export const yearsWithSlash = (): Workbook =>
  planWith({ yearLabel: (y) => `${y}/${String((y + 1) % 100).padStart(2, "0")}` });

/** Financial years written "2024 to 2025". */
export const yearsInWords = (): Workbook => planWith({ yearLabel: (y) => `${y} to ${y + 1}` });

/** Money in £000 instead of £m (every figure ×1000). */
export const thousands = (): Workbook => planWith({ unit: "£000" });

/** Deficits shown as negative numbers (payments and contributions then positive). */
export const deficitsNegative = (): Workbook => planWith({ sign: "deficit-negative" });

/** Every variant by name (file name under examples/variants/). */
export const VARIANTS: Readonly<Record<string, () => Workbook>> = {
  "rows-inserted": rowsInserted,
  "block-moved-down": blockMovedDown,
  "columns-shifted": columnsShifted,
  "years-slash": yearsWithSlash,
  "years-in-words": yearsInWords,
  thousands: thousands,
  "deficits-negative": deficitsNegative,
};
