import type { Workbook } from "../../workbook/workbook";
import type { GovernanceSection } from "./governanceModel";

/** Finds the management plan's governance sheet; undefined when the workbook has none. */
export function locateGovernance(workbook: Workbook): GovernanceSection | undefined {
  void workbook;
  return undefined;
}
