import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimals } from "../../test/functions/wiltshire";
import { academicToFinancial, cost, uplift } from "./moneyOverTime";
import type { Result } from "./result";

const shown = (r: Result<readonly { toString(): string }[]>) =>
  r.ok ? r.value.map((v) => v.toString()) : `${r.error.kind}: ${r.error.message}`;

describe("uplift", () => {
  it.each([
    ["one rate once", 100, [0.03], undefined, ["103"]],
    [
      "one rate repeated (DfE +3% a year on Wiltshire's 2025-26 income)",
      80.301,
      [0.03],
      3,
      ["82.71003", "85.1913309", "87.747070827"],
    ],
    ["a series of rates in turn", 100, [0.1, 0, -0.5], undefined, ["110", "110", "55"]],
    ["a series with matching periods", 100, [0.1, 0.1], 2, ["110", "121"]],
    ["a fall of 100%", 100, [-1, 0.5], undefined, ["0", "0"]],
  ])("should grow %s", (_, base, rates, periods, expected) => {
    expect(shown(uplift(new Decimal(base), decimals(rates), periods))).toEqual(expected);
  });

  it.each([
    [[0.03], 0, "invalid: periods is 0; it must be a whole number from 1 to 16384"],
    [[0.03], 2.5, "invalid: periods is 2.5; it must be a whole number from 1 to 16384"],
    [[0.03], 20000, "invalid: periods is 20000; it must be a whole number from 1 to 16384"],
    [
      [0.1, 0.2],
      3,
      "invalid: periods is 3 but rates has 2 values: give one rate, or leave periods out",
    ],
    [[0.1, -1.5], undefined, "invalid: rates: value 2 is -1.5; a rate must be -1 (-100%) or more"],
    [[], undefined, "invalid: rates is empty: give at least one value"],
  ])("should reject rates %o with periods %o", (rates, periods, message) => {
    expect(shown(uplift(new Decimal(100), decimals(rates), periods))).toBe(message);
  });
});

describe("cost", () => {
  const caseload = [decimals([10, 11, 12]), decimals([5, 6, 0])];
  const unitCost = decimals([1000, 2000]);

  it.each([
    ["without inflation", undefined, ["20000", "23000", "12000"]],
    ["with one rate from the second year on", [0.1], ["20000", "25300", "14520"]],
    ["with one rate per year, ignoring the first", [0.5, 0.1, 0], ["20000", "25300", "13200"]],
  ])("should cost the caseload %s", (_, inflation, expected) => {
    expect(shown(cost(caseload, unitCost, inflation && decimals(inflation)))).toEqual(expected);
  });

  it.each([
    [
      "a unit cost missing",
      caseload,
      decimals([1000]),
      undefined,
      "invalid: unit_cost has 1 value but caseload has 2 rows (one per placement type)",
    ],
    [
      "inflation of the wrong length",
      caseload,
      unitCost,
      decimals([0.1, 0.1]),
      "invalid: inflation has 2 values but caseload has 3 columns (one per year)",
    ],
    [
      "a negative caseload",
      [decimals([1, 2]), decimals([3, -4])],
      unitCost,
      undefined,
      "invalid: caseload: row 2, column 2 is negative (-4); it must be 0 or more",
    ],
    [
      "a negative unit cost",
      caseload,
      decimals([1, -2]),
      undefined,
      "invalid: unit_cost: value 2 is negative (-2); it must be 0 or more",
    ],
    [
      "deflation beyond -100%",
      caseload,
      unitCost,
      decimals([-2]),
      "invalid: inflation: value 1 is -2; a rate must be -1 (-100%) or more",
    ],
    [
      "no years",
      [[]],
      decimals([]),
      undefined,
      "invalid: caseload is empty: give at least one value",
    ],
  ])("should reject %s", (_, load, unit, inflation, message) => {
    expect(shown(cost(load, unit, inflation))).toBe(message);
  });
});

describe("academicToFinancial", () => {
  it.each([
    ["with 7 months from September to March", [12, 24, 36], undefined, ["19", "31"]],
    ["with every month before April", [12, 24], 12, ["24"]],
    ["with no month before April", [12, 24], 0, ["12"]],
    ["exactly in twelfths", [1, 2], 7, ["1.5833333333333333333"]],
  ])("should convert %s", (_, values, months, expected) => {
    expect(shown(academicToFinancial(decimals(values), months))).toEqual(expected);
  });

  it.each([
    [
      [12],
      7,
      "invalid: academic_year_values needs at least 2 academic years to make one financial year",
    ],
    [[12, 24], 13, "invalid: months_before_april is 13; it must be a whole number from 0 to 12"],
    [[12, 24], 6.5, "invalid: months_before_april is 6.5; it must be a whole number from 0 to 12"],
  ])("should reject %o with %o months", (values, months, message) => {
    expect(shown(academicToFinancial(decimals(values), months))).toBe(message);
  });
});
