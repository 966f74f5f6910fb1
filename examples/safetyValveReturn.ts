/**
 * Builds a Safety Valve monitoring return in the structure of the council return described in
 * test/fixtures/safety-valve-return.md (templates.md §2). The council and its figures are invented.
 */
import { columnLetters } from "../src/workbook/address";
import { type DraftRef, type SheetDraft, WorkbookDraft } from "./draft";
import { excelDate } from "./managementPlan";

export interface BuiltReturn {
  readonly draft: WorkbookDraft;
  /** Named cells: "dateSubmitted", "question.<n>.answer", "condition.<id>.latest", "risk.<n>.latest", … */
  readonly cells: Map<string, DraftRef>;
}

export const SV_OVERVIEW = "Overview";
export const SV_DETAILED_UPDATE = "Detailed update";
export const SV_RISK_REGISTER = "Risk register";
export const SV_FINANCE = "Finance summary";

const UPDATES = ["Update 1 (May)", "Update 2 (August)", "Update 3 (November)"];

const QUESTIONS: readonly (readonly [string, "Yes" | "No", string])[] = [
  [
    "To achieve the Safety Valve agreement's projected deficit in the current year?",
    "Yes",
    "The 2024-25 in-year deficit is forecast at £10.200m against £10.500m agreed.",
  ],
  [
    "To achieve a £0 DSG deficit by the end of the Safety Valve agreement?",
    "No",
    "£16.800m is forecast to remain at March 2029; the council will fund it from reserves set aside in the medium-term financial plan.",
  ],
  [
    "Is your LA's Safety Valve capital project on track?",
    "Yes",
    "The new 120-place special school opens in September 2025 as planned.",
  ],
];

const CONDITIONS: readonly (readonly [string, string, string])[] = [
  [
    "Condition 1",
    "Reach a positive in-year balance on the DSG account by the end of 2028-29 and in each subsequent year.",
    "AAA",
  ],
  [
    "Condition 2",
    "Control and reduce the cumulative deficit, not exceeding £31.000m in 2024-25.",
    "AAA",
  ],
  [
    "Condition 3.1",
    "Earlier support for children and young people with SEND, inclusion practice, pressure points and school transitions.",
    "AAO",
  ],
  [
    "Condition 3.2",
    "Prevent escalation by the right support first time, with health and social care.",
    "AAA",
  ],
  [
    "Condition 3.3",
    "More special school places, resourced provision and alternative provision, with reintegration support.",
    "OOA",
  ],
  [
    "Condition 3.4",
    "Transition pathways to prepare for adulthood (training, further education, employment).",
    "AAA",
  ],
  [
    "Condition 3.5",
    "A culture of change across the SEND and AP system, trust and co-production.",
    "SSS",
  ],
];

const RISKS: readonly (readonly [string, string, readonly string[]])[] = [
  [
    "Demand for EHC needs assessments keeps rising",
    "Graduated approach toolkit and inclusion advisers in every cluster",
    ["Amber", "Amber", "Green"],
  ],
  [
    "Delay to the new special school",
    "Monthly programme board with the contractor",
    ["Green", "Green", "Green"],
  ],
  [
    "Independent placement costs rise faster than planned",
    "Regional commissioning framework and cost reviews",
    ["Red", "Amber", "Amber"],
  ],
  [
    "Post-16 providers cannot take more learners",
    "Supported internships and new college partnerships",
    ["Green", "Green", "Blue"],
  ],
  [
    "Loss of schools' confidence in the inclusion model",
    "Termly headteacher reference group",
    ["Green", "Green", "Green"],
  ],
];

/** The finance summary figures (£m, deficit positive): brought forward into 2023-24, then per year. */
const FINANCE = {
  firstYear: 2023,
  broughtForward: 20.0,
  inYear: [12.5, 10.2, 6.8, 3.1, 0.4, -1.2],
  dfePayments: [-8.0, -4.0, -4.0, -4.0, -4.0, -4.0],
  laContributions: [0, 0, -2.0, 0, 0, -5.0],
  actualYears: 1,
};

