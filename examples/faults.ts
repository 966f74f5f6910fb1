/**
 * One faulty copy of a consistent sample per validator rule, each with exactly one seeded fault, and the
 * cell the rule's finding should point at (COMMON.md "Where a finding points"). Each fault is a small
 * mutation of a freshly built draft, so the change flows through the dependent formulas as in Excel.
 */
import Decimal from "decimal.js";
import type { Severity } from "../src/validation/finding";
import type { Workbook } from "../src/workbook/workbook";
import { a1 } from "../src/workbook/address";
import type { DraftRef } from "./draft";
import { WorkbookDraft } from "./draft";
import { type BuiltPlan, buildManagementPlan, FINANCIAL_SUMMARY } from "./managementPlan";
import { WILTSHIRE_PLAN } from "./planInputs";
import { locateTemplate } from "../src/templates/locate";
import { writeOffSheetContent } from "../src/validation/report/writeOffSheet";
import { WRITE_OFF_SHEET_NAME } from "../src/templates/writeOff/writeOffLabels";
import { type BuiltReturn, buildSafetyValveReturn } from "./safetyValveReturn";

/** One line of examples/faults.json. */
export interface FaultEntry {
  /** Path relative to the repository root, e.g. "examples/faulty/roll-forward.xlsx". */
  readonly file: string;
  readonly rule: string;
  readonly severity: Severity;
  /** Where the finding should point; both empty for a workbook-level finding. */
  readonly sheet: string;
  readonly address: string;
  readonly fault: string;
}

interface Fault {
  readonly rule: string;
  readonly severity: Severity;
  readonly fault: string;
  /** Builds the faulty workbook's draft and returns the cell the finding should point at. */
  readonly seed: () => { draft: WorkbookDraft; at: DraftRef | null };
}

/** The year index of a financial year's start in the sample plan (2025 → the 2025-26 column). */
const year = (start: number) => start - WILTSHIRE_PLAN.firstYear;
/** The index of a census year's column. */
const census = (y: number) => y - WILTSHIRE_PLAN.firstYear - 1;
const address = (ref: DraftRef) => a1(ref.row, ref.col);

/**
 * Fault constructors for one sample: each fault builds the sample afresh, lets `mutate` change it and
 * returns the cell to point at.
 */
function faultsIn<B extends { readonly draft: WorkbookDraft }>(build: () => B) {
  return (
    rule: string,
    severity: Severity,
    fault: string,
    mutate: (sample: B, edit: Editor) => DraftRef
  ): Fault => ({
    rule,
    severity,
    fault,
    seed: () => {
      const sample = build();
      return { draft: sample.draft, at: mutate(sample, new Editor(sample.draft)) };
    },
  });
}

const planFault = faultsIn<BuiltPlan>(() => buildManagementPlan(WILTSHIRE_PLAN));
const returnFault = faultsIn<BuiltReturn>(buildSafetyValveReturn);

/** Changes draft cells the way a user would: typing over a value, or editing a formula. */
class Editor {
  constructor(private readonly draft: WorkbookDraft) {}
  type(ref: DraftRef, value: number | string | null): DraftRef {
    const cell = this.draft.cell(ref);
    cell.value = value;
    cell.formula = null;
    return ref;
  }
  formula(ref: DraftRef, formula: string): DraftRef {
    this.draft.cell(ref).formula = formula;
    return ref;
  }
  /** Adds `delta` to a typed number. */
  add(ref: DraftRef, delta: number): DraftRef {
    const cell = this.draft.cell(ref);
    return this.type(ref, new Decimal(cell.value as number).plus(delta).toNumber());
  }
}

