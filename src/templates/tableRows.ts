/**
 * Reading a table's rows for what they mean: every labelled row of an area, top to bottom, each read
 * against the meanings its table can hold (`meaning.ts`). The first row that clearly means each thing is
 * taken for it; rows that fit two meanings equally are kept aside as ambiguous so the checks that need
 * them can say so, and rows that mean none of them (a table's own lines: expenditure lines, mitigations)
 * stay in order for the checks that add them up.
 */
import type { CellRange } from "../workbook/workbook";
import type { LabelledSheet } from "./labels";
import { cellNumberFormat } from "../workbook/workbook";
import type { LocatedRow, YearColumn } from "./located";
import { labelWords, readLabel, type Meaning, type Reading } from "./meaning";
import { readRow } from "./rows";
import { searchArea } from "./labels";

/** One labelled row of the area: what it was read as (undefined: none of the meanings) and its figures. */
export interface TableRow<K extends string> {
  readonly key?: K;
  /** Which wording of the meaning fitted (0: its first, most specific). */
  readonly rank?: number;
  readonly row: LocatedRow;
  /** True when the row holds a number under at least one year column. */
  readonly hasFigures: boolean;
}

/** A row whose label two or more meanings fit equally well. */
export interface AmbiguousRow<K extends string> {
  readonly row: LocatedRow;
  readonly keys: readonly K[];
}

export interface TableReading<K extends string> {
  /**
   * The row taken for each meaning: the one its most specific wording fits, the first of those; a row
   * with figures before one with text only, and never one with nothing under the years.
   */
  readonly rows: Partial<Record<K, LocatedRow>>;
  /** Every labelled row, top to bottom. */
  readonly all: readonly TableRow<K>[];
  readonly ambiguous: readonly AmbiguousRow<K>[];
}

const NONE: Reading<never> = { kind: "none" };

// Ranks a row without figures after every wording of a row with them.
const UNFILLED = 1_000;

// A row code or reference left of the label ("HN01", "FS1", "A1", "a", "(b)", "bf", "iy"): one short word
// of letters and digits, not words.
const ROW_CODE = /^\s*\(?([a-z]{1,4}\d+[a-z\d.]*|\d+[a-z]{1,2}|[a-z]{1,3})\)?[.:]?\s*$/i;

/**
 * The column of a row's label left of `beforeCol`, within the area: its first text cell with a letter,
 * passing over row codes when words follow them.
 */
export function labelColumn(
  sheet: LabelledSheet,
  row: number,
  area: CellRange,
  beforeCol: number
): number | undefined {
  const values = sheet.values[row - sheet.top];
  if (values === undefined) return undefined;
  let code: number | undefined;
  for (let col = area.left; col < beforeCol; col++) {
    const value = values[col - sheet.left];
    if (typeof value !== "string" || !/[a-z]/i.test(value)) continue;
    if (!ROW_CODE.test(value)) return col;
    code ??= col;
  }
  return code;
}

/**
 * True for a row of percentages or ratios ("Transfer as % of schools block"): not money, so never one
 * of a table's rows nor one of its lines.
 */
function isRatioRow(sheet: LabelledSheet, row: LocatedRow): boolean {
  // The label's own words, not its notes or brackets: "HNSG write-off (90% of the deficit at 31 March
  // 2026)" and "Transfer from Schools Block (0.5%)" are money. Nor a rate the label names: "Transfer from
  // schools block 0.5%" and "General fund contribution 1%" are money too; "Growth %" and "% change" are not.
  const own = row.label
    .replace(/\([^()]*\)|\[[^[\]]*\]/g, " ")
    .replace(/\d+(?:\.\d+)?\s*(?:%|per\s*cent\b|percent\b)/gi, " ");
  const name = labelWords(own).words.join(" ");
  if (/%|\bpercent|\bcent\b|\bpercentage|\bratio\b/.test(name)) return true;
  return row.cells.some(
    (cell) =>
      typeof cell.value === "number" && cellNumberFormat(sheet, cell.row, cell.col).includes("%")
  );
}

/** The first year column of a list of years (Infinity for none). */
export function firstColumn(years: readonly YearColumn[]): number {
  let first = Infinity;
  for (const year of years) first = Math.min(first, year.col);
  return first;
}

