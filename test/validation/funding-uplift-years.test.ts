import { describe, expect, it } from "vitest";
import { fundingUplift } from "../../src/validation/rules/funding-uplift";
import { AT, planWorkbook, runRule, yearCell } from "./financialSupport";

// The test plan's high needs DSG allocation: 70, 74, 78 (2024-25 outturn, then forecasts).
describe("funding-uplift: which years are judged", () => {
  it("should not judge a year shown as outturn, only the forecast after it", () => {
    const found = runRule(
      fundingUplift,
      planWorkbook([
        [1, 1, "Outturn"],
        [1, 2, "Forecast"],
        [AT.hnbAllocation, 1, 90],
      ])
    );
    // 2025-26 (+28.6%) is an outturn; 2026-27 falls from 90 to 78 (-13.3%).
    expect(found.map((f) => [f.address, f.message.slice(0, 66)])).toEqual([
      [
        yearCell(AT.hnbAllocation, 2),
        "High needs block DSG allocation changes by -13.3% in 2026-27 (from",
      ],
    ]);
  });

  it("should not judge growth from or to a figure that is not a number", () => {
    expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, 1, "tbc"]]))).toEqual([]);
    expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, 2, "tbc"]]))).toEqual([]);
  });

  it("should allow the rounding of both figures at the edge of the range", () => {
    // 74 + 10% = 81.4; each figure shown to 3 decimals may be out by 0.0005.
    expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, 2, 81.4009]]))).toEqual([]);
    expect(runRule(fundingUplift, planWorkbook([[AT.hnbAllocation, 2, 81.402]]))).toHaveLength(1);
  });
});
