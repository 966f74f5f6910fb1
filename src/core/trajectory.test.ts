import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimals } from "../../test/functions/wiltshire";
import type { Result } from "./result";
import { trajectory, type TrajectoryInput } from "./trajectory";

type Flows = Partial<Record<"growth" | "newPlans" | "ceased" | "mitigation", number[]>>;
const project = (start: number, periods: number, flows: Flows = {}): Result<Decimal[]> => {
  const input: TrajectoryInput = { start: new Decimal(start), periods };
  for (const [name, values] of Object.entries(flows)) input[name as keyof Flows] = decimals(values);
  return trajectory(input);
};
const shown = (r: Result<Decimal[]>) =>
  r.ok ? r.value.map((v) => v.toNumber()) : `${r.error.kind}: ${r.error.message}`;

describe("trajectory", () => {
  it.each([
    ["34 new and 10 ceased plans a month", 1576, 2, { newPlans: [34], ceased: [10] }, [1600, 1624]],
    ["a flat stock", 100, 3, {}, [100, 100, 100]],
    ["mitigation of 39 plans each month", 1000, 2, { mitigation: [39] }, [961, 922]],
    ["growth per period", 100, 2, { growth: [0.1, 0.5] }, [110, 165]],
    ["flows per period", 10, 3, { newPlans: [1, 2, 3], ceased: [0, 1, 0] }, [11, 12, 15]],
    ["a fall to exactly zero", 2, 2, { ceased: [1] }, [1, 0]],
  ])("should project %s", (_, start, periods, flows, expected) => {
    expect(shown(project(start, periods, flows))).toEqual(expected);
  });

  it("should grow 35% over five years with growth 1.35^(1/5) - 1", () => {
    const r = project(1000, 5, { growth: [1.35 ** (1 / 5) - 1] });
    expect(r.ok && r.value[4].toNumber()).toBeCloseTo(1350, 9);
  });

  it.each([
    [
      "a stock that falls below zero",
      1,
      3,
      { ceased: [1, 1, 0] },
      "invalid: the number of plans falls below zero in period 2 (-1)",
    ],
    ["a negative start", -1, 1, {}, "invalid: start is negative (-1); it must be 0 or more"],
    ["no periods", 1, 0, {}, "invalid: periods is 0; it must be a whole number from 1 to 16384"],
    [
      "part periods",
      1,
      1.5,
      {},
      "invalid: periods is 1.5; it must be a whole number from 1 to 16384",
    ],
    [
      "a series not one per period",
      1,
      3,
      { newPlans: [1, 2] },
      "invalid: new_plans has 2 values but periods is 3: give one value or one per period",
    ],
    [
      "negative new plans",
      1,
      2,
      { newPlans: [1, -2] },
      "invalid: new_plans: value 2 is negative (-2); it must be 0 or more",
    ],
    [
      "negative ceased plans",
      1,
      1,
      { ceased: [-1] },
      "invalid: ceased: value 1 is negative (-1); it must be 0 or more",
    ],
    [
      "negative mitigation",
      1,
      1,
      { mitigation: [-1] },
      "invalid: mitigation: value 1 is negative (-1); it must be 0 or more",
    ],
    [
      "growth below -100%",
      1,
      1,
      { growth: [-1.1] },
      "invalid: growth: value 1 is -1.1; a rate must be -1 (-100%) or more",
    ],
  ])("should reject %s", (_, start, periods, flows, message) => {
    expect(shown(project(start, periods, flows))).toBe(message);
  });
});
