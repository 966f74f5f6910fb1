/**
 * Section "Summary of end of year positions" (and the Safety Valve return's finance summary, which has
 * the same shape): the rows of the cumulative deficit roll-forward, each aligned with the sheet's years.
 */
import type { LocatedRow, SignConvention } from "../located";
import type { AmbiguousRow } from "../tableRows";
import type { EndOfYearRowKey } from "./endOfYearLabels";

/** A movement of the roll-forward beyond the template's own rows. */
export interface OtherMovement {
  readonly row: LocatedRow;
  /** True when the row reduces the deficit whatever its sign (a payment, a contribution, "Less: …"). */
  readonly reduces: boolean;
}

export interface EndOfYearPositions {
  readonly sheet: string;
  /** Total DSG in-year deficit (before Safety Valve payments and local contributions). */
  readonly inYear?: LocatedRow;
  /**
   * The way round the in-year row shows deficits when its label states it unlike the sheet's cumulative
   * rows ("In-year surplus/(deficit)", deficits in brackets, beside positive cumulative deficits) and the
   * roll-forward bears the label out; absent when the row follows the sheet.
   */
  readonly inYearSign?: SignConvention;
  /** Cumulative deficit brought forward (deficit at the start of each year). */
  readonly broughtForward?: LocatedRow;
  /** DfE deficit (Safety Valve) payments; absent for a council without an agreement (then 0). */
  readonly dfePayments?: LocatedRow;
  /** Local authority (general fund) contribution; absent means none. */
  readonly laContribution?: LocatedRow;
  /** Other approved adjustments, added with their sign; absent means none. */
  readonly adjustments?: LocatedRow;
  /**
   * Further movements between the in-year row and carried forward that the table names in its own words
   * ("Contribution from reserves", "High Needs Stability Grant", a second Safety Valve row): each reduces
   * the deficit when it is a payment or contribution or says "Less", else is added with its sign.
   */
  readonly otherMovements?: readonly OtherMovement[];
  /** Cumulative deficit carried forward (deficit at the end of each year). */
  readonly carriedForward?: LocatedRow;
  /** Rows of the section whose labels could mean two of the rows above: not used, and reported. */
  readonly ambiguous?: readonly AmbiguousRow<EndOfYearRowKey>[];
  /** Another table of positions on the same sheet (an agreed profile, an unmitigated copy): not checked, and said. */
  readonly otherTable?: {
    readonly top: number;
    readonly bottom: number;
    readonly heading?: string;
  };
}
