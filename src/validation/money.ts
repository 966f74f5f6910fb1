/** Money in messages, written in the sheet's own unit ("£0.400m", "£400k", "£400,000"). */
import { Decimal } from "decimal.js";
import type { LocatedCell, MoneyUnit } from "../templates/located";

const SUFFIX: Record<MoneyUnit["label"], string> = { "£": "", "£000": "k", "£m": "m" };
// Without the displayed decimals, show £m to the nearest £1k as council reports do, and the others whole.
const DEFAULT_DECIMALS: Record<MoneyUnit["label"], number> = { "£": 0, "£000": 0, "£m": 3 };
const MAX_DECIMALS = 10;
const NON_ZERO_DIGIT = /[1-9]/;

/** Groups the whole part in thousands: 1234567.5 → "1,234,567.5". */
function grouped(text: string): string {
  const [whole, fraction] = text.split(".");
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

/**
 * An amount in the sheet's unit with the given decimals (those the sheet displays), adding decimals
 * when the amount would otherwise show as zero: a gap of 0.0004 in a 3-decimal £m table is "£0.0004m".
 */
export function formatMoney(
  value: Decimal | number,
  unit: MoneyUnit,
  decimals = DEFAULT_DECIMALS[unit.label]
): string {
  // A Decimal is immutable, so one given is used as it is; the rounded text is tested for a non-zero
  // digit rather than read back into a Decimal.
  const amount = value instanceof Decimal ? value : new Decimal(value);
  let places = Math.max(0, decimals);
  let fixed = amount.toFixed(places);
  while (places < MAX_DECIMALS && !amount.isZero() && !NON_ZERO_DIGIT.test(fixed))
    fixed = amount.toFixed(++places);
  // Smaller still is floating point's remainder of a zero (1.4 - 1.4 as doubles): shown as zero.
  if (!NON_ZERO_DIGIT.test(fixed)) fixed = amount.abs().toFixed(Math.max(0, decimals));
  // toFixed writes a minus sign only for a non-zero amount below zero, as the sign shown here.
  const negative = fixed.startsWith("-");
  const text = grouped(negative ? fixed.slice(1) : fixed);
  return `${negative ? "-" : ""}£${text}${SUFFIX[unit.label]}`;
}

/** The decimals to show money computed from these cells with: the most any of them displays. */
export function shownDecimals(cells: readonly LocatedCell[]): number {
  return Math.max(0, ...cells.map((cell) => cell.decimals));
}