const FAULTS: readonly Fault[] = [
  {
    rule: "template-recognised",
    severity: "error",
    fault:
      "A budget monitoring workbook of another kind (cost centres and staffing), not a DSG template.",
    seed: () => ({ draft: otherKindOfWorkbook(), at: null }),
  },
  planFault(
    "bad-value",
    "error",
    'The 2025-26 "Hospital education services" figure is the text "tbc" instead of a number.',
    (plan, edit) =>
      edit.type(plan.cells.at("highNeeds.line.Hospital education services", year(2025)), "tbc")
  ),
  planFault(
    "year-sequence",
    "error",
    'The Financial summary year heading "2026-27" is written "2027-28", so 2027-28 appears twice.',
    (plan, edit) => edit.type(plan.cells.at("years", year(2026)), "2027-28")
  ),
  planFault(
    "sign-convention",
    "error",
    'The "DfE deficit payments" row shows the Safety Valve payments as positive numbers (and the carried-forward formulas subtract them) while the sheet shows deficits as positive, so payments that reduce the deficit should be negative.',
    (plan, edit) => {
      plan.figures.years.forEach((_, i) => {
        const payment = plan.cells.at("summary.dfePayments", i);
        edit.type(payment, -(plan.draft.cell(payment).value as number) || 0);
        const [bf, iy, dfe, la, other] = [
          "broughtForward",
          "inYear",
          "dfePayments",
          "laContribution",
          "otherAdjustments",
        ].map((k) => address(plan.cells.at(`summary.${k}`, i)));
        edit.formula(
          plan.cells.at("summary.carriedForward", i),
          `=${bf}+${iy}-${dfe}+${la}+${other}`
        );
      });
      return plan.cells.at(
        "summary.dfePayments",
        plan.figures.input.dfePayments.findIndex((p) => p !== 0)
      );
    }
  ),
  planFault(
    "roll-forward",
    "error",
    "The 2028-29 carried-forward formula leaves out the in-year result (a £0.194m surplus), so it does not roll forward.",
    (plan, edit) => {
      const i = year(2028);
      const [bf, dfe, la, other] = [
        "broughtForward",
        "dfePayments",
        "laContribution",
        "otherAdjustments",
      ].map((k) => address(plan.cells.at(`summary.${k}`, i)));
      return edit.formula(
        plan.cells.at("summary.carriedForward", i),
        `=${bf}+${dfe}+${la}+${other}`
      );
    }
  ),
  planFault(
    "opening-balance",
    "error",
    "The 2026-27 brought-forward formula points at the 2025-26 brought-forward cell instead of the 2025-26 carried-forward cell.",
    (plan, edit) =>
      edit.formula(
        plan.cells.at("summary.broughtForward", year(2026)),
        `=${address(plan.cells.at("summary.broughtForward", year(2025)))}`
      )
  ),
  planFault(
    "block-total",
    "error",
    "The 2024-25 total DSG in-year deficit formula leaves out the early years block (£0.200m).",
    (plan, edit) => {
      const i = year(2024);
      const blocks = ["schools", "cssb", "highNeeds"].map((b) =>
        address(plan.cells.at(`${b}.inYear`, i))
      );
      return edit.formula(plan.cells.at("summary.inYear", i), `=${blocks.join("+")}`);
    }
  ),
  planFault(
    "block-result",
    "error",
    "The schools block 2025-26 in-year formula leaves out the block movement (the £1.500m transfer out).",
    (plan, edit) => {
      const i = year(2025);
      const [spend, alloc, other] = ["expenditure", "allocation", "other"].map((k) =>
        address(plan.cells.at(`schools.${k}`, i))
      );
      return edit.formula(plan.cells.at("schools.inYear", i), `=${spend}-(${alloc}+${other})`);
    }
  ),
  planFault(
    "block-movements",
    "error",
    "The schools block 2026-27 movement is typed -1.000 while the high needs block still receives 1.500, so movements net to £0.500m.",
    (plan, edit) => edit.type(plan.cells.at("schools.movements", year(2026)), -1)
  ),
  planFault(
    "schools-block-transfer",
    "warning",
    "The 2026-27 transfer from the schools block to the high needs block is £3.300m (1.0% of the schools block) on both sides, above the 0.5% schools forum limit.",
    (plan, edit) => {
      edit.type(plan.cells.at("highNeeds.movements", year(2026)), 3.3);
      return edit.type(plan.cells.at("schools.movements", year(2026)), -3.3);
    }
  ),
  planFault(
    "outturn-agrees",
    "warning",
    'Reference rows "Reference in-year deficit" and "Reference cumulative deficit" are added under the Financial summary for the actual years; the reference cumulative deficit for 2022-23 is £35.514m against £35.214m in the plan.',
    (plan) => {
      addReferenceRows(plan, { year: year(2022), delta: 0.3 });
      return plan.cells.at("summary.carriedForward", year(2022));
    }
  ),
  planFault(
    "mitigation-arithmetic",
    "error",
    "The 2026-27 total mitigations formula leaves out the last mitigation line (£1.300m).",
    (plan, edit) => {
      const i = year(2026);
      const lines = WILTSHIRE_PLAN.mitigations.map((m) =>
        address(plan.cells.at(`mitigations.${m.label}`, i))
      );
      return edit.formula(
        plan.cells.at("mitigations.total", i),
        `=SUM(${lines[0]}:${lines[lines.length - 2]})`
      );
    }
  ),
  planFault(
    "mitigation-direction",
    "warning",
    'The 2027-28 "Preparing for adulthood pathways" saving is typed -1.500 (it would increase the deficit) instead of 1.500.',
    (plan, edit) =>
      edit.type(plan.cells.at("mitigations.Preparing for adulthood pathways", year(2027)), -1.5)
  ),
  planFault(
    "ehcp-totals",
    "error",
    "The 2026 total by primary need for maintained special schools leaves out the UKN row.",
    (plan, edit) => {
      const placement = "Maintained special schools or special academies";
      const first = address(plan.cells.at(`${placement}.need.ASD`, census(2026)));
      const last = address(plan.cells.at(`${placement}.need.OTH`, census(2026)));
      return edit.formula(
        plan.cells.at(`${placement}.needTotal`, census(2026)),
        `=SUM(${first}:${last})`
      );
    }
  ),
  planFault(
    "ehcp-values",
    "error",
    "The 2027 number of EHC needs assessment requests is 427.5, not a whole number.",
    (plan, edit) => edit.add(plan.cells.at("flows.requests", census(2027)), -0.5)
  ),
  planFault(
    "ehcp-stock-flow",
    "warning",
    "The 2027 number of new EHCPs is 40 higher than the change in stock plus ceased plans allows.",
    (plan, edit) => edit.add(plan.cells.at("flows.new", census(2027)), 40)
  ),
  planFault(
    "unit-cost-jump",
    "warning",
    "The 2027-28 independent and non-maintained top-up line is £18.000m lower, so cost per EHCP falls by about 18% against the 2027 census (and rises again the next year).",
    (plan, edit) => {
      edit.add(
        plan.cells.at(
          "highNeeds.line.Top-up funding - independent and non-maintained providers",
          year(2027)
        ),
        -18
      );
      return plan.cells.at("highNeeds.expenditure", year(2027));
    }
  ),
  planFault(
    "funding-uplift",
    "warning",
    "The 2028-29 high needs block allocation is £97.747m, 14.7% above 2027-28 (typical range 0-10%).",
    (plan, edit) => edit.add(plan.cells.at("highNeeds.allocation", year(2028)), 10)
  ),
  planFault(
    "sv-instalments",
    "warning",
    "The Safety Valve agreement total is typed £76.000m while the DfE deficit payments add up to £67.000m.",
    (plan, edit) => edit.type(plan.cells.at("sv.total", year(2023)), 76)
  ),
  planFault(
    "sv-limits",
    "warning",
    "The 2026-27 deficit limit is £95.000m, so the forecast cumulative deficit of £99.198m breaches it by £4.198m.",
    (plan, edit) => {
      edit.type(plan.cells.at("sv.limit", year(2026)), 95);
      return plan.cells.at("summary.carriedForward", year(2026));
    }
  ),
  planFault(
    "hardcoded-total",
    "warning",
    "The 2025-26 carried-forward cell holds the typed number 77.319 instead of its SUM formula.",
    (plan, edit) => edit.type(plan.cells.at("summary.carriedForward", year(2025)), 77.319)
  ),
  planFault(
    "hnsg-reconcile",
    "warning",
    "The write-off reconciliation (as Add write-off reconciliation adds it) has the S151 assurance at £76.900m, £0.419m below the plan's deficit at 31 March 2026, with no explanation.",
    (plan) => addReconciliation(plan.draft, { [S151_ROW]: 76.9 })
  ),
  returnFault(
    "sv-questions",
    "error",
    'The answer to "Is your LA\'s Safety Valve capital project on track?" is left blank.',
    (sv, edit) => edit.type(svCell(sv, "question.3.answer"), null)
  ),
  returnFault(
    "sv-assurance",
    "error",
    'Condition 3.4 has the assurance level "Yellow" for Update 3 (November), which the RAG legend does not define.',
    (sv, edit) => edit.type(svCell(sv, "condition.3.4.latest"), "Yellow")
  ),
  returnFault(
    "sv-signoff",
    "error",
    "The date the report was submitted is left blank.",
    (sv, edit) => edit.type(svCell(sv, "dateSubmitted"), null)
  ),
];

