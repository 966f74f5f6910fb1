/**
 * The README's exactness claim, as properties: every answer of the compounding functions is the exact
 * answer on the figures as typed, rounded once to the nearest double. The reference is decimal.js with
 * 10,000 digits (more than any of these answers has, so exact) and one rounding, to a number, at the
 * end. Figures carry up to 10 decimals over up to 50 periods, and some 40 more whole digits, so the
 * adapters answer some in whole units and some on Bounds (past the budget); the core's calculations on Bounds are also checked against
 * whole units on figures of any size, where decimal.js would need tens of thousands of digits.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rollForward } from "../../src/core/deficit";
import { academicToFinancial, cost, uplift } from "../../src/core/moneyOverTime";
import type { Result } from "../../src/core/result";
import { trajectory } from "../../src/core/trajectory";
import { Bounds, inUnits, Unsettled, type Units } from "../../src/core/units";
import * as dsg from "../../src/functions/functions";
import { asRow, outcome } from "./outcome";

// Enough digits for every answer below to be exact (a 50-year compounding of 63-digit figures has
// about 3,200); decimal.js multiplies a long number by a short one in linear time, so this is cheap.
const Exact = Decimal.clone({ precision: 10_000 });

/** A figure typed with up to 10 decimals and up to 12 significant digits (0.0316906312, 1234.5). */
const typed = (max: number) =>
  fc
    .tuple(fc.integer({ min: -max, max }), fc.integer({ min: 0, max: 10 }))
    .map(([units, places]) => Number(`${units}e-${places}`));
const nonNegative = (max: number) => typed(max).map(Math.abs);
/** Sometimes a figure with 40 more whole digits, so that whole units pass their budget (Bounds answer). */
const wide = (figure: fc.Arbitrary<number>) =>
  fc.oneof(
    figure,
    figure.map((v) => v * 1e40)
  );
/** A rate above −100%: up to 10 decimals, mostly small, sometimes large. */
const rate = fc.oneof(
  typed(500_000_000).filter((r) => r > -1),
  typed(99_999).filter((r) => r > -1)
);
const periods = fc.integer({ min: 1, max: 50 });
const seriesOf = <T>(arbitrary: fc.Arbitrary<T>, n: number) =>
  fc.array(arbitrary, { minLength: n, maxLength: n });

/** Numbers as the adapter spills them across a row, or its Excel error. */
const row = (call: () => number[][]) => {
  const result = outcome(call);
  return Array.isArray(result) ? result[0] : result;
};
/** The reference answers, each rounded once; -0 shows as 0, as the adapters return it. */
const rounded = (values: readonly Decimal[]) => values.map((v) => v.toNumber() || 0);

