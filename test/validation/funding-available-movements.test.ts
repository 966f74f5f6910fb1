import { describe, expect, it } from "vitest";
import { fundingAvailable } from "../../src/validation/rules/funding-available";
import { locateTemplate } from "../../src/templates/locate";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

type Line = [label: string, ...figures: CellValue[]];

/** The test plan with its high needs block (sheet rows 27-33) replaced by these lines. */
function withHighNeeds(lines: readonly Line[]): Workbook {
  const rows = planWorkbook().sheets[0].values.map((r) => [...r]);
  const block = lines.map(([label, ...figures]) => [null, label, ...figures]);
  rows.splice(27, 7, ["High needs block"], ...block);
  return { sheets: [sheetFromRows(SHEET, rows, "0.000")] };
}

const EXPENDITURE: Line = ["Total expenditure", 80.3, 85.45, 88];
const IN_YEAR: Line = ["In-year surplus/(deficit)", 18.8, 19.9, 18.4];

describe("funding-available after block movements", () => {
  // DSG 74 less recoupment 10 is 64; with the 1.55 transfer in, 65.55 available.
  const lines = (available: CellValue[]): Line[] => [
    ["DSG allocation", 70, 74, 78],
    ["Academy recoupment", -10, -10, -10],
    ["Block movements", 1.5, 1.55, 1.6],
    ["Total funding available", ...available],
    EXPENDITURE,
    IN_YEAR,
  ];

  it("should add the movements where the plan's funding available includes them", () => {
    expect(runRule(fundingAvailable, withHighNeeds(lines([61.5, 65.55, 69.6])))).toEqual([]);
    expect(runRule(fundingAvailable, withHighNeeds(lines([61.5, 66, 69.6])))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(31, 1),
        message:
          "High needs block funding available for 2025-26 is £66.000m, but its DSG funding less recoupment and " +
          "deductions is £65.550m: difference £0.450m.",
        expected: 65.55,
        actual: 66,
      },
    ]);
  });
});

describe("funding-available needs both rows", () => {
  it("should not run on a block that shows funding available but no DSG funding", () => {
    const availableOnly = withHighNeeds([
      ["Total funding available", 60, 64, 68],
      EXPENDITURE,
      IN_YEAR,
    ]);
    expect(fundingAvailable.needs!(locateTemplate(availableOnly)).every((n) => n.found)).toBe(
      false
    );
    expect(runRule(fundingAvailable, availableOnly)).toEqual([]);
  });
});
