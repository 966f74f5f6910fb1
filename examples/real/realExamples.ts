/**
 * The real-wording test bed: named consistent plans (each one style of the real template), faulty copies
 * with one seeded fault each (the rule that must fire and the cell its finding must point at), and the
 * Safety Valve returns of svReturns.ts. `examples/real/build.ts` writes them; `report.ts` checks them.
 */
import type { Workbook } from "../../src/workbook/workbook";
import type { DraftRef } from "../draft";
import { type BuiltRealPlan, buildRealPlan } from "./buildPlan";
import { type ExpectedFinding, type FaultRule, seedFault } from "./realFaults";

export type { ExpectedFinding } from "./realFaults";
import {
  BF_CF_ROWS,
  BF_CF_SURPLUS_ROWS,
  BLOCK_WORDING,
  CARRY_FORWARD_ROWS,
  DEFICIT_SURPLUS_ROWS,
  type PlanStyle,
  styleWith,
  SURPLUS_DEFICIT_ROWS,
  WILTSHIRE_ROWS,
} from "./planStyle";
import { type FigureOptions, generateFigures, type RealFigures } from "./realFigures";
import { realSvExamples } from "./svReturns";

/** One line of examples/real/expected.json. */
export type ExpectedEntry =
  | { readonly file: string; readonly consistent: true }
  | ({ readonly file: string; readonly source?: string } & ExpectedFinding);

export interface RealExample {
  /** Path under examples/real without extension ("thousands-deficit-negative", "faulty/roll-forward"). */
  readonly name: string;
  readonly workbook: Workbook;
  /** Findings that must appear (errors and warnings); empty for a consistent example. */
  readonly expected: readonly ExpectedFinding[];
  /** For a faulty copy: the consistent example it was made from, and every cell the fault changed. */
  readonly source?: string;
  readonly seeded?: readonly DraftRef[];
}

/** A named consistent plan: the figures' seed and options, and the style. */
export interface NamedPlan {
  readonly name: string;
  readonly what: string;
  readonly seed: number;
  readonly figures: FigureOptions;
  readonly style: PlanStyle;
}

const m3 = "#,##0.000;(#,##0.000)";