/** Rules whose findings are advice the consistent samples already trigger (no fault to seed). */
export const ADVISORY_RULES = ["balance-not-cleared", "hnsg-split"] as const;

/** One line of examples/notes.json: an advisory (info) finding a consistent sample should give. */
export interface NoteEntry {
  readonly file: string;
  readonly rule: (typeof ADVISORY_RULES)[number];
  readonly severity: "info";
  readonly sheet: string;
  readonly address: string;
  readonly note: string;
}

/** The advisory notes of the consistent plan and return: both carry a deficit past 31 March 2026 and into balance. */
export function advisoryNotes(): NoteEntry[] {
  const plan = buildManagementPlan(WILTSHIRE_PLAN);
  const sv = buildSafetyValveReturn();
  const planFile = "examples/dsg-management-plan.xlsx";
  const svFile = "examples/safety-valve-return.xlsx";
  const svClosing = (i: number) => ({ ...svCell(sv, "finance.carriedForward"), col: 1 + i });
  const note = (file: string, rule: NoteEntry["rule"], at: DraftRef, text: string): NoteEntry => ({
    file,
    rule,
    severity: "info",
    sheet: at.sheet,
    address: address(at),
    note: text,
  });
  return [
    note(
      planFile,
      "hnsg-split",
      plan.cells.at("summary.carriedForward", year(2025)),
      "The cumulative deficit at 31 March 2026 (2025-26 carried forward)."
    ),
    note(
      planFile,
      "balance-not-cleared",
      plan.cells.at("summary.carriedForward", year(2028)),
      "In-year surplus in 2028-29 while £34.509m remains."
    ),
    note(
      svFile,
      "hnsg-split",
      svClosing(2),
      "The cumulative deficit at 31 March 2026 (2025-26 carried forward)."
    ),
    note(
      svFile,
      "balance-not-cleared",
      svClosing(5),
      "In-year surplus in 2028-29 while £16.800m remains."
    ),
  ];
}

