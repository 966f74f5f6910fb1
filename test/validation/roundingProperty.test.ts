/**
 * The rounding-aware tolerance as a property: any plan whose figures roll forward exactly, published
 * rounded to 3 decimals, passes roll-forward and opening-balance; moving one carried-forward figure by
 * more than twice the rounding allowance of its year always fails.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { findingsOf, type Summary } from "./engineSupport";

const YEARS = ["2023-24", "2024-25", "2025-26"];
const amount = (min: number, max: number) =>
  fc.integer({ min: min * 10_000, max: max * 10_000 }).map((n) => n / 10_000);
const rounded = (value: Decimal) => value.toDecimalPlaces(3).toNumber();

/** A summary computed from unrounded (4-decimal) figures, then shown to 3 decimals as councils publish it. */
const published = fc
  .record({
    opening: amount(1, 100),
    inYear: fc.array(amount(-10, 40), { minLength: 3, maxLength: 3 }),
    payments: fc.array(amount(-15, 0), { minLength: 3, maxLength: 3 }),
  })
  .map(({ opening, inYear, payments }): Summary => {
    let closing = new Decimal(opening);
    const broughtForward: number[] = [];
    const carriedForward: number[] = [];
    inYear.forEach((value, t) => {
      broughtForward.push(rounded(closing));
      closing = closing.plus(value).plus(payments[t]);
      carriedForward.push(rounded(closing));
    });
    return {
      kinds: [null, null, null],
      years: YEARS,
      broughtForward,
      inYear: inYear.map((v) => rounded(new Decimal(v))),
      payments: payments.map((v) => rounded(new Decimal(v))),
      contribution: [0, 0, 0],
      carriedForward,
    };
  })
  // A plan with DfE payments carries a deficit: a council in surplus would not get them, and its
  // signs could not tell which way round the sheet shows deficits.
  .filter((summary) => summary.carriedForward.every((value) => (value as number) > 0));

describe("the rounding-aware tolerance", () => {
  it("should pass every exactly-consistent plan published to 3 decimals", () => {
    fc.assert(
      fc.property(published, (summary) => {
        expect(findingsOf("roll-forward", summary)).toEqual([]);
        expect(findingsOf("opening-balance", summary)).toEqual([]);
      }),
      { numRuns: 40 }
    );
  });

  it("should fail a carried-forward figure moved by more than its year's allowance", () => {
    fc.assert(
      fc.property(
        published,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 6, max: 5000 }),
        (summary, year, thousandths) => {
          // Rounding leaves a gap of up to 0.0025 (five terms), and the allowance is as much again: a move of
          // 0.006 or more is always beyond it.
          const moved = { ...summary, carriedForward: [...summary.carriedForward] };
          moved.carriedForward[year] = rounded(
            new Decimal(moved.carriedForward[year] as number).plus(thousandths / 1000)
          );
          // The year's gap is reported at its carried forward, unless turning one small figure's sign round
          // would explain it: then sign-convention reports that figure, in the same year's column.
          const rollForward = findingsOf("roll-forward", moved).map((f) => f.address);
          const signs = findingsOf("sign-convention", moved).map((f) => f.address);
          expect(
            rollForward.includes(`${"BCD"[year]}9`) ||
              signs.some((address) => address.startsWith("BCD"[year]))
          ).toBe(true);
        }
      ),
      { numRuns: 40 }
    );
  });
});
