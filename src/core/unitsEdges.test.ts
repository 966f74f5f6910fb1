/**
 * The edges of the exact arithmetic in units.ts: where a figure stops being held in whole units, where
 * a division leaves a double's range, and which representation a calculation is handed.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { exactSum, inAmounts, inUnits, placesOf, Units } from "./units";

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
  it("should accept exactly 400 places (4 places compounded 100 times) and refuse 401", () => {
    expect(inUnits([[0.0001]], 100)).not.toBeNull();
    expect(inUnits([[0.0001]], 101)).toBeNull();
    expect(inUnits([[0.001, 1]], 133)?.[0].map((u) => u.places)).toEqual([3, 0]);
    expect(inUnits([[0.001, 1]], 134)).toBeNull();
  });
});

describe("inAmounts", () => {
  const kinds = (amounts: readonly (readonly unknown[] | undefined)[]) =>
    amounts.map((values) =>
      values === undefined
        ? "absent"
        : values.map((v) => (v instanceof Units ? `units ${v}` : `decimal ${String(v)}`))
    );

  it("should hand the calculation Units when every figure fits, keeping absent series in place", () => {
    expect(inAmounts([undefined, [1.5, 2], undefined, [0.25]], kinds)).toEqual([
      "absent",
      ["units 1.5", "units 2"],
      "absent",
      ["units 0.25"],
    ]);
  });

  it("should hand it Decimals when one figure has too many digits, absent series still absent", () => {
    expect(inAmounts([undefined, [1 / 3], [2]], kinds)).toEqual([
      "absent",
      [`decimal ${new Decimal(1 / 3).toString()}`],
      ["decimal 2"],
    ]);
  });

  it("should hand it Decimals when compounding would keep too many places", () => {
    expect(inAmounts([[1.001]], kinds, 134)).toEqual([["decimal 1.001"]]);
    expect(inAmounts([[1.001]], kinds, 133)).toEqual([["units 1.001"]]);
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
