/**
 * Every sample workbook, built in memory: the consistent plan and Safety Valve return, one faulty copy per
 * rule, the locator variants and the Wiltshire table. Tests use `buildExamples()` directly;
 * `examples/build.ts` saves them as .xlsx files and JSON snapshots.
 */
import type { Workbook } from "../src/workbook/workbook";
import { buildFaultyExamples, type FaultEntry } from "./faults";
import { buildManagementPlan } from "./managementPlan";
import { FULL_SIZE_PLAN, WILTSHIRE_PLAN } from "./planInputs";
import { buildSafetyValveReturn } from "./safetyValveReturn";
import { VARIANTS } from "./variants";
import { wiltshireSummaryTable } from "./wiltshireTable";

export { FULL_SIZE_PLAN, WILTSHIRE_PLAN } from "./planInputs";
export { VARIANTS } from "./variants";
export { wiltshireSummaryTable, WILTSHIRE_TABLE } from "./wiltshireTable";
export {
  ADVISORY_RULES,
  advisoryNotes,
  type FaultEntry,
  type NoteEntry,
  otherKindOfWorkbook,
} from "./faults";

/** One sample: `name` is its path under examples/ without extension (e.g. "faulty/roll-forward"). */
export interface Example {
  readonly name: string;
  readonly workbook: Workbook;
}

/** The consistent DSG deficit management plan built from the Wiltshire figures. */
export function managementPlan(): Workbook {
  return buildManagementPlan(WILTSHIRE_PLAN).draft.toWorkbook();
}

/** The consistent Safety Valve monitoring return. */
export function safetyValveReturn(): Workbook {
  return buildSafetyValveReturn().draft.toWorkbook();
}

/** A plan of the largest expected size: ten years, thirty expenditure lines, ten census years (benchmarks). */
export function fullSizePlan(): Workbook {
  return buildManagementPlan(FULL_SIZE_PLAN).draft.toWorkbook();
}

/** The faulty copies with their faults.json entries, in the order of the validator's rule table. */
export function faultyExamples(): { name: string; workbook: Workbook; entry: FaultEntry }[] {
  return buildFaultyExamples();
}

/** Builds every example, in a stable order. */
export function buildExamples(): Example[] {
  return [
    { name: "dsg-management-plan", workbook: managementPlan() },
    { name: "safety-valve-return", workbook: safetyValveReturn() },
    { name: "wiltshire-2024-08-summary", workbook: wiltshireSummaryTable() },
    ...faultyExamples().map(({ name, workbook }) => ({ name, workbook })),
    ...Object.entries(VARIANTS).map(([name, build]) => ({
      name: `variants/${name}`,
      workbook: build(),
    })),
  ];
}
