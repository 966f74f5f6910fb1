/**
 * Builds a DSG deficit management plan in the DfE layout of templates.md §1 from a PlanInput. The layout
 * options produce the variants the locator must cope with (moved tables, other year styles, £000, deficits
 * shown negative); `PlanCells` names the cells so fault mutations and tests need no hard-coded addresses.
 */
import Decimal from "decimal.js";
import type { SignConvention } from "../src/templates/located";
import { columnLetters } from "../src/workbook/address";
import { type DraftRef, type SheetDraft, WorkbookDraft } from "./draft";
import {
  AGE_BANDS,
  BLOCK_LABELS,
  type BlockId,
  ehcpsByAge,
  ehcpsByNeed,
  PLACEMENTS,
  POST16_PLACEMENT,
  PRIMARY_NEEDS,
  type PlanFigures,
  type PlanInput,
  planFigures,
} from "./planFigures";

export interface PlanLayout {
  /** Sheet row and column of the Financial summary's title; labels sit in this column, years to its right. */
  readonly top: number;
  readonly left: number;
  /** How a financial year is written: 2024 → "2024-25". */
  readonly yearLabel: (start: number) => string;
  readonly unit: "£m" | "£000";
  readonly sign: SignConvention;
  readonly blockOrder: readonly BlockId[];
}

export const DEFAULT_LAYOUT: PlanLayout = {
  top: 0,
  left: 1,
  yearLabel: (start) => `${start}-${String((start + 1) % 100).padStart(2, "0")}`,
  unit: "£m",
  sign: "deficit-positive",
  blockOrder: ["schools", "cssb", "earlyYears", "highNeeds"],
};

export const FINANCIAL_SUMMARY = "Financial summary";
export const CYP_SUMMARY = "CYP summary";

/** Where each labelled row of a built plan sits, so faults and tests can name cells instead of addresses. */
export class PlanCells {
  readonly rows = new Map<string, DraftRef>();
  constructor(
    readonly yearCols: readonly number[],
    readonly censusCols: readonly number[]
  ) {}

  /** The cell of row `key` in the column of year index `i` (financial or census, by the row's sheet). */
  at(key: string, i: number): DraftRef {
    const row = this.row(key);
    return { ...row, col: (row.sheet === CYP_SUMMARY ? this.censusCols : this.yearCols)[i] };
  }

  row(key: string): DraftRef {
    const row = this.rows.get(key);
    if (!row) throw new Error(`The plan has no row ${key}`);
    return row;
  }
}

export interface BuiltPlan {
  readonly draft: WorkbookDraft;
  readonly cells: PlanCells;
  readonly figures: PlanFigures;
}

/** Builds the whole management plan workbook. */
export function buildManagementPlan(
  input: PlanInput,
  layout: PlanLayout = DEFAULT_LAYOUT
): BuiltPlan {
  const figures = planFigures(input);
  const draft = new WorkbookDraft();
  const yearCols = figures.years.map((_, i) => layout.left + 1 + i);
  const cells = new PlanCells(
    yearCols,
    figures.censusYears.map((_, i) => 2 + i)
  );
  buildCover(draft.addSheet("Cover"), input);
  buildIntroduction(draft.addSheet("Introduction"));
  buildNarrative(draft.addSheet("Narrative"));
  buildFinancialSummary(draft.addSheet(FINANCIAL_SUMMARY), figures, layout, cells);
  buildCypSummary(draft.addSheet(CYP_SUMMARY), figures, cells);
  buildGovernance(draft.addSheet("Governance"), input);
  buildStakeholders(draft.addSheet("Stakeholder engagement"));
  buildLookups(draft.addSheet("Lookups"));
  return { draft, cells, figures };
}

const DATE_FORMAT = "dd/mm/yyyy";

/** Excel's serial day number for an ISO date (1900 date system). */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Writes label/value pairs one per row from `row`; returns the next free row. */
function labelled(
  sheet: SheetDraft,
  row: number,
  pairs: readonly (readonly [string, string | number, string?])[]
): number {
  pairs.forEach(([label, value, format], i) => {
    sheet.set(row + i, 0, label);
    sheet.set(row + i, 1, value, format);
  });
  return row + pairs.length;
}

function title(sheet: SheetDraft, row: number, col: number, text: string, width: number): void {
  sheet.set(row, col, text);
  if (width > 1) sheet.merge(row, col, row, col + width - 1);
}

