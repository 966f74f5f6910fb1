import { describe, expect, it } from "vitest";
import { svInstalments } from "../../src/validation/rules/sv-instalments";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

const PAYMENTS = 5;

describe("sv-instalments", () => {
  it("should pass instalments inside the agreement years that add up to its total", () => {
    expect(runRule(svInstalments, planWorkbook())).toEqual([]);
  });

  it("should warn at the agreement total when the instalments do not add up to it", () => {
    expect(runRule(svInstalments, planWorkbook([[PAYMENTS, 2, 0]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.agreementTotal, 0),
        message:
          "The Safety Valve instalments shown add up to £10.000m but the agreement total is £15.000m: difference £5.000m. " +
          "Check each year's DfE payment, including any withheld or re-phased instalment.",
        expected: 10,
        actual: 15,
      },
    ]);
  });

  it("should leave the total to bad-value when an instalment is typed as text", () => {
    expect(runRule(svInstalments, planWorkbook([[PAYMENTS, 2, "-5.0"]]))).toEqual([]);
  });

  it("should warn at an instalment in a year outside the agreement", () => {
    const outside = planWorkbook([
      [AT.deficitLimit, 2, null],
      [AT.inYearLimit, 2, null],
      [AT.status, 2, null],
    ]);
    expect(runRule(svInstalments, outside)).toEqual([
      {
        sheet: SHEET,
        address: yearCell(PAYMENTS, 2),
        message:
          "A Safety Valve instalment of £5.000m is shown in 2026-27, outside the agreement's years (2024-25, 2025-26): " +
          "move it to an agreement year or add that year's limit and status.",
        expected: 0,
        actual: 5,
      },
    ]);
  });

  it("should take an instalment before the agreement table's first year for one already received", () => {
    const startsLater = planWorkbook([
      [AT.deficitLimit, 0, null],
      [AT.inYearLimit, 0, null],
      [AT.status, 0, null],
    ]);
    expect(runRule(svInstalments, startsLater).map((f) => f.message)).not.toContainEqual(
      expect.stringContaining("outside the agreement's years")
    );
  });

  it("should warn at a status that is not one the monitoring uses", () => {
    expect(runRule(svInstalments, planWorkbook([[AT.status, 1, "pending"]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.status, 1),
        message:
          'The instalment status for 2025-26 is "pending": use received, expected, at risk, withheld or suspended.',
      },
    ]);
  });
});
