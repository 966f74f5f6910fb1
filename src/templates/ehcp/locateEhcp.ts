import type { Workbook } from "../../workbook/workbook";
import type { EhcpTables } from "./ehcpModel";

/** Finds the EHCP tables (CYP summary sheet, or one sheet per placement type); undefined when there are none. */
export function locateEhcp(workbook: Workbook): EhcpTables | undefined {
  void workbook;
  return undefined;
}
