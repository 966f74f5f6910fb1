import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactSum, inUnits, placesOf, Units } from "./units";

/** A figure as councils type them: up to `maxPlaces` decimals, up to a trillion. */
const typedFigure = (maxPlaces: number) =>
  fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: maxPlaces }))
    .map(([units, places]) => units / 10 ** places);

describe("placesOf", () => {
  it.each([
    [0, 0],
    [-0, 0],
    [1200, 0],
    [28.706, 3],
    [-0.05, 2],
    [0.1 + 0.2, -1],
    [1 / 3, -1],
    [1e300, -1],
    [Number.NaN, -1],
    [Number.POSITIVE_INFINITY, -1],
  ])("should give %s %i decimal places", (value, places) => {
    expect(placesOf(value)).toBe(places);
  });

  it("should agree with the decimal decimal.js reads from any double it accepts", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (value) => {
        const places = placesOf(value);
        if (places < 0) return;
        const units = new Units(Math.round(value * 10 ** places), places);
        expect(units.toDecimal().equals(new Decimal(value))).toBe(true);
        expect(new Decimal(value).decimalPlaces()).toBe(places);
      }),
      { numRuns: 5000 }
    );
  });
});

describe("inUnits", () => {
  it("should give every series the most places any figure has", () => {
    const units = inUnits([[1.5, 2], [0.25]]);
    expect(units?.map((s) => s.map((u) => [u.units, u.places]))).toEqual([
      [
        [150, 2],
        [200, 2],
      ],
      [[25, 2]],
    ]);
  });

  it.each([
    ["a figure with too many digits", [[1 / 3]], 1],
    ["figures that could add up past 2^53 units", [new Array<number>(9).fill(2 ** 50)], 1],
    ["room needed for a multiple", [[2 ** 50]], 12],
  ])("should refuse %s", (_, series, headroom) => {
    expect(inUnits(series, headroom)).toBeNull();
  });
});

describe("Units", () => {
  it.each([
    [new Units(-5, 2), "-0.05"],
    [new Units(28706, 3), "28.706"],
    [new Units(1200, 0), "1200"],
    [new Units(1500, 3), "1.5"],
    [new Units(-0, 3), "0"],
  ])("should write %o as %s", (units, text) => {
    expect(units.toString()).toBe(text);
  });

  it("should keep decimal.js's sign of -0", () => {
    expect(new Units(-0, 0).s).toBe(new Decimal(-0).s);
    expect(new Units(0, 0).s).toBe(new Decimal(0).s);
  });
});

describe("exactSum", () => {
  it("should add 0.1 and 0.2 to exactly 0.3", () => {
    expect(exactSum([0.1, 0.2]).toString()).toBe("0.3");
  });

  it("should give decimal.js's sum, to the last digit, for figures as typed", () => {
    fc.assert(
      fc.property(fc.array(typedFigure(6), { maxLength: 40 }), (values) => {
        const expected = values.reduce((sum, v) => sum.plus(v), new Decimal(0));
        expect(exactSum(values).equals(expected)).toBe(true);
        expect(exactSum(values).toNumber()).toBe(expected.toNumber());
      }),
      { numRuns: 3000 }
    );
  });

  it("should fall back to decimal.js where whole units would not be exact", () => {
    expect(exactSum([1 / 3, 1e300]).equals(new Decimal(1 / 3).plus(1e300))).toBe(true);
  });
});