/** The named consistent plans, one per real-wording choice the locator must cope with. */
export const NAMED_PLANS: readonly NamedPlan[] = [
  {
    name: "thousands-deficit-negative",
    what: "£000, deficits negative in brackets (#,##0;(#,##0)), surplus/(deficit) wording, merged Actual (s251 outturn) / Forecast headers over 2023-24 years, one header for both sections, combined CYP sheet.",
    seed: 101,
    figures: {
      laName: "Northshire",
      laCode: "931",
      firstYear: 2021,
      years: 7,
      actualYears: 3,
      safetyValve: true,
    },
    style: styleWith({}),
  },
  {
    name: "millions-published-rounding",
    what: "£m to 3 decimals, deficits positive, Wiltshire's published rows, the summary of end of year positions typed as published (each figure rounded on its own, so rolls may be out by 0.001), Outturn 2023/24 / Forecast 2024/25 headers repeated above 7.2.",
    seed: 202,
    figures: {
      laName: "Westborough",
      laCode: "874",
      firstYear: 2021,
      years: 8,
      actualYears: 3,
      safetyValve: true,
    },
    style: styleWith({
      unit: "£m",
      rounding: "published",
      sign: "deficit-positive",
      moneyFormat: m3,
      unitText: "£m",
      endOfYear: WILTSHIRE_ROWS,
      block: BLOCK_WORDING,
      yearHeader: "word-and-year",
      yearFormat: "slash",
      actualWord: "Outturn",
      headers: "per-section",
      sheets: { cyp: "CYP summary" },
    }),
  },
  {
    name: "ehcp-sheet-per-placement",
    what: "EHCP tables on one sheet per placement type (short tab names, v5 headings inside), £000 deficits positive, deficit/(surplus) wording, Actual/Forecast above each 2023/24 year.",
    seed: 303,
    figures: {
      laName: "Eastmere",
      laCode: "812",
      firstYear: 2022,
      years: 6,
      actualYears: 2,
      safetyValve: false,
    },
    style: styleWith({
      sign: "deficit-positive",
      moneyFormat: "#,##0;-#,##0",
      unitText: "£'000",
      endOfYear: DEFICIT_SURPLUS_ROWS,
      block: BLOCK_WORDING,
      yearHeader: "kind-per-column",
      yearFormat: "slash",
      actualWord: "Actual",
      ehcpLayout: "per-placement",
      placementTabs: "short",
    }),
  },
  {
    name: "ehcp-combined-sheet",
    what: "One combined EHCP sheet with shorter placement headings, £m deficits positive, carry forward wording, accounting number format, empty cells for nil, s251 line codes, tab Summary - financial.",
    seed: 404,
    figures: {
      laName: "Southvale",
      laCode: "885",
      firstYear: 2021,
      years: 7,
      actualYears: 3,
      safetyValve: true,
    },
    style: styleWith({
      unit: "£m",
      sign: "deficit-positive",
      moneyFormat: '_-* #,##0.000_-;-* #,##0.000_-;_-* "-"???_-;_-@_-',
      unitText: "£m",
      nil: "blank",
      endOfYear: CARRY_FORWARD_ROWS,
      block: {
        ...BLOCK_WORDING,
        inYear: "In year (surplus)/deficit",
        totalExpenditure: "Total spend",
      },
      lineCodes: true,
      placementHeadings: "short",
      sheets: { financial: "Summary - financial", cyp: "Children & young people summary" },
    }),
  },
  {
    name: "merged-outturn-forecast-headers",
    what: "Merged Actual (s251 outturn) / Forecast header cells over 2024-25 years, a year header on every block, a Commentary column, £m deficits positive, Wiltshire rows.",
    seed: 505,
    figures: {
      laName: "Midford",
      laCode: "855",
      firstYear: 2022,
      years: 7,
      actualYears: 2,
      safetyValve: true,
    },
    style: styleWith({
      unit: "£m",
      sign: "deficit-positive",
      moneyFormat: "#,##0.000",
      unitText: "£m",
      endOfYear: WILTSHIRE_ROWS,
      block: BLOCK_WORDING,
      headers: "per-block",
      commentary: true,
      labelCol: 0,
      topRows: 2,
      sheets: { cyp: "CYP Summary", narrative: "Narrative", governance: "Governance" },
    }),
  },
  {
    name: "january-census-headers",
    what: "EHCP census columns headed January 2024, one sheet per placement with the v5 heading cut to 31 characters as the tab name, £000 deficits negative, b/f and c/f surplus/(deficit) wording.",
    seed: 606,
    figures: {
      laName: "Kingsbridge",
      laCode: "919",
      firstYear: 2021,
      years: 7,
      actualYears: 3,
      safetyValve: true,
    },
    style: styleWith({
      endOfYear: BF_CF_SURPLUS_ROWS,
      block: { ...BLOCK_WORDING, inYear: "Surplus/(deficit) for the year" },
      censusHeader: "january",
      ehcpLayout: "per-placement",
      placementTabs: "truncated",
      signOff: "signed-off-by",
    }),
  },
  {
    name: "ehcp-la-wide-codes",
    what: "Only the local authority's EHCP tables, with no placement heading above them, primary needs as SEN2 codes (NSA for no specialist assessment), bare Total rows, census columns headed by academic year (2023/24 over the January 2024 census), £m deficits positive.",
    seed: 1212,
    figures: {
      laName: "Northfold",
      laCode: "874",
      firstYear: 2022,
      years: 6,
      actualYears: 2,
      safetyValve: false,
    },
    style: styleWith({
      unit: "£m",
      sign: "deficit-positive",
      moneyFormat: "#,##0.000;(#,##0.000)",
      unitText: "£m",
      endOfYear: WILTSHIRE_ROWS,
      block: BLOCK_WORDING,
      ehcpLayout: "la-wide",
      censusHeader: "academic",
      needLabels: "codes",
      totalLabels: "bare",
      sheets: { cyp: "EHCP numbers" },
    }),
  },
  {
    name: "recoupment-deductions",
    what: "Gross DSG allocation, Less: academy recoupment and Direct funding of high needs places by ESFA shown as positive amounts and subtracted into Total funding available, Block movements; the schools block transfer is above 0.5% of the block after recoupment but within 0.5% of it before recoupment (the limit's base).",
    seed: 707,
    figures: {
      laName: "Oldcastle",
      laCode: "886",
      firstYear: 2021,
      years: 7,
      actualYears: 3,
      safetyValve: true,
      transferAboveNetHalfPercent: true,
    },
    style: styleWith({
      unit: "£m",
      sign: "deficit-positive",
      moneyFormat: m3,
      unitText: "£m",
      endOfYear: DEFICIT_SURPLUS_ROWS,
      block: {
        ...BLOCK_WORDING,
        gross: "Gross DSG allocation",
        schoolsRecoupment: "Less: academy recoupment",
        highNeedsDeduction: "Direct funding of high needs places by ESFA",
        transfers: "Block movements",
      },
      deductionSign: "positive",
      headers: "per-section",
      yearFormat: "slash",
    }),
  },
  {
    name: "bf-cf-wording",
    what: "b/f and c/f wording, £'000 stated in a note line, deficits positive, a '-' for nil, high needs lines only (other blocks one expenditure row).",
    seed: 808,
    figures: {
      laName: "Greyford",
      laCode: "838",
      firstYear: 2020,
      years: 8,
      actualYears: 3,
      safetyValve: true,
    },
    style: styleWith({
      sign: "deficit-positive",
      moneyFormat: "#,##0;(#,##0)",
      unitMarker: "note",
      unitText: "£'000",
      nil: "dash",
      inYearFormula: "sum",
      endOfYear: BF_CF_ROWS,
      block: BLOCK_WORDING,
      lines: "high-needs-only",
      sectionNumbers: false,
      yearFormat: "long",
      actualWord: "Actual",
    }),
  },
  {
    name: "surplus-deficit-wording",
    what: "surplus/(deficit) wording throughout, £m deficits negative in brackets (_-* #,##0.000_-;(#,##0.000)), the unit in the section titles, Outturn/Forecast per column.",
    seed: 909,
    figures: {
      laName: "Hartwell",
      laCode: "867",
      firstYear: 2022,
      years: 6,
      actualYears: 2,
      safetyValve: true,
    },
    style: styleWith({
      unit: "£m",
      moneyFormat: "_-* #,##0.000_-;(#,##0.000)",
      unitMarker: "title",
      unitText: "£m",
      endOfYear: SURPLUS_DEFICIT_ROWS,
      block: { ...BLOCK_WORDING, inYear: "In year surplus / (deficit)" },
      yearHeader: "kind-per-column",
      actualWord: "Outturn",
      sheets: { financial: "Financial Summary" },
    }),
  },
  {
    name: "no-safety-valve",
    what: "A council without a Safety Valve agreement (no Safety Valve row), funding shown net of recoupment only, £000 deficits positive, deficit/(surplus) wording.",
    seed: 1010,
    figures: {
      laName: "Fernley",
      laCode: "821",
      firstYear: 2021,
      years: 6,
      actualYears: 3,
      safetyValve: false,
    },
    style: styleWith({
      sign: "deficit-positive",
      moneyFormat: "#,##0",
      endOfYear: DEFICIT_SURPLUS_ROWS,
      safetyValveRow: false,
      block: BLOCK_WORDING,
      funding: "net",
      yearHeader: "word-and-year",
      actualWord: "Outturn",
      yearFormat: "slash",
    }),
  },
  {
    name: "contents-dsg-total-refs",
    what: "Sheets no check needs (Contents repeating the section titles, Version control, hidden Lists of block names), a Total DSG group after the four blocks, a Ref column between labels and years, a Transfer as % of schools block row, note lines, FY23/24 years, EHCP labels in column A.",
    seed: 1111,
    figures: {
      laName: "Penwick",
      laCode: "878",
      firstYear: 2021,
      years: 7,
      actualYears: 3,
      safetyValve: true,
    },
    style: styleWith({
      sign: "deficit-positive",
      moneyFormat: "#,##0;(#,##0)",
      unitText: "£'000",
      endOfYear: WILTSHIRE_ROWS,
      block: BLOCK_WORDING,
      yearFormat: "fy",
      headers: "per-section",
      extraSheets: true,
      dsgTotal: true,
      refColumn: true,
      percentRow: true,
      noteRows: true,
      ehcpLabelCol: 0,
    }),
  },
];

