/**
 * Excel's error values as `Range.values` shows them (and as they are typed into a cell). Office.js returns an
 * error as its text, so the reader and the workbench's stand-in host both need the list.
 */
export const EXCEL_ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);