function buildCover(sheet: SheetDraft, input: PlanInput): void {
  title(sheet, 0, 0, "Dedicated schools grant (DSG) deficit management plan", 4);
  labelled(sheet, 2, [
    ["Local authority", input.laName],
    ["LA code", input.laCode],
    ["Plan version", "Version 3: August 2024 forecast"],
    ["Date", excelDate(input.signOff.date), DATE_FORMAT],
    ["Status", "Submitted to DfE"],
  ]);
}

function buildIntroduction(sheet: SheetDraft): void {
  title(sheet, 0, 0, "Management plan introduction", 3);
  [
    "This sample plan follows the DfE DSG deficit management plan template.",
    "Figures for 2023-24 to 2028-29 are Wiltshire Council's August 2024 Safety Valve forecast; other figures are invented for illustration.",
    "Deficits are shown as positive numbers; Safety Valve payments and local contributions reduce the deficit and are shown as negative movements.",
    "Age is age on 31 August before the start of the academic year, as in SEN2.",
  ].forEach((text, i) => sheet.set(2 + i, 0, text));
}

function buildNarrative(sheet: SheetDraft): void {
  title(sheet, 0, 0, "Summary narrative", 3);
  const sections = [
    [
      "Financial plan narrative",
      "High needs spend has grown faster than funding; the Safety Valve agreement and local contributions bring the in-year position into balance by 2028-29.",
    ],
    [
      "High needs trends",
      "EHCP numbers grew strongly to 2026 and are forecast to fall as early intervention and local special places take effect.",
    ],
    [
      "Outcomes",
      "More children and young people are supported in their local mainstream school, with better preparation for adulthood.",
    ],
  ];
  sections.forEach(([heading, text], i) => {
    sheet.set(2 + i * 3, 0, heading);
    sheet.set(3 + i * 3, 0, text);
  });
}

function buildGovernance(sheet: SheetDraft, input: PlanInput): void {
  title(sheet, 0, 0, "Governance and management", 4);
  labelled(sheet, 2, [
    ["Signed off by", input.signOff.by],
    ["Date of sign-off", excelDate(input.signOff.date), DATE_FORMAT],
    ["Schools forum date", excelDate(input.signOff.forum), DATE_FORMAT],
  ]);
  sheet.set(6, 0, "Workstream log");
  ["Workstream", "Owner", "Savings", "RAG"].forEach((h, c) => sheet.set(7, c, h));
  const last = input.mitigations[0].savings.length - 1;
  input.mitigations.forEach((m, i) => {
    sheet.set(8 + i, 0, m.label);
    sheet.set(
      8 + i,
      1,
      ["Head of SEND", "Head of Commissioning", "Director of Education", "Head of Finance"][i % 4]
    );
    sheet.set(8 + i, 2, m.savings[last], "#,##0.000");
    sheet.set(8 + i, 3, i % 3 === 2 ? "Amber" : "Green");
  });
}

function buildStakeholders(sheet: SheetDraft): void {
  title(sheet, 0, 0, "Stakeholder engagement, co-production and consultation", 3);
  ["Date", "Group", "Engagement"].forEach((h, c) => sheet.set(2, c, h));
  const log: [string, string, string][] = [
    ["2024-06-13", "Schools forum", "Plan and block transfer proposals presented"],
    ["2024-07-02", "Parent carer forum", "Co-production workshop on local special places"],
    ["2024-07-18", "Elected members", "Cabinet briefing on the Safety Valve forecast"],
    ["2024-09-05", "Health partners", "Joint commissioning of therapies agreed"],
  ];
  log.forEach(([date, group, what], i) => {
    sheet.set(3 + i, 0, excelDate(date), DATE_FORMAT);
    sheet.set(3 + i, 1, group);
    sheet.set(3 + i, 2, what);
  });
}

/** The drop-down lists a DfE template keeps on a hidden sheet. */
function buildLookups(sheet: SheetDraft): void {
  sheet.visibility = "hidden";
  const lists = [
    ["Year kind", "Actual", "Forecast"],
    ["Instalment status", "received", "expected", "at risk", "withheld", "suspended"],
    ["RAG", "Blue", "Green", "Amber", "Red"],
  ];
  lists.forEach((list, c) => list.forEach((item, r) => sheet.set(r, c, item)));
}

