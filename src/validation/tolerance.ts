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

// Every comparison adds up a half unit per figure, and a workbook shows only a few distinct precisions,
// so each is computed once (Decimals are immutable, so sharing them is safe). Bounded in case odd
// formats ("0.000000000000") produce many distinct precisions.
const halfUnits = new Map<number, Decimal>();
const HALF_UNITS_LIMIT = 100;

/** Half a unit of the last displayed decimal: 3 decimals → 0.0005; -3 (shown in thousands) → 500. */
export function halfUnit(decimals: number): Decimal {
  let half = halfUnits.get(decimals);
  if (half === undefined) {
    half = new Decimal(10).pow(-decimals).times(0.5);
    if (halfUnits.size >= HALF_UNITS_LIMIT) halfUnits.clear();
    halfUnits.set(decimals, half);
  }
  return half;
}

// Keyed by precision and count ("3:31"); bounded like the half units.
const products = new Map<string, Decimal>();
const PRODUCTS_LIMIT = 1_000;

/** `count` half units of `decimals` places, computed once per precision and count. */
function halfUnitsTimes(decimals: number, count: number): Decimal {
  const key = `${decimals}:${count}`;
  let product = products.get(key);
  if (product === undefined) {
    product = new Decimal(0).plus(halfUnit(decimals).times(count));
    if (products.size >= PRODUCTS_LIMIT) products.clear();
    products.set(key, product);
  }
  return product;
}

/** The default allowance: the sum of each rounded figure's half unit. */
export function roundingAllowance(terms: readonly LocatedCell[]): Decimal {
  // The figures of one comparison nearly always share a precision (thirty expenditure lines and their
  // total), so half units are counted per precision and multiplied rather than added one by one; when
  // there is only one precision the product is shared (few distinct term counts occur).
  const decimals = terms[0]?.decimals;
  if (decimals !== undefined && terms.every((term) => term.decimals === decimals))
    return halfUnitsTimes(decimals, terms.length);
  const counts = new Map<number, number>();
  for (const { decimals } of terms) counts.set(decimals, (counts.get(decimals) ?? 0) + 1);
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

// Doubles add a few hundred figures with an error far below a billionth of their total size, so a gap
// this much inside the allowance is inside it exactly too.
const PLAIN_MARGIN = 1e-9;

// Half a unit per displayed precision as a double, for precisions -15…15 (a table: every comparison
// of thirty expenditure lines would otherwise raise 10 to a power per line).
const PLAIN_HALF_UNITS = Array.from({ length: 31 }, (_, k) => 0.5 * 10 ** (15 - k));

/** Half a unit of the last displayed decimal, as a double. */
function plainHalfUnit(decimals: number): number {
  return PLAIN_HALF_UNITS[decimals + 15] ?? 0.5 * 10 ** -decimals;
}

/**
 * True when doubles alone show that `excess` is at most the allowance for these terms: `excess` was
 * worked out in floating point from `figures`, and is below the allowance by far more than their
 * rounding could move it. False means only "not plainly so": the exact check with Decimals decides.
 * Most figures of a sound plan agree to the penny, so most comparisons end here without a Decimal.
 */
export function plainlyAtMost(
  excess: number,
  figures: readonly number[],
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  let size = 0;
  for (const figure of figures) size += Math.abs(figure);
  return plainlyAtMostOfSize(excess, size, terms, options);
}

/** `plainlyAtMost` given the sum of the figures' sizes rather than the figures. */
function plainlyAtMostOfSize(
  excess: number,
  figuresSize: number,
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  const allowed = plainAllowance(terms, options);
  const size = allowed + figuresSize;
  return Number.isFinite(size) && excess <= allowed - PLAIN_MARGIN * size;
}

/**
 * The mirror of `plainlyAtMost`: true when doubles alone show that `excess` is above the allowance for
 * these terms, by far more than their rounding could move it. False means only "not plainly so".
 */
export function plainlyAbove(
  excess: number,
  figures: readonly number[],
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  const allowed = plainAllowance(terms, options);
  let size = allowed;
  for (const figure of figures) size += Math.abs(figure);
  return Number.isFinite(size) && excess > allowed + PLAIN_MARGIN * size;
}

/** The allowance for these terms as a double: the user's tolerance, else their half units added up. */
function plainAllowance(terms: readonly LocatedCell[], options: ValidationOptions): number {
  if (options.tolerance !== undefined) return Math.abs(options.tolerance);
  let allowed = 0;
  for (const term of terms) allowed += plainHalfUnit(term.decimals);
  return allowed;
}

/** `plainlyAtMost` for the size of a gap: true when doubles alone show it is within the allowance. */
export function plainlyWithin(
  gap: number,
  figures: readonly number[],
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  return plainlyAtMost(Math.abs(gap), figures, terms, options);
}

/** `plainlyWithin` for a total against the sum of its parts. */
export function plainlyAddsUp(
  total: number,
  parts: readonly number[],
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  // Summed in one pass, without a list of the total and its parts: every total of every block and year
  // comes through here.
  let sum = 0;
  let size = Math.abs(total);
  for (const part of parts) {
    sum += part;
    size += Math.abs(part);
  }
  return plainlyAtMostOfSize(Math.abs(total - sum), size, terms, options);
}

/** True when the gap between reported and computed figures is within the allowance for these terms. */
export function withinTolerance(
  gap: Decimal,
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  return gap.abs().lte(allowance(terms, options));
}

/** A comparison worked out in doubles, with its exact gap worked out when asked for. */
export interface Comparison {
  readonly plainGap: number;
  /** The figures the plain gap came from. */
  readonly figures: readonly number[];
  readonly gap: Decimal;
  readonly terms: readonly LocatedCell[];
}

/** True when the comparison's gap is within the allowance: plainly so in doubles, else exactly. */
export function holds(comparison: Comparison, options: ValidationOptions): boolean {
  const { plainGap, figures, terms } = comparison;
  return (
    plainlyWithin(plainGap, figures, terms, options) ||
    withinTolerance(comparison.gap, terms, options)
  );
}
