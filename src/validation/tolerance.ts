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

/** True when the gap between reported and computed figures is within the allowance for these terms. */
export function withinTolerance(
  gap: Decimal,
  terms: readonly LocatedCell[],
  options: ValidationOptions
): boolean {
  return gap.abs().lte(allowance(terms, options));
}