/** Money helper for one layout: converts £m deficit-positive figures to the sheet's unit and sign. */
class Money {
  readonly format: string;
  private readonly scale: number;
  constructor(private readonly layout: PlanLayout) {
    this.scale = layout.unit === "£000" ? 1000 : 1;
    this.format = layout.unit === "£000" ? "#,##0" : "#,##0.000";
  }
  /** A flow or balance in the deficit direction (deficits, payments, contributions): sign applies. */
  deficit(value: number): number {
    // `|| 0` keeps a zero from turning into -0, which Excel saves as 0 (so a read-back would differ).
    return this.amount(value) * (this.layout.sign === "deficit-negative" ? -1 : 1) || 0;
  }
  /** A plain amount (funding, spend, savings): sign convention does not apply. */
  amount(value: number): number {
    return new Decimal(value).times(this.scale).toNumber() || 0;
  }
}

function buildFinancialSummary(
  sheet: SheetDraft,
  figures: PlanFigures,
  layout: PlanLayout,
  cells: PlanCells
): void {
  const { input } = figures;
  const money = new Money(layout);
  const L = layout.left;
  const cols = cells.yearCols;
  const n = figures.years.length;
  const ref = (row: number, i: number) => `${columnLetters(cols[i])}${row + 1}`;
  let row = layout.top;
  title(sheet, row, L, "Financial summary", n + 1);
  sheet.set(row + 1, L, "Local authority");
  sheet.set(row + 1, L + 1, input.laName);
  sheet.set(row + 2, L, "Units");
  sheet.set(row + 2, L + 1, layout.unit);
  figures.years.forEach((year, i) => {
    sheet.set(row + 4, cols[i], i < input.actualYears ? "Actual" : "Forecast");
    sheet.set(row + 5, cols[i], layout.yearLabel(year));
  });
  sheet.set(row + 5, L, "Financial year");
  cells.rows.set("years", { sheet: sheet.name, row: row + 5, col: L });
  row += 7;

  /** Writes one labelled row of typed money (or formulas from `formula`) and records it under `key`. */
  const line = (
    key: string,
    label: string,
    values: (i: number) => number | string | null,
    format = money.format
  ) => {
    sheet.set(row, L, label);
    for (let i = 0; i < n; i++) {
      const value = values(i);
      if (value !== null) sheet.set(row, cols[i], value, format);
    }
    cells.rows.set(key, { sheet: sheet.name, row, col: L });
    return row++;
  };
  const flip = layout.sign === "deficit-negative";

  sheet.set(row++, L, "Financial plan per funding block");
  row++;
  const inYearRows: number[] = [];
  for (const block of layout.blockOrder) {
    sheet.set(row++, L, BLOCK_LABELS[block]);
    const k = (name: string) => `${block}.${name}`;
    const alloc = line(k("allocation"), "DSG allocation", (i) =>
      money.amount(input.allocations[block][i])
    );
    const transfer = (i: number) =>
      (block === "schools" ? -1 : block === "highNeeds" ? 1 : 0) * input.schoolsTransfer[i];
    const move = line(k("movements"), "Block movements", (i) => money.amount(transfer(i)));
    const other = line(k("other"), "Other funding", (i) =>
      money.amount(block === "highNeeds" ? input.highNeedsOtherFunding[i] : 0)
    );
    let spend: number;
    if (block === "highNeeds") {
      const first = row;
      input.expenditureLines.forEach(([label], l) =>
        line(`highNeeds.line.${label}`, label, (i) => money.amount(figures.lineValues[l][i]))
      );
      spend = line(
        k("expenditure"),
        "Total expenditure",
        (i) => `=SUM(${ref(first, i)}:${ref(row - 1, i)})`
      );
    } else {
      spend = line(k("expenditure"), "Expenditure", (i) =>
        money.amount(figures.blockExpenditure[block][i])
      );
    }
    const funding = (i: number) => `(${ref(alloc, i)}+${ref(move, i)}+${ref(other, i)})`;
    inYearRows.push(
      line(k("inYear"), "In-year surplus/(deficit)", (i) =>
        flip ? `=${funding(i)}-${ref(spend, i)}` : `=${ref(spend, i)}-${funding(i)}`
      )
    );
    row++;
  }

  sheet.set(row++, L, "Summary of end of year positions");
  const bf = row;
  const cf = bf + 5;
  line("summary.broughtForward", "Cumulative deficit brought forward", (i) =>
    i === 0 ? money.deficit(input.broughtForward) : `=${ref(cf, i - 1)}`
  );
  line(
    "summary.inYear",
    "Total DSG in-year deficit",
    (i) => `=${inYearRows.map((r) => ref(r, i)).join("+")}`
  );
  line("summary.dfePayments", "DfE deficit payments", (i) => money.deficit(input.dfePayments[i]));
  line("summary.laContribution", "Local authority contribution", (i) =>
    money.deficit(input.laContributions[i])
  );
  line("summary.otherAdjustments", "Other adjustments", () => 0);
  line(
    "summary.carriedForward",
    "Cumulative deficit carried forward",
    (i) => `=SUM(${ref(bf, i)}:${ref(cf - 1, i)})`
  );
  row++;

  sheet.set(row++, L, "Mitigations");
  const unmitigated = line("mitigations.unmitigated", "Unmitigated in-year deficit", (i) =>
    money.deficit(figures.unmitigated[i])
  );
  input.mitigations.forEach((m) =>
    line(`mitigations.${m.label}`, m.label, (i) => money.amount(m.savings[i]))
  );
  const total = line(
    "mitigations.total",
    "Total mitigations",
    (i) => `=SUM(${ref(unmitigated + 1, i)}:${ref(row - 1, i)})`
  );
  line(
    "mitigations.mitigated",
    "Mitigated in-year deficit",
    (i) => `=${ref(unmitigated, i)}${flip ? "+" : "-"}${ref(total, i)}`
  );
  row++;

  const sv = input.safetyValve;
  if (sv) {
    const agreementYear = (i: number) => figures.years[i] - sv.firstYear;
    const inAgreement = (i: number) => agreementYear(i) >= 0 && agreementYear(i) < sv.limits.length;
    sheet.set(row++, L, "Safety Valve agreement");
    line("sv.limit", "Deficit limit", (i) =>
      inAgreement(i) ? money.deficit(sv.limits[agreementYear(i)]) : null
    );
    const first = figures.years.indexOf(sv.firstYear);
    line("sv.basis", "Limit basis", (i) => (i === first ? "net" : null), "General");
    line("sv.total", "Agreement total", (i) => (i === first ? money.amount(sv.total) : null));
    line(
      "sv.status",
      "Status",
      (i) => (inAgreement(i) ? sv.status[agreementYear(i)] : null),
      "General"
    );
  }
}

