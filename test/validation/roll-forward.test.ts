import { describe, expect, it } from "vitest";
import { rollForward } from "../../src/validation/rules/roll-forward";
import type { Workbook } from "../../src/workbook/workbook";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

const PAYMENTS = AT.carriedForward - 2;
const CONTRIBUTION = AT.carriedForward - 1;

/** The test plan with the end of year positions shown deficits negative (payments then positive). */
function negatedPlan(changes: Change[] = []): Workbook {
  const plan = planWorkbook().sheets[0];
  const values = plan.values.map((cells, row) =>
    cells.map((v) => (row <= AT.carriedForward && typeof v === "number" ? -v : v))
  );
  for (const [row, year, value] of changes) values[row][2 + year] = value;
  return { sheets: [{ ...plan, values }] };
}

describe("roll-forward on the test plan", () => {
  it("should say what the carried forward is and what the year's movements give", () => {
    expect(runRule(rollForward, planWorkbook([[AT.carriedForward, 1, 27.3]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.carriedForward, 1),
        message:
          "Cumulative deficit for 2025-26 does not roll forward from 2024-25: gap £0.400m. Carried forward is " +
          "£27.300m, but brought forward + in-year − DfE payments − contributions ± adjustments gives £26.900m.",
        expected: 26.9,
        actual: 27.3,
      },
    ]);
  });

  it("should leave payments typed with the deficits' sign to sign-convention, on a sheet of negative deficits", () => {
    expect(runRule(rollForward, negatedPlan())).toEqual([]);
    // Both the DfE payment and the contribution of 2025-26 typed negative, like the deficits.
    const both: Change[] = [
      [PAYMENTS, 1, -5],
      [CONTRIBUTION, 1, -2],
    ];
    expect(runRule(rollForward, negatedPlan(both))).toEqual([]);
    // Payments typed the right way but counted twice (−24 − 9.9 + 2 × 7) are no sign slip: reported.
    expect(
      runRule(rollForward, negatedPlan([[AT.carriedForward, 1, -12.9]])).map((f) => f.actual)
    ).toEqual([-12.9]);
    // A carried forward that is simply wrong is still reported.
    expect(runRule(rollForward, negatedPlan([[AT.carriedForward, 1, -27.3]]))).toHaveLength(1);
  });

  it("should leave payments typed with the deficits' sign to sign-convention, on a sheet of positive deficits", () => {
    const both: Change[] = [
      [PAYMENTS, 1, 5],
      [CONTRIBUTION, 1, 2],
    ];
    expect(runRule(rollForward, planWorkbook(both))).toEqual([]);
  });
});