export function namedPlan(name: string): NamedPlan {
  const plan = NAMED_PLANS.find((p) => p.name === name);
  if (!plan) throw new Error(`No named plan ${name}`);
  return plan;
}

export function figuresOf(plan: NamedPlan): RealFigures {
  return generateFigures(plan.seed, plan.figures);
}

/** Builds a named plan afresh (faults mutate their own copy). */
export function buildNamed(name: string): BuiltRealPlan {
  const plan = namedPlan(name);
  return buildRealPlan(figuresOf(plan), plan.style);
}

/** The faulty copies: each seeded fault kind applied to one named consistent plan. */
export const FAULTS: readonly { readonly rule: FaultRule; readonly source: string }[] = [
  { rule: "roll-forward", source: "thousands-deficit-negative" },
  { rule: "opening-balance", source: "ehcp-combined-sheet" },
  { rule: "block-total", source: "ehcp-sheet-per-placement" },
  { rule: "block-result", source: "recoupment-deductions" },
  { rule: "block-movements", source: "thousands-deficit-negative" },
  { rule: "schools-block-transfer", source: "bf-cf-wording" },
  { rule: "sign-convention", source: "merged-outturn-forecast-headers" },
  { rule: "year-sequence", source: "thousands-deficit-negative" },
  { rule: "ehcp-totals", source: "millions-published-rounding" },
  { rule: "ehcp-values", source: "ehcp-sheet-per-placement" },
  { rule: "bad-value", source: "surplus-deficit-wording" },
  { rule: "hardcoded-total", source: "ehcp-combined-sheet" },
  { rule: "block-result-lines", source: "january-census-headers" },
  { rule: "funding-uplift", source: "merged-outturn-forecast-headers" },
];

