import { describe, expect, it } from "vitest";
import { mitigationArithmetic } from "../../src/validation/rules/mitigation-arithmetic";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("mitigation-arithmetic", () => {
  it("should pass mitigations that add up in-year and cumulatively", () => {
    expect(runRule(mitigationArithmetic, planWorkbook())).toEqual([]);
  });

  it.each([
    [
      "the total is not the sum of the lines",
      AT.totalMitigations,
      4.5,
      "Total mitigations for 2026-27 do not equal the sum of the 2 mitigation lines: £4.500m is shown but £4.000m is expected (difference £0.500m).",
      4,
    ],
    [
      "the mitigated deficit is not unmitigated less mitigations",
      AT.mitigated,
      8.8,
      "Mitigated in-year deficit for 2026-27 is not the unmitigated deficit less total mitigations: £8.800m is shown but £8.300m is expected (difference £0.500m).",
      8.3,
    ],
    [
      "the mitigated cumulative deficit does not move with the year's mitigations",
      AT.mitigatedCumulative,
      30.7,
      "Mitigated cumulative deficit for 2026-27 does not move with the year's mitigations: £30.700m is shown but £30.200m is expected (difference £0.500m).",
      30.2,
    ],
  ])("should point at the disagreeing cell when %s", (_, row, value, message, expected) => {
    expect(runRule(mitigationArithmetic, planWorkbook([[row, 2, value]]))).toEqual([
      { sheet: SHEET, address: yearCell(row, 2), message, expected, actual: value },
    ]);
  });

  it("should allow rounding of each figure, or the user's tolerance", () => {
    expect(runRule(mitigationArithmetic, planWorkbook([[AT.mitigated, 2, 8.301]]))).toEqual([]);
    expect(
      runRule(mitigationArithmetic, planWorkbook([[AT.mitigated, 2, 8.8]]), { tolerance: 0.5 })
    ).toEqual([]);
  });
});
