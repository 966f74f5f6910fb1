/**
 * The children and young people (EHCP) tables of the management plan, as the locator found them: per
 * placement type, the census-year columns, the "by age group" and "by primary need" tables with their total
 * rows, and optional flow rows (new and ceased plans, needs assessment requests), per placement or for the
 * whole local authority. Tables live on one "CYP summary" sheet or on one sheet per placement type.
 */
import type { LocatedRow, YearColumn } from "../located";
import type { AgeGroup, PlacementType, PrimaryNeed } from "./ehcpLabels";

/**
 * Whose tables they are: one placement type, or `"all"` for the local authority's own tables across all
 * placements (headed `All placements`, `LA total` or not headed at all).
 */
export type TablesOf = PlacementType | "all";

/** A row of counts recognised as one age group or primary need. */
export interface KeyedRow<K extends string> {
  readonly key: K;
  readonly row: LocatedRow;
}

/** One table ("Number of EHCPs by age group" or "... by primary need"): its rows and its total row. */
export interface CountTable<K extends string> {
  readonly rows: readonly KeyedRow<K>[];
  readonly total?: LocatedRow;
  /**
   * Rows with counts between the table's first row and its total whose labels were not read ("Sensory
   * impairment"): the total adds them, so its rows' sum cannot be checked against it.
   */
  readonly unread?: readonly LocatedRow[];
}

/** Optional flow rows over the same census years. */
export interface EhcpFlows {
  readonly newPlans?: LocatedRow;
  readonly ceasedPlans?: LocatedRow;
  readonly requests?: LocatedRow;
  /** Ceased plans shown as reductions ("(12)" in a table where stock = last year + new + ceased). */
  readonly ceasedShownNegative?: boolean;
}

/**
 * The tables of one placement type, or of all placements together (`placement` "all"). Rows' cells are
 * aligned with `years`.
 */
export interface PlacementTables {
  readonly placement: TablesOf;
  /** The template's name for the placement, for messages ("Mainstream schools or academies", "All placements"). */
  readonly name: string;
  readonly sheet: string;
  /** Census-year columns (January census, "2024"), left to right. */
  readonly years: readonly YearColumn[];
  readonly byAge?: CountTable<AgeGroup>;
  readonly byNeed?: CountTable<PrimaryNeed>;
  readonly flows?: EhcpFlows;
}

/** Flows (and an optional stock row) given for the whole local authority rather than per placement. */
export interface LaWideFlows extends EhcpFlows {
  readonly sheet: string;
  readonly years: readonly YearColumn[];
  readonly total?: LocatedRow;
}

export interface EhcpTables {
  /** The first sheet holding EHCP tables (the CYP summary, or the first placement sheet). */
  readonly sheet: string;
  /**
   * Placements in the order found, with the local authority's tables for all placements (`placement`
   * "all") where the sheet has them: rules that add placements up or compare them leave that one out.
   */
  readonly placements: readonly PlacementTables[];
  readonly laWide?: LaWideFlows;
}
