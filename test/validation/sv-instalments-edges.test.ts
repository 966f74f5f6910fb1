/**
 * sv-instalments on the edges of the agreement: which years it covers (a limit or a status in any of its
 * rows; an empty string is blank), nil or rounding-sized payments, statuses left blank or typed with
 * spaces, a total that is text or within rounding, and a plan without a DfE payments row.
 */
import { describe, expect, it } from "vitest";
import { svInstalments } from "../../src/validation/rules/sv-instalments";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

const PAYMENTS = 5;
const run = (...changes: Change[]) => runRule(svInstalments, planWorkbook(changes));
/** 2026-27 taken out of the agreement: its limits and status blank (null, or an empty string). */
const outside = (blank: null | ""): Change[] => [
  [AT.deficitLimit, 2, blank],
  [AT.inYearLimit, 2, blank],
  [AT.status, 2, blank],
];

describe("sv-instalments: the agreement's years", () => {
  it("should take cells holding an empty string as blank", () => {
    expect(run(...outside("")).map((f) => f.address)).toEqual([yearCell(PAYMENTS, 2)]);
  });

  it("should count a year with only a status as an agreement year", () => {
    expect(run([AT.deficitLimit, 2, null], [AT.inYearLimit, 2, null])).toEqual([]);
  });

  it("should not place instalments when the agreement table has no years filled in", () => {
    const empty = [0, 1, 2].flatMap((y): Change[] => [
      [AT.deficitLimit, y, null],
      [AT.inYearLimit, y, null],
      [AT.status, y, null],
    ]);
    expect(run(...empty)).toEqual([]);
  });

  it("should not take a nil or rounding-sized payment for an instalment", () => {
    // 15 is still paid in full: 5 + 5 + 5 with 0.0004 in the year outside the agreement.
    expect(run(...outside(null), [PAYMENTS, 2, 0.0004], [PAYMENTS, 1, -10])).toEqual([]);
    expect(run(...outside(null), [PAYMENTS, 2, 0], [PAYMENTS, 1, -10])).toEqual([]);
  });
});

describe("sv-instalments: statuses and totals", () => {
  it("should pass a status of spaces, and show a wrong one without its spaces", () => {
    expect(run([AT.status, 1, "   "])).toEqual([]);
    expect(run([AT.status, 1, "  pending "]).map((f) => f.message)).toEqual([
      'The instalment status for 2025-26 is "pending": use received, expected, at risk, withheld or suspended.',
    ]);
  });

  it("should allow the rounding of the total and each instalment", () => {
    // Four figures to 3 decimals: 0.002 between the total and the instalments is within rounding.
    expect(run([AT.agreementTotal, 0, 15.0019])).toEqual([]);
    expect(run([AT.agreementTotal, 0, 15.0021]).map((f) => f.address)).toEqual([
      yearCell(AT.agreementTotal, 0),
    ]);
  });

  it("should leave a total typed as text to bad-value", () => {
    expect(run([AT.agreementTotal, 0, "£15m"])).toEqual([]);
  });

  it("should still check statuses when the plan shows no DfE payments", () => {
    expect(run([PAYMENTS, -1, "Note"], [AT.status, 1, "pending"])).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.status, 1),
        message:
          'The instalment status for 2025-26 is "pending": use received, expected, at risk, withheld or suspended.',
      },
    ]);
  });
});
