/**
 * "Write comparison sheet": one sheet, replaced as a whole each time, holding what the pane showed (the
 * summary and the report's sentences) and every figure that differs with its cell, for a forum paper's
 * appendix. The user's own sheets are never touched.
 */
import { reportSections } from "../../validation/compare/reportSections";
import { COMPARISON_SHEET_NAME, type VersionComparison } from "../services";
import { quoteSheetName } from "../../workbook/address";
import { runInExcel } from "../../workbook/office/officeErrors";
import { asText, excelDateSerial } from "./reportSheet";

const HEADINGS = ["Section", "Row", "Year", "Sheet", "Cell", "Before", "After", "Difference"];
const DATE_FORMAT = "d mmmm yyyy hh:mm";

export interface ComparisonSheetWritten {
  readonly sheet: string;
  /** The address of everything written ("A1:H40"), for a confirmation message. */
  readonly address: string;
}

/** The rows of the sheet and where the table of changes starts (its heading row, 0-based). */
export function comparisonRows(
  compared: VersionComparison,
  comparedAt: Date
): { rows: (string | number)[][]; tableRow: number; boldRows: number[] } {
  const { comparison } = compared;
  const line = (...cells: (string | number)[]) => [
    ...cells,
    ...Array<string>(HEADINGS.length - cells.length).fill(""),
  ];
  const rows: (string | number)[][] = [
    line("DSG comparison"),
    line("Compared", excelDateSerial(comparedAt)),
    line("Older version", asText(compared.olderName)),
    line("Newer version", "This workbook"),
    line("Figures", `${comparison.unit.label}, deficits shown as positive numbers`),
    line("Summary", asText(comparison.summary)),
  ];
  const boldRows = [0];
  for (const section of reportSections(comparison)) {
    rows.push(line());
    boldRows.push(rows.length);
    rows.push(line(asText(section.heading)));
    for (const text of section.lines) rows.push(line("", asText(text)));
  }
  rows.push(line());
  const tableRow = rows.length;
  boldRows.push(tableRow);
  rows.push(HEADINGS);
  const figure = (value: number | string | null) =>
    value === null ? "" : typeof value === "number" ? value : asText(value);
  for (const change of comparison.changes)
    rows.push([
      change.section,
      asText(change.row),
      change.year,
      asText(change.sheet),
      change.address,
      figure(change.before),
      figure(change.after),
      figure(change.difference),
    ]);
  if (comparison.changes.length === 0) rows.push(line("No figure changed."));
  return { rows, tableRow, boldRows };
}

const CELL_COLUMN = HEADINGS.indexOf("Cell");

/**
 * Adds the sheet `DSG comparison`, or replaces one written before. Two round trips: one to see whether the
 * sheet exists, one to write. A changed figure still in this workbook links to its cell. Throws
 * `OfficeActionError` with a sentence for the user (for example when the workbook is protected).
 */
export async function writeComparisonSheet(
  compared: VersionComparison,
  comparedAt: Date
): Promise<ComparisonSheetWritten> {
  const { rows, tableRow, boldRows } = comparisonRows(compared, comparedAt);
  return runInExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    const previous = worksheets.getItemOrNullObject(COMPARISON_SHEET_NAME);
    await context.sync();

    if (!previous.isNullObject) previous.delete();
    const sheet = worksheets.add(COMPARISON_SHEET_NAME);
    const all = sheet.getRangeByIndexes(0, 0, rows.length, HEADINGS.length);
    all.values = rows;
    sheet.getRange("B2").numberFormat = [[DATE_FORMAT]];
    for (const row of boldRows)
      sheet.getRangeByIndexes(row, 0, 1, HEADINGS.length).format.font.bold = true;
    // Figures the newer version still has are in this workbook: the Cell column takes the user to them.
    compared.comparison.changes.forEach((change, i) => {
      if (change.after === null) return;
      sheet.getRangeByIndexes(tableRow + 1 + i, CELL_COLUMN, 1, 1).hyperlink = {
        documentReference: `${quoteSheetName(change.sheet)}!${change.address}`,
        textToDisplay: change.address,
        screenTip: `Go to ${change.address} on ${change.sheet}`,
      };
    });
    all.load("address");
    await context.sync();
    return { sheet: COMPARISON_SHEET_NAME, address: all.address.replace(/^.*!/, "") };
  });
}
