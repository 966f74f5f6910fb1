/**
 * The mitigation rules where a figure is blank or text, where the section lists no lines, and where
 * savings are shown as negative numbers: checks that cannot be made are not made, and nothing is missed.
 */
import { describe, expect, it } from "vitest";
import { mitigationArithmetic } from "../../src/validation/rules/mitigation-arithmetic";
import { mitigationDirection } from "../../src/validation/rules/mitigation-direction";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

const LINES = [AT.firstMitigation, AT.firstMitigation + 1];
/** The mitigation lines taken out of the section (blank rows). */
const noLines: Change[] = LINES.flatMap((row) => [-1, 0, 1, 2].map((y): Change => [row, y, null]));

describe("mitigation-arithmetic with missing figures", () => {
  it("should leave a mitigated deficit typed as text to bad-value", () => {
    expect(runRule(mitigationArithmetic, planWorkbook([[AT.mitigated, 1, "tbc"]]))).toEqual([]);
  });

  it("should not check a year's mitigated deficit without its unmitigated deficit", () => {
    expect(runRule(mitigationArithmetic, planWorkbook([[AT.unmitigated, 1, null]]))).toEqual([]);
  });

  it("should not take a blank total mitigations for no savings", () => {
    expect(runRule(mitigationArithmetic, planWorkbook([[AT.totalMitigations, 1, null]]))).toEqual(
      []
    );
  });

  it("should not move the cumulative deficit on from a blank year", () => {
    expect(
      runRule(mitigationArithmetic, planWorkbook([[AT.mitigatedCumulative, 1, null]]))
    ).toEqual([]);
    expect(
      runRule(mitigationArithmetic, planWorkbook([[AT.unmitigatedCumulative, 1, null]]))
    ).toEqual([]);
  });

  it("should check the in-year rows of a section without a mitigated cumulative row", () => {
    const noMitigatedCumulative: Change[] = [[AT.mitigatedCumulative, -1, "Note"]];
    expect(runRule(mitigationArithmetic, planWorkbook(noMitigatedCumulative))).toEqual([]);
    const wrong = runRule(
      mitigationArithmetic,
      planWorkbook([...noMitigatedCumulative, [AT.mitigated, 2, 8.8]])
    );
    expect(wrong.map((f) => f.address)).toEqual([yearCell(AT.mitigated, 2)]);
  });

  it("should take the savings from the total when the section lists no lines", () => {
    expect(runRule(mitigationArithmetic, planWorkbook(noLines))).toEqual([]);
    const wrong = runRule(
      mitigationArithmetic,
      planWorkbook([...noLines, [AT.mitigated, 1, 10.4]])
    );
    expect(wrong.map((f) => [f.address, f.expected])).toEqual([[yearCell(AT.mitigated, 1), 9.9]]);
  });
});

describe("mitigation-direction", () => {
  it("should compare the in-year rows only when the section lists no lines", () => {
    // With lines, a mitigated in-year deficit above the unmitigated one is mitigation-arithmetic's finding.
    expect(runRule(mitigationDirection, planWorkbook([[AT.mitigated, 1, 12]]))).toEqual([]);
    expect(runRule(mitigationDirection, planWorkbook([...noLines, [AT.mitigated, 1, 12]]))).toEqual(
      [
        {
          sheet: SHEET,
          address: yearCell(AT.mitigated, 1),
          message:
            "The mitigated in-year deficit for 2025-26 (£12.000m) is larger than the unmitigated one (£11.900m): " +
            "mitigations should reduce the deficit, so check the signs.",
          expected: 11.9,
          actual: 12,
        },
      ]
    );
  });

  it("should skip a line or cumulative figure that is text or blank", () => {
    expect(runRule(mitigationDirection, planWorkbook([[AT.firstMitigation, 1, "tbc"]]))).toEqual(
      []
    );
    const blankBefore: Change[] = [
      [AT.unmitigatedCumulative, 2, null],
      [AT.mitigatedCumulative, 2, 37],
    ];
    expect(runRule(mitigationDirection, planWorkbook(blankBefore))).toEqual([]);
    expect(
      runRule(mitigationDirection, planWorkbook([[AT.mitigatedCumulative, 2, "tbc"]]))
    ).toEqual([]);
  });

  it("should allow the cumulative rows their rounding", () => {
    // 36.2 shown to 3 decimals each: 0.001 apart is within half a unit of each.
    expect(
      runRule(mitigationDirection, planWorkbook([[AT.mitigatedCumulative, 2, 36.201]]))
    ).toEqual([]);
    expect(
      runRule(mitigationDirection, planWorkbook([[AT.mitigatedCumulative, 2, 36.202]]))
    ).toHaveLength(1);
  });

  it("should say so when savings are shown negative and one line is positive", () => {
    const negative: Change[] = [
      [AT.firstMitigation, 1, -1.5],
      [AT.firstMitigation, 2, -2.5],
      [AT.firstMitigation + 1, 1, 0.5],
      [AT.firstMitigation + 1, 2, -1.5],
      [AT.totalMitigations, 1, -1],
      [AT.totalMitigations, 2, -4],
    ];
    expect(runRule(mitigationDirection, planWorkbook(negative)).map((f) => f.message)).toEqual([
      'Mitigation "Early help" increases the deficit by £0.500m in 2025-26: savings are shown negative in this ' +
        "table, so check its sign.",
    ]);
  });
});
