/** Edges of the EHCP projection: which flow a length error names, and flows that change each period. */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimals as d } from "../../test/functions/wiltshire";
import { trajectory, type TrajectoryInput } from "./trajectory";

const start = new Decimal(100);

describe("trajectory length errors name the flow", () => {
  it.each([
    ["growth", "growth"],
    ["newPlans", "new_plans"],
    ["ceased", "ceased"],
    ["mitigation", "mitigation"],
  ] as const)("should name %s as %s", (field, name) => {
    const input: TrajectoryInput = { start, periods: 3, [field]: d([1, 1]) };
    const r = trajectory(input);
    expect(r.ok ? "ok" : r.error.message).toBe(
      `${name} has 2 values but periods is 3: give one value or one per period`
    );
  });
});

describe("trajectory flows", () => {
  it("should mix a steady flow with one that changes each period", () => {
    // 100 + 10 − 1, then + 10 − 2, then + 10 − 3, less 5 mitigated each period.
    const r = trajectory({
      start,
      periods: 3,
      newPlans: d([10]),
      ceased: d([1, 2, 3]),
      mitigation: d([5]),
    });
    expect(r.ok && r.value.map(String)).toEqual(["104", "107", "109"]);
  });

  it("should take ceased plans alone away each period", () => {
    const r = trajectory({ start, periods: 2, ceased: d([4]), growth: d([0]) });
    expect(r.ok && r.value.map(String)).toEqual(["96", "92"]);
  });
});