function svCell(sv: BuiltReturn, key: string): DraftRef {
  const ref = sv.cells.get(key);
  if (!ref) throw new Error(`The return has no cell ${key}`);
  return ref;
}

/**
 * Adds the reference outturn rows the `outturn-agrees` rule reads (src/templates/financial/reference.ts)
 * at the foot of the Financial summary: the published (three-decimal) figures of the actual years, with
 * `delta` added to the cumulative deficit of one year.
 */
function addReferenceRows(plan: BuiltPlan, change: { year: number; delta: number }): void {
  const sheet = plan.draft.sheet(FINANCIAL_SUMMARY);
  const last = Math.max(...[...sheet.cells.keys()].map((k) => Number(k.split(",")[0])));
  const { input } = plan.figures;
  const label = plan.cells.row("years").col;
  sheet.set(last + 2, label, "Reference outturn (s251 outturn and DSG note to the accounts)");
  sheet.set(last + 3, label, "Reference in-year deficit");
  sheet.set(last + 4, label, "Reference cumulative deficit");
  let carried = new Decimal(input.broughtForward);
  for (let i = 0; i < input.actualYears; i++) {
    carried = carried
      .plus(input.inYear[i])
      .plus(input.dfePayments[i])
      .plus(input.laContributions[i]);
    const published = carried
      .plus(i === change.year ? change.delta : 0)
      .toDecimalPlaces(3)
      .toNumber();
    sheet.set(
      last + 3,
      plan.cells.yearCols[i],
      new Decimal(input.inYear[i]).toDecimalPlaces(3).toNumber(),
      "#,##0.000"
    );
    sheet.set(last + 4, plan.cells.yearCols[i], published, "#,##0.000");
  }
}

