/**
 * Copies of the consistent plan with one row worded the way a council might word it and the locator
 * cannot read, for trying "point at a row" in the workbench and for the tests that map the row in the pane
 * and then pass the exported map to `dsg-validate --map`. Pure data: no DOM, so node tests build the same
 * workbooks.
 */
import type { Workbook } from "../workbook/workbook";

export const FINANCIAL_SUMMARY = "Financial summary";

/** The council's wordings, and the DfE template rows they stand for. */
export const COUNCIL_WORDING = {
  /** The cumulative deficit carried forward: without it the roll-forward checks cannot run. */
  carriedForward: {
    template: "Cumulative deficit carried forward",
    council: "Balance to take into next year",
    as: "endOfYear.carriedForward",
  },
  /**
   * The DfE (Safety Valve) payments, worded like a position rather than a payment: unread, the
   * roll-forward fails in every year they are paid.
   */
  dfePayments: {
    template: "DfE deficit payments",
    council: "Position after DfE support",
    as: "endOfYear.dfePayments",
  },
} as const;

export type CouncilRow = keyof typeof COUNCIL_WORDING;

/**
 * The workbook with the label `from` (the first cell of `sheet` holding exactly that text) replaced by
 * `to`, and the 1-based row it is on. Throws when the label is not there: the sample changed.
 */
export function relabelRow(
  workbook: Workbook,
  sheet: string,
  from: string,
  to: string
): { workbook: Workbook; row: number } {
  const copy = JSON.parse(JSON.stringify(workbook)) as Workbook;
  const target = copy.sheets.find((s) => s.name === sheet);
  const index = target?.values.findIndex((row) => row.includes(from)) ?? -1;
  if (!target || index < 0) throw new Error(`No row labelled '${from}' on sheet '${sheet}'.`);
  const values = target.values[index];
  values[values.indexOf(from)] = to;
  return { workbook: copy, row: target.top + index + 1 };
}

/** The plan with the given rows worded as the council words them, and where each of them is (1-based). */
export function councilWordingPlan(
  plan: Workbook,
  rows: readonly CouncilRow[] = ["carriedForward"]
): { workbook: Workbook; rows: Record<CouncilRow, number | undefined> } {
  let workbook = plan;
  const at: Record<CouncilRow, number | undefined> = {
    carriedForward: undefined,
    dfePayments: undefined,
  };
  for (const key of rows) {
    const { template, council } = COUNCIL_WORDING[key];
    const relabelled = relabelRow(workbook, FINANCIAL_SUMMARY, template, council);
    workbook = relabelled.workbook;
    at[key] = relabelled.row;
  }
  return { workbook, rows: at };
}
