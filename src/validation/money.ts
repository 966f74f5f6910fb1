/** Money in messages, written in the sheet's own unit ("£0.400m", "£400k", "£400,000"). */
import { Decimal } from "decimal.js";
import type { LocatedCell, MoneyUnit } from "../templates/located";

const SUFFIX: Record<MoneyUnit["label"], string> = { "£": "", "£000": "k", "£m": "m" };
// Without the displayed decimals, show £m to the nearest £1k as council reports do, and the others whole.
const DEFAULT_DECIMALS: Record<MoneyUnit["label"], number> = { "£": 0, "£000": 0, "£m": 3 };
const MAX_DECIMALS = 10;

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
  const amount = new Decimal(value);
  let places = Math.max(0, decimals);
  while (places < MAX_DECIMALS && !amount.isZero() && new Decimal(amount.toFixed(places)).isZero())
    places++;
  const text = grouped(amount.abs().toFixed(places));
  return `${amount.isNegative() && !amount.isZero() ? "-" : ""}£${text}${SUFFIX[unit.label]}`;
}

/** The decimals to show money computed from these cells with: the most any of them displays. */
export function shownDecimals(cells: readonly LocatedCell[]): number {
  return Math.max(0, ...cells.map((cell) => cell.decimals));
}
