import { describe, expect, it } from "vitest";
import { mitigationDirection } from "../../src/validation/rules/mitigation-direction";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("mitigation-direction", () => {
  it("should pass mitigations that are all savings", () => {
    expect(runRule(mitigationDirection, planWorkbook())).toEqual([]);
  });

  it("should warn at a mitigation line that increases the deficit", () => {
    expect(runRule(mitigationDirection, planWorkbook([[AT.firstMitigation, 1, -1.5]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.firstMitigation, 1),
        message:
          'Mitigation "Reduce independent placements" increases the deficit by £1.500m in 2025-26: savings are positive, so check its sign.',
        expected: 0,
        actual: -1.5,
      },
    ]);
  });

  it("should warn at the mitigated cumulative cell when it is above the unmitigated one", () => {
    expect(runRule(mitigationDirection, planWorkbook([[AT.mitigatedCumulative, 2, 37]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.mitigatedCumulative, 2),
        message:
          "The mitigated cumulative deficit for 2026-27 (£37.000m) is larger than the unmitigated one (£36.200m): " +
          "mitigations should reduce the deficit, so check the signs.",
        expected: 36.2,
        actual: 37,
      },
    ]);
  });

  it("should ignore a negative within rounding", () => {
    expect(runRule(mitigationDirection, planWorkbook([[AT.firstMitigation, 0, -0.0004]]))).toEqual(
      []
    );
  });
});
