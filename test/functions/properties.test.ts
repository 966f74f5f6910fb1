/**
 * Properties that must hold for any input: the arithmetic identities of the deficit and caseload
 * models, and the promise that Excel only ever receives finite numbers, text or a CustomFunctions.Error.
 */
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carryingCost } from "../../src/core/carryingCost";
import { balanceYear, residual, rollForward, rollGaps } from "../../src/core/deficit";
import {
  eligibleDeficit,
  exposure,
  highNeedsStabilityGrant,
  lowestFigure,
} from "../../src/core/hnsg";
import { academicToFinancial, cost, uplift } from "../../src/core/moneyOverTime";
import type { Result } from "../../src/core/result";
import { inUnits } from "../../src/core/units";
import { financialYearLabel } from "../../src/core/years";
import { trajectory } from "../../src/core/trajectory";
import * as dsg from "../../src/functions/functions";
import { asRow } from "./outcome";

// Money to 3 decimal places (how £m figures are published), so Decimal arithmetic is exact.
const money = fc
  .integer({ min: -1_000_000_000, max: 1_000_000_000 })
  .map((n) => new Decimal(n).dividedBy(1000));
const sameSign = (values: Decimal[], negative: boolean) =>
  values.map((v) => (negative ? v.abs().negated() : v.abs()));
const years = fc.integer({ min: 1, max: 50 });
const series = (length: number) => fc.array(money, { minLength: length, maxLength: length });

const rollInput = years.chain((n) =>
  fc.record({
    opening: money,
    inYear: series(n),
    payments: fc.tuple(series(n), fc.boolean()).map(([v, neg]) => sameSign(v, neg)),
    contributions: fc.tuple(series(n), fc.boolean()).map(([v, neg]) => sameSign(v, neg)),
    adjustments: series(n),
  })
);

describe("rollForward", () => {
  it("should move each year's balance by exactly in_year − |payments| − |contributions| + adjustments", () => {
    fc.assert(
      fc.property(rollInput, (input) => {
        const result = rollForward(input);
        if (!result.ok) return false;
        return result.value.every((closing, t) => {
          const previous = t === 0 ? input.opening : result.value[t - 1];
          const movement = input.inYear[t]
            .minus(input.payments[t].abs())
            .minus(input.contributions[t].abs())
            .plus(input.adjustments[t]);
          return closing.minus(previous).equals(movement);
        });
      }),
      { numRuns: 500 }
    );
  });
});

const STATUSES = ["received", "expected", "at risk", "withheld", "suspended"] as const;

