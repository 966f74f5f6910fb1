import { describe, expect, it } from "vitest";
import { balanceNotCleared } from "../../src/validation/rules/balance-not-cleared";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

// The test plan runs 2024-25 to 2026-27 with deficits positive and carries forward £30.2m at the end.
const inYear = (...figures: number[]): Change[] => figures.map((v, i) => [AT.inYear, i, v]);

describe("balance-not-cleared", () => {
  it("should note a deficit still carried when the in-year position balances from a year on", () => {
    // A nil in-year result in 2025-26 and a surplus in 2026-27: in balance from 2025-26.
    expect(runRule(balanceNotCleared, planWorkbook(inYear(9, 0, -1)))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.carriedForward, 2),
        message:
          "The in-year DSG position is in balance from 2025-26, but a cumulative deficit of £30.200m remains at " +
          "the end of 2026-27: an in-year balance does not clear it.",
        actual: 30.2,
      },
    ]);
  });

  it("should date the balance from the first year after which every year balances", () => {
    const [note] = runRule(balanceNotCleared, planWorkbook(inYear(-1, 2, -0.5)));
    expect(note.message).toMatch(/^The in-year DSG position is in balance from 2026-27,/);
  });

  it("should say nothing while the plan is still in deficit in its last year", () => {
    expect(runRule(balanceNotCleared, planWorkbook())).toEqual([]);
    expect(runRule(balanceNotCleared, planWorkbook(inYear(-1, -1, 0.1)))).toEqual([]);
  });

  it("should say nothing when the cumulative deficit is cleared by the end of the plan", () => {
    const cleared = [...inYear(9, 0, -1), [AT.carriedForward, 2, 0] as const];
    expect(runRule(balanceNotCleared, planWorkbook(cleared))).toEqual([]);
    const surplus = [...inYear(9, 0, -1), [AT.carriedForward, 2, -0.4] as const];
    expect(runRule(balanceNotCleared, planWorkbook(surplus))).toEqual([]);
  });

  it("should not judge a plan whose in-year result or carried forward is not a figure", () => {
    const text: Change[] = [...inYear(9, 0, -1), [AT.inYear, 0, "tbc"]];
    expect(runRule(balanceNotCleared, planWorkbook(text))).toEqual([]);
    const lastText: Change[] = [...inYear(9, 0, -1), [AT.carriedForward, 2, "tbc"]];
    expect(runRule(balanceNotCleared, planWorkbook(lastText))).toEqual([]);
  });

  it("should not run without an in-year or a carried forward row", () => {
    const noCarried: Change[] = [...inYear(9, 0, -1), [AT.carriedForward, -1, "Note"]];
    expect(runRule(balanceNotCleared, planWorkbook(noCarried))).toEqual([]);
    const noInYear: Change[] = [...inYear(9, 0, -1), [AT.inYear, -1, "Note"]];
    expect(runRule(balanceNotCleared, planWorkbook(noInYear))).toEqual([]);
  });

  it("should read a sheet that shows deficits as negative numbers", () => {
    const plan = planWorkbook(inYear(9, 0, -1)).sheets[0];
    const negated = plan.values.map((cells, row) =>
      cells.map((v) => (row <= AT.carriedForward && typeof v === "number" ? -v : v))
    );
    const [note] = runRule(balanceNotCleared, { sheets: [{ ...plan, values: negated }] });
    expect(note.message).toBe(
      "The in-year DSG position is in balance from 2025-26, but a cumulative deficit of £30.200m remains at " +
        "the end of 2026-27: an in-year balance does not clear it."
    );
    expect(note.actual).toBe(-30.2);
  });
});
