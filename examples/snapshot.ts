/**
 * Writes a Workbook snapshot as JSON with one grid row per line: small enough to commit, readable in a
 * diff, and exactly `JSON.parse`-able back into the Workbook the builders return.
 */
import type { Sheet, Workbook } from "../src/workbook/workbook";

/** The snapshot text of a workbook (ends with a newline). */
export function snapshotJson(workbook: Workbook): string {
  return `{"sheets": [\n${workbook.sheets.map(sheetJson).join(",\n")}\n]}\n`;
}

function sheetJson(sheet: Sheet): string {
  const grid = (rows: readonly unknown[][]) =>
    rows.length === 0
      ? "[]"
      : `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(",\n")}\n ]`;
  const head = JSON.stringify({
    name: sheet.name,
    visibility: sheet.visibility,
    top: sheet.top,
    left: sheet.left,
  }).slice(0, -1);
  return (
    `${head},\n "merges": ${JSON.stringify(sheet.merges)},\n "values": ${grid(sheet.values)},\n` +
    ` "formulas": ${grid(sheet.formulas)},\n "numberFormats": ${grid(sheet.numberFormats)}}`
  );
}
