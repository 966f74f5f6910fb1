/**
 * sv-limits at the edges of what it can judge: a forecast within rounding of its limit, limits or figures
 * that are blank or text, an agreement without one of its limits, and the gross roll-forward's rounding
 * and its stop at a figure it cannot read.
 */
import { describe, expect, it } from "vitest";
import { svLimits } from "../../src/validation/rules/sv-limits";
import { AT, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

const BROUGHT_FORWARD = AT.inYear + 1;
const CONTRIBUTION = AT.carriedForward - 1;
const run = (...changes: Change[]) => runRule(svLimits, planWorkbook(changes));
const where = (...changes: Change[]) => run(...changes).map((f) => f.address);

describe("sv-limits: rounding", () => {
  it("should allow the in-year forecast and its limit half a unit each", () => {
    // 9.9 against 9.899: 0.001 over, within the two figures' 0.0005 each.
    expect(run([AT.inYearLimit, 1, 9.899])).toEqual([]);
    expect(where([AT.inYearLimit, 1, 9.8985])).toEqual([yearCell(AT.inYear, 1)]);
  });

  it("should allow the cumulative forecast and its limit half a unit each", () => {
    expect(run([AT.deficitLimit, 2, 30.199])).toEqual([]);
    expect(where([AT.deficitLimit, 2, 30.1985])).toEqual([yearCell(AT.carriedForward, 2)]);
  });

  it("should allow the gross deficit the rounding of every figure it is rolled from", () => {
    // Gross at the end of 2025-26: 20 + 9 + 9.9 − 0 − 2 = 36.9 from five figures, plus the limit: 0.003.
    const gross = (limit: number): Change[] => [
      [AT.limitBasis, 0, "gross"],
      [AT.deficitLimit, 1, limit],
      [AT.deficitLimit, 2, 60],
    ];
    expect(run(...gross(36.8972))).toEqual([]);
    expect(where(...gross(36.8968))).toEqual([yearCell(AT.carriedForward, 1)]);
  });
});

describe("sv-limits: what it cannot judge", () => {
  it("should not judge a forecast year whose limit is blank or text", () => {
    expect(run([AT.inYearLimit, 1, null], [AT.deficitLimit, 1, "tbc"])).toEqual([]);
  });

  it("should not judge a forecast figure that is text", () => {
    expect(run([AT.inYearLimit, 1, 5], [AT.inYear, 1, "tbc"])).toEqual([]);
    expect(run([AT.deficitLimit, 1, 5], [AT.carriedForward, 1, "tbc"])).toEqual([]);
  });

  it("should check the limit the agreement has when it has only one", () => {
    const noInYearLimit: Change[] = [
      [AT.inYearLimit, -1, "Note"],
      [AT.inYearLimit, 1, 1],
      [AT.deficitLimit, 2, 29],
    ];
    expect(where(...noInYearLimit)).toEqual([yearCell(AT.carriedForward, 2)]);
    const noDeficitLimit: Change[] = [
      [AT.deficitLimit, -1, "Note"],
      [AT.deficitLimit, 2, 1],
      [AT.inYearLimit, 1, 9],
    ];
    expect(where(...noDeficitLimit)).toEqual([yearCell(AT.inYear, 1)]);
  });

  it("should judge the agreement's first year when it is a forecast", () => {
    expect(where([1, 0, "Forecast"], [AT.inYearLimit, 0, 8])).toEqual([yearCell(AT.inYear, 0)]);
  });

  it("should stop the gross roll-forward at a figure it cannot read", () => {
    const gross: Change[] = [
      [AT.limitBasis, 0, "gross"],
      [AT.deficitLimit, 1, 60],
      [AT.deficitLimit, 2, 30],
    ];
    // 2026-27 gross would be 45.2 against 30: but its in-year figure is text, so it is not worked out.
    expect(where(...gross, [AT.inYear, 2, "tbc"])).toEqual([]);
    // A text contribution in 2025-26 stops the roll there: neither forecast year is measured.
    expect(where(...gross, [CONTRIBUTION, 1, "tbc"])).toEqual([]);
    // Without an opening figure there is nothing to roll from.
    expect(where(...gross, [BROUGHT_FORWARD, 0, "tbc"])).toEqual([]);
    expect(where(...gross)).toEqual([yearCell(AT.carriedForward, 2)]);
  });
});
