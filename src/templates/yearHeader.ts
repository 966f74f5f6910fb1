/**
 * Finding the row of year headings that gives a table its columns. Councils write financial years in
 * many ways (`2024-25`, `2024/25`, `2024 to 2025`, `FY24/25`) and often mark each column as an actual or
 * a forecast, in the heading itself ("2023-24 Outturn") or in a banner row above it ("Forecast" merged
 * across several columns).
 */
import type { CellRange, CellValue } from "../workbook/workbook";
import type { LabelledSheet } from "./labels";
import { cellNumberFormat, cellValue } from "../workbook/workbook";
import { dateOfSerial } from "../workbook/excelDate";
import {
  financialYearLabel,
  financialYearOfSerial,
  parseCensusYear,
  parseFinancialYear,
  financialYearIn,
} from "../core/years";
import type { YearColumn } from "./located";
import { searchArea } from "./labels";

/** Financial years (April to March) or January census years. */
export type YearKind = "financial" | "census";

/** A header row and the year columns found on it, left to right. */
export interface YearHeader {
  readonly row: number;
  readonly years: readonly YearColumn[];
}

// Words that say whether a column holds reported figures or projections. A budget is a plan for the
// year, so it counts as a forecast: only outturn is an actual.
const ACTUAL_WORDS = ["actual", "actuals", "outturn", "provisional outturn"];
const FORECAST_WORDS = [
  "forecast",
  "forecasts",
  "budget",
  "projected",
  "projection",
  "estimate",
  "plan",
];
const KIND_WORD = new RegExp(`\\b(${[...ACTUAL_WORDS, ...FORECAST_WORDS].join("|")})\\b`, "gi");

/** "actual" or "forecast" when the text carries one of the words (alone or around a year), else undefined. */
export function columnKind(value: CellValue): YearColumn["kind"] {
  if (typeof value !== "string") return undefined;
  const words = value.toLowerCase().match(KIND_WORD) ?? [];
  if (words.some((w) => ACTUAL_WORDS.includes(w))) return "actual";
  if (words.some((w) => FORECAST_WORDS.includes(w))) return "forecast";
  return undefined;
}

// When in the year a forecast was made ("Month 9", "M9", "P9", "Q3", "Quarter 2") and words that qualify
// a forecast or budget ("Latest forecast", "Revised budget"): they say nothing about which year a column is.
const WHEN_MADE =
  /\b(?:(?:month|period|quarter)\s*\d{1,2}|[mpq]\d{1,2}|latest|revised|original|draft|current|approved|updated|working|as at|at)\b/gi;

/**
 * The year text left once kind words, when the forecast was made, brackets and line breaks are taken
 * out ("2023-24 (Outturn)" → "2023-24", "Month 9 forecast 2024/25" → "2024/25").
 */
