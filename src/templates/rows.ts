/**
 * Reading labelled rows of figures under a table's year columns, keeping each figure tied to its cell
 * (value, formula and the decimals it is displayed with) so rules can point at it and allow for rounding.
 */
import type { CellRange, CellValue } from "../workbook/workbook";
import type { LabelledSheet } from "./labels";
import type { LocatedCell, LocatedRow, YearColumn } from "./located";
import { findLabel, labelSet } from "./labels";

// Excel's General format shows up to about ten significant digits, so a figure typed as 28.706 is
// displayed as 28.706: its displayed precision is the precision it was typed with.
const GENERAL_MAX_DECIMALS = 10;

/**
 * Decimal places of a number as General shows it (28.706 → 3, 1200 → 0): at most ten significant digits,
 * so a figure worked out as 1.5000000000000002 shows, and counts, as 1.5.
 */
function decimalsOf(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const [mantissa, exponent] = Number(value.toPrecision(GENERAL_MAX_DECIMALS))
    .toExponential()
    .split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.min(GENERAL_MAX_DECIMALS, Math.max(0, fraction - Number(exponent)));
}

/**
 * How many thousands a number format divides its figures by for display: commas after the last digit
 * ("#,##0," shows thousands, "#,##0.0,," millions); those between digits only group them.
 */
export function scalingCommas(format: string): number {
  const section = (format.split(";")[0] ?? "").replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  return /[0#?.](,+)(?![0#?,])/.exec(section)?.[1].length ?? 0;
}

/**
 * Decimal places a number format displays, or undefined for `General` and text formats, which show
 * the value as typed.
 */
function formatDecimals(format: string): number | undefined {
  // Only the first section applies to positive numbers and usually to all; quoted text, escapes and
  // [colour]/[condition] parts are not digits.
  const section = (format.split(";")[0] ?? "").replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
  if (!/[0#?]/.test(section) || /^general$/i.test(section.trim())) return undefined;
  const number = section.slice(section.search(/[0#?.]/));
  const fraction = /\.([0#?]*)/.exec(number)?.[1].length ?? 0;
  const thousands = scalingCommas(number);
  const percent = section.includes("%") ? 2 : 0;
  return fraction + percent - 3 * thousands;
}

/**
 * Decimal places of the value that a number format displays: `#,##0.000` → 3, `0%` → 2 (a percentage
 * shows hundredths of the value), `#,##0,` → -3 (a trailing comma shows thousands). `General` and text
 * formats show the value as typed, so the value's own decimals are used.
 */
export function displayedDecimals(format: string, value: CellValue): number {
  return decimalsShown(formatDecimals(format), value);
}

/** The decimals of a value under a format that shows `places` (undefined: as typed). */
function decimalsShown(places: number | undefined, value: CellValue): number {
  if (places !== undefined) return places;
  return typeof value === "number" ? decimalsOf(value) : 0;
}

/** One cell of a row under a year column. */
export function locateCell(sheet: LabelledSheet, row: number, col: number): LocatedCell {
  const arrays = rowOf(sheet, row);
  return cellOnRow(arrays, row, col, formatDecimals(arrays.formats[col - sheet.left] ?? "General"));
}

/** The value, formula and format arrays of one sheet row (empty outside the used range). */
interface RowArrays {
  /** The sheet column of each array's first entry. */
  readonly left: number;
  readonly values: readonly CellValue[];
  readonly formulas: readonly (string | null)[];
  readonly formats: readonly string[];
}

function rowOf(sheet: LabelledSheet, row: number): RowArrays {
  const index = row - sheet.top;
  return {
    left: sheet.left,
    values: sheet.values[index] ?? [],
    formulas: sheet.formulas[index] ?? [],
    formats: sheet.numberFormats[index] ?? [],
  };
}

// Reads the row's arrays directly rather than through `cellValue` and friends: the locator reads a few
// thousand cells per validation, and each accessor call looks the row up again.
function cellOnRow(
  arrays: RowArrays,
  row: number,
  col: number,
  places: number | undefined
): LocatedCell {
  const index = col - arrays.left;
  const value = arrays.values[index] ?? null;
  return {
    row,
    col,
    value,
    formula: arrays.formulas[index] ?? null,
    decimals: decimalsShown(places, value),
    ...(places === undefined && typeof value === "number" ? { asTyped: true } : {}),
  };
}

/** The row at `row` with its label (from `labelCol`) and one cell under each year column, in year order. */
export function readRow(
  sheet: LabelledSheet,
  row: number,
  labelCol: number,
  years: readonly YearColumn[]
): LocatedRow {
  const arrays = rowOf(sheet, row);
  const label = arrays.values[labelCol - sheet.left] ?? null;
  // A row's figures nearly always share one number format, so it is looked up only when it changes.
  let format: string | undefined;
  let places: number | undefined;
  const cells = years.map((year) => {
    const own = arrays.formats[year.col - sheet.left] ?? "General";
    if (own !== format) {
      format = own;
      places = formatDecimals(own);
    }
    return cellOnRow(arrays, row, year.col, places);
  });
  return {
    sheet: sheet.name,
    row,
    label: typeof label === "string" ? label.trim() : String(label ?? ""),
    labelCol,
    cells,
  };
}

/**
 * The first row in the area whose label (left of the first year column) matches one of the synonyms,
 * read under the year columns; undefined when no label matches. Labels are only looked for left of
 * the figures so a comment or note among the figures cannot be taken for a row label.
 */
export function findRow(
  sheet: LabelledSheet,
  synonyms: readonly string[],
  within: Partial<CellRange> | undefined,
  years: readonly YearColumn[]
): LocatedRow | undefined {
  let firstYearCol = Infinity;
  for (const year of years) firstYearCol = Math.min(firstYearCol, year.col);
  // Only the four bounds are taken from `within` (often a whole section): copying it all is wasted work.
  const hit = findLabel(sheet, labelSet(synonyms), {
    top: within?.top,
    left: within?.left,
    bottom: within?.bottom,
    right: Math.min(within?.right ?? Infinity, firstYearCol - 1),
  });
  return hit && readRow(sheet, hit.row, hit.col, years);
}
