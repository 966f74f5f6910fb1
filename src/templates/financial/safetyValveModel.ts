/**
 * Section "Safety Valve agreement" (optional): the limits the DfE agreed year by year, whether the
 * cumulative limit counts Safety Valve payments (net) or not (gross), the agreement's total of DfE
 * payments, and the status of each year's instalment. The instalments themselves are the "DfE deficit
 * payments" row of the end of year positions.
 */
import type { LocatedCell, LocatedRow, YearColumn } from "../located";

/** Gross: the cumulative deficit before Safety Valve payments (Wiltshire's target); net: after them. */
export type LimitBasis = "gross" | "net";

export type InstalmentStatus = "received" | "expected" | "at risk" | "withheld" | "suspended";

export const INSTALMENT_STATUSES: readonly InstalmentStatus[] = [
  "received",
  "expected",
  "at risk",
  "withheld",
  "suspended",
];

/**
 * An instalment's status as councils write it, or undefined when the text is none of them: the statuses
 * themselves in any case or spacing, and the words for them ("Paid", "Received 25/03/2024" are received;
 * "Due March 2026", "Scheduled" expected). "none" for a year with no instalment ("n/a", "-", "Not
 * applicable", "nil"), as before the agreement starts.
 */
export function instalmentStatus(text: string): InstalmentStatus | "none" | undefined {
  const words = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();
  if (words === "" || /^(?:[-–—]|n\/?a|nil|none|not applicable|no instalment)$/.test(words))
    return "none";
  const status = INSTALMENT_STATUSES.find((s) => words === s || words.startsWith(`${s} `));
  if (status !== undefined) return status;
  if (/^(?:paid|received|in receipt|part(?:ly|ially)? (?:paid|received))\b/.test(words))
    return "received";
  // An instalment moved to a later year is still expected.
  if (/^(?:re ?phased|rescheduled|deferred|moved)\b/.test(words)) return "expected";
  if (/^(?:due|scheduled|to be (?:paid|received)|not yet (?:due|received|paid))\b/.test(words))
    return "expected";
  return undefined;
}

/** A single labelled figure (not a row across years), such as the agreement total. */
export interface LocatedFigure {
  readonly sheet: string;
  readonly label: string;
  readonly cell: LocatedCell;
}

export interface SafetyValveAgreement {
  readonly sheet: string;
  readonly years: readonly YearColumn[];
  /** The agreed cumulative deficit limit per year ("Deficit limit", "Agreed cumulative deficit"). */
  readonly cumulativeLimit?: LocatedRow;
  /** The agreed in-year deficit per year. */
  readonly inYearLimit?: LocatedRow;
  /** What the cumulative limit is measured against; net when the sheet does not say. */
  readonly basis: LimitBasis;
  /** The cell stating the basis, when there is one. */
  readonly basisCell?: LocatedFigure;
  /** The total the DfE agreed to pay over the agreement. */
  readonly agreementTotal?: LocatedFigure;
  /** The instalment status per year (text cells; blank where the agreement has no instalment). */
  readonly status?: LocatedRow;
}
