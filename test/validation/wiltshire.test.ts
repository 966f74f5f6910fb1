import { describe, expect, it } from "vitest";
import { wiltshireSummaryTable, WILTSHIRE_TABLE } from "../../examples/wiltshireTable";
import { validateWorkbook } from "../../src/validation/validate";
import { a1 } from "../../src/workbook/address";

const deficitRules = (gap: number, tolerance?: number) =>
  validateWorkbook(
    wiltshireSummaryTable(gap),
    tolerance === undefined ? {} : { tolerance }
  ).findings.filter((f) => f.rule === "roll-forward" || f.rule === "opening-balance");

describe("the Wiltshire August 2024 table", () => {
  it("should be checked as a management plan in £m with deficits positive", () => {
    expect(validateWorkbook(wiltshireSummaryTable()).template).toEqual({
      id: "dsg-management-plan",
      name: "DSG deficit management plan",
      unit: { label: "£m", pounds: 1_000_000 },
      sign: "deficit-positive",
    });
  });

  it("should pass roll-forward and opening-balance at the default tolerance (its 0.001 gaps are rounding)", () => {
    expect(deficitRules(0)).toEqual([]);
  });

  it("should fail both when one carried-forward cell is moved by 0.1", () => {
    const cf2025 = a1(WILTSHIRE_TABLE.carriedForwardRow, WILTSHIRE_TABLE.firstYearCol + 2);
    const bf2026 = a1(WILTSHIRE_TABLE.carriedForwardRow - 4, WILTSHIRE_TABLE.firstYearCol + 3);
    expect(deficitRules(0.1)).toEqual([
      expect.objectContaining({
        rule: "opening-balance",
        sheet: WILTSHIRE_TABLE.sheet,
        address: bf2026,
        expected: 77.419,
        actual: 77.319,
      }),
      expect.objectContaining({
        rule: "roll-forward",
        sheet: WILTSHIRE_TABLE.sheet,
        address: cf2025,
        message: expect.stringContaining(
          "Cumulative deficit for 2025-26 does not roll forward from 2024-25: gap £0.100m."
        ),
        actual: 77.419,
      }),
    ]);
  });

  it("should fail the real rounding gaps when the user asks for no tolerance", () => {
    expect(deficitRules(0, 0).map((f) => f.rule)).toContain("roll-forward");
  });
});