/** Builds one faulty copy of a named plan. */
export function buildFault(rule: FaultRule, source: string): RealExample {
  const plan = buildNamed(source);
  const { expected, seeded } = seedFault(plan, rule);
  return {
    name: `faulty/${rule}`,
    workbook: plan.draft.toWorkbook(),
    source,
    seeded,
    expected,
  };
}

/** Every real example, in a stable order: named plans, faulty copies, then the Safety Valve returns. */
export function realExamples(): RealExample[] {
  const consistent = NAMED_PLANS.map((p) => ({
    name: p.name,
    workbook: buildNamed(p.name).draft.toWorkbook(),
    expected: [],
  }));
  const faulty = FAULTS.map(({ rule, source }) => buildFault(rule, source));
  // svReturns.ts may name its files relative to examples/ ("real/…") or to examples/real/.
  const sv = realSvExamples().map((e) => ({
    name: e.name.replace(/^real\//, ""),
    workbook: e.workbook,
    expected: e.expected as ExpectedFinding[],
  }));
  return [...consistent, ...faulty, ...sv];
}

/** The expected.json lines for some examples. */
export function expectedEntries(examples: readonly RealExample[]): ExpectedEntry[] {
  return examples.flatMap((e): ExpectedEntry[] => {
    const file = `examples/real/${e.name}.xlsx`;
    if (e.expected.length === 0) return [{ file, consistent: true }];
    return e.expected.map((x) => ({
      file,
      ...x,
      ...(e.source ? { source: `examples/real/${e.source}.xlsx` } : {}),
    }));
  });
}
