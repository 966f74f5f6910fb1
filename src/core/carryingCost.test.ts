import { describe, expect, it } from "vitest";
import { decimals as d } from "../../test/functions/wiltshire";
import { carryingCost } from "./carryingCost";
import { Decimal } from "decimal.js";
import type { Result } from "./result";
import { inUnits } from "./units";

const shown = (r: Result<readonly { toString(): string }[]>) =>
  r.ok ? r.value.map((v) => v.toString()) : `${r.error.kind}: ${r.error.message}`;
const cost = (opening: number, closing: number[], rates: number[]) =>
  shown(carryingCost(new Decimal(opening), d(closing), d(rates)));

describe("carryingCost", () => {
  it.each([
    [
      "BCP's 2024-25 deficit growing from £63m to £91m at 5% (cabinet report, May 2024; rate illustrative)",
      63,
      [91],
      [0.05],
      ["3.85"],
    ],
    ["each year on the previous year's closing balance", 63, [91, 99], [0.05], ["3.85", "4.75"]],
    ["each year at its own rate", 63, [91, 99], [0.05, 0.04], ["3.85", "3.8"]],
    ["nothing in surplus years", 10, [20, -30, -10], [0.05], ["0.75", "0", "0"]],
    ["a year that ends in surplus on its average balance", 10, [-4], [0.05], ["0.15"]],
    ["nothing at a nil rate", 63, [91], [0], ["0"]],
    ["nothing on a balance that averages nil", 5, [-5], [0.05], ["0"]],
    [
      // Wiltshire Council, Schools Forum report (autumn 2024), para 16: the carry forward recomputed
      // from the rounded rows (fixture fact 1), opening £35.214m; the 5% rate is illustrative.
      "Wiltshire's recomputed carry forward from £35.214m at 5%",
      35.214,
      [28.706, 61.183, 77.318, 99.197, 99.925, 34.509],
      [0.05],
      ["1.598", "2.247225", "3.462525", "4.412875", "4.97805", "3.36085"],
    ],
  ])("should cost %s", (_, opening, closing, rates, expected) => {
    expect(cost(opening, closing, rates)).toEqual(expected);
  });

  it.each([
    ["no years", [], [0.05], "invalid: closing is empty: give at least one value"],
    [
      "rates that are neither one nor one per year",
      [1, 2, 3],
      [0.05, 0.04],
      "invalid: rate has 2 values but closing has 3: give one rate, or one per year",
    ],
    ["a negative rate", [1], [-0.05], "invalid: rate is negative (-0.05); it must be 0 or more"],
    [
      "a negative rate in a series, by position",
      [1, 2],
      [0.05, -0.01],
      "invalid: rate: value 2 is negative (-0.01); it must be 0 or more",
    ],
    [
      "a percentage typed as a whole number",
      [1],
      [5],
      "invalid: rate is 5; give the rate as a fraction (0.05 is 5%)",
    ],
    [
      "a percentage in a series, by position",
      [1, 2],
      [0.05, 4],
      "invalid: rate: value 2 is 4; give the rate as a fraction (0.05 is 5%)",
    ],
  ])("should reject %s", (_, closing, rates, message) => {
    expect(cost(1, closing, rates)).toBe(message);
  });

  it("should accept a rate of exactly 100%", () => {
    expect(cost(1, [3], [1])).toEqual(["2"]);
  });

  it("should cost the same in whole units as in decimal.js, rounded once", () => {
    const closing = [28.706, 61.183, 77.318];
    const rates = [0.0525, 0.0475, 0.0333];
    const [[opening], ends, perYear] = inUnits([[35.214], closing, rates])!;
    const fast = carryingCost(opening, ends, perYear);
    const reference = carryingCost(new Decimal(35.214), d(closing), d(rates));
    const numbers = (r: typeof fast | typeof reference) =>
      r.ok ? r.value.map((v) => v.toNumber()) : r.error.message;
    expect(numbers(fast)).toEqual(numbers(reference));
    expect(shown(fast)).toEqual(shown(reference));
  });
});
