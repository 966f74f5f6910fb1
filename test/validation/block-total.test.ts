import { describe, expect, it } from "vitest";
import { blockTotal } from "../../src/validation/rules/block-total";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("block-total", () => {
  it("should pass a plan whose blocks add up to the DSG total", () => {
    expect(runRule(blockTotal, planWorkbook())).toEqual([]);
  });

  it.each([
    [
      "the total is typed over",
      AT.inYear,
      10,
      "(£10.000m) does not equal the sum of the four blocks' in-year results (£9.900m): difference £0.100m.",
      9.9,
      10,
    ],
    [
      "a block's in-year result is wrong",
      AT.earlyYearsInYear,
      0.5,
      "(£9.900m) does not equal the sum of the four blocks' in-year results (£10.400m): difference -£0.500m.",
      10.4,
      9.9,
    ],
  ])("should point at the 2025-26 total cell when %s", (_, row, value, text, expected, actual) => {
    expect(runRule(blockTotal, planWorkbook([[row, 1, value]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.inYear, 1),
        message: `The total DSG in-year deficit for 2025-26 ${text}`,
        expected,
        actual,
      },
    ]);
  });

  it("should allow half a unit of rounding per figure, or the user's tolerance", () => {
    expect(runRule(blockTotal, planWorkbook([[AT.inYear, 0, 9.002]]))).toEqual([]);
    expect(runRule(blockTotal, planWorkbook([[AT.inYear, 0, 9.003]]))).toHaveLength(1);
    expect(runRule(blockTotal, planWorkbook([[AT.inYear, 0, 9.1]]), { tolerance: 0.2 })).toEqual(
      []
    );
  });

  it("should not run when a block has no in-year row", () => {
    expect(
      runRule(
        blockTotal,
        planWorkbook([
          [AT.earlyYearsInYear, -1, "Note"],
          [AT.inYear, 1, 50],
        ])
      )
    ).toEqual([]);
  });
});

describe("block-total without a total row", () => {
  it("should not run when the end of year positions have no in-year total", () => {
    expect(
      runRule(
        blockTotal,
        planWorkbook([
          [AT.inYear, -1, "Note"],
          [AT.earlyYearsInYear, 1, 5],
        ])
      )
    ).toEqual([]);
  });
});
