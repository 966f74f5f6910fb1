/**
 * The choices councils make when they fill in the DfE DSG management plan template, as far as the public
 * evidence shows them (/work/shared/research/real-template.md): money unit and rounding, sign convention,
 * the wording of the end of year positions and of the block rows, year headers, tab names, and the layout
 * of the children and young people (EHCP) tables. A PlanStyle picks one of each; `buildRealPlan` lays the
 * same figures out in any style.
 */

/** How a plan shows money: whole £000, or £m to three decimals. */
export type RealUnit = "£000" | "£m";

/** Deficits as positive numbers (payments negative), or deficits negative (payments positive). */
export type RealSign = "deficit-positive" | "deficit-negative";

/**
 * "formulas": every total, in-year result and carried-forward figure is a formula over the typed inputs.
 * "published": the summary of end of year positions holds the figures as a council published them, each
 * rounded on its own from unrounded workings, so the cumulative roll may be out by one unit of the last
 * decimal (as Wiltshire's published table is); the block figures keep their formulas.
 */
export type RealRounding = "formulas" | "published";

/** The five rows of section 7.1, as one council words them. */
export interface EndOfYearWording {
  readonly broughtForward: string;
  readonly inYear: string;
  readonly safetyValve: string;
  readonly localContribution: string;
  readonly carriedForward: string;
}

/** The row labels of one block of section 7.2. */
export interface BlockWording {
  /** Funding before deductions (gross), when the plan shows deductions. */
  readonly gross: string;
  /** The schools block's academy recoupment row. */
  readonly schoolsRecoupment: string;
  /** The high needs block's deduction for academy and FE places the ESFA funds directly. */
  readonly highNeedsDeduction: string;
  /** The subtotal after deductions. */
  readonly totalFunding: string;
  /** The single funding row of a plan that shows funding net of recoupment only. */
  readonly netFunding: string;
  /** Transfers between blocks: positive into the block. */
  readonly transfers: string;
  /** Total expenditure of the block. */
  readonly totalExpenditure: string;
  /** The block's in-year result, in the sheet's sign. */
  readonly inYear: string;
}

/** How the year columns of the financial tables are headed. */
export type YearHeaderStyle =
  /** One row: "Outturn 2023/24", "Forecast 2024/25". */
  | "word-and-year"
  /** A row of merged "Actual (s251 outturn)" / "Forecast" cells above a row of plain years. */
  | "merged-kind"
  /** A row with "Actual" or "Forecast" above every year (no merges). */
  | "kind-per-column";

/** How a financial year is written: 2023 → "2023/24", "2023-24", "2023-2024" or "FY23/24". */
export type YearFormat = "slash" | "dash" | "long" | "fy";

/** Where the year header rows sit in the Financial summary. */
export type HeaderPlacement =
  /** One header above 7.1; 7.2 reads under the same columns. */
  | "shared"
  /** One header above 7.1 and another above 7.2. */
  | "per-section"
  /** One above 7.1 and one on every block's heading row. */
  | "per-block";

/** Tab names (at most 31 characters, none of : / \ ? * [ ]). */
export interface SheetNames {
  readonly cover: string;
  readonly introduction: string;
  readonly narrative: string;
  readonly financial: string;
  /** The combined children and young people sheet (one-sheet EHCP layout). */
  readonly cyp: string;
  readonly governance: string;
  readonly stakeholders: string;
}

