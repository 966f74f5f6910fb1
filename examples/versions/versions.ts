/**
 * Pairs of versions of one management plan, as a council re-profiles it between schools forum meetings,
 * for `dsg-validate compare` and the pane's comparison. Each later version is the Wiltshire-based sample
 * plan with one change a forum would ask about; one also has rows inserted, so the same figures sit at
 * other addresses. Built from plan inputs, so every figure of both versions is consistent.
 */
import type { Workbook } from "../../src/workbook/workbook";
import { buildManagementPlan, CYP_SUMMARY, FINANCIAL_SUMMARY } from "../managementPlan";
import type { PlanInput } from "../planFigures";
import { WILTSHIRE_PLAN } from "../planInputs";

/** 2026-27 is the sixth year of the sample plan (2021-22 first). */
const Y2026 = 5;

const plus = (values: readonly number[], at: number, amount: number) =>
  values.map((value, i) => (i === at ? Math.round((value + amount) * 1e4) / 1e4 : value));

/**
 * The forecast re-profiled: the 2026-27 in-year deficit £5.1m higher (more high needs spending) and the
 * 2026-27 Safety Valve instalment £0.9m larger, so 2026-27 carries forward £4.2m more, and so every later year.
 */
export const REPROFILED: PlanInput = {
  ...WILTSHIRE_PLAN,
  inYear: plus(WILTSHIRE_PLAN.inYear, Y2026, 5.1),
  dfePayments: plus(WILTSHIRE_PLAN.dfePayments, Y2026, -0.9),
};

const extend = <T>(values: readonly T[], next: T) => [...values, next];

/** A year added at the end (2029-30), every series one longer; the earlier years as they were. */
export const YEAR_ADDED: PlanInput = {
  ...WILTSHIRE_PLAN,
  inYear: extend(WILTSHIRE_PLAN.inYear, -2.5),
  dfePayments: extend(WILTSHIRE_PLAN.dfePayments, 0),
  laContributions: extend(WILTSHIRE_PLAN.laContributions, -5),
  allocations: {
    schools: extend(WILTSHIRE_PLAN.allocations.schools, 352),
    cssb: extend(WILTSHIRE_PLAN.allocations.cssb, 3.55),
    earlyYears: extend(WILTSHIRE_PLAN.allocations.earlyYears, 42),
    highNeeds: extend(WILTSHIRE_PLAN.allocations.highNeeds, 90.379),
  },
  otherBlockResults: {
    schools: extend(WILTSHIRE_PLAN.otherBlockResults.schools, 0),
    cssb: extend(WILTSHIRE_PLAN.otherBlockResults.cssb, 0),
    earlyYears: extend(WILTSHIRE_PLAN.otherBlockResults.earlyYears, 0),
  },
  schoolsTransfer: extend(WILTSHIRE_PLAN.schoolsTransfer, 1.5),
  highNeedsOtherFunding: extend(WILTSHIRE_PLAN.highNeedsOtherFunding, 10),
  mitigations: WILTSHIRE_PLAN.mitigations.map((m) => ({
    ...m,
    savings: extend(m.savings, m.savings[m.savings.length - 1]),
  })),
};

/** The mitigation the plan moves a year later, as councils do when new places open late. */
export const MOVED_MITIGATION = "More local special school places";

/**
 * "More local special school places" a year later than planned: each year's saving is the one planned for
 * the year before. The need it was to meet is the same, so the in-year deficit rises by the savings lost.
 */
export const MITIGATION_MOVED: PlanInput = (() => {
  const moved = WILTSHIRE_PLAN.mitigations.find((m) => m.label === MOVED_MITIGATION)!;
  const later = moved.savings.map((_, i) => (i === 0 ? 0 : moved.savings[i - 1]));
  return {
    ...WILTSHIRE_PLAN,
    inYear: WILTSHIRE_PLAN.inYear.map(
      (value, i) => Math.round((value + moved.savings[i] - later[i]) * 1e4) / 1e4
    ),
    mitigations: WILTSHIRE_PLAN.mitigations.map((m) =>
      m.label === MOVED_MITIGATION ? { ...m, savings: later } : m
    ),
  };
})();

/** Rows the council inserted above the end of year positions and inside the blocks and EHCP tables. */
export const INSERTED_ROWS = { summary: 2, block: 2, cyp: 3 } as const;

/** The plan of `input`, with `INSERTED_ROWS` inserted when `insertRows`. */
export function planVersion(input: PlanInput, insertRows = false): Workbook {
  const { draft, cells } = buildManagementPlan(input);
  if (insertRows) {
    const summary = draft.sheet(FINANCIAL_SUMMARY);
    // Bottom-up, so each insertion leaves the rows still to be used where they were.
    const at = [
      [cells.row("highNeeds.expenditure").row, INSERTED_ROWS.block],
      [cells.row("summary.broughtForward").row - 1, INSERTED_ROWS.summary],
    ] as const;
    for (const [row, count] of at) {
      summary.insertRows(row, count);
      summary.set(row, cells.row("years").col, "Note: rows added for the autumn update");
    }
    const cyp = draft.sheet(CYP_SUMMARY);
    cyp.insertRows(
      cells.row("Maintained special schools or special academies.age.Under 5").row - 2,
      INSERTED_ROWS.cyp
    );
  }
  return draft.toWorkbook();
}

/** One pair of versions: what the later one changes, the files they are saved as, and what each holds. */
export interface VersionPair {
  readonly name: string;
  readonly title: string;
  /** File names under examples/versions/: the older is the plan as taken to the last forum. */
  readonly olderFile: string;
  readonly newerFile: string;
  readonly older: () => Workbook;
  readonly newer: () => Workbook;
}

/** The plan as it went to the September forum: the older version of every pair. */
const SEPTEMBER = "plan-september.xlsx";

export const VERSION_PAIRS: readonly VersionPair[] = [
  {
    name: "reprofiled",
    olderFile: SEPTEMBER,
    newerFile: "plan-december-reprofiled.xlsx",
    title:
      "Forecast re-profiled: 2026-27 in-year deficit up £5.1m, Safety Valve instalment up £0.9m",
    older: () => planVersion(WILTSHIRE_PLAN),
    newer: () => planVersion(REPROFILED),
  },
  {
    name: "year-added",
    olderFile: SEPTEMBER,
    newerFile: "plan-december-year-added.xlsx",
    title: "A year added: 2029-30",
    older: () => planVersion(WILTSHIRE_PLAN),
    newer: () => planVersion(YEAR_ADDED),
  },
  {
    name: "mitigation-moved",
    olderFile: SEPTEMBER,
    newerFile: "plan-december-mitigation-moved.xlsx",
    title: "Mitigation moved a year later: More local special school places",
    older: () => planVersion(WILTSHIRE_PLAN),
    newer: () => planVersion(MITIGATION_MOVED),
  },
  {
    name: "rows-inserted",
    olderFile: SEPTEMBER,
    newerFile: "plan-december-rows-inserted.xlsx",
    title: "Rows inserted (figures at new addresses) and the forecast re-profiled",
    older: () => planVersion(WILTSHIRE_PLAN),
    newer: () => planVersion(REPROFILED, true),
  },
];

/** Each file of the pairs once, by file name, with the workbook it holds. */
export function versionFiles(): Map<string, () => Workbook> {
  const files = new Map<string, () => Workbook>();
  for (const pair of VERSION_PAIRS) {
    files.set(pair.olderFile, pair.older);
    files.set(pair.newerFile, pair.newer);
  }
  return files;
}
