import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { negated, weigh, type Term } from "../../src/validation/balance";
import type { LocatedCell } from "../../src/templates/located";

const cell = (value: LocatedCell["value"], decimals = 3): LocatedCell => ({
  row: 0,
  col: 0,
  value,
  formula: null,
  decimals,
});
const add = (value: LocatedCell["value"], decimals = 3): Term => ({
  cell: cell(value, decimals),
  weight: 1,
  name: "part",
});

describe("weigh", () => {
  it("should work out reported − Σ weight × term exactly", () => {
    const weighed = weigh(
      { reported: cell(0.3), terms: [add(0.1), add(0.2), negated(add(0.5)), add(0.5)] },
      {}
    );
    expect(weighed?.expected.toString()).toBe("0.3");
    expect(weighed?.gap.toString()).toBe("0");
    expect(weighed?.holds).toBe(true);
  });

  it("should count a size term as its size whatever its sign, and take it away when negated", () => {
    const deduction = (value: number): Term => ({ ...add(value), weight: -1, size: true });
    for (const shown of [-12.5, 12.5]) {
      const weighed = weigh({ reported: cell(87.5), terms: [add(100), deduction(shown)] }, {});
      expect(weighed?.expected.toString()).toBe("87.5");
    }
  });

  it("should allow half a unit of each rounded figure's last shown decimal, or the user's tolerance", () => {
    const terms = [add(1.001), add(2.001)];
    // The parts add up to 3.002: a total shown as 3.003 is 0.001 off, inside 3 × 0.0005.
    expect(weigh({ reported: cell(3.003), terms }, {})?.holds).toBe(true);
    expect(weigh({ reported: cell(3.004), terms }, {})?.holds).toBe(false);
    expect(weigh({ reported: cell(3.004), terms }, { tolerance: 0.002 })?.holds).toBe(true);
    expect(weigh({ reported: cell(3.003), terms }, { tolerance: 0 })?.holds).toBe(false);
  });

  it("should not compare text, errors or a blank reported figure, and count a blank term as 0", () => {
    expect(weigh({ reported: cell("tbc"), terms: [add(1)] }, {})).toBeUndefined();
    expect(weigh({ reported: cell(1), terms: [add({ error: "#REF!" })] }, {})).toBeUndefined();
    expect(weigh({ reported: cell(null), terms: [add(1)] }, {})).toBeUndefined();
    expect(weigh({ reported: cell(1), terms: [add(1), add(null)] }, {})?.holds).toBe(true);
  });

  it("should hold for any total that is the exact sum of its parts, and fail when a part is left out", () => {
    const money = fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.array(money, { minLength: 2, maxLength: 30 }), (parts) => {
        const total = parts.reduce((sum, p) => sum.plus(p), new Decimal(0)).toNumber();
        const terms = parts.map((p) => add(p));
        expect(weigh({ reported: cell(total), terms }, { tolerance: 0 })?.holds).toBe(true);
        const left = parts.findIndex((p) => Math.abs(p) > 0.001 * (parts.length + 1));
        if (left >= 0) {
          const fewer = terms.filter((_, i) => i !== left);
          expect(weigh({ reported: cell(total), terms: fewer }, {})?.holds).toBe(false);
        }
      })
    );
  });
});
