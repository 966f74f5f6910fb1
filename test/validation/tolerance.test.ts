import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import {
  allowance,
  halfUnit,
  roundingAllowance,
  withinTolerance,
} from "../../src/validation/tolerance";
import type { LocatedCell } from "../../src/templates/located";

const shown = (decimals: number): LocatedCell => ({
  row: 0,
  col: 0,
  value: 1,
  formula: null,
  decimals,
});

describe("halfUnit", () => {
  it.each([
    [3, "0.0005"],
    [0, "0.5"],
    [-3, "500"],
  ])("should allow half of the last shown digit for %i decimals", (decimals, expected) => {
    expect(halfUnit(decimals).toString()).toBe(expected);
  });
});

describe("allowance", () => {
  const terms = [shown(3), shown(3), shown(3), shown(3), shown(3)];

  it("should sum half units over the rounded terms by default", () => {
    expect(roundingAllowance(terms).toString()).toBe("0.0025");
    expect(allowance(terms, {}).toString()).toBe("0.0025");
  });

  it("should use the user's absolute tolerance instead when given", () => {
    expect(allowance(terms, { tolerance: 0.2 }).toString()).toBe("0.2");
  });

  it.each([
    ["0.001", {}, true],
    ["-0.0025", {}, true],
    ["0.0026", {}, false],
    ["0.1", {}, false],
    ["0.1", { tolerance: 0.1 }, true],
    ["0.001", { tolerance: 0 }, false],
  ] as const)(
    "should judge a gap of %s with options %j as within: %s",
    (gap, options, expected) => {
      expect(withinTolerance(new Decimal(gap), terms, options)).toBe(expected);
    }
  );
});
