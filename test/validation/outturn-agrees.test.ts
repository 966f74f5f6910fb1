import { describe, expect, it } from "vitest";
import { outturnAgrees } from "../../src/validation/rules/outturn-agrees";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("outturn-agrees", () => {
  it("should pass actual years that agree with the reference rows", () => {
    expect(runRule(outturnAgrees, planWorkbook())).toEqual([]);
  });

  it.each([
    [
      AT.referenceInYear,
      AT.inYear,
      "total DSG in-year deficit",
      9.3,
      "£9.000m",
      "£9.300m",
      "-£0.300m",
    ],
    [
      AT.referenceCumulative,
      AT.carriedForward,
      "cumulative deficit carried forward",
      23.5,
      "£24.000m",
      "£23.500m",
      "£0.500m",
    ],
  ])(
    "should warn at the plan's cell when the reference differs (row %i)",
    (refRow, planRow, what, reference, shown, ref, gap) => {
      expect(runRule(outturnAgrees, planWorkbook([[refRow, 0, reference]]))).toEqual([
        {
          sheet: SHEET,
          address: yearCell(planRow, 0),
          message:
            `The ${what} for 2024-25 (${shown}) differs from the reference outturn (${ref}) by ${gap}: correct the plan or ` +
            "the reference; the DfE uses the lowest figure when sources disagree.",
          expected: reference,
          actual: planRow === AT.inYear ? 9 : 24,
        },
      ]);
    }
  );

  it("should not compare forecast years, nor run without reference rows", () => {
    expect(runRule(outturnAgrees, planWorkbook([[AT.referenceInYear, 1, 1]]))).toEqual([]);
    expect(
      runRule(
        outturnAgrees,
        planWorkbook([
          [AT.referenceInYear, -1, "Note"],
          [AT.referenceCumulative, -1, "Note"],
        ])
      )
    ).toEqual([]);
  });
});
