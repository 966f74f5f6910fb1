import { describe, expect, it } from "vitest";
import { svLimits } from "../../src/validation/rules/sv-limits";
import { badValue } from "../../src/validation/rules/bad-value";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("sv-limits", () => {
  it("should pass forecasts within the agreed limits (net of Safety Valve payments)", () => {
    expect(runRule(svLimits, planWorkbook())).toEqual([]);
  });

  it.each([
    [
      "the cumulative limit, net",
      [[AT.deficitLimit, 2, 29]] as const,
      [AT.carriedForward, 2],
      "The 2026-27 forecast cumulative deficit (£30.200m) exceeds the Safety Valve agreement's limit of £29.000m by £1.200m",
      29,
      30.2,
    ],
    [
      "the in-year limit",
      [[AT.inYearLimit, 1, 9]] as const,
      [AT.inYear, 1],
      "The 2025-26 forecast in-year deficit (£9.900m) exceeds the Safety Valve agreement's limit of £9.000m by £0.900m",
      9,
      9.9,
    ],
    [
      // Gross: 20 + 9 + 9.9 − 2 = 36.9 at the end of 2025-26, against a limit of 28.
      "the cumulative limit, gross of Safety Valve payments",
      [
        [AT.limitBasis, 0, "gross"],
        [AT.deficitLimit, 2, 60],
      ] as const,
      [AT.carriedForward, 1],
      "The 2025-26 forecast cumulative deficit before Safety Valve payments (£36.900m) exceeds the Safety Valve agreement's limit of £28.000m by £8.900m",
      28,
      36.9,
    ],
  ])(
    "should warn at the breaching forecast cell for %s",
    (_, changes, [row, year], text, expected, actual) => {
      const found = runRule(svLimits, planWorkbook(changes));
      expect(found).toEqual([
        {
          sheet: SHEET,
          address: yearCell(row, year),
          message: `${text}: the DfE may withhold instalments. Explain the variance and the recovery actions.`,
          expected,
          actual: expect.closeTo(actual, 9),
        },
      ]);
    }
  );

  it("should not judge actual years", () => {
    expect(runRule(svLimits, planWorkbook([[AT.deficitLimit, 0, 1]]))).toEqual([]);
  });

  it.each(["n/a", "N/A", "Not applicable", "nil"])(
    "should read %j in a year before the agreement as no limit, not a bad value",
    (text) => {
      const book = planWorkbook([[AT.deficitLimit, 0, text]]);
      expect(runRule(badValue, book)).toEqual([]);
      expect(runRule(svLimits, book)).toEqual([]);
    }
  );
});
