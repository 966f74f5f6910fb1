/** The Office.js side of the task pane: every call into Excel the pane makes. */
export { insertFunction, type FunctionInsertion } from "./insertFunction";
export { loadRowMap, loadSettings, saveRowMap, saveSettings } from "./documentSettings";
export {
  OFFICE_ERROR_MESSAGES,
  OfficeActionError,
  officeErrorMessage,
  runInExcel,
} from "../../workbook/office/officeErrors";
export { writeReportSheet, type ReportSheetWritten } from "./reportSheet";
export { writeComparisonSheet, type ComparisonSheetWritten } from "./comparisonSheet";
export { replaceForSubmission } from "./prepareSubmission";
export { selectCell } from "./selectCell";
export { addWriteOffSheet, type WriteOffSheetOutcome } from "./writeOffSheet";
export { selectedRow, type SelectedRow } from "./selectedRow";
export { readOfficeWorkbook } from "../../workbook/officeReader";
