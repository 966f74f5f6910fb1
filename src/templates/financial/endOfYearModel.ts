/**
 * Section "Summary of end of year positions" (and the Safety Valve return's finance summary, which has
 * the same shape): the rows of the cumulative deficit roll-forward, each aligned with the sheet's years.
 */
import type { LocatedRow } from "../located";
import type { AmbiguousRow } from "../tableRows";
import type { EndOfYearRowKey } from "./endOfYearLabels";

export interface EndOfYearPositions {
  readonly sheet: string;
  /** Total DSG in-year deficit (before Safety Valve payments and local contributions). */
  readonly inYear?: LocatedRow;
  /** Cumulative deficit brought forward (deficit at the start of each year). */
  readonly broughtForward?: LocatedRow;
  /** DfE deficit (Safety Valve) payments; absent for a council without an agreement (then 0). */
  readonly dfePayments?: LocatedRow;
  /** Local authority (general fund) contribution; absent means none. */
  readonly laContribution?: LocatedRow;
  /** Other approved adjustments, added with their sign; absent means none. */
  readonly adjustments?: LocatedRow;
  /** Cumulative deficit carried forward (deficit at the end of each year). */
  readonly carriedForward?: LocatedRow;
  /** Rows of the section whose labels could mean two of the rows above: not used, and reported. */
  readonly ambiguous?: readonly AmbiguousRow<EndOfYearRowKey>[];
}