function yearText(text: string): string {
  return text
    .replace(KIND_WORD, " ")
    .replace(WHEN_MADE, " ")
    .replace(/[()[\]:,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// A number format that shows a date ("mmm-yy", "dd/mm/yyyy"): quoted text and [colour] parts aside, it
// has a year or day code.
const DATE_FORMAT = /[yd]/i;

/** True when the number format shows a date. */
export function showsDate(format: string): boolean {
  return DATE_FORMAT.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ""));
}

// Every way of writing a year has digits, so text without any is not read further.
const DIGIT = /\d/;

/** The date of an Excel date serial in Excel's range, or null (a number too small or large to be one). */
export function excelDate(serial: number): Date | null {
  return serial >= 61 && serial < 2_958_466 ? dateOfSerial(Math.floor(serial)) : null;
}

/**
 * The start year a heading cell names, or null. Text headings are read as financial years ("2024-25")
 * or census years ("Jan 2024"); a date (a number shown with a date format) is read as the census year
 * it falls in, or, for a March or April date, the financial year it falls in (a year-end date
 * "31-Mar-25" heads 2024-25). A bare number is a census year only: 2024 alone does not say which
 * financial year it means.
 */
export function parseYearHeading(
  value: CellValue,
  kind: YearKind,
  format = "General"
): number | null {
  return yearOfHeading(value, kind, typeof value === "number" && showsDate(format));
}

/** `parseYearHeading` with the format's verdict (does it show a date?) already known. */
function yearOfHeading(value: CellValue, kind: YearKind, isDate: boolean): number | null {
  if (kind === "census") {
    if (isDate && typeof value === "number")
      return value > 0 ? dateOfSerial(value).getUTCFullYear() : null;
    if (typeof value === "number") return parseCensusYear(value);
    return typeof value === "string" && DIGIT.test(value) ? yearOfText(value, kind) : null;
  }
  // Only a date at the turn of the financial year (March or April) heads a year: other dates on a
  // financial sheet ("Prepared 12/05/2024") are not headings.
  if (isDate && typeof value === "number")
    return [2, 3].includes(dateOfSerial(value).getUTCMonth()) ? financialYearOfSerial(value) : null;
  return typeof value === "string" && DIGIT.test(value) ? yearOfText(value, kind) : null;
}

// A financial year named by the March it ends in: "Year ending March 2025", "31 March 2025", "Mar-25",
// "31/03/2025" (a balance at the year end heads its year, as a March date does).
const YEAR_END =
  /^(?:(?:year|period)\s+(?:ending|ended|end|to)\s+|y\/?e\s+|as\s+at\s+|at\s+)?(?:(?:31(?:st)?\s+)?mar(?:ch)?[-\s.'/]*|31[/.-]0?3[/.-])(\d{4}|\d{2})$/i;
// A financial year spelled out by its months ("Apr 2024 - Mar 2025", "April 2024 to March 2025"), or its
// years joined by a full stop ("2024.25").
const MONTH_SPAN = /^apr(?:il)?\s*(\d{4}|\d{2})\s*(?:[-–—]|to)\s*mar(?:ch)?\s*(\d{4}|\d{2})$/i;
const DOTTED = /^(\d{4})\.(\d{2})$/;

/** The start year of a financial year written by its months or with a full stop, or null. */
function spelledYear(text: string): number | null {
  const four = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
  const span = MONTH_SPAN.exec(text.trim());
  if (span !== null) return four(span[2]) === four(span[1]) + 1 ? four(span[1]) : null;
  const dotted = DOTTED.exec(text.trim());
  if (dotted !== null)
    return (Number(dotted[1]) + 1) % 100 === Number(dotted[2]) ? Number(dotted[1]) : null;
  return null;
}

// A financial year named by the year it ends in, as accounts name it: "FY25", "FY 2025", "FY'25".
const FY_ENDING = /^fy\s*'?(\d{4}|\d{2})$/i;

/** The start year of the financial year that ends in the March a heading names, or null. */
function yearEndingIn(text: string): number | null {
  const fiscal = FY_ENDING.exec(text.trim());
  if (fiscal !== null)
    return (fiscal[1].length === 2 ? 2000 + Number(fiscal[1]) : Number(fiscal[1])) - 1;
  const match = YEAR_END.exec(text.trim());
  if (match === null) return null;
  const end = match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  return end - 1;
}

/** The start year a heading text names, or null. */
function yearOfText(text: string, kind: YearKind): number | null {
  if (kind === "census") return censusYearOfText(yearText(text));
  const plain = yearText(text);
  return (
    parseFinancialYear(plain) ?? financialYearIn(plain) ?? yearEndingIn(plain) ?? spelledYear(plain)
  );
}

// A month with a year after a dash, slash, dot, apostrophe or space: "Jan-25", "Jan 25", "Jan.2025",
// "January-2025"; or a year and then its month ("2025 Jan", from "2025 (Jan)"). A two-digit year is
// read only beside a month name, where it cannot be a count.
const MONTH_AND_YEAR = /^([a-z]+)[-/'.\s]+(\d{2}|\d{4})$/i;
const YEAR_AND_MONTH = /^(\d{4})[-/.\s]+([a-z]+)$/i;
const MONTHS =
  /^(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$/i;
// Words around a census year that say what the column is but not which year ("Census 2025", "SEN2
// 2025", "Academic year 2023/24"), and marks pointing to a footnote ("2025*").
const CENSUS_WORDS =
  /\b(?:school census|census|sen2|academic year|ay)\b|[*†]+|^[-–—\s]+|[-–—\s]+$/gi;

/**
 * The census year of a heading text: `2025`, `Jan 2025`, `Jan-25`, or an academic year. SEN2 counts
 * plans at the January census, which falls in the second calendar year of an academic year, so a
 * census column headed `2023/24` or `2023-24` is the January 2024 census.
 */
function censusYearOfText(heading: string): number | null {
  const text = heading.replace(CENSUS_WORDS, " ").replace(/\s+/g, " ").trim();
  const plain = parseCensusYear(text);
  if (plain !== null) return plain;
  const dated = MONTH_AND_YEAR.exec(text);
  if (dated !== null && MONTHS.test(dated[1]))
    return dated[2].length === 2 ? 2000 + Number(dated[2]) : Number(dated[2]);
  const yearFirst = YEAR_AND_MONTH.exec(text);
  if (yearFirst !== null && MONTHS.test(yearFirst[2])) return parseCensusYear(yearFirst[1]);
  // "2024/25 (Jan)": the academic year, with the month of its census.
  const academic = parseFinancialYear(text.replace(/\s*\b(?:jan|january)\b\.?\s*/i, " ").trim());
  return academic === null ? null : academic + 1;
}

/** The merge covering a cell, if any (banners are often merged across their columns). */
function mergeAt(sheet: LabelledSheet, row: number, col: number): CellRange | undefined {
  return sheet.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
  );
}

/**
 * Kinds from the banner row above the header, looking through merges to their top-left cell. A banner
 * cell is often written once over the first of its columns ("Forecast" above 2024-25 only), so a blank
 * banner cell continues the kind to its left, unless that kind came from a merge that has ended.
 */
function bannerKinds(
  sheet: LabelledSheet,
  row: number,
  cols: readonly number[]
): YearColumn["kind"][] {
  let current: YearColumn["kind"];
  let endsAt = Infinity;
  return cols.map((col) => {
    if (row < sheet.top) return undefined;
    const merge = mergeAt(sheet, row, col);
    const value = merge ? cellValue(sheet, merge.top, merge.left) : cellValue(sheet, row, col);
    if (value !== null && value !== "") {
      current = columnKind(value);
      endsAt = merge ? merge.right : Infinity;
    } else if (col > endsAt) {
      current = undefined;
    }
    return current;
  });
}

// A second column for a year the header has, beside its forecast or outturn: its budget ("Budget 2024/25 |
// Forecast 2024/25"), the previous plan's figure, or the change between them ("Variance 2024/25"). The
// plan's figures are the forecast's, so that column is not one of the years.
const BESIDE_A_YEAR =
  /\b(budget|original|approved|plan|previous|prior|last|variance|change|difference|movement)\b/i;

/** The year columns with a budget or comparison column dropped where its year also has a column that is neither. */
function withoutTwins<T extends { col: number; start: number }>(
  found: T[],
  values: readonly CellValue[],
  left: number
): T[] {
  const isBeside = (f: T) => {
    const text = values[f.col - left];
    return typeof text === "string" && BESIDE_A_YEAR.test(text) && columnKind(text) !== "actual";
  };
  return found.filter(
    (f) => !isBeside(f) || !found.some((other) => other.start === f.start && !isBeside(other))
  );
}

/**
 * One column for each year headed in several different ways ("Month 3 forecast 2024/25", "Month 6 forecast
 * 2024/25", "2024-25"; "Q1 2024-25" … "Q4 2024-25"; "2024-25 Q1 forecast", "2024-25 Q2 forecast"): the one
 * headed by the year alone, else the last, the latest forecast. Columns headed alike ("2024-25" twice) all
 * stay, as a heading typed twice, for year-sequence to report.
 */
function latestOfEachYear<T extends { col: number; start: number }>(
  found: T[],
  values: readonly CellValue[],
  left: number
): T[] {
  const text = (f: T) => {
    const value = values[f.col - left];
    return typeof value === "string"
      ? value.replace(/\s+/g, " ").trim().toLowerCase()
      : String(value);
  };
  return found.filter((f) => {
    const same = found.filter((other) => other.start === f.start);
    if (same.length < 2 || new Set(same.map(text)).size < same.length) return true;
    const plain = same.find((other) => parseFinancialYear(text(other)) !== null);
    return f === (plain ?? same[same.length - 1]);
  });
}

/**
 * The years of the first table on the row. A table beside the first one repeats the years after a gap
 * ("Variance 2023/24", a previous plan, savings over the forecast years): where, past a column that is not
 * a year, the years start again, the rest belongs to that other table. A year repeated in the very next
 * column stays, as it is more likely a heading typed wrongly.
 */
function firstTable<T extends { col: number; start: number }>(found: T[]): T[] {
  const restart = found.findIndex(
    (f, i) => i > 0 && f.start <= found[i - 1].start && f.col > found[i - 1].col + 1
  );
  return restart < 0 ? found : found.slice(0, restart);
}

/**
 * True for a row of plain numbers spread wider than a run of years: counts that happen to fall between 1900
 * and 2100 (1,901, 2,021, 2,128 EHCPs in mainstream schools), not census years. A header with a year typed
 * twice or skipped (2023, 2024, 2024, 2026) stays a header, for year-sequence to report.
 */
function countsNotYears(found: readonly { start: number; bare: boolean }[]): boolean {
  if (!found.every((f) => f.bare)) return false;
  const starts = found.map((f) => f.start);
  return Math.max(...starts) - Math.min(...starts) > found.length + 1;
}

/** The year columns of one row, or an empty list. */
function yearsOnRow(
  sheet: LabelledSheet,
  row: number,
  area: CellRange,
  kind: YearKind
): YearColumn[] {
  // The row's arrays are read directly: this loop visits every cell above and among the tables.
  const values = sheet.values[row - sheet.top];
  if (values === undefined) return [];
  const formats = sheet.numberFormats[row - sheet.top] ?? [];
  // Most rows hold figures and no year at all, so the list is made only when a year turns up.
  let found: { col: number; start: number; own: YearColumn["kind"]; bare: boolean }[] | undefined;
  // Neighbouring figures nearly always share a number format, so whether it shows a date is looked
  // up only when the format changes along the row.
  let format: string | undefined;
  let isDate = false;
  for (let col = area.left; col <= area.right; col++) {
    const value = values[col - sheet.left];
    let start: number | null;
    let bare = false;
    if (typeof value === "number") {
      const own = formats[col - sheet.left] ?? "General";
      if (own !== format) {
        format = own;
        isDate = showsDate(own);
      }
      start = yearOfHeading(value, kind, isDate);
      bare = !isDate;
    } else if (typeof value === "string") {
      start = yearOfHeading(value, kind, false);
    } else continue;
    if (start !== null) (found ??= []).push({ col, start, own: columnKind(value), bare });
  }
  if (found !== undefined)
    found = latestOfEachYear(
      firstTable(withoutTwins(found, values, sheet.left)),
      values,
      sheet.left
    );
  if (found === undefined || found.length < 2 || found.every((f) => f.start === found![0].start))
    return [];
  if (countsNotYears(found)) return [];
  const banner = bannerKinds(
    sheet,
    row - 1,
    found.map((f) => f.col)
  );
  return found.map(({ col: headed, start, own }, i) => {
    const col = forecastUnder(sheet, row, headed);
    const columnKindFound = own ?? banner[i];
    const label = kind === "financial" ? financialYearLabel(start) : String(start);
    return columnKindFound === undefined
      ? { label, start, col, row }
      : { label, start, col, row, kind: columnKindFound };
  });
}

// Sub-columns under a year merged across them ("2024-25" over "Agreement | Forecast | Variance"): the
// council's own figures are the forecast's (or the outturn's), not the agreement's or the variance.
const OWN_FIGURES = /^\s*(?:latest\s+)?(?:forecast|projected|projection|outturn|actual|current)\b/i;

/**
 * The column a year's figures are in: the year heading's own, or, when the heading is merged across
 * sub-columns whose headings below name a forecast beside an agreement or a variance, the forecast's.
 */
function forecastUnder(sheet: LabelledSheet, row: number, col: number): number {
  const merge = mergeAt(sheet, row, col);
  if (merge === undefined || merge.right === merge.left || merge.top !== row) return col;
  for (let c = merge.left; c <= merge.right; c++) {
    const below = cellValue(sheet, merge.bottom + 1, c);
    if (typeof below === "string" && OWN_FIGURES.test(below)) return c;
  }
  return col;
}

/**
 * The first row (top to bottom) in the area with at least two year headings of the given kind, and
 * those year columns left to right; undefined when there is none. Header rows sit above their
 * figures, so the first such row is the table's header even when a count happens to look like a year.
 */
export function findYearHeader(
  sheet: LabelledSheet,
  kind: YearKind,
  within?: Partial<CellRange>
): YearHeader | undefined {
  // Recognising and locating ask for each sheet's own header several times (is there an end of year
  // section? which unit? which sections?), and a sheet without one is scanned to its last row each time.
  if (within === undefined)
    return sheet.once(`${kind} year header`, () => headerIn(sheet, kind, searchArea(sheet)));
  return headerIn(sheet, kind, searchArea(sheet, within));
}

/** Columns of a second table beside a header's years, with the heading above them when there is one. */
export interface ColumnsBeside {
  readonly left: number;
  readonly right: number;
  readonly heading?: string;
}

/**
 * The columns right of a table's years whose headings repeat those years: a second table beside the first
 * (a mitigated plan beside the unmitigated one, a variance for each year), which the checks do not read.
 */
export function yearsRepeatedBeside(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  kind: YearKind
): ColumnsBeside | undefined {
  const row = years[0]?.row;
  if (row === undefined) return undefined;
  const starts = new Set(years.map((year) => year.start));
  const repeated: number[] = [];
  const lastCol = sheet.left + (sheet.values[row - sheet.top]?.length ?? 0) - 1;
  for (let col = years[years.length - 1].col + 1; col <= lastCol; col++) {
    const start = parseYearHeading(
      cellValue(sheet, row, col),
      kind,
      cellNumberFormat(sheet, row, col)
    );
    if (start !== null && starts.has(start)) repeated.push(col);
  }
  if (repeated.length < 2) return undefined;
  const [left, right] = [repeated[0], repeated[repeated.length - 1]];
  const above = cellValue(sheet, row - 1, left);
  return typeof above === "string" && above.trim() !== ""
    ? { left, right, heading: above.trim() }
    : { left, right };
}

// How far below a header row another may sit and still be the table's own (a side table's header a
// row or two higher than the main one).
const SIDE_HEADER_ROWS = 3;

function headerIn(sheet: LabelledSheet, kind: YearKind, area: CellRange): YearHeader | undefined {
  for (let row = area.top; row <= area.bottom; row++) {
    const years = yearsOnRow(sheet, row, area, kind);
    if (years.length >= 2) return nearerTheLabels(sheet, kind, area, { row, years });
  }
  return undefined;
}

/**
 * The header, or one just below it whose years all lie to the left of its years: that one heads the table
 * beside the row labels, and the first belongs to a table further right that starts higher up.
 */
function nearerTheLabels(
  sheet: LabelledSheet,
  kind: YearKind,
  area: CellRange,
  first: YearHeader
): YearHeader {
  const firstCol = first.years[0].col;
  const last = Math.min(area.bottom, first.row + SIDE_HEADER_ROWS);
  for (let row = first.row + 1; row <= last; row++) {
    const years = yearsOnRow(sheet, row, area, kind);
    if (years.length >= 2 && years[years.length - 1].col < firstCol) return { row, years };
  }
  return first;
}
