/**
 * Section "Financial plan per funding block" of the Financial summary: one group of rows per DSG block.
 * Each row is optional in the model because councils leave rows out (a block with no movements, no other
 * funding); the rules check only what is there.
 */
import type { LocatedRow, YearColumn } from "../located";
import type { AmbiguousRow } from "../tableRows";
import type { BlockRowKey } from "./blocks";

/** The four DSG blocks, in the DfE order. */
export type DsgBlock = "schools" | "central-school-services" | "early-years" | "high-needs";

export const DSG_BLOCKS: readonly DsgBlock[] = [
  "schools",
  "central-school-services",
  "early-years",
  "high-needs",
];

/** The block names used in messages, in the users' words. */
export const BLOCK_NAMES: Readonly<Record<DsgBlock, string>> = {
  schools: "Schools block",
  "central-school-services": "Central school services block",
  "early-years": "Early years block",
  "high-needs": "High needs block",
};

/** A subtotal row and the lines it adds up: those since the previous subtotal or heading. */
export interface Subtotal {
  readonly row: LocatedRow;
  readonly lines: readonly LocatedRow[];
}

export interface BlockPlan {
  readonly sheet: string;
  readonly block: DsgBlock;
  /** The year columns the block's rows are read under (its section's own header, or the sheet's). */
  readonly years: readonly YearColumn[];
  /** Sheet row (0-based) of the block's heading, and the heading as written. */
  readonly headingRow: number;
  readonly heading: string;
  /** The block's DSG funding as allocated, before academy recoupment and other deductions. */
  readonly allocation?: LocatedRow;
  /** Academy recoupment, direct funding and other deductions from the allocation (shown either sign). */
  readonly deductions: readonly LocatedRow[];
  /** The funding the block has after deductions ("Total funding available"), when the plan shows it. */
  readonly totalFunding?: LocatedRow;
  /** Block movements, positive into the block. */
  readonly movements?: LocatedRow;
  /** Other funding or adjustments; absent means none. */
  readonly otherFunding?: LocatedRow;
  /** Total expenditure of the block. */
  readonly expenditure?: LocatedRow;
  /** Expenditure lines the total adds up (the high needs block's s251 lines); empty when none. */
  readonly expenditureLines: readonly LocatedRow[];
  /** Rows among the lines that add up the lines above them ("Subtotal", "Total top-up funding"). */
  readonly subtotals: readonly Subtotal[];
  /** In-year surplus/(deficit), in the sheet's sign convention. */
  readonly inYear?: LocatedRow;
  /** The block's own cumulative deficit carried forward, when the plan shows one (used for the HNSG split). */
  readonly cumulative?: LocatedRow;
  /** Rows of the block whose labels could mean two of the rows above: not used as either, and reported. */
  readonly ambiguous?: readonly AmbiguousRow<BlockRowKey>[];
}
