/**
 * The "Financial summary" sheet of the management plan (and the finance summary of the Safety Valve
 * return, which has the same "Summary of end of year positions" shape). Each section is located
 * separately and is optional: a council without a Safety Valve agreement has no agreement section.
 */
import type { YearColumn } from "../located";
import type { ColumnsBeside } from "../yearHeader";
import type { EndOfYearPositions } from "./endOfYearModel";
import type { BlockPlan } from "./blocksModel";
import type { Mitigations } from "./mitigationsModel";
import type { SafetyValveAgreement } from "./safetyValveModel";
import type { ReferenceOutturn } from "./reference";

export interface FinancialSummary {
  readonly sheet: string;
  /** The financial-year columns of the sheet's year header row, left to right. */
  readonly years: readonly YearColumn[];
  /** A second table beside the plan's years, repeating them (a mitigated plan beside it): not checked, and said. */
  readonly besideYears?: ColumnsBeside;
  readonly endOfYear?: EndOfYearPositions;
  readonly blocks?: readonly BlockPlan[];
  readonly mitigations?: Mitigations;
  readonly safetyValve?: SafetyValveAgreement;
  /** Reference outturn rows the user added (s251 outturn, DSG note), when there are any. */
  readonly reference?: ReferenceOutturn;
}
