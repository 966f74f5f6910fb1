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