export interface PlanStyle {
  readonly unit: RealUnit;
  readonly rounding: RealRounding;
  readonly sign: RealSign;
  /** Number format of money cells, e.g. "#,##0;(#,##0)" or "_-* #,##0.000_-;(#,##0.000)". */
  readonly moneyFormat: string;
  /** How a typed nil shows in the Safety Valve, contribution and transfer rows: 0, an empty cell or a "-". */
  readonly nil: "zero" | "blank" | "dash";
  /** Where the unit is stated: in the year header's label cell, in the section titles, or in a note line. */
  readonly unitMarker: "header" | "title" | "note";
  /** How the unit is written: "£000", "£'000", "£m". */
  readonly unitText: string;
  readonly endOfYear: EndOfYearWording;
  /** Show the Safety Valve row even for a council without an agreement (all nil). */
  readonly safetyValveRow: boolean;
  readonly block: BlockWording;
  /** Show gross funding, deduction rows and a "Total funding available" subtotal, or net funding only. */
  readonly funding: "deductions" | "net";
  /** Deductions shown as negative numbers (subtotal by SUM) or as positive numbers subtracted. */
  readonly deductionSign: "negative" | "positive";
  /** Expenditure lines for every block, or lines for high needs only (the others show one total). */
  readonly lines: "all-blocks" | "high-needs-only";
  /** Prefix the high needs lines with their s251 line codes ("1.2.1 Top-up funding – maintained schools"). */
  readonly lineCodes: boolean;
  /** Block in-year formula: `=E-(F+T)` or `=E-SUM(F,T)` (the latter copes with "-" nils). */
  readonly inYearFormula: "plus" | "sum";
  readonly yearHeader: YearHeaderStyle;
  readonly yearFormat: YearFormat;
  /** The word over actual years ("Actual (s251 outturn)", "Outturn", "Actual"). */
  readonly actualWord: string;
  readonly forecastWord: string;
  readonly headers: HeaderPlacement;
  /** Number the section headings "7.1 …", "7.2 …". */
  readonly sectionNumbers: boolean;
  /** 0-based column of the row labels; the years start in the next column. */
  readonly labelCol: number;
  /** Blank rows above the Financial summary's title. */
  readonly topRows: number;
  /** A "Commentary" column to the right of the years. */
  readonly commentary: boolean;
  readonly sheets: SheetNames;
  /**
   * One combined EHCP sheet, one sheet per placement type, or only the local authority's tables for all
   * placements ("la-wide": on one sheet with no placement heading above them).
   */
  readonly ehcpLayout: "combined" | "per-placement" | "la-wide";
  /** Placement headings: the template v5 long texts, or shorter forms councils write. */
  readonly placementHeadings: "v5" | "short";
  /** Tab names of per-placement sheets: short names, or the long heading cut to 31 characters. */
  readonly placementTabs: "short" | "truncated";
  /**
   * Census year headers: the number 2024, the text "January 2024", "Jan 2024", "Jan-24", or the
   * academic year the census falls in ("2023/24" over the January 2024 census).
   */
  readonly censusHeader: "number" | "january" | "jan" | "jan-short" | "academic";
  /** Primary needs in the template's words, or as SEN2 codes with NSA for the last row. */
  readonly needLabels?: "template" | "codes";
  /** The tables' total rows in the template's words, or a bare "Total". */
  readonly totalLabels?: "template" | "bare";
  readonly countFormat: string;
  /** Sign-off fields: "Name" / "Role" / "Date", or "Signed off by" / "Job title" / "Date of sign-off". */
  readonly signOff: "name-role-date" | "signed-off-by";
  /** 0-based column of the EHCP row labels; census years start in the next column. */
  readonly ehcpLabelCol: number;
  /**
   * Sheets no check needs, as the 10.5 MB template has many: a Contents sheet that repeats the section
   * titles, a Version control sheet and a hidden Lists sheet.
   */
  readonly extraSheets: boolean;
  /** A "Total DSG" group after the four blocks, adding up their funding, transfers, spend and results. */
  readonly dsgTotal: boolean;
  /** A column of row references ("7.1.1", "7.2.3") between the labels and the years. */
  readonly refColumn: boolean;
  /** A "Transfer as % of schools block" row in the schools block (a percentage, not money). */
  readonly percentRow: boolean;
  /** Note lines under the tables ("Note: …"). */
  readonly noteRows: boolean;
}

// ---------------------------------------------------------------------------------------------------
// The wording the public sources show, and the variants councils write.

/** Wiltshire's published rows (schools forum, 2024): deficits positive, payments negative. */
export const WILTSHIRE_ROWS: EndOfYearWording = {
  broughtForward:
    "Cumulative DSG deficit - brought forward (deficit at beginning of financial year)",
  inYear: "In year DSG deficit (before Safety Valve and local contributions)",
  safetyValve: "Safety Valve programme contribution",
  localContribution: "Local general fund contribution",
  carriedForward:
    "Cumulative DSG deficit - carry forward (deficit at end of financial year including SV payments and local contributions)",
};

