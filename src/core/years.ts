/**
 * Financial years (April to March, the DSG accounting year) and census years (the January school
 * census that counts EHCPs), as council sheets label them.
 */
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";

// `2024-25`, `2024/25`, `2024-2025`, `2024 to 2025`, `FY24/25`, `FY 2024-25`, `23/24`, en and em dashes.
const YEAR_PAIR = String.raw`(fy\s*)?(\d{4}|\d{2})\s*(?:-|–|—|\/|to)\s*(\d{4}|\d{2})`;
const FINANCIAL_YEAR = new RegExp(String.raw`^\s*${YEAR_PAIR}\s*$`, "i");
// A year pair inside other words ("SV Year 1 2024/25", "Outturn 2023/24 (s251)"), not part of a date.
const FINANCIAL_YEAR_IN = new RegExp(String.raw`(?<![\d/.])${YEAR_PAIR}(?![\d/.])`, "gi");
// Two-digit pairs without `FY` ("23/24") are read only for years 2010 to 2060: "01/02" is a date.
const SHORT_YEARS = { from: 10, to: 60 };

/** The start year of one matched year pair, or `null` when its years do not follow each other. */
function startOfPair(fy: string | undefined, startText: string, endText: string): number | null {
  const short = startText.length === 2;
  if (short && fy === undefined) {
    const start = Number(startText);
    if (endText.length !== 2 || start < SHORT_YEARS.from || start > SHORT_YEARS.to) return null;
  }
  const start = short ? 2000 + Number(startText) : Number(startText);
  const end = Number(endText);
  const follows = endText.length === 2 ? end === (start + 1) % 100 : end === start + 1;
  return follows ? start : null;
}

/**
 * The start year of a financial-year label (`2024-25` → 2024), or `null` when the text is not one.
 * The second year must follow the first (`2024-26` is not a financial year).
 */
export function parseFinancialYear(text: string): number | null {
  const match = FINANCIAL_YEAR.exec(text);
  return match === null ? null : startOfPair(match[1], match[2], match[3]);
}

/**
 * The start year of the one financial year named among other words ("SV Year 1 2024/25", "Baseline
 * 2023/24 (s251)"), or `null` when the text names none or several ("2024-25 to 2028-29").
 */
export function financialYearIn(text: string): number | null {
  const starts = new Set<number>();
  for (const match of text.matchAll(FINANCIAL_YEAR_IN)) {
    const start = startOfPair(match[1], match[2], match[3]);
    if (start !== null) starts.add(start);
  }
  return starts.size === 1 ? [...starts][0] : null;
}

/** The label the add-in writes for a financial year: 2024 → `2024-25`. */
export function financialYearLabel(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

// Month names a census label may start with; the census is taken in January but labels vary.
const MONTH_NAMES = new Set(
  "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december".split(
    " "
  )
);
const CENSUS_YEAR = /^\s*(?:([a-z]+)\.?\s+)?(\d{4})\s*$/i;
const EARLIEST_YEAR = 1900;

/** The calendar year of a census label: `2024`, `Jan 2024`, `January 2024` (or the number 2024); else `null`. */
export function parseCensusYear(text: string | number): number | null {
  if (typeof text === "number")
    return Number.isInteger(text) && text >= EARLIEST_YEAR && text <= 9999 ? text : null;
  const match = CENSUS_YEAR.exec(text);
  if (match === null) return null;
  const [, month, year] = match;
  if (month !== undefined && !MONTH_NAMES.has(month.toLowerCase())) return null;
  const value = Number(year);
  return value >= EARLIEST_YEAR ? value : null;
}

/** Largest date serial Excel accepts: 31 December 9999. */
export const LAST_EXCEL_SERIAL = 2958465;

/**
 * The start year of the financial year holding an Excel date serial, or `null` outside Excel's date range.
 * 31 March belongs to the year that ends then. Time of day (the fraction) is ignored.
 */
export function financialYearOfSerial(serial: number): number | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_EXCEL_SERIAL + 1) return null;
  const day = Math.floor(serial);
  // Excel keeps Lotus 1-2-3's phantom 29 February 1900 as serial 60, so serials before it count from
  // 31 December 1899 and later ones from 30 December 1899. Serial 60 falls in February: year 1899-1900.
  if (day === 60) return 1899;
  const date = new Date(Date.UTC(1899, 11, day < 60 ? 31 : 30) + day * 86_400_000);
  const year = date.getUTCFullYear();
  return date.getUTCMonth() >= 3 ? year : year - 1;
}

/** The financial-year label (`2026-27`) of an Excel date serial, or an `invalid` result outside Excel's dates. */
export function financialYearOfDate(serial: number): Result<string> {
  const start = financialYearOfSerial(serial);
  return start === null
    ? invalid(messages.notADate(String(serial)))
    : ok(financialYearLabel(start));
}
