/**
 * The real-wording test bed: named consistent plans (each one style of the real template), faulty copies
 * with one seeded fault each (the rule that must fire and the cell its finding must point at), and the
 * Safety Valve returns of svReturns.ts. `examples/real/build.ts` writes them; `report.ts` checks them.
 */
import Decimal from "decimal.js";
import type { Severity } from "../../src/validation/finding";
import type { Workbook } from "../../src/workbook/workbook";
import { a1 } from "../../src/workbook/address";
import type { DraftRef, WorkbookDraft } from "../draft";
import { type BuiltRealPlan, buildRealPlan, NEED_ROWS } from "./buildPlan";
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
  yearText,
} from "./planStyle";
import { type FigureOptions, generateFigures, type RealFigures } from "./realFigures";
import { realSvExamples } from "./svReturns";

/** A finding an example must give: the rule, its severity and the cell it points at. */
export interface ExpectedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly address: string;
  /** What was changed (faulty copies). */
  readonly fault?: string;
}

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

/** Changes cells as a user would, and records every cell changed. */
export class Editor {
  readonly seeded: DraftRef[] = [];
  constructor(private readonly plan: BuiltRealPlan) {}

  private cell(ref: DraftRef) {
    const sheet = this.plan.draft.sheet(ref.sheet);
    if (!sheet.get(ref.row, ref.col))
      sheet.set(ref.row, ref.col, null, this.plan.style.moneyFormat);
    if (!this.seeded.some((s) => s.sheet === ref.sheet && s.row === ref.row && s.col === ref.col))
      this.seeded.push(ref);
    return sheet.get(ref.row, ref.col)!;
  }

  /** Types a value over a cell (a formula becomes a typed value). */
  type(ref: DraftRef, value: number | string | null): DraftRef {
    const cell = this.cell(ref);
    cell.value = value;
    cell.formula = null;
    return ref;
  }

  formula(ref: DraftRef, formula: string): DraftRef {
    const cell = this.cell(ref);
    cell.formula = formula;
    cell.value = null;
    return ref;
  }

  /** The value a formula cell would cache, by evaluating the draft as it stands. */
  valueOf(ref: DraftRef): number {
    const sheet = this.plan.draft.toWorkbook().sheets.find((s) => s.name === ref.sheet)!;
    return sheet.values[ref.row - sheet.top][ref.col - sheet.left] as number;
  }
}

/** A figure in whole £000 as a plan's sheet shows it. */
export function inUnit(plan: BuiltRealPlan, thousands: number): number {
  return (plan.style.unit === "£m" ? thousands / 1000 : thousands) || 0;
}

export function moneyText(plan: BuiltRealPlan, thousands: number): string {
  const value = Math.abs(thousands);
  return plan.style.unit === "£m"
    ? `£${new Decimal(value).div(1000).toFixed(3)}m`
    : `£${value.toLocaleString("en-GB")}k`;
}

const address = (ref: DraftRef) => a1(ref.row, ref.col);
const refOf = (plan: BuiltRealPlan, key: string, i: number) => address(plan.cells.at(key, i));
const year = (plan: BuiltRealPlan, i: number) => yearText(plan.figures.firstYear + i, "dash");

/** One seeded fault: its rule, the consistent plan it is made from, and the change. */
export interface FaultSpec {
  readonly rule: string;
  readonly severity: Severity;
  readonly source: string;
  /** Changes the plan; returns the cell the finding must point at and what was done. */
  readonly seed: (plan: BuiltRealPlan, edit: Editor) => { at: DraftRef; fault: string };
}

/** The first year index at or after `from` whose shown figure in row `key` is not zero. */
function firstNonZero(plan: BuiltRealPlan, key: string, from = 0): number {
  const values = plan.shown.get(key) ?? [];
  const i = values.findIndex((v, j) => j >= from && v !== 0);
  if (i < 0) throw new Error(`Row ${key} has no non-zero figure from year ${from}`);
  return i;
}