describe("exact to the final rounding, through the adapters", () => {
  it("DSG.UPLIFT: base × (1+r1) × … × (1+rt)", () => {
    const cases = periods.chain((n) =>
      fc.record({ base: wide(typed(1e12)), rates: seriesOf(rate, n) })
    );
    fc.assert(
      fc.property(cases, ({ base, rates }) => {
        let value = new Exact(base);
        const expected = rates.map((r) => (value = value.times(new Exact(r).plus(1))));
        const answer = row(() => dsg.uplift(base, asRow(rates) as any[][]));
        if (typeof answer === "string") expect(answer).toMatch(/^#NUM!/);
        else expect(answer).toEqual(rounded(expected));
      }),
      { numRuns: 300 }
    );
  });

  it("DSG.COST: Σ caseload × unit cost × price index, the index compounding from the second year", () => {
    const cases = fc.tuple(periods, fc.integer({ min: 1, max: 10 })).chain(([n, placements]) =>
      fc.record({
        caseload: seriesOf(seriesOf(nonNegative(100_000), n), placements),
        unitCost: seriesOf(nonNegative(1e10), placements),
        inflation: fc.oneof(seriesOf(rate, 1), seriesOf(rate, n)),
      })
    );
    fc.assert(
      fc.property(cases, ({ caseload, unitCost, inflation }) => {
        let index = new Exact(1);
        const expected = caseload[0].map((_, t) => {
          if (t > 0)
            index = index.times(new Exact(inflation[inflation.length === 1 ? 0 : t]).plus(1));
          const total = caseload.reduce(
            (sum, counts, p) => sum.plus(new Exact(counts[t]).times(unitCost[p])),
            new Exact(0)
          );
          return total.times(index);
        });
        const answer = row(() =>
          dsg.cost(
            caseload,
            unitCost.map((c) => [c]),
            asRow(inflation) as any[][]
          )
        );
        if (typeof answer === "string") expect(answer).toMatch(/^#NUM!/);
        else expect(answer).toEqual(rounded(expected));
      }),
      { numRuns: 200 }
    );
  });

  it("DSG.TRAJECTORY: stock × (1+growth) + new − ceased − mitigation", () => {
    const cases = periods.chain((n) =>
      fc.record({
        start: wide(nonNegative(1e9)),
        growth: fc.oneof(seriesOf(rate, 1), seriesOf(rate, n)),
        flows: seriesOf(nonNegative(1e6), 3),
        n: fc.constant(n),
      })
    );
    fc.assert(
      fc.property(cases, ({ start, growth, flows: [added, lost, avoided], n }) => {
        let stock = new Exact(start);
        const expected: Decimal[] = [];
        for (let t = 0; t < n && !stock.isNeg(); t++) {
          const g = new Exact(growth[growth.length === 1 ? 0 : t]);
          stock = stock.times(g.plus(1)).plus(added).minus(lost).minus(avoided);
          if (!stock.isNeg() || stock.isZero()) expected.push(stock);
        }
        const answer = row(() =>
          dsg.trajectory(start, n, asRow(growth) as any[][], [[added]], [[lost]], [[avoided]])
        );
        if (expected.length < n) expect(answer).toMatch(/^#(VALUE|NUM)!/);
        else if (typeof answer === "string") expect(answer).toMatch(/^#NUM!/);
        else expect(answer).toEqual(rounded(expected));
      }),
      { numRuns: 300 }
    );
  });

  it("DSG.AYTOFY: ((12 − m) × AY(t−1) + m × AY(t)) / 12", () => {
    const cases = fc.record({
      values: fc.integer({ min: 2, max: 51 }).chain((n) => seriesOf(typed(1e12), n)),
      months: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(cases, ({ values, months }) => {
        const expected = values.slice(1).map((v, t) =>
          new Exact(values[t])
            .times(12 - months)
            .plus(new Exact(v).times(months))
            .dividedBy(12)
        );
        expect(row(() => dsg.aytofy(asRow(values) as any[][], months))).toEqual(rounded(expected));
      }),
      { numRuns: 300 }
    );
  });

  it("DSG.CUMULATIVE: opening + in-year − |payments| − |contributions|, year by year", () => {
    const cases = periods.chain((n) =>
      fc.record({
        opening: typed(1e12),
        inYear: seriesOf(typed(1e12), n),
        payments: seriesOf(nonNegative(1e12), n),
        contributions: seriesOf(nonNegative(1e12), n),
      })
    );
    fc.assert(
      fc.property(cases, ({ opening, inYear, payments, contributions }) => {
        let balance = new Exact(opening);
        const expected = inYear.map(
          (v, t) => (balance = balance.plus(v).minus(payments[t]).minus(contributions[t]))
        );
        const answer = row(() =>
          dsg.cumulative(
            opening,
            asRow(inYear) as any[][],
            asRow(payments) as any[][],
            asRow(contributions) as any[][]
          )
        );
        expect(answer).toEqual(rounded(expected));
      }),
      { numRuns: 300 }
    );
  });

  it("should give the issue's 10 × 49 caseload at 3.169063% inflation to the last digit", () => {
    const caseload = Array.from({ length: 10 }, (_, p) =>
      Array.from({ length: 49 }, (_, t) => 40 + ((p * 7 + t * 3) % 23))
    );
    const unitCost = Array.from({ length: 10 }, (_, p) => 21_345.67 + p * 1_234.5);
    let index = new Exact(1);
    const expected = caseload[0].map((_, t) => {
      if (t > 0) index = index.times("1.03169063");
      const total = caseload.reduce(
        (sum, counts, p) => sum.plus(new Exact(counts[t]).times(unitCost[p])),
        new Exact(0)
      );
      return total.times(index);
    });
    const answer = dsg.cost(
      caseload,
      unitCost.map((c) => [c]),
      [[0.03169063]]
    );
    expect(answer[0]).toEqual(rounded(expected));
  });
});

describe("Bounds", () => {
  // Any finite double: a figure may carry hundreds of decimal places (1.5e-300) or whole digits (2e300).
  const anyFigure = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
  const anyRate = fc.oneof(
    anyFigure.filter((r) => r > -1),
    fc.double({ noNaN: true, min: -0.999, max: 5 })
  );
  const bounds = (values: readonly Units[]) => values.map((v) => new Bounds(v, v));
  /** Each answer as a number, `"unsettled"` when Bounds cannot tell, or the error's message. */
  const numbers = (result: () => Result<readonly { toNumber(): number }[]>) => {
    try {
      const answer = result();
      return answer.ok ? answer.value.map((v) => v.toNumber()) : answer.error.message;
    } catch (error) {
      if (error instanceof Unsettled) return "unsettled";
      throw error;
    }
  };
  const agree = (onBounds: unknown, exact: unknown) => {
    if (onBounds !== "unsettled") expect(onBounds).toEqual(exact);
  };

  it("should give whole units' answers, or say it cannot, for uplifts, costs and trajectories of any figures", () => {
    const cases = fc.integer({ min: 1, max: 12 }).chain((n) =>
      fc.record({
        base: anyFigure,
        stock: anyFigure.map(Math.abs),
        rates: seriesOf(anyRate, n),
        flows: seriesOf(anyFigure.map(Math.abs), 3),
        counts: seriesOf(seriesOf(anyFigure.map(Math.abs), n), 2),
        prices: seriesOf(anyFigure.map(Math.abs), 2),
      })
    );
    fc.assert(
      fc.property(cases, ({ base, stock, rates, flows, counts, prices }) => {
        const exact = inUnits([[base, stock], rates, flows, prices, ...counts], 1, Infinity)!;
        const [[start, first], growth, [added, lost, avoided], unitCost, ...caseload] = exact;
        const inBounds = exact.map(bounds);
        const [[startB, firstB], growthB, [addedB, lostB, avoidedB], unitCostB, ...caseloadB] =
          inBounds;
        agree(
          numbers(() => uplift(startB, growthB)),
          numbers(() => uplift(start, growth))
        );
        agree(
          numbers(() => cost(caseloadB, unitCostB, growthB)),
          numbers(() => cost(caseload, unitCost, growth))
        );
        const periods = rates.length;
        agree(
          numbers(() =>
            trajectory({
              start: firstB,
              periods,
              growth: growthB,
              newPlans: [addedB],
              ceased: [lostB],
              mitigation: [avoidedB],
            })
          ),
          numbers(() =>
            trajectory({
              start: first,
              periods,
              growth,
              newPlans: [added],
              ceased: [lost],
              mitigation: [avoided],
            })
          )
        );
      }),
      { numRuns: 300 }
    );
  });

  it("should turn academic years into financial years and roll a deficit forward as whole units do", () => {
    const cases = fc.record({
      values: fc.array(anyFigure, { minLength: 2, maxLength: 12 }),
      months: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(cases, ({ values, months }) => {
        const [exact] = inUnits([values], 1, Infinity)!;
        agree(
          numbers(() => academicToFinancial(bounds(exact), months)),
          numbers(() => academicToFinancial(exact, months))
        );
        const [opening, ...inYear] = exact;
        agree(
          numbers(() =>
            rollForward({ opening: new Bounds(opening, opening), inYear: bounds(inYear) })
          ),
          numbers(() => rollForward({ opening, inYear }))
        );
      }),
      { numRuns: 300 }
    );
  });

  it("should say when it cannot tell the sign, rather than guess", () => {
    const [[one, tiny]] = inUnits([[1, 1e-300]])!;
    const exactOne = new Bounds(one, one);
    // (1 + 1e-300) cut to 128 bits lies between 1 and just above it; less 1 is 0 or a little more.
    const nearlyZero = exactOne.plus(new Bounds(tiny, tiny)).minus(exactOne);
    expect(nearlyZero.low.isZero()).toBe(true);
    expect(() => nearlyZero.isZero()).toThrow();
    expect(nearlyZero.s).toBe(1);
    expect(() => nearlyZero.times(-1).s).toThrow();
  });
});
