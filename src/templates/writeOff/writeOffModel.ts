/**
 * The write-off reconciliation sheet (added by the pane's "Add write-off reconciliation"): the deficit at
 * 31 March 2026 as each of the council's sources shows it, its difference from the plan and the council's
 * explanation, and under it the eligible figure, the grant, what the council keeps and the carrying cost.
 * The DfE compares these sources and uses the lowest figure the council cannot explain (GOV.UK
 * explanatory note, 9 February 2026), so each figure stays tied to its cell for the checks to point at.
 */
import type { LocatedCell } from "../located";
import type { FieldCell } from "../governance/fieldCell";

/** The sources the DfE compares, in the order the sheet lists them. */
export type WriteOffSourceKey =
  "s251" | "dsgNoteDraft" | "dsgNotePublished" | "s151" | "revenueOutturn" | "accounts";

/** One source's row: its figure, the difference from the plan (a formula) and the explanation. */
export interface WriteOffSource {
  readonly key: WriteOffSourceKey;
  /** The label as written in the sheet ("s251 outturn"). */
  readonly label: string;
  readonly row: number;
  readonly figure: LocatedCell;
  readonly difference?: LocatedCell;
  readonly explanation?: FieldCell;
}

/** A labelled figure under the sources ("Eligible deficit"): the label and its value cell. */
export interface WriteOffLine {
  readonly label: string;
  readonly cell: LocatedCell;
}

export interface WriteOffReconciliation {
  readonly sheet: string;
  /** The heading the sheet was recognised by. */
  readonly heading: FieldCell;
  readonly sources: readonly WriteOffSource[];
  /** The plan's own deficit at 31 March 2026, as the sheet repeats it. */
  readonly plan?: WriteOffLine;
  readonly share?: WriteOffLine;
  /** The part of the deficit that is not high-needs (other blocks' overspends, equal pay). */
  readonly ineligible?: WriteOffLine;
  readonly eligible?: WriteOffLine;
  readonly grant?: WriteOffLine;
  readonly kept?: WriteOffLine;
  readonly rate?: WriteOffLine;
  /** The first cell of the carrying cost per year (the formula spills across the years). */
  readonly carryingCost?: WriteOffLine;
}
