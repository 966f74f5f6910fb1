/** Checks shared by the core calculations on series of values. */
import type { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, type Result } from "./result";
import type { Amount } from "./units";

/** What the sign checks read: a Decimal's sign field and zero test (Units have both too). */
export type Signed = Pick<Decimal, "s" | "isZero">;

/**
 * Whether a value is less than zero (-0 is not). Reads the sign field rather than `lt(0)`, which builds
 * a Decimal per call: the functions run on every recalculation, over every year of a series.
 */
export function belowZero(value: Signed): boolean {
  return value.s < 0 && !value.isZero();
}

/** Whether a value is greater than zero (see belowZero). */
export function aboveZero(value: Signed): boolean {
  return value.s > 0 && !value.isZero();
}

/** An `invalid` result when a series does not have the main series' length, else `null`. */
export function lengthMismatch(
  name: string,
  values: readonly unknown[] | undefined,
  mainName: string,
  mainCount: number
): Result<never> | null {
  return values === undefined || values.length === mainCount
    ? null
    : invalid(messages.lengthMismatch(name, values.length, mainName, mainCount));
}

/**
 * An `invalid` result when a series holds both positive and negative amounts, else `null`.
 * Used for amounts that always reduce the deficit, where the sign only reflects how the sheet shows them.
 */
export function mixedSigns(
  name: string,
  values: readonly Signed[] | undefined
): Result<never> | null {
  if (values === undefined) return null;
  let firstPositive = 0;
  let firstNegative = 0;
  for (let i = 0; i < values.length; i++) {
    if (firstPositive === 0 && aboveZero(values[i])) firstPositive = i + 1;
    if (firstNegative === 0 && belowZero(values[i])) firstNegative = i + 1;
  }
  return firstPositive > 0 && firstNegative > 0
    ? invalid(messages.mixedSigns(name, firstPositive, firstNegative))
    : null;
}

/**
 * The most periods a projection may run: Excel's 16,384 columns, since projections spill across a row.
 * It also keeps a mistyped `periods` from freezing Excel.
 */
export const MAX_PERIODS = 16_384;

/** An `invalid` result when `value` is not a whole number from 1 to MAX_PERIODS, else `null`. */
export function notPeriods(name: string, value: number): Result<never> | null {
  return Number.isInteger(value) && value >= 1 && value <= MAX_PERIODS
    ? null
    : invalid(messages.periodsNotWhole(name, String(value), MAX_PERIODS));
}

/** An `invalid` result naming the first negative value of a series, else `null`. */
export function firstNegative(
  name: string,
  values: readonly (Signed & { toString(): string })[] | undefined
): Result<never> | null {
  const at = values?.findIndex(belowZero) ?? -1;
  return at < 0
    ? null
    : invalid(messages.valueNegative(messages.inSeries(name, at + 1), values![at].toString()));
}

/** An `invalid` result naming the first rate below −100%, else `null`. */
export function firstRateBelowMinus100<T extends Amount<T>>(
  name: string,
  rates: readonly T[] | undefined
): Result<never> | null {
  const at = rates?.findIndex((r) => belowZero(r.plus(1))) ?? -1;
  return at < 0
    ? null
    : invalid(messages.rateBelowMinus100(messages.inSeries(name, at + 1), rates![at].toString()));
}