/** Builds the whole return. */
export function buildSafetyValveReturn(): BuiltReturn {
  const draft = new WorkbookDraft();
  const cells = new Map<string, DraftRef>();
  buildOverview(draft.addSheet(SV_OVERVIEW), cells);
  buildAssuranceTable(draft.addSheet(SV_DETAILED_UPDATE), cells, "condition");
  buildAssuranceTable(draft.addSheet(SV_RISK_REGISTER), cells, "risk");
  buildFinance(draft.addSheet(SV_FINANCE), cells);
  return { draft, cells };
}

function buildOverview(sheet: SheetDraft, cells: Map<string, DraftRef>): void {
  sheet.set(0, 0, "Safety Valve monitoring return");
  sheet.merge(0, 0, 0, 3);
  sheet.set(1, 0, "Reporting period");
  sheet.set(1, 1, "Update 3 (November) 2024");
  [
    "LA Name",
    "Date Report Submitted",
    "Signed off by S151 Officer & Director of Children's Services",
  ].forEach((h, c) => sheet.set(3, c, h));
  sheet.set(4, 0, "Exampleshire County Council");
  cells.set("dateSubmitted", sheet.set(4, 1, excelDate("2024-12-13"), "dd/mm/yyyy"));
  cells.set("signedOff", sheet.set(4, 2, "Yes"));
  ["Key contacts", "Name", "Email"].forEach((h, c) => sheet.set(6, c, h));
  const contacts = [
    ["CEO:", "Sam Taylor", "sam.taylor@exampleshire.gov.uk"],
    ["S151 Officer:", "Priya Patel", "priya.patel@exampleshire.gov.uk"],
    ["DCS:", "Rob Jones", "rob.jones@exampleshire.gov.uk"],
    [
      "Other key contacts for Safety Valve:",
      "Lee Chen, Head of SEND Finance",
      "lee.chen@exampleshire.gov.uk",
    ],
  ];
  contacts.forEach((row, r) => row.forEach((text, c) => sheet.set(7 + r, c, text)));
  cells.set("s151", { sheet: sheet.name, row: 8, col: 1 });
  cells.set("dcs", { sheet: sheet.name, row: 9, col: 1 });
  sheet.set(
    12,
    0,
    "Do you need additional support from either of our specialist SEND advisers (early years / inclusion)?"
  );
  sheet.set(12, 1, "No additional support is needed this quarter.");

  ["Is your LA's Safety Valve plan on track?", "Yes/No", "Commentary"].forEach((h, c) =>
    sheet.set(14, c, h)
  );
  QUESTIONS.forEach(([question, answer, commentary], q) => {
    sheet.set(15 + q, 0, question);
    cells.set(`question.${q + 1}.answer`, sheet.set(15 + q, 1, answer));
    cells.set(`question.${q + 1}.commentary`, sheet.set(15 + q, 2, commentary));
  });

  sheet.set(19, 0, "Programme headlines");
  const headlines = [
    [
      "Biggest drivers of positive change",
      "Inclusion advisers in every school cluster",
      "New local special school places",
      "Joint commissioning with health",
    ],
    [
      "Biggest barriers",
      "Rising assessment requests",
      "Independent placement prices",
      "Post-16 capacity",
    ],
    [
      "Best examples of stakeholder engagement",
      "Parent carer forum co-production",
      "Headteacher reference group",
      "Young people's SEND council",
    ],
  ];
  headlines.forEach((row, r) => row.forEach((text, c) => sheet.set(20 + r, c, text)));
  sheet.set(24, 0, "Please send the strategic data dashboard with this return.");
  sheet.set(24, 1, "Sent with this return");
}