describe("the calculations in whole units and in decimal.js", () => {
  // Figures typed with up to six decimals, small enough that whole units always fit (the custom
  // functions' fast path); decimal.js is the reference.
  const typed = fc
    .tuple(fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 6 }))
    .map(([units, places]) => new Decimal(units).dividedBy(10 ** places));
  const typedSeries = (n: number) => fc.array(typed, { minLength: n, maxLength: n });
  const args = years.chain((n) =>
    fc.record({
      opening: typed,
      inYear: typedSeries(n),
      payments: typedSeries(n).map((v) => sameSign(v, true)),
      contributions: typedSeries(n).map((v) => sameSign(v, false)),
      adjustments: typedSeries(n),
      closing: typedSeries(n),
      status: fc.array(fc.constantFrom(...STATUSES), { minLength: n, maxLength: n }),
    })
  );
  const both = (values: readonly { toNumber(): number; toString(): string }[]) =>
    values.map((v) => [v.toNumber(), v.toString()]);

  it("should give the same balances, gaps, residual and balance year to the last digit", () => {
    fc.assert(
      fc.property(args, (decimals) => {
        const { opening: start, inYear: years, payments: paid, contributions: given } = decimals;
        const series = [[start], years, paid, given, decimals.adjustments, decimals.closing];
        const units = inUnits(series.map((values) => values.map((v) => v.toNumber())));
        expect(units).not.toBeNull();
        const [[opening], inYear, payments, contributions, adjustments, closing] = units!;
        const inWholeUnits = { opening, inYear, payments, contributions, adjustments };
        const paymentStatus = decimals.status;
        const labels = inYear.map((_, i) => financialYearLabel(2024 + i));
        const pairs = [
          [rollForward(inWholeUnits), rollForward(decimals)],
          [rollGaps({ ...inWholeUnits, closing }), rollGaps(decimals)],
          [residual({ ...inWholeUnits, paymentStatus }), residual({ ...decimals, paymentStatus })],
          [balanceYear(labels, inYear), balanceYear(labels, decimals.inYear)],
        ] as const;
        for (const [fast, reference] of pairs) {
          expect(fast.ok).toBe(reference.ok);
          if (!fast.ok || !reference.ok) continue;
          const values = (value: unknown) =>
            typeof value === "string" ? value : both([value].flat() as Decimal[]);
          expect(values(fast.value)).toEqual(values(reference.value));
        }
      }),
      { numRuns: 2000 }
    );
  });

  it("should turn academic years into the same financial-year numbers, rounded once", () => {
    const academic = fc.integer({ min: 2, max: 51 }).chain(typedSeries);
    const months = fc.integer({ min: 0, max: 12 });
    fc.assert(
      fc.property(academic, months, (values, m) => {
        const units = inUnits([values.map((v) => v.toNumber())]);
        expect(units).not.toBeNull();
        const fast = academicToFinancial(units![0], m);
        const reference = academicToFinancial(values, m);
        if (!fast.ok || !reference.ok) throw new Error("both should convert");
        expect(both(fast.value)).toEqual(both(reference.value));
      }),
      { numRuns: 2000 }
    );
  });

  it("should compound uplifts, caseloads and costs exactly, rounding each answer once", () => {
    // decimal.js with digits to spare is exact on these figures, so it is the reference here.
    const Exact = Decimal.clone({ precision: 400 });
    const rate = fc.integer({ min: -999, max: 999 }).map((n) => n / 1000);
    const whole = (max: number) => fc.integer({ min: 0, max });
    const cases = fc.integer({ min: 1, max: 50 }).chain((n) =>
      fc.record({
        base: whole(1e9).map((v) => v / 1000),
        rates: fc.array(rate, { minLength: n, maxLength: n }),
        flows: fc.array(whole(50), { minLength: 3, maxLength: 3 }),
        caseload: fc.array(fc.array(whole(500), { minLength: n, maxLength: n }), {
          minLength: 1,
          maxLength: 7,
        }),
        unitCost: fc.array(
          whole(1e7).map((v) => v / 100),
          { minLength: 7, maxLength: 7 }
        ),
      })
    );
    const outcome = (result: Result<readonly { toNumber(): number }[]>) =>
      result.ok ? result.value.map((v) => v.toNumber()) : result.error.message;
    fc.assert(
      fc.property(cases, ({ base, rates, flows, caseload, unitCost }) => {
        const costs = unitCost.slice(0, caseload.length);
        const series = [[base], rates, ...flows.map((flow) => [flow]), costs, ...caseload];
        const [[start], growth, [added], [lost], [avoided], prices, ...counts] = inUnits(series)!;
        const [[exactStart], exactGrowth, [exactAdded], [exactLost], [exactAvoided], ...rest] =
          series.map((values) => values.map((v) => new Exact(v)));
        const [exactPrices, ...exactCounts] = rest;
        const periods = rates.length;
        const pairs = [
          [uplift(start, growth), uplift(exactStart, exactGrowth)],
          [
            trajectory({
              start,
              periods,
              growth,
              newPlans: [added],
              ceased: [lost],
              mitigation: [avoided],
            }),
            trajectory({
              start: exactStart,
              periods,
              growth: exactGrowth,
              newPlans: [exactAdded],
              ceased: [exactLost],
              mitigation: [exactAvoided],
            }),
          ],
          [cost(counts, prices, growth), cost(exactCounts, exactPrices, exactGrowth)],
        ] as const;
        for (const [fast, reference] of pairs) expect(outcome(fast)).toEqual(outcome(reference));
      }),
      { numRuns: 500 }
    );
  });
});

describe("DSG.RESIDUAL", () => {
  it("should equal the last DSG.CUMULATIVE value when given the same counted payments", () => {
    const args = years.chain((n) =>
      fc.record({
        opening: money,
        inYear: series(n),
        payments: series(n).map((v) => sameSign(v, true)),
        contributions: series(n).map((v) => sameSign(v, false)),
        status: fc.array(fc.constantFrom(...STATUSES), { minLength: n, maxLength: n }),
      })
    );
    fc.assert(
      fc.property(args, ({ opening, inYear, payments, contributions, status }) => {
        const row = (values: Decimal[]) => asRow(values.map((v) => v.toNumber())) as any[][];
        const counted = payments.map((p, i) =>
          status[i] === "received" || status[i] === "expected" ? p : new Decimal(0)
        );
        const left = dsg.residual(
          opening.toNumber(),
          row(inYear),
          row(payments),
          row(contributions),
          asRow(status) as any[][]
        );
        const cumulative = dsg.cumulative(
          opening.toNumber(),
          row(inYear),
          row(counted),
          row(contributions),
          null as any
        )[0];
        return left === cumulative[cumulative.length - 1];
      }),
      { numRuns: 300 }
    );
  });
});