/** surplus/(deficit) wording: deficits negative (in brackets), payments positive. */
export const SURPLUS_DEFICIT_ROWS: EndOfYearWording = {
  broughtForward: "Cumulative DSG surplus/(deficit) brought forward",
  inYear: "In-year surplus/(deficit)",
  safetyValve: "Safety Valve programme contribution",
  localContribution: "Local authority general fund contribution",
  carriedForward: "Cumulative DSG surplus/(deficit) carried forward",
};

/** deficit/(surplus) wording: deficits positive. */
export const DEFICIT_SURPLUS_ROWS: EndOfYearWording = {
  broughtForward: "Cumulative DSG deficit/(surplus) brought forward",
  inYear: "In-year DSG deficit/(surplus)",
  safetyValve: "Safety Valve funding from DfE",
  localContribution: "General fund contribution",
  carriedForward: "Cumulative DSG deficit/(surplus) carried forward",
};

/** b/f and c/f wording: deficits positive. */
export const BF_CF_ROWS: EndOfYearWording = {
  broughtForward: "DSG deficit b/f",
  inYear: "In-year DSG deficit",
  safetyValve: "Safety Valve payment",
  localContribution: "LA contribution",
  carriedForward: "DSG deficit c/f",
};

/** "carry forward" wording without the Wiltshire brackets: deficits positive. */
export const CARRY_FORWARD_ROWS: EndOfYearWording = {
  broughtForward: "Cumulative deficit brought forward",
  inYear: "In year deficit before Safety Valve and local contributions",
  safetyValve: "Safety Valve contribution",
  localContribution: "Local contribution",
  carriedForward: "Cumulative deficit carry forward",
};

/** b/f and c/f with surplus/(deficit): deficits negative. */
export const BF_CF_SURPLUS_ROWS: EndOfYearWording = {
  broughtForward: "DSG reserve surplus/(deficit) b/f",
  inYear: "In-year surplus/(deficit)",
  safetyValve: "Safety Valve payments",
  localContribution: "Council general fund contribution",
  carriedForward: "DSG reserve surplus/(deficit) c/f",
};

/** The end of year wordings that read naturally in each sign convention. */
export const END_OF_YEAR_WORDINGS: Readonly<Record<RealSign, readonly EndOfYearWording[]>> = {
  "deficit-positive": [WILTSHIRE_ROWS, DEFICIT_SURPLUS_ROWS, BF_CF_ROWS, CARRY_FORWARD_ROWS],
  "deficit-negative": [SURPLUS_DEFICIT_ROWS, BF_CF_SURPLUS_ROWS],
};

export const BLOCK_WORDING: BlockWording = {
  gross: "DSG funding (before academy recoupment)",
  schoolsRecoupment: "Academy recoupment",
  highNeedsDeduction: "High needs place funding deducted for academies",
  totalFunding: "Total funding available",
  netFunding: "DSG allocation after academy recoupment",
  transfers: "Transfers between blocks",
  totalExpenditure: "Total expenditure",
  inYear: "In-year deficit/(surplus)",
};

/** Variants of each block row label (the first of each is BLOCK_WORDING's). */
export const BLOCK_WORDING_VARIANTS: { readonly [K in keyof BlockWording]: readonly string[] } = {
  gross: [
    "DSG funding (before academy recoupment)",
    "Gross DSG allocation",
    "DSG allocation (gross)",
  ],
  schoolsRecoupment: [
    "Academy recoupment",
    "Less: academy recoupment",
    "Academy recoupment deduction",
  ],
  highNeedsDeduction: [
    "High needs place funding deducted for academies",
    "Direct funding of high needs places by ESFA",
    "Less: direct funding (academy and FE places)",
  ],
  totalFunding: ["Total funding available", "Total funding available after deductions"],
  netFunding: [
    "DSG allocation after academy recoupment",
    "DSG funding (net of recoupment)",
    "DSG income after recoupment",
  ],
  transfers: ["Transfers between blocks", "Block movements", "Block transfers in/(out)"],
  totalExpenditure: ["Total expenditure", "Total spend", "Total block expenditure"],
  inYear: [
    "In-year deficit/(surplus)",
    "In year (surplus)/deficit",
    "Deficit/(surplus) for the year",
  ],
};