/** True when the row holds something (a number or text) under at least one year column. */
function isFilled(row: LocatedRow): boolean {
  return row.cells.some((cell) => cell.value !== null && cell.value !== "");
}

// Text a council writes where a figure is still to come: "tbc", "n/a", "to follow", "-".
const PLACEHOLDER = /^\s*(?:tb[cd]|n\/?a|nil|to follow|not (?:yet )?known|[-–—]+)\s*\.?\s*$/i;

/**
 * True when the row holds words, not figures, under two years or more ("Green", "On track"): a row of a
 * return's conditions under year-headed update columns, whatever its label says, is no row of figures.
 */
function holdsWords(row: LocatedRow): boolean {
  let words = 0;
  for (const { value } of row.cells) {
    if (typeof value === "number") return false;
    if (typeof value === "string" && /[a-z]{2}/i.test(value) && !PLACEHOLDER.test(value)) words++;
  }
  return words >= 2;
}

/**
 * The rows the user mapped (`forced`: 0-based sheet rows by meaning) that are in the area and hold
 * something under the years, read whatever their labels say. A mapped row that is blank is not taken.
 */
function forcedRows<K extends string>(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  area: CellRange,
  beforeCol: number,
  forced: Partial<Record<K, number>>
): Map<number, { key: K; row: LocatedRow }> {
  const taken = new Map<number, { key: K; row: LocatedRow }>();
  for (const [key, r] of Object.entries(forced) as [K, number][]) {
    if (r < area.top || r > area.bottom) continue;
    const row = readRow(sheet, r, labelColumn(sheet, r, area, beforeCol) ?? area.left, years);
    if (isFilled(row)) taken.set(r, { key, row });
  }
  return taken;
}

/**
 * Reads every labelled row of `within` (the whole used range when omitted) under `years` against
 * `meanings`. `forced` holds rows the user pointed at (0-based sheet rows by meaning): each is taken
 * for its meaning whatever its label says, and no other row is taken for that meaning.
 */
export function readTable<K extends string>(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  meanings: readonly Meaning<K>[],
  within?: Partial<CellRange>,
  forced: Partial<Record<K, number>> = {}
): TableReading<K> {
  const area = searchArea(sheet, within);
  const beforeCol = Math.min(firstColumn(years), area.right + 1);
  const rows: Partial<Record<K, LocatedRow>> = {};
  const ranks: Partial<Record<K, number>> = {};
  const all: TableRow<K>[] = [];
  const ambiguous: AmbiguousRow<K>[] = [];
  const mapped = forcedRows(sheet, years, area, beforeCol, forced);
  const mappedKeys = new Set([...mapped.values()].map((m) => m.key));
  for (let r = area.top; r <= area.bottom; r++) {
    const pointed = mapped.get(r);
    if (pointed) {
      const { key, row } = pointed;
      all.push({
        key,
        rank: 0,
        row,
        hasFigures: row.cells.some((c) => typeof c.value === "number"),
      });
      rows[key] = row;
      ranks[key] = -Infinity;
      continue;
    }
    const labelCol = labelColumn(sheet, r, area, beforeCol);
    if (labelCol === undefined) continue;
    const row = readRow(sheet, r, labelCol, years);
    if (isRatioRow(sheet, row)) continue;
    const hasFigures = row.cells.some((cell) => typeof cell.value === "number");
    const label = readLabel(row.label, meanings);
    // A row read for a meaning the user mapped to another row is none of the meanings.
    const reading = label.kind === "taken" && mappedKeys.has(label.key) ? NONE : label;
    // A heading worded like a row ("Summary of end of year positions") has nothing under the years: it
    // is never taken for a row. A row with figures comes before one holding only text ("tbc").
    const filled = isFilled(row) && !holdsWords(row);
    if (reading.kind !== "taken") {
      if (reading.kind === "ambiguous" && hasFigures) ambiguous.push({ row, keys: reading.keys });
      all.push({ row, hasFigures });
      continue;
    }
    all.push({ key: reading.key, rank: reading.rank, row, hasFigures });
    const rank = reading.rank + (hasFigures ? 0 : UNFILLED);
    if (filled && (ranks[reading.key] ?? Infinity) > rank) {
      rows[reading.key] = row;
      ranks[reading.key] = rank;
    }
  }
  return { rows, all, ambiguous };
}
