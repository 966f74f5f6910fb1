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
import { roundingAllowance } from "../templates/financial/figures";

// Rounding itself is a fact of the located figures (the locator weighs fits with it too), so it lives
// beside them; this module adds the user's tolerance.
export { halfUnit, roundingAllowance } from "../templates/financial/figures";

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