/** Block in-year labels that read naturally with deficits negative. */
export const BLOCK_IN_YEAR_SURPLUS = [
  "In-year surplus/(deficit)",
  "Surplus/(deficit) for the year",
  "In year surplus / (deficit)",
] as const;

/** Tab names a council may give the Financial summary. */
export const FINANCIAL_TABS = ["Financial summary", "Summary - financial", "Financial Summary"];
/** Tab names for "Children and young people summary" (33 characters, so always shortened). */
export const CYP_TABS = [
  "Children and young people sum",
  "CYP summary",
  "Children & young people summary",
  "CYP Summary",
];
export const NARRATIVE_TABS = ["Summary narrative", "Narrative", "Summary - fin and CYP narrative"];
export const GOVERNANCE_TABS = ["Governance and management", "Governance"];
export const INTRODUCTION_TABS = ["Management plan introduction", "Introduction"];
export const STAKEHOLDER_TABS = ["Stakeholder engagement", "Stakeholder engagement & co-pro"];

export const DEFAULT_SHEETS: SheetNames = {
  cover: "Cover",
  introduction: "Management plan introduction",
  narrative: "Summary narrative",
  financial: "Financial summary",
  cyp: "Children and young people sum",
  governance: "Governance and management",
  stakeholders: "Stakeholder engagement",
};

/** Excel's limits on a tab name; a builder mistake, so it throws. */
export function checkSheetName(name: string): string {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
    throw new Error(`"${name}" is not a valid Excel sheet name`);
  return name;
}

/** The base style the named examples vary: £000, deficits negative in brackets, surplus/(deficit) wording. */
export const BASE_STYLE: PlanStyle = {
  unit: "£000",
  rounding: "formulas",
  sign: "deficit-negative",
  moneyFormat: "#,##0;(#,##0)",
  nil: "zero",
  unitMarker: "header",
  unitText: "£000",
  endOfYear: SURPLUS_DEFICIT_ROWS,
  safetyValveRow: true,
  block: { ...BLOCK_WORDING, inYear: "In-year surplus/(deficit)" },
  funding: "deductions",
  deductionSign: "negative",
  lines: "all-blocks",
  lineCodes: false,
  inYearFormula: "plus",
  yearHeader: "merged-kind",
  yearFormat: "dash",
  actualWord: "Actual (s251 outturn)",
  forecastWord: "Forecast",
  headers: "shared",
  sectionNumbers: true,
  labelCol: 1,
  topRows: 0,
  commentary: false,
  sheets: DEFAULT_SHEETS,
  ehcpLayout: "combined",
  placementHeadings: "v5",
  placementTabs: "short",
  censusHeader: "number",
  countFormat: "#,##0",
  signOff: "name-role-date",
  ehcpLabelCol: 1,
  extraSheets: false,
  dsgTotal: false,
  refColumn: false,
  percentRow: false,
  noteRows: false,
};

/** A style with some choices changed (the sheet names merged field by field). */
export function styleWith(
  changes: Partial<Omit<PlanStyle, "sheets">> & { sheets?: Partial<SheetNames> },
  base: PlanStyle = BASE_STYLE
): PlanStyle {
  return { ...base, ...changes, sheets: { ...base.sheets, ...changes.sheets } };
}

/** How a financial year starting in `start` is written in a style. */
export function yearText(start: number, format: YearFormat): string {
  const next = start + 1;
  if (format === "long") return `${start}-${next}`;
  const short = String(next % 100).padStart(2, "0");
  if (format === "fy") return `FY${String(start % 100).padStart(2, "0")}/${short}`;
  return format === "slash" ? `${start}/${short}` : `${start}-${short}`;
}
