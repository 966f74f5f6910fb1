import { describe, expect, it } from "vitest";
import { schoolsBlockTransfer } from "../../src/validation/rules/schools-block-transfer";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("schools-block-transfer", () => {
  it("should pass transfers of exactly 0.5% of the schools block", () => {
    expect(runRule(schoolsBlockTransfer, planWorkbook())).toEqual([]);
  });

  it("should warn at the movement cell of a transfer above 0.5%", () => {
    expect(runRule(schoolsBlockTransfer, planWorkbook([[AT.schoolsMovements, 2, -3.2]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.schoolsMovements, 2),
        message:
          "Schools block transfers £3.200m out in 2026-27, 1.00% of the £320.000m schools block DSG funding, above the 0.5% limit: " +
          "a Secretary of State disapplication is needed. Record the request or decision in the plan.",
        expected: 1.6,
        actual: 3.2,
      },
    ]);
  });

  it.each([
    ["a transfer into the schools block", 0, 5, {}],
    ["a raised limit", 2, -3.2, { thresholds: { "schools-block-transfer": { percent: 1 } } }],
  ])("should not warn for %s", (_, year, value, options) => {
    expect(
      runRule(schoolsBlockTransfer, planWorkbook([[AT.schoolsMovements, year, value]]), options)
    ).toEqual([]);
  });
});
