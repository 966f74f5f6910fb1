/**
 * The edges of the exact arithmetic in units.ts: where a figure stops being held in whole units, where
 * a division leaves a double's range, and which representation a calculation is handed.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bounds, exactSum, inAmounts, inUnits, placesOf, Quotient, Units } from "./units";

describe("placesOf at its limits", () => {
  it.each([
    // 15 places is the most; 1e-16 would need a 16th.
    [1e-15, 15],
    [1e-16, -1],
    [0.000_000_000_000_123, 15],
    // A whole number is held only below 2^51, where no other decimal reads back as the same double.
    [2 ** 51 - 1, 0],
    [2 ** 51, -1],
    [-(2 ** 51), -1],
  ])("should give %s %i decimal places", (value, places) => {
    expect(placesOf(value)).toBe(places);
  });
});

describe("inUnits at the compounding limit", () => {
  it("should accept 2500 digits (1 whole and 4 places, compounded 500 times) and refuse more", () => {
    expect(inUnits([[0.0001]], 500)).not.toBeNull();
    expect(inUnits([[0.0001]], 501)).toBeNull();
    // 123.4 has 3 whole digits and 0.001 three places: 6 digits, 416 times is 2496.
    expect(inUnits([[0.001, 123.4]], 416)?.[0].map((u) => u.places)).toEqual([3, 1]);
    expect(inUnits([[0.001, 123.4]], 417)).toBeNull();
    // 9.5 has one whole digit, 10.5 two.
    expect(inUnits([[9.5]], 1250)).not.toBeNull();
    expect(inUnits([[10.5]], 1250)).toBeNull();
  });

  it("should lift the budget when asked", () => {
    expect(inUnits([[0.0001]], 10_000, Infinity)).not.toBeNull();
  });
});

describe("inAmounts", () => {
  const kinds = (amounts: readonly (readonly unknown[] | undefined)[]) =>
    amounts.map((values) =>
      values === undefined
        ? "absent"
        : values.map((v) =>
            v instanceof Units
              ? `units ${v}`
              : v instanceof Bounds
                ? `bounds ${v}`
                : `decimal ${String(v)}`
          )
    );

  it("should hand the calculation Units when every figure fits, keeping absent series in place", () => {
    expect(inAmounts([undefined, [1.5, 2], undefined, [0.25]], kinds)).toEqual([
      "absent",
      ["units 1.5", "units 2"],
      "absent",
      ["units 0.25"],
    ]);
  });

  it("should hand it Units for figures of any number of digits, absent series still absent", () => {
    expect(inAmounts([undefined, [1 / 3], [2e300]], kinds)).toEqual([
      "absent",
      ["units 0.3333333333333333"],
      [`units 2${"0".repeat(300)}`],
    ]);
  });

  it("should hand it Bounds when compounding would pass the budget", () => {
    // 1.001 spans 4 digits: 625 × 4 = 2500.
    expect(inAmounts([[1.001]], kinds, 626)).toEqual([["bounds 1.001"]]);
    expect(inAmounts([[1.001]], kinds, 625)).toEqual([["units 1.001"]]);
  });

  it("should hand it Decimals for a figure that is not finite (the adapters never pass one)", () => {
    expect(inAmounts([[Number.POSITIVE_INFINITY]], kinds)).toEqual([["decimal Infinity"]]);
  });
});

describe("Units at the edges of a double", () => {
  it("should take zero as positive, as decimal.js does", () => {
    expect(new Units(0n, 2).s).toBe(1);
    expect(new Units(-1n, 2).s).toBe(-1);
  });

  it("should round amounts that are below a double's normal range (subnormals), not flush them to 0", () => {
    // 10^-310 is below 2^-1022, where a double has fewer bits; it still has a nearest double.
    expect(new Units(1n, 310).toNumber()).toBe(1e-310);
    expect(new Units(-123n, 312).toNumber()).toBe(-1.23e-310);
    expect(new Units(1n, 330).toNumber()).toBe(0);
  });

  it("should round amounts whose whole units are beyond a double, but whose value is not", () => {
    // 10^400 units of 10^-100 is 10^300: the units alone would overflow a double.
    expect(new Units(10n ** 400n, 100).toNumber()).toBe(1e300);
    expect(new Units(-(3n * 10n ** 400n), 100).toNumber()).toBe(-3e300);
    expect(new Units(10n ** 400n, 0).toNumber()).toBe(Number.POSITIVE_INFINITY);
  });

  it("should round whole amounts far beyond 2^53 without overflowing on the way", () => {
    expect(new Units(2n ** 500n, 0).toNumber()).toBe(2 ** 500);
    expect(new Units(2n ** 500n + 1n, 0).toNumber()).toBe(2 ** 500);
    expect(new Units(-(2n ** 900n), 0).toNumber()).toBe(-(2 ** 900));
  });
});

describe("exactSum off its fast path", () => {
  it("should add a figure with too many digits exactly, even beside ones that fit", () => {
    expect(exactSum([1 / 3, 1]).equals(new Decimal(1 / 3).plus(1))).toBe(true);
    expect(exactSum([2, 0.1 + 0.2]).equals(new Decimal(0.1 + 0.2).plus(2))).toBe(true);
  });

  it("should keep every unit of a total that passes 2^53", () => {
    const big = 2 ** 51 - 1;
    const values = [big, big, big, big, big, 1];
    // 5 × (2^51 − 1) + 1 = 11258999068426236, which a double cannot hold (it is odd and above 2^53).
    expect(exactSum(values).toFixed()).toBe("11258999068426236");
    expect(exactSum([big, 1]).toFixed()).toBe("2251799813685248");
  });

  it("should hold the places of the most precise figure", () => {
    expect(exactSum([1, 0.05, 0.125]).toString()).toBe("1.175");
    expect(exactSum([0.125, 0.05, 1]).toString()).toBe("1.175");
  });
});

describe("rounding any exact amount to a double", () => {
  // Digits enough to hold any halfway point between two doubles, subnormal ones included (about 1,100),
  // so a quotient rounded to them and then to a double is the exact quotient rounded once.
  const Reference = Decimal.clone({ precision: 3000, toExpNeg: -9e15, toExpPos: 9e15 });
  // Whole units of up to 3,000 bits, at places from -400 (a figure cut short inside Bounds) to 1,500:
  // amounts from far below the smallest subnormal to far past the largest double.
  const amounts = fc
    .tuple(
      fc.bigInt({ min: -(2n ** 3000n), max: 2n ** 3000n }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: -400, max: 1500 })
    )
    .map(([units, bits, places]) => new Units(units >> BigInt(bits), places));

  it("should give the double nearest units × 10^-places ÷ divisor, ties to even, at any size", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 1, max: 12 }), (amount, divisor) => {
        const exact = new Reference(amount.toString()).dividedBy(divisor);
        expect(new Quotient(amount, divisor).toNumber()).toBe(exact.toNumber());
      }),
      { numRuns: 3000 }
    );
  });

  it.each([
    // Halfway between 1 and the next double rounds to even (1); just above it rounds up.
    [2n ** 53n + 1n, 0, 1, 2 ** 53],
    [2n ** 53n + 3n, 0, 1, 2 ** 53 + 4],
    // Halfway between 0 and the smallest subnormal rounds to 0; the smallest subnormal itself stays.
    [247n, 326, 1, 0],
    [5n, 324, 1, 5e-324],
    // The largest double, and the first amount that rounds to Infinity (2^1024 − 2^970).
    [179769313486231570n, -291, 1, Number.MAX_VALUE],
    [2n ** 1024n - 2n ** 970n, 0, 1, Infinity],
    // Whole units scaled up (places below 0) and divided by a divisor that is not a power of two.
    // (7e300 / 3 in doubles rounds twice: 7e300 is not a double.)
    [7n, -300, 3, Number(`2.${"3".repeat(40)}e300`)],
  ])("should round %s × 10^(-(%i)) ÷ %i to %s", (units, places, divisor, expected) => {
    expect(new Quotient(new Units(units, places), divisor).toNumber()).toBe(expected);
  });
});

describe("Bounds at their edges", () => {
  it("should hold an amount that fits 128 bits exactly, and cut a longer one to two ends around it", () => {
    const [[third, tiny]] = inUnits([[1 / 3, 1e-300]])!;
    const exact = Bounds.around(third.times(third));
    expect(exact.low).toBe(exact.high);
    const [one] = inUnits([[1]])![0];
    const cut = Bounds.around(one.plus(tiny));
    expect(cut.low.toString()).toBe("1");
    expect(cut.high.minus(cut.low).units).toBe(1n);
    expect(cut.toNumber()).toBe(1);
    expect(String(cut)).toBe("1");
  });

  it("should cut negative amounts outwards too", () => {
    const [[minusOne, tiny]] = inUnits([[-1, 1e-300]])!;
    const cut = Bounds.around(minusOne.minus(tiny));
    expect(cut.high.toString()).toBe("-1");
    expect(cut.high.minus(cut.low).units).toBe(1n);
    expect(cut.s).toBe(-1);
    expect(cut.isZero()).toBe(false);
  });

  it("should multiply ends of either sign into the widest pair", () => {
    const [[a, b, c]] = inUnits([[-1, 1e-300, 2]])!;
    // [-1 - 1e-300 cut] × [2 + 1e-300 cut]: the low end is the most negative product.
    const left = Bounds.around(a.minus(b));
    const right = Bounds.around(c.plus(b));
    const product = left.times(right);
    expect(product.low.toNumber()).toBe(-2);
    expect(product.high.toNumber()).toBe(-2);
    expect(product.low.minus(product.high).units < 0n).toBe(true);
    expect(product.toNumber()).toBe(-2);
  });
});