describe("the write-off claim", () => {
  const deficit = fc
    .integer({ min: 0, max: 1_000_000_000 })
    .map((n) => new Decimal(n).dividedBy(1000));
  const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => new Decimal(n).dividedBy(1000));
  const sources = fc.array(deficit, { minLength: 1, maxLength: 8 });

  it("should make the eligible deficit no more than any source's figure, and one of them less the ineligible part", () => {
    fc.assert(
      fc.property(sources, fraction, (figures, part) => {
        const lowest = Decimal.min(...figures);
        // An ineligible part within the lowest figure: a fraction of it.
        const ineligible = lowest.times(part);
        const result = eligibleDeficit(figures, ineligible);
        if (!result.ok) return false;
        const found = lowestFigure(figures);
        return (
          figures.every((figure) => result.value.lte(figure.minus(ineligible))) &&
          result.value.plus(ineligible).equals(lowest) &&
          found.ok &&
          figures[found.value.position - 1].equals(lowest) &&
          figures.slice(0, found.value.position - 1).every((figure) => figure.gt(lowest))
        );
      }),
      { numRuns: 500 }
    );
  });

  it("should keep exposure + grant = deficit + Σ later_in_year for any share in [0, 1]", () => {
    const cases = fc.record({
      held: deficit,
      later: fc.array(money, { minLength: 1, maxLength: 6 }),
      share: fraction,
      part: fraction,
    });
    fc.assert(
      fc.property(cases, ({ held, later, share, part }) => {
        const ineligible = held.times(part);
        const carried = exposure(held, later, share, ineligible);
        const grant = highNeedsStabilityGrant(held, share, ineligible);
        if (!carried.ok || !grant.ok) return false;
        const accrued = later.reduce((sum, v) => sum.plus(v), new Decimal(0));
        return carried.value.plus(grant.value).equals(held.plus(accrued));
      }),
      { numRuns: 500 }
    );
  });

  it("should cost each year rate × its average balance, never below 0, the same in whole units as in decimal.js", () => {
    const cases = years.chain((n) =>
      fc.record({
        opening: money,
        closing: series(n),
        rates: fc.oneof(
          fc.array(fraction, { minLength: 1, maxLength: 1 }),
          fc.array(fraction, { minLength: n, maxLength: n })
        ),
      })
    );
    fc.assert(
      fc.property(cases, ({ opening, closing, rates }) => {
        const reference = carryingCost(opening, closing, rates);
        const [[start], ends, perYear] = inUnits([
          [opening.toNumber()],
          closing.map((v) => v.toNumber()),
          rates.map((v) => v.toNumber()),
        ])!;
        const fast = carryingCost(start, ends, perYear);
        if (!reference.ok || !fast.ok) return false;
        expect(fast.value.map((v) => v.toNumber())).toEqual(
          reference.value.map((v) => v.toNumber())
        );
        return reference.value.every((cost, t) => {
          const average = (t === 0 ? opening : closing[t - 1]).plus(closing[t]).dividedBy(2);
          const rate = rates.length === 1 ? rates[0] : rates[t];
          const exact = new Decimal(cost.toString());
          return exact.gte(0) && exact.equals(Decimal.max(average, 0).times(rate));
        });
      }),
      { numRuns: 500 }
    );
  });
});

