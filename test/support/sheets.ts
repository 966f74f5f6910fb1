import type { CellValue } from "../../src/workbook/workbook";
import { labelSheet, type LabelledSheet } from "../../src/templates/labels";

/**
 * Builds an in-memory Sheet for tests from rows of values starting at A1. A string starting with "="
 * is stored as a formula whose cached value is `null` unless given as `{ f, v }`. Its text is indexed for
 * label searches, as a locating run indexes a workbook's sheets.
 */
export function sheetFromRows(
  name: string,
  rows: readonly (readonly (CellValue | { f: string; v: CellValue; fmt?: string })[])[],
  numberFormat = "General"
): LabelledSheet {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const pad = <T>(row: readonly T[], fill: T) => [
    ...row,
    ...Array<T>(width - row.length).fill(fill),
  ];
  const isFormulaCell = (c: unknown): c is { f: string; v: CellValue; fmt?: string } =>
    typeof c === "object" && c !== null && "f" in c;
  return labelSheet({
    name,
    visibility: "visible",
    top: 0,
    left: 0,
    values: rows.map((r) =>
      pad(
        r.map((c) => (isFormulaCell(c) ? c.v : c)),
        null as CellValue
      )
    ),
    formulas: rows.map((r) =>
      pad(
        r.map((c) => (isFormulaCell(c) ? c.f : null)),
        null as string | null
      )
    ),
    numberFormats: rows.map((r) =>
      pad(
        r.map((c) => (isFormulaCell(c) && c.fmt ? c.fmt : numberFormat)),
        numberFormat
      )
    ),
    merges: [],
  });
}