/** A workbook of another kind: a council budget monitoring report, with no DSG template sections. */
export function otherKindOfWorkbook(): WorkbookDraft {
  const draft = new WorkbookDraft();
  const budget = draft.addSheet("Budget monitoring");
  ["Cost centre", "Description", "Budget", "Forecast", "Variance"].forEach((h, c) =>
    budget.set(0, c, h)
  );
  const lines: [string, string, number, number][] = [
    ["CC1001", "Libraries", 4.2, 4.35],
    ["CC1002", "Highways maintenance", 18.6, 19.1],
    ["CC1003", "Waste collection", 22.4, 22.0],
    ["CC1004", "Parks and open spaces", 3.1, 3.05],
  ];
  lines.forEach(([code, name, budgetValue, forecast], i) => {
    budget.set(1 + i, 0, code);
    budget.set(1 + i, 1, name);
    budget.set(1 + i, 2, budgetValue, "#,##0.00");
    budget.set(1 + i, 3, forecast, "#,##0.00");
    budget.set(1 + i, 4, `=D${2 + i}-C${2 + i}`, "#,##0.00");
  });
  const staff = draft.addSheet("Staffing");
  ["Team", "FTE"].forEach((h, c) => staff.set(0, c, h));
  [
    ["Libraries", 64],
    ["Highways", 120],
  ].forEach(([team, fte], i) => {
    staff.set(1 + i, 0, team);
    staff.set(1 + i, 1, fte);
  });
  return draft;
}

/** Every faulty copy with its faults.json entry. */
export function buildFaultyExamples(): { name: string; workbook: Workbook; entry: FaultEntry }[] {
  return FAULTS.map(({ rule, severity, fault, seed }) => {
    const { draft, at } = seed();
    const name = `faulty/${rule}`;
    return {
      name,
      workbook: draft.toWorkbook(),
      entry: {
        file: `examples/${name}.xlsx`,
        rule,
        severity,
        sheet: at?.sheet ?? "",
        address: at ? address(at) : "",
        fault,
      },
    };
  });
}

/** The S151 assurance's row on the reconciliation sheet (0-based). */
const S151_ROW = 7;

/**
 * Adds the write-off reconciliation sheet to a plan as the pane writes it, with figures typed in the
 * rows given; returns the first of them. Its formulas (IF, FILTER, DSG.*) are saved without results, as
 * this draft does not evaluate them; Excel works them out when the workbook is opened.
 */
function addReconciliation(
  draft: WorkbookDraft,
  figures: Readonly<Record<number, number>>
): DraftRef {
  const content = writeOffSheetContent(locateTemplate(draft.toWorkbook()), {
    writeOffPercent: 90,
    cutOffYear: 2025,
  });
  if (!content) throw new Error("The sample plan has no deficit at 31 March 2026");
  const sheet = draft.addSheet(WRITE_OFF_SHEET_NAME);
  content.cells.forEach((cells, row) =>
    cells.forEach((cell, col) => {
      const typed = col === 1 ? figures[row] : undefined;
      if (typed === undefined && cell === "") return;
      const ref = sheet.set(row, col, typed ?? cell, content.numberFormats[row][col]);
      if (typed === undefined && typeof cell === "string" && cell.startsWith("="))
        draft.cell(ref).uncached = true;
    })
  );
  const first = Math.min(...Object.keys(figures).map(Number));
  return { sheet: WRITE_OFF_SHEET_NAME, row: first, col: 1 };
}