describe("trajectory", () => {
  const count = fc.integer({ min: 0, max: 500 }).map((n) => new Decimal(n));
  const rate = fc.integer({ min: -200, max: 500 }).map((n) => new Decimal(n).dividedBy(1000));
  const flows = fc.integer({ min: 1, max: 60 }).chain((periods) =>
    fc.record({
      start: fc.integer({ min: 0, max: 100_000 }).map((n) => new Decimal(n)),
      periods: fc.constant(periods),
      growth: fc.oneof(
        fc.array(rate, { minLength: 1, maxLength: 1 }),
        fc.array(rate, { minLength: periods, maxLength: periods })
      ),
      newPlans: fc.array(count, { minLength: periods, maxLength: periods }),
      ceased: fc.array(count, { minLength: 1, maxLength: 1 }),
      mitigation: fc.array(count, { minLength: periods, maxLength: periods }),
    })
  );

  it("should keep stock(t) = stock(t−1)×(1+growth) + new − ceased − mitigation, or name the period the stock goes negative", () => {
    fc.assert(
      fc.property(flows, (input) => {
        const result = trajectory(input);
        const g = (t: number) => (input.growth.length === 1 ? input.growth[0] : input.growth[t]);
        if (!result.ok) return /falls below zero in period \d+/.test(result.error.message);
        return result.value.every((stock, t) => {
          const previous = t === 0 ? input.start : result.value[t - 1];
          const flow = input.newPlans[t].minus(input.ceased[0]).minus(input.mitigation[t]);
          const gap = stock
            .minus(previous.times(g(t).plus(1)))
            .minus(flow)
            .abs();
          return stock.gte(0) && gap.lte(previous.abs().plus(1).times("1e-15"));
        });
      }),
      { numRuns: 500 }
    );
  });
});

// Anything Excel, HyperFormula or a careless caller could hand over.
const cell = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    0,
    null,
    undefined,
    "",
    1e308,
    -1e308,
    5e-324,
    Number.MAX_SAFE_INTEGER,
    "received",
    "2024-25",
    "FY24/25"
  ),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant({ error: "#N/A" }),
  fc.object({ maxDepth: 1 })
);
const grid = fc.oneof(
  fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((row) => [row]),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((values) => values.map((v) => [v])),
  fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }),
  cell
);
const argument = fc.oneof(grid, cell);

/** Calls the adapter with these arguments and returns what Excel would receive, or the offending throw. */
function excelSees(call: () => unknown): "ok" | "excel error" | unknown {
  try {
    const value = call();
    const values = Array.isArray(value) ? value.flat() : [value];
    const shown = values.every(
      (v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v))
    );
    return shown && !(Array.isArray(value) && value.length === 0) ? "ok" : value;
  } catch (error) {
    return error instanceof CustomFunctions.Error ? "excel error" : error;
  }
}

const ADAPTERS: Record<string, (...args: any[]) => unknown> = {
  CUMULATIVE: dsg.cumulative,
  RESIDUAL: dsg.residual,
  ELIGIBLE: dsg.eligible,
  HNSG: dsg.hnsg,
  EXPOSURE: dsg.exposure,
  CARRYCOST: dsg.carrycost,
  ROLLGAP: dsg.rollgap,
  BALANCEYEAR: dsg.balanceyear,
  UPLIFT: dsg.uplift,
  COST: dsg.cost,
  AYTOFY: dsg.aytofy,
  FY: dsg.fy,
  TRAJECTORY: dsg.trajectory,
};

describe("every DSG function on arbitrary input", () => {
  it.each(Object.entries(ADAPTERS))(
    "should give %s a finite answer or a CustomFunctions.Error, never NaN, Infinity or a raw exception",
    (_, adapter) => {
      fc.assert(
        fc.property(
          fc.array(argument, { minLength: adapter.length, maxLength: adapter.length }),
          (args) => {
            expect(["ok", "excel error"]).toContain(excelSees(() => adapter(...args)));
          }
        ),
        { numRuns: 250 }
      );
    }
  );

  it("should answer huge but valid money with finite numbers or #NUM!, never Infinity", () => {
    const huge = fc.constantFrom(1e308, -1e308, 1.7e308, 1e-300);
    fc.assert(
      fc.property(huge, huge, huge, (a, b, c) => {
        for (const call of [
          () => dsg.cumulative(a, [[b, c]], [[b, b]]),
          () => dsg.rollgap(a, [[b]], [[c]], [[0]], [[a]]),
          () => dsg.uplift(a, [[1, 1]], null as any),
          () => dsg.cost([[a, a]], [[b]], null as any),
          () => dsg.aytofy([[a, b, c]], null as any),
          () => dsg.eligible([[a, b, c]], null as any),
          () => dsg.exposure(a, [[b, c]], null as any, null as any),
          () => dsg.carrycost(a, [[b, c]], [[1]]),
        ]) {
          expect(["ok", "excel error"]).toContain(excelSees(call));
        }
      }),
      { numRuns: 50 }
    );
  });
});