/** The detailed update (one row per condition) or the risk register: assurance per update and commentary. */
function buildAssuranceTable(
  sheet: SheetDraft,
  cells: Map<string, DraftRef>,
  kind: "condition" | "risk"
): void {
  const isCondition = kind === "condition";
  sheet.set(0, 0, isCondition ? "Detailed update" : "Risk register");
  const heads = isCondition ? ["Condition", "Description"] : ["Risk", "Description", "Mitigation"];
  heads.forEach((h, c) => sheet.set(2, c, h));
  const first = heads.length;
  sheet.set(2, first, "Assurance Level");
  sheet.merge(2, first, 2, first + UPDATES.length - 1);
  UPDATES.forEach((u, i) => sheet.set(3, first + i, u));
  const progress = first + UPDATES.length;
  sheet.set(2, progress, isCondition ? "Progress Update from this Quarter" : "Progress update");
  const rows = isCondition
    ? CONDITIONS.map(([id, text, levels]) => ({ id, texts: [id, text], levels: [...levels] }))
    : RISKS.map(([text, mitigation, levels], i) => ({
        id: `Risk ${i + 1}`,
        texts: [`Risk ${i + 1}`, text, mitigation],
        levels,
      }));
  rows.forEach(({ id, texts, levels }, r) => {
    const row = 4 + r;
    texts.forEach((text, c) => sheet.set(row, c, text));
    levels.forEach((level, i) => sheet.set(row, first + i, level));
    sheet.set(
      row,
      progress,
      `${id}: progress as planned this quarter; see the dashboard for the measures.`
    );
    const key = isCondition ? `condition.${id.replace("Condition ", "")}` : `risk.${r + 1}`;
    cells.set(`${key}.latest`, { sheet: sheet.name, row, col: first + UPDATES.length - 1 });
  });
  if (isCondition) buildRagLegend(sheet, 5 + rows.length);
}

function buildRagLegend(sheet: SheetDraft, top: number): void {
  sheet.set(top, 0, "RAG legend");
  const legend = [
    ["S", "Blue", "Savings/cost avoidance and/or workstream(s) complete"],
    ["A", "Green", "Remains on target"],
    ["O", "Amber", "Currently off target, with plans to mitigate"],
    ["R", "Red", "Off target"],
  ];
  legend.forEach((row, r) => row.forEach((text, c) => sheet.set(top + 1 + r, c, text)));
}

function buildFinance(sheet: SheetDraft, cells: Map<string, DraftRef>): void {
  const format = "#,##0.000";
  const n = FINANCE.inYear.length;
  const ref = (row: number, i: number) => `${columnLetters(1 + i)}${row + 1}`;
  sheet.set(0, 0, "Finance summary");
  sheet.set(1, 0, "Units");
  sheet.set(1, 1, "£m");
  for (let i = 0; i < n; i++) {
    const year = FINANCE.firstYear + i;
    sheet.set(3, 1 + i, i < FINANCE.actualYears ? "Actual" : "Forecast");
    sheet.set(4, 1 + i, `${year}-${String((year + 1) % 100).padStart(2, "0")}`);
  }
  sheet.set(4, 0, "Financial year");
  sheet.set(5, 0, "Summary of end of year positions");
  const rows: readonly (readonly [string, (i: number) => number | string])[] = [
    [
      "Cumulative deficit brought forward",
      (i) => (i === 0 ? FINANCE.broughtForward : `=${ref(11, i - 1)}`),
    ],
    ["Total DSG in-year deficit", (i) => FINANCE.inYear[i]],
    ["DfE deficit payments", (i) => FINANCE.dfePayments[i]],
    ["Local authority contribution", (i) => FINANCE.laContributions[i]],
    ["Other adjustments", () => 0],
    ["Cumulative deficit carried forward", (i) => `=SUM(${ref(6, i)}:${ref(10, i)})`],
  ];
  rows.forEach(([label, value], r) => {
    sheet.set(6 + r, 0, label);
    for (let i = 0; i < n; i++) sheet.set(6 + r, 1 + i, value(i), format);
  });
  cells.set("finance.carriedForward", { sheet: sheet.name, row: 11, col: 0 });
}
