import { describe, expect, it } from "vitest";
import { openingBalance } from "../../src/validation/rules/opening-balance";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

const BROUGHT_FORWARD = AT.inYear + 1;

describe("opening-balance on the test plan", () => {
  it("should show the gap as a size whichever way the brought forward is out", () => {
    for (const [value, gap] of [
      [24.5, "£0.500m"],
      [23.5, "£0.500m"],
    ] as const) {
      expect(runRule(openingBalance, planWorkbook([[BROUGHT_FORWARD, 1, value]]))).toEqual([
        {
          sheet: SHEET,
          address: yearCell(BROUGHT_FORWARD, 1),
          message:
            `Brought forward for 2025-26 (£${value.toFixed(3)}m) is not the carried forward for 2024-25 ` +
            `(£24.000m): gap ${gap}. Link it to the previous year's carried-forward cell.`,
          expected: 24,
          actual: value,
        },
      ]);
    }
  });

  it("should not compare a brought forward with a blank or text carried forward", () => {
    expect(runRule(openingBalance, planWorkbook([[AT.carriedForward, 0, null]]))).toEqual([]);
    expect(runRule(openingBalance, planWorkbook([[AT.carriedForward, 0, "tbc"]]))).toEqual([]);
  });

  it("should not run without a brought-forward row", () => {
    expect(
      runRule(
        openingBalance,
        planWorkbook([
          [BROUGHT_FORWARD, -1, "Note"],
          [BROUGHT_FORWARD, 1, 50],
        ])
      )
    ).toEqual([]);
  });
});
