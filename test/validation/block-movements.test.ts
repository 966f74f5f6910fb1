import { describe, expect, it } from "vitest";
import { blockMovements } from "../../src/validation/rules/block-movements";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("block-movements", () => {
  it("should pass when every transfer out arrives in another block", () => {
    expect(runRule(blockMovements, planWorkbook())).toEqual([]);
  });

  it.each([
    [
      AT.hnbMovements,
      1.65,
      "they add up to £0.100m (Schools block -£1.550m, High needs block £1.650m)",
      0.1,
    ],
    [
      AT.schoolsMovements,
      -1.45,
      "they add up to £0.100m (Schools block -£1.450m, High needs block £1.550m)",
      0.1,
    ],
  ])(
    "should point at the year's first movement when row %i is changed",
    (row, value, text, actual) => {
      const found = runRule(blockMovements, planWorkbook([[row, 1, value]]));
      expect(found).toEqual([
        {
          sheet: SHEET,
          address: yearCell(AT.schoolsMovements, 1),
          message: `Block movements for 2025-26 do not net to zero: ${text}. Every transfer out of one block must appear as a transfer into another.`,
          expected: 0,
          actual: expect.closeTo(actual, 9),
        },
      ]);
    }
  );

  it("should accept a gap within rounding or the user's tolerance", () => {
    expect(runRule(blockMovements, planWorkbook([[AT.hnbMovements, 1, 1.551]]))).toEqual([]);
    expect(
      runRule(blockMovements, planWorkbook([[AT.hnbMovements, 1, 1.65]]), { tolerance: 0.1 })
    ).toEqual([]);
  });
});
