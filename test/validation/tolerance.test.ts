import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import {
  allowance,
  halfUnit,
  holds,
  plainlyAbove,
  plainlyAddsUp,
  plainlyAtMost,
  plainlyWithin,
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

describe("plainlyWithin", () => {
  const terms = [shown(3), shown(3)];
  const exactGap = (reported: number, parts: readonly number[]) =>
    parts.reduce((gap, part) => gap.minus(part), new Decimal(reported));
  const plainGap = (reported: number, parts: readonly number[]) =>
    reported - parts.reduce((sum, part) => sum + part, 0);

  it.each([
    [28.706, [10.1, 18.606], true],
    [28.707, [10.1, 18.606], false], // exactly the allowance of 0.001: only the exact check can say
    [28.8, [10.1, 18.606], false],
  ])("should settle %j against %j as plainly within: %s", (reported, parts, expected) => {
    expect(plainlyWithin(plainGap(reported, parts), [reported, ...parts], terms, {})).toBe(
      expected
    );
  });

  it("should never call a gap within when the exact check does not", () => {
    const figure = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000);
    fc.assert(
      // Totals a few thousandths either side of their parts' sum, where the allowance decides.
      fc.property(
        fc.array(figure, { maxLength: 40 }),
        fc.integer({ min: -3, max: 3 }),
        (parts, off) => {
          const reported = exactGap(0, parts)
            .negated()
            .plus(off / 1000)
            .toNumber();
          const gap = plainGap(reported, parts);
          if (plainlyWithin(gap, [reported, ...parts], terms, {}))
            expect(withinTolerance(exactGap(reported, parts), terms, {})).toBe(true);
        }
      )
    );
  });
});

describe("plainlyAddsUp", () => {
  it.each([
    [28.706, [10.1, 18.606], {}, true],
    [28.707, [10.1, 18.606], {}, false],
    [28.8, [10.1, 18.606], { tolerance: 0.1 }, true],
  ])(
    "should settle %j against the sum of %j (options %j) as plainly within: %s",
    (total, parts, options, expected) => {
      expect(plainlyAddsUp(total, parts, [shown(3), shown(3)], options)).toBe(expected);
    }
  );
});

describe("holds", () => {
  const terms = [shown(3), shown(3)];
  const comparison = (gap: string) => ({
    plainGap: Number(gap),
    figures: [28.706, 28.706 - Number(gap)],
    gap: new Decimal(gap),
    terms,
  });

  it.each([
    ["0", true],
    ["0.001", true], // exactly the allowance: settled by the exact gap
    ["0.0011", false],
  ])("should judge a gap of %s as within: %s", (gap, expected) => {
    expect(holds(comparison(gap), {})).toBe(expected);
  });
});

describe("plainlyAtMost", () => {
  it.each([
    [-5, true], // far below: a fall is never an excess
    [0.0005, false], // exactly the allowance of one rounded figure: only the exact check can say
    [0.0004, true],
  ])("should settle an excess of %d as plainly at most the allowance: %s", (excess, expected) => {
    expect(plainlyAtMost(excess, [10, 10 + excess], [shown(3)], {})).toBe(expected);
  });
});

describe("plainlyAbove", () => {
  it.each([
    [0.0006, true],
    [0.0005, false], // exactly the allowance of one rounded figure: only the exact check can say
    [0, false],
  ])("should settle an excess of %d as plainly above the allowance: %s", (excess, expected) => {
    expect(plainlyAbove(excess, [excess], [shown(3)], {})).toBe(expected);
  });

  it("should agree with the exact check whenever it settles a size", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (units) => {
        const size = units / 1e7;
        const exact = new Decimal(size).gt(allowance([shown(3)], {}));
        return !plainlyAbove(size, [size], [shown(3)], {}) || exact;
      })
    );
  });
});
