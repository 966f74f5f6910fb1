import { describe, expect, it } from "vitest";
import { fundingUplift } from "../../src/validation/rules/funding-uplift";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("funding-uplift", () => {
  it("should pass high needs funding growing 5% a year", () => {
    expect(runRule(fundingUplift, planWorkbook())).toEqual([]);
  });

  it.each([
    [2, 90, "changes by 21.6% in 2026-27 (from £74.000m to £90.000m)", 81.4],
    [2, 73, "changes by -1.4% in 2026-27 (from £74.000m to £73.000m)", 74],
  ])(
    "should warn at the allocation cell when growth is outside 0-10%% (%i, %d)",
    (year, value, text, expected) => {
      expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, year, value]]))).toEqual([
        {
          sheet: SHEET,
          address: yearCell(AT.hnbAllocation, year),
          message: `High needs block DSG allocation ${text}, outside the usual 0% to 10% a year: check the funding assumption and explain it in the narrative.`,
          expected,
          actual: value,
        },
      ]);
    }
  );

  it("should not judge actual years, and take overridden thresholds", () => {
    expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, 0, 50]]))).toHaveLength(1); // 2025-26 now +48%
    const options = { thresholds: { "funding-uplift": { maxPercent: 25 } } };
    expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, 2, 90]]), options)).toEqual([]);
  });
});
