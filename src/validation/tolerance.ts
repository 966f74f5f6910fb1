/**
 * How far apart two figures may be and still agree. Published figures are rounded: a table in £m shown
 * to 3 decimals can be out by up to £0.0005m per figure, so by default each rounded figure in a
 * comparison allows half a unit of its displayed precision (Wiltshire's carried forward is 0.001 off
 * its rounded parts and must pass). The user may set an absolute tolerance instead, in the sheet's unit.
 * Every comparing rule uses this one module.
 */
import { Decimal } from "decimal.js";
import type { LocatedCell } from "../templates/located";
import type { ValidationOptions } from "./rule";

/** Half a unit of the last displayed decimal: 3 decimals → 0.0005; -3 (shown in thousands) → 500. */
export function halfUnit(decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).times(0.5);
}

/**
 * The default allowance: the sum of each rounded figure's half unit. A figure shown as typed (General)
 * has the precision of the finest figure shown as typed beside it: a whole 31 among figures typed as
 * 29.6 and 30.2 is 31.0, not "rounded to the nearest £1m".
 */
export function roundingAllowance(terms: readonly LocatedCell[]): Decimal {
  const typed = Math.max(...terms.filter((t) => t.asTyped).map((t) => t.decimals));
  // The figures of one comparison nearly always share a precision (thirty expenditure lines and their
  // total), so half units are counted per precision and multiplied rather than added one by one.
  const counts = new Map<number, number>();
  for (const { decimals: own, asTyped } of terms) {
    const decimals = asTyped ? Math.max(own, typed) : own;
    counts.set(decimals, (counts.get(decimals) ?? 0) + 1);
  }
  let sum = new Decimal(0);
  for (const [decimals, count] of counts) sum = sum.plus(halfUnit(decimals).times(count));
  return sum;
}

/** The allowed gap for a comparison of these figures: the user's absolute tolerance, else the rounding allowance. */
export function allowance(terms: readonly LocatedCell[], options: ValidationOptions): Decimal {
  return options.tolerance !== undefined
    ? new Decimal(options.tolerance).abs()
    : roundingAllowance(terms);
}

/** True when the gap between reported and computed figures is within the allowance for these terms. */
export function withinTolerance(
  gap: Decimal,
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  return gap.abs().lte(allowance(terms, options));
}
