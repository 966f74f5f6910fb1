/** Checks shared by the core calculations on series of values. */
import type { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, type Result } from "./result";

/** An `invalid` result when a series does not have the main series' length, else `null`. */
export function lengthMismatch(
  name: string,
  values: readonly unknown[] | undefined,
  mainName: string,
  mainCount: number,
): Result<never> | null {
  return values === undefined || values.length === mainCount
    ? null
    : invalid(messages.lengthMismatch(name, values.length, mainName, mainCount));
}

/**
 * An `invalid` result when a series holds both positive and negative amounts, else `null`.
 * Used for amounts that always reduce the deficit, where the sign only reflects how the sheet shows them.
 */
export function mixedSigns(name: string, values: readonly Decimal[] | undefined): Result<never> | null {
  if (values === undefined) return null;
  let firstPositive = 0;
  let firstNegative = 0;
  for (let i = 0; i < values.length; i++) {
    const sign = values[i].s * (values[i].isZero() ? 0 : 1);
    if (sign > 0 && firstPositive === 0) firstPositive = i + 1;
    if (sign < 0 && firstNegative === 0) firstNegative = i + 1;
  }
  return firstPositive > 0 && firstNegative > 0 ? invalid(messages.mixedSigns(name, firstPositive, firstNegative)) : null;
}
