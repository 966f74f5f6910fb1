import { describe, expect, it } from "vitest";
import { outturnAgrees } from "../../src/validation/rules/outturn-agrees";
import { AT, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("outturn-agrees with part of the reference", () => {
  it("should compare the one reference row the plan has", () => {
    const onlyInYear = planWorkbook([
      [AT.referenceCumulative, -1, "Note"],
      [AT.referenceInYear, 0, 9.3],
    ]);
    expect(runRule(outturnAgrees, onlyInYear).map((f) => f.address)).toEqual([
      yearCell(AT.inYear, 0),
    ]);
    const onlyCumulative = planWorkbook([
      [AT.referenceInYear, -1, "Note"],
      [AT.referenceCumulative, 0, 23.5],
    ]);
    expect(runRule(outturnAgrees, onlyCumulative).map((f) => f.address)).toEqual([
      yearCell(AT.carriedForward, 0),
    ]);
  });

  it("should not compare a reference or plan figure that is text", () => {
    expect(runRule(outturnAgrees, planWorkbook([[AT.referenceInYear, 0, "tbc"]]))).toEqual([]);
    expect(runRule(outturnAgrees, planWorkbook([[AT.inYear, 0, "tbc"]]))).toEqual([]);
  });
});
