/**
 * What the locator found in a workbook: which profile matched, the money unit and sign convention it
 * detected, and each section it found, with every figure still tied to its cell. Rules read this model
 * (never raw cell addresses), so they keep working when councils insert rows or move tables.
 */
import type { CellValue } from "../workbook/workbook";
import type { FinancialSummary } from "./financial/financialModel";
import type { EhcpTables } from "./ehcp/ehcpModel";
import type { SvReturnSections } from "./svReturn/svReturnModel";
import type { GovernanceSection } from "./governance/governanceModel";
import type { WriteOffReconciliation } from "./writeOff/writeOffModel";

export type ProfileId = "dsg-management-plan" | "safety-valve-return";

/** The money unit a sheet declares: figures are multiples of `pounds`. */
export interface MoneyUnit {
  readonly label: "£" | "£000" | "£m";
  readonly pounds: number;
}

/** Deficits shown as positive numbers (Wiltshire) or as negative numbers (Staffordshire). */
export type SignConvention = "deficit-positive" | "deficit-negative";

/** A year heading found in a header row: a financial year ("2024-25") or a census year ("2024"). */
export interface YearColumn {
  /** Canonical label: "2024-25" for financial years, "2024" for census years. */
  readonly label: string;
  /** First calendar year: 2024 for "2024-25" and for census "2024". */
  readonly start: number;
  readonly col: number;
  /** The header row the heading sits on (filled by `findYearHeader`), so a finding can point at it. */
  readonly row?: number;
  readonly kind?: "actual" | "forecast";
}

/** One cell of a located row, under one year column. */
export interface LocatedCell {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
  readonly formula: string | null;
  /** Decimal places the cell displays (from its number format); drives the rounding tolerance. */
  readonly decimals: number;
  /** True when its format (General) shows the figure as typed, so `decimals` are those it was typed with. */
  readonly asTyped?: boolean;
}

/** A labelled row of figures across the year columns of its table, aligned with those columns. */
export interface LocatedRow {
  readonly sheet: string;
  readonly row: number;
  /** The label as written in the sheet. */
  readonly label: string;
  readonly labelCol: number;
  readonly cells: readonly LocatedCell[];
}

/** How well the workbook matched its profile: the markers (sheets, section headings) found and missing. */
export interface Recognition {
  /** False when even the closest profile scored below its minimum: the workbook is not this template. */
  readonly recognised: boolean;
  /** Share of the profile's markers found (0–1). */
  readonly score: number;
  /** Markers found and missing, as users would name them ("sheet 'Financial summary'"). */
  readonly found: readonly string[];
  readonly missing: readonly string[];
  /** Missing markers the checks need (a recognised workbook without them gets a finding). */
  readonly missingRequired: readonly string[];
  /** True when the user chose the profile rather than recognition. */
  readonly forced: boolean;
}

export interface LocatedTemplate {
  readonly profileId: ProfileId;
  readonly profileName: string;
  readonly unit: MoneyUnit;
  readonly sign: SignConvention;
  readonly financial?: FinancialSummary;
  readonly ehcp?: EhcpTables;
  readonly svReturn?: SvReturnSections;
  readonly governance?: GovernanceSection;
  /** The write-off reconciliation sheet the pane adds on request (management plan only). */
  readonly writeOff?: WriteOffReconciliation;
  /** Filled by the locator; absent in hand-built test templates. */
  readonly recognition?: Recognition;
  /**
   * Other sheets that hold end of year positions of their own (scenario copies: "FS - Best case"), which
   * the checks do not read: only the first plan is checked.
   */
  readonly otherPlans?: readonly string[];
}
