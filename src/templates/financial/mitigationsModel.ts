/**
 * Section "Mitigations" (optional; on the Financial summary or a sheet of its own): the in-year deficit
 * before and after the council's savings, with one row per saving (positive = saving).
 */
import type { LocatedRow, MoneyUnit, YearColumn } from "../located";

export interface Mitigations {
  readonly sheet: string;
  /** The year columns of the sheet the section sits on (its own year header when on its own sheet). */
  readonly years: readonly YearColumn[];
  readonly unmitigated?: LocatedRow;
  /** One row per mitigation between the unmitigated row and the total. */
  readonly lines: readonly LocatedRow[];
  readonly total?: LocatedRow;
  readonly mitigated?: LocatedRow;
  readonly unmitigatedCumulative?: LocatedRow;
  readonly mitigatedCumulative?: LocatedRow;
  /** The unit its own sheet states ("£000" on a Mitigations sheet of a plan in £m); else the plan's. */
  readonly unit?: MoneyUnit;
}
