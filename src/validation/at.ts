/** Small helpers rules share to point at located cells and name them in messages. */
import type { LocatedCell, LocatedRow, YearColumn } from "../templates/located";
import type { Location } from "./rule";
import { parseA1 } from "../workbook/address";

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

// A formula that only links to one cell: "=C39", "=$C$39", "='High needs'!C39".
const LINK = /^=\s*(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!)?(\$?[A-Za-z]{1,3}\$?\d+)\s*$/;

/** The cell a formula only links to, on its own sheet unless it names another; undefined for any other formula. */
export function linkedCell(formula: string | null, sheet: string): Location | undefined {
  const link = formula === null ? null : LINK.exec(formula);
  const cell = link && parseA1(link[3]);
  if (!link || !cell) return undefined;
  const target = link[1]?.replace(/''/g, "'") ?? link[2] ?? sheet;
  return { sheet: target, row: cell.top, col: cell.left };
}
