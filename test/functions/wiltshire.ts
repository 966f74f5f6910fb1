/** The Wiltshire August 2024 forecast (test/fixtures), row by row, for the DSG function tests. */
import { Decimal } from "decimal.js";
import fixture from "../fixtures/wiltshire-2024-08-forecast.json";

const rows = Object.values(fixture.rows);

export const wiltshire = {
  years: fixture.years,
  broughtForward: rows[0],
  inYear: rows[1],
  safetyValve: rows[2],
  generalFund: rows[3],
  carriedForward: rows[4],
  /** The carry-forward row recomputed from the rounded rows above it (fixture fact 1). */
  recomputed: [28.706, 61.183, 77.318, 99.197, 99.925, 34.509],
  opening: rows[0][0],
} as const;

export function decimals(values: readonly number[]): Decimal[] {
  return values.map((v) => new Decimal(v));
}

/** Rounding-aware comparison: equal once both are rounded to `places` decimals. */
export function closeTo(actual: number, expected: number, places = 3): boolean {
  return (
    Math.abs(actual - expected) <= 0.5 * 10 ** -places + Number.EPSILON * Math.abs(expected) * 4
  );
}
