import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactSum, inUnits, placesOf, Quotient, Units } from "./units";

/** A figure as councils type them: up to `maxPlaces` decimals, up to a trillion. */
const typedFigure = (maxPlaces: number) =>
  fc
    .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: maxPlaces }))
    .map(([units, places]) => units / 10 ** places);

/** Any exact decimal: up to 120 digits, up to 200 places. */
const anyUnits = fc
  .tuple(fc.bigInt({ min: -(10n ** 120n), max: 10n ** 120n }), fc.integer({ min: 0, max: 200 }))
  .map(([units, places]) => new Units(units, places));

// Enough digits to hold every quotient below exactly enough that rounding it to a double is exact.
const Exact = Decimal.clone({ precision: 400 });

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
        const units = new Units(BigInt(Math.round(value * 10 ** places)), places);
        expect(units.toDecimal().equals(new Decimal(value))).toBe(true);
        expect(new Decimal(value).decimalPlaces()).toBe(places);
      }),
      { numRuns: 5000 }
    );
  });
});

describe("inUnits", () => {
  it("should hold each figure in its own places", () => {
    const units = inUnits([[1.5, 2], [0.25]]);
    expect(units?.map((s) => s.map((u) => [u.units, u.places]))).toEqual([
      [
        [15n, 1],
        [2n, 0],
      ],
      [[25n, 2]],
    ]);
  });

  it("should hold any finite figure exactly, as the decimal JavaScript writes for it", () => {
    const units = inUnits([[1 / 3, 1e300, -1.5e-300, 5e-324]]);
    expect(units?.[0].map(String)).toEqual([
      "0.3333333333333333",
      `1${"0".repeat(300)}`,
      `-0.${"0".repeat(299)}15`,
      `0.${"0".repeat(323)}5`,
    ]);
  });

  it.each([
    ["a figure that is not finite", [[1, Number.NaN]], 1],
    ["a compounding whose digits pass the budget", [[0.001]], 626],
  ])("should refuse %s", (_, series, compounding) => {
    expect(inUnits(series, compounding)).toBeNull();
  });
});

describe("Units", () => {
  it.each([
    [new Units(-5n, 2), "-0.05"],
    [new Units(28706n, 3), "28.706"],
    [new Units(1200n, 0), "1200"],
    [new Units(1500n, 3), "1.5"],
    [new Units(0n, 3), "0"],
  ])("should write %o as %s", (units, text) => {
    expect(units.toString()).toBe(text);
  });

  it("should add, subtract and multiply amounts of different places exactly", () => {
    const a = new Units(15n, 1); // 1.5
    const b = new Units(25n, 2); // 0.25
    expect(a.plus(b).toString()).toBe("1.75");
    expect(b.minus(a).toString()).toBe("-1.25");
    expect(a.times(b).toString()).toBe("0.375");
    expect(a.times(12).toString()).toBe("18");
    expect(b.plus(1).toString()).toBe("1.25");
  });

  // 1 + 2^-53 is halfway between 1 and the next double up: exactly there it rounds to even (1), and
  // the least bit more rounds up, however far below the 66 bits divided out that bit lies.
  const halfway = "1.00000000000000011102230246251565404236316680908203125";
  it.each([
    [halfway, 1],
    [`${halfway}0000001`, 1 + 2 ** -52],
    [`-${halfway}0000001`, -1 - 2 ** -52],
  ])("should round %s to %d", (text, expected) => {
    const [whole, fraction] = text.split(".");
    const units = new Units(BigInt(whole + fraction), fraction.length);
    expect(units.toNumber()).toBe(expected);
  });

  it("should round to the double nearest the exact amount, as parsing its decimal does", () => {
    fc.assert(
      fc.property(anyUnits, (units) => {
        expect(units.toNumber()).toBe(Number(units.toString()));
      }),
      { numRuns: 3000 }
    );
  });
});

describe("Quotient", () => {
  it("should round the exact quotient once, for Units and for Decimals alike", () => {
    fc.assert(
      fc.property(anyUnits, fc.integer({ min: 1, max: 12 }), (units, divisor) => {
        const exact = new Exact(units.toString()).dividedBy(divisor).toNumber();
        expect(new Quotient(units, divisor).toNumber()).toBe(exact);
      }),
      { numRuns: 3000 }
    );
    expect(new Quotient(new Decimal(19), 12).toNumber()).toBe(19 / 12);
  });

  it("should show decimal.js's 20 significant digits", () => {
    expect(new Quotient(new Units(19n, 0), 12).toString()).toBe("1.5833333333333333333");
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
      }),
      { numRuns: 3000 }
    );
  });

  it.each([
    ["figures with too many digits", [1 / 3, 1e300]],
    ["whole units that could add up past 2^51", [2 ** 50, 2 ** 50, 2 ** 50]],
  ])("should leave %s to decimal.js", (_, values) => {
    const expected = values.reduce((sum, v) => sum.plus(v), new Decimal(0));
    expect(exactSum(values).equals(expected)).toBe(true);
  });
});