export const FAULTS: readonly FaultSpec[] = [
  {
    rule: "roll-forward",
    severity: "error",
    source: "thousands-deficit-negative",
    seed: (plan, edit) => {
      const i = firstNonZero(plan, "eoy.localContribution");
      const bf = refOf(plan, "eoy.broughtForward", i);
      const sv = refOf(plan, "eoy.safetyValve", i);
      const at = edit.formula(plan.cells.at("eoy.carriedForward", i), `=SUM(${bf}:${sv})`);
      const amount = plan.shown.get("eoy.localContribution")![i];
      return {
        at,
        fault: `The ${year(plan, i)} carried-forward formula leaves out the local general fund contribution (${moneyText(plan, amount)}), so it does not roll forward.`,
      };
    },
  },
  {
    rule: "opening-balance",
    severity: "error",
    source: "ehcp-combined-sheet",
    seed: (plan, edit) => {
      const i = plan.figures.actualYears + 1;
      const at = edit.formula(
        plan.cells.at("eoy.broughtForward", i),
        `=${refOf(plan, "eoy.broughtForward", i - 1)}`
      );
      return {
        at,
        fault: `The ${year(plan, i)} brought-forward formula points at the ${year(plan, i - 1)} brought-forward cell instead of the ${year(plan, i - 1)} carried-forward cell.`,
      };
    },
  },
  {
    rule: "block-total",
    severity: "error",
    source: "ehcp-sheet-per-placement",
    seed: (plan, edit) => {
      const i = plan.figures.actualYears;
      const parts = ["schools", "cssb", "highNeeds"].map((b) => refOf(plan, `${b}.inYear`, i));
      const at = edit.formula(plan.cells.at("eoy.inYear", i), `=${parts.join("+")}`);
      const left = plan.shown.get("earlyYears.inYear")![i];
      return {
        at,
        fault: `The ${year(plan, i)} in-year DSG deficit formula leaves out the early years block (${moneyText(plan, left)}).`,
      };
    },
  },
  {
    rule: "block-result",
    severity: "error",
    source: "recoupment-deductions",
    seed: (plan, edit) => {
      const i = firstNonZero(plan, "schools.transfers", plan.figures.actualYears);
      const [e, f] = [
        refOf(plan, "schools.expenditure", i),
        refOf(plan, "schools.totalFunding", i),
      ];
      const at = edit.formula(plan.cells.at("schools.inYear", i), `=${e}-${f}`);
      const moved = plan.shown.get("schools.transfers")![i];
      return {
        at,
        fault: `The schools block ${year(plan, i)} in-year formula leaves out the block movement (the ${moneyText(plan, moved)} transfer out).`,
      };
    },
  },
  {
    rule: "block-movements",
    severity: "error",
    source: "thousands-deficit-negative",
    seed: (plan, edit) => {
      const i = firstNonZero(plan, "schools.transfers", plan.figures.actualYears);
      const was = plan.shown.get("schools.transfers")![i];
      const now = Math.round(was / 2);
      const at = edit.type(plan.cells.at("schools.transfers", i), inUnit(plan, now));
      return {
        at,
        fault: `The schools block ${year(plan, i)} transfer is typed ${moneyText(plan, now)} out while the high needs block still receives ${moneyText(plan, was)}, so transfers between blocks net to ${moneyText(plan, now - was)}.`,
      };
    },
  },
  {
    rule: "schools-block-transfer",
    severity: "warning",
    source: "bf-cf-wording",
    seed: (plan, edit) => {
      const i = plan.figures.actualYears + 1;
      const gross = plan.shown.get("schools.gross")![i];
      const amount = Math.round((gross * 0.008) / 10) * 10;
      edit.type(plan.cells.at("highNeeds.transfers", i), inUnit(plan, amount));
      const at = edit.type(plan.cells.at("schools.transfers", i), inUnit(plan, -amount));
      return {
        at,
        fault: `The ${year(plan, i)} transfer from the schools block to the high needs block is ${moneyText(plan, amount)} on both sides, 0.8% of the schools block before recoupment (${moneyText(plan, gross)}), above the 0.5% schools forum limit.`,
      };
    },
  },
  {
    rule: "sign-convention",
    severity: "error",
    source: "merged-outturn-forecast-headers",
    seed: (plan, edit) => {
      const sv = plan.shown.get("eoy.safetyValve")!;
      plan.figures.blocks.schools.gross.forEach((_, i) => {
        edit.type(plan.cells.at("eoy.safetyValve", i), inUnit(plan, -sv[i]));
        const [bf, iy, s, la] = [
          "broughtForward",
          "inYear",
          "safetyValve",
          "localContribution",
        ].map((k) => refOf(plan, `eoy.${k}`, i));
        edit.formula(plan.cells.at("eoy.carriedForward", i), `=${bf}+${iy}-${s}+${la}`);
      });
      const first = firstNonZero(plan, "eoy.safetyValve");
      return {
        at: plan.cells.at("eoy.safetyValve", first),
        fault:
          "The Safety Valve programme contribution row shows the payments as positive numbers (and the carried-forward formulas subtract them) while the sheet shows deficits as positive, so payments that reduce the deficit should be negative.",
      };
    },
  },
  {
    rule: "year-sequence",
    severity: "error",
    source: "thousands-deficit-negative",
    seed: (plan, edit) => {
      const i = plan.figures.actualYears + 1;
      const wrong = yearText(plan.figures.firstYear + i + 1, plan.style.yearFormat);
      const at = edit.type(plan.cells.at("years.eoy", i), wrong);
      return {
        at,
        fault: `The year heading "${yearText(plan.figures.firstYear + i, plan.style.yearFormat)}" is written "${wrong}", so ${wrong} appears twice.`,
      };
    },
  },
  {
    rule: "ehcp-totals",
    severity: "error",
    source: "millions-published-rounding",
    seed: (plan, edit) => {
      const j = 3;
      const first = refOf(plan, "ehcp.2.need.0", j);
      const last = refOf(plan, `ehcp.2.need.${NEED_ROWS.length - 2}`, j);
      const at = edit.formula(plan.cells.at("ehcp.2.needTotal", j), `=SUM(${first}:${last})`);
      return {
        at,
        fault: `The January ${plan.figures.firstYear + 1 + j} total by primary need for maintained special schools or special academies leaves out the last row ("${NEED_ROWS[NEED_ROWS.length - 1]}", ${plan.figures.ehcps[2].byNeed[NEED_ROWS.length - 1][j]} plans).`,
      };
    },
  },
  {
    rule: "ehcp-values",
    severity: "error",
    source: "ehcp-sheet-per-placement",
    seed: (plan, edit) => {
      const j = 2;
      const counts = plan.figures.ehcps[0].byAge;
      const under5 = counts[0][j];
      const at = edit.type(plan.cells.at("ehcp.0.age.0", j), -2);
      edit.type(plan.cells.at("ehcp.0.age.1", j), counts[1][j] + under5 + 2);
      return {
        at,
        fault: `The January ${plan.figures.firstYear + 1 + j} mainstream "Under 5" count is typed -2 (and "Age 5 to 10" raised by ${under5 + 2} so the totals still agree): a count cannot be negative.`,
      };
    },
  },
  {
    rule: "bad-value",
    severity: "error",
    source: "surplus-deficit-wording",
    seed: (plan, edit) => {
      const i = plan.figures.actualYears + 1;
      const line = plan.figures.blocks.highNeeds.lines.findIndex(
        (l) => l.label === "Hospital education services"
      );
      const at = edit.type(plan.cells.at(`highNeeds.line.${line}`, i), "tbc");
      return {
        at,
        fault: `The ${year(plan, i)} "Hospital education services" figure is the text "tbc" instead of a number.`,
      };
    },
  },
  {
    rule: "hardcoded-total",
    severity: "warning",
    source: "ehcp-combined-sheet",
    seed: (plan, edit) => {
      const i = plan.figures.actualYears + 1;
      const ref = plan.cells.at("highNeeds.expenditure", i);
      const value = edit.valueOf(ref);
      const at = edit.type(ref, value);
      return {
        at,
        fault: `The ${year(plan, i)} high needs total expenditure holds the typed number ${value} instead of its SUM formula (the same value).`,
      };
    },
  },
];

/** Builds one faulty copy. */
export function buildFault(spec: FaultSpec): RealExample & { draft: WorkbookDraft; fault: string } {
  const plan = buildNamed(spec.source);
  const edit = new Editor(plan);
  const { at, fault } = spec.seed(plan, edit);
  return {
    name: `faulty/${spec.rule}`,
    workbook: plan.draft.toWorkbook(),
    draft: plan.draft,
    source: spec.source,
    seeded: edit.seeded,
    fault,
    expected: [
      { rule: spec.rule, severity: spec.severity, sheet: at.sheet, address: address(at), fault },
    ],
  };
}

/** Every real example, in a stable order: named plans, faulty copies, then the Safety Valve returns. */
export function realExamples(): RealExample[] {
  const consistent = NAMED_PLANS.map((p) => ({
    name: p.name,
    workbook: buildNamed(p.name).draft.toWorkbook(),
    expected: [],
  }));
  const faulty = FAULTS.map((spec) => {
    const { name, workbook, expected, source, seeded } = buildFault(spec);
    return { name, workbook, expected, source, seeded };
  });
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
