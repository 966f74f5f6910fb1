/**
 * Excel's date serials in the 1900 date system: days since 30 December 1899, with the time of day as the
 * fraction. Excel counts a 29 February 1900 that never was, so serials before 61 (1 March 1900) are a day
 * later than that count says.
 */
const DAY_ZERO = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
const FIRST_OF_MARCH_1900 = 61;

/** The UTC date and time a serial stands for (to the nearest millisecond). */
export function dateOfSerial(serial: number): Date {
  const days = serial < FIRST_OF_MARCH_1900 ? serial + 1 : serial;
  return new Date(Math.round(DAY_ZERO + days * MS_PER_DAY));
}

/** The serial of a moment given as milliseconds since 1970 in UTC (its wall-clock time, for local time). */
export function serialOfTime(time: number): number {
  const days = (time - DAY_ZERO) / MS_PER_DAY;
  return days < FIRST_OF_MARCH_1900 ? days - 1 : days;
}

const MONTH_NAMES =
  "January February March April May June July August September October November December".split(
    " "
  );
const DAY_NAMES = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday".split(" ");
const pad = (n: number) => String(n).padStart(2, "0");
// What each part of a date format shows of a date, in English.
const DATE_PARTS: Record<string, (date: Date) => string> = {
  yyyy: (date) => String(date.getUTCFullYear()),
  yy: (date) => pad(date.getUTCFullYear() % 100),
  mmmm: (date) => MONTH_NAMES[date.getUTCMonth()],
  mmm: (date) => MONTH_NAMES[date.getUTCMonth()].slice(0, 3),
  mm: (date) => pad(date.getUTCMonth() + 1),
  m: (date) => String(date.getUTCMonth() + 1),
  dddd: (date) => DAY_NAMES[date.getUTCDay()],
  ddd: (date) => DAY_NAMES[date.getUTCDay()].slice(0, 3),
  dd: (date) => pad(date.getUTCDate()),
  d: (date) => String(date.getUTCDate()),
};
// A date format's parts: years, months, days, and literal text between them (quoted, escaped, separators).
const DATE_FORMAT_PART = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|"[^"]*"|\\.|[-/ .,']/giy;

/**
 * A date serial shown in a format of years, months and days ("mmm-yy", "dd/mm/yyyy", "yyyy") as TEXT()
 * shows it in English; `null` for a format holding anything else (times, digits, colours).
 */
export function dateText(serial: number, format: string): string | null {
  const date = dateOfSerial(Math.floor(serial));
  let text = "";
  DATE_FORMAT_PART.lastIndex = 0;
  while (DATE_FORMAT_PART.lastIndex < format.length) {
    const part = DATE_FORMAT_PART.exec(format)?.[0];
    if (part === undefined) return null;
    const show = DATE_PARTS[part.toLowerCase()];
    text += show ? show(date) : part.replace(/^"(.*)"$|^\\(.)$/, "$1$2");
  }
  return text;
}
