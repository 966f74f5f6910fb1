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