function buildCypSummary(sheet: SheetDraft, figures: PlanFigures, cells: PlanCells): void {
  const cols = cells.censusCols;
  const ref = (row: number, i: number) => `${columnLetters(cols[i])}${row + 1}`;
  title(sheet, 0, 1, "Children and young people summary", cols.length + 1);
  sheet.set(1, 1, "Number of EHCPs at the January census");
  let row = 3;
  const header = (label: string) => {
    sheet.set(row, 1, label);
    figures.censusYears.forEach((year, i) => sheet.set(row, cols[i], year, "0"));
    row++;
  };
  const counts = (key: string, label: string, values: readonly number[]) => {
    sheet.set(row, 1, label);
    values.forEach((v, i) => sheet.set(row, cols[i], v, "#,##0"));
    cells.rows.set(key, { sheet: sheet.name, row, col: 1 });
    return row++;
  };
  const total = (key: string, label: string, first: number) => {
    sheet.set(row, 1, label);
    cols.forEach((_, i) =>
      sheet.set(row, cols[i], `=SUM(${ref(first, i)}:${ref(row - 1, i)})`, "#,##0")
    );
    cells.rows.set(key, { sheet: sheet.name, row, col: 1 });
    row++;
  };
  PLACEMENTS.forEach((placement, p) => {
    const stock = figures.ehcps[p];
    const byAge = stock.map((count) => ehcpsByAge(placement, count));
    const byNeed = stock.map((count) => ehcpsByNeed(count));
    sheet.set(row++, 1, placement);
    header("Number of EHCPs by age group");
    const firstAge = row;
    AGE_BANDS.forEach((band, a) => {
      if (placement === POST16_PLACEMENT && a < 3) return;
      counts(
        `${placement}.age.${band}`,
        band,
        byAge.map((split) => split[a])
      );
    });
    total(`${placement}.ageTotal`, "Total number by age group", firstAge);
    header("Number of EHCPs by primary need");
    const firstNeed = row;
    PRIMARY_NEEDS.forEach((need, k) =>
      counts(
        `${placement}.need.${need}`,
        need,
        byNeed.map((split) => split[k])
      )
    );
    total(`${placement}.needTotal`, "Total number of EHCPs by primary need", firstNeed);
    row++;
  });
  sheet.set(row++, 1, "All placements");
  header("EHCP flows");
  counts("flows.new", "New EHCPs", figures.newPlans);
  counts("flows.ceased", "Ceased EHCPs", figures.ceasedPlans);
  counts("flows.requests", "EHC needs assessment requests", figures.assessmentRequests);
}
