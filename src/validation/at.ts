/** Small helpers rules share to point at located cells and name them in messages. */
import type { LocatedCell, LocatedRow, YearColumn } from "../templates/located";
import type { Location } from "./rule";

/** The location of one cell of a located row. */
export function cellLocation(row: LocatedRow, cell: LocatedCell): Location {
  return { sheet: row.sheet, row: cell.row, col: cell.col };
}

/**
 * A row's label for messages, without the explanation councils add in brackets:
 * "Cumulative DSG deficit - brought forward (deficit at beginning of financial year)" → "Cumulative DSG deficit - brought forward".
 */
export function rowName(row: LocatedRow): string {
  // A bracketed note ends the name, but not the brackets of "surplus/(deficit)" or "(surplus)/deficit".
  const name = row.label.replace(/(?<!\/)\s*\((?![^)]*\)\s*\/).*$/s, "").trim();
  return name === "" ? row.label : name;
}

/** The year a cell sits under, for messages ("2025-26"), or its position among the figures when unknown. */
export function yearOf(years: readonly YearColumn[], index: number): string {
  return years[index]?.label ?? `column ${index + 1}`;
}

/** Text cut to a length that reads well inside a message. */
export function quoted(text: string, max = 30): string {
  return `'${text.length > max ? `${text.slice(0, max - 1)}…` : text}'`;
}
