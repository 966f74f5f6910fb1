/**
 * Every message a user can see from the DSG functions, in one table, so the wording stays consistent
 * and can be reviewed in one place. Argument names are the ones Excel shows in the formula tooltip
 * (`in_year`, `payments`); positions count from 1, as a finance lead counts cells.
 */

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Long text is cut so the message still fits Excel's error tooltip. */
function quote(text: string): string {
  return text.length > 24 ? `'${text.slice(0, 21).trimEnd()}...'` : `'${text}'`;
}

export const messages = {
  // Series shape and length
  lengthMismatch: (name: string, count: number, mainName: string, mainCount: number) =>
    `${name} has ${plural(count, "value")} but ${mainName} has ${mainCount}`,
  emptySeries: (name: string) => `${name} is empty: give at least one value`,
  notOneRowOrColumn: (name: string, rows: number, cols: number) =>
    `${name} must be one row or one column (got ${plural(rows, "row")} × ${plural(cols, "column")})`,
  notRectangular: (name: string) => `${name} is not a rectangular range`,
  notOneValue: (name: string) => `${name} must be a single value, not a range`,

  // Cell values. A subject is "opening", "in_year: value 3" or "caseload: row 2, column 3".
  valueIsText: (subject: string, text: string) => `${subject} is text (${quote(text)})`,
  valueIsLogical: (subject: string, value: boolean) =>
    `${subject} is a logical value (${value ? "TRUE" : "FALSE"})`,
  valueIsError: (subject: string, code: string) => `${subject} is an error (${code})`,
  valueNotNumber: (subject: string) => `${subject} is not a number`,
  valueNotFinite: (subject: string) => `${subject} is not a finite number`,
  valueNegative: (subject: string, value: string) =>
    `${subject} is negative (${value}); it must be 0 or more`,
  rateBelowMinus100: (subject: string, value: string) =>
    `${subject} is ${value}; a rate must be -1 (-100%) or more`,
  inSeries: (name: string, position: number) => `${name}: value ${position}`,
  inMatrix: (name: string, row: number, col: number) => `${name}: row ${row}, column ${col}`,

  // Deficit arithmetic
  mixedSigns: (name: string, firstPositive: number, firstNegative: number) =>
    `${name} mixes positive (value ${firstPositive}) and negative (value ${firstNegative}) amounts: ` +
    `type every amount with the same sign, they always reduce the deficit`,
  unknownPaymentStatus: (position: number, text: string) =>
    `payment_status: value ${position} is ${quote(text)}; use received, expected, at risk, withheld or suspended`,
  blankPaymentStatus: (position: number) =>
    `payment_status: value ${position} is blank but instalment ${position} is not 0; ` +
    `use received, expected, at risk, withheld or suspended`,
  notAFinancialYear: (position: number, text: string) =>
    `years: value ${position} is ${text.trim() === "" ? "blank" : quote(text)}, not a financial year like 2024-25`,
  neverBalanced: (first: string, last: string) =>
    first === last
      ? `in-year balance is never reached in ${first}`
      : `in-year balance is never reached in ${first}..${last}`,

  // HNSG
  shareOutOfRange: (share: string) => `share is ${share}; it must be between 0 and 1 (0.9 is 90%)`,
  deficitNegative: (deficit: string) =>
    `deficit is ${deficit}, a surplus: the High Needs Stability Grant only writes off a deficit`,
  ineligibleOutOfRange: (ineligible: string, ceiling: string, of = "the deficit") =>
    `ineligible is ${ineligible}; it must be between 0 and ${of} (${ceiling})`,
  figureMissing: (subject: string) =>
    `${subject} is blank: give the deficit that source shows, or leave the source out of the range`,
  figureNegative: (subject: string, value: string) =>
    `${subject} is ${value}; give each source's deficit as a positive figure (a surplus has nothing to write off)`,

  // Carrying cost
  rateNotPerYear: (count: number, years: number) =>
    `rate has ${plural(count, "value")} but closing has ${years}: give one rate, or one per year`,
  rateAboveOne: (subject: string, value: string) =>
    `${subject} is ${value}; give the rate as a fraction (0.05 is 5%)`,

  // Money over time
  periodsNotWhole: (name: string, value: string, max: number) =>
    `${name} is ${value}; it must be a whole number from 1 to ${max}`,
  periodsMismatch: (periods: number, rates: number) =>
    `periods is ${periods} but rates has ${plural(rates, "value")}: give one rate, or leave periods out`,
  unitCostMismatch: (count: number, rows: number) =>
    `unit_cost has ${plural(count, "value")} but caseload has ${plural(rows, "row")} (one per placement type)`,
  inflationMismatch: (count: number, years: number) =>
    `inflation has ${plural(count, "value")} but caseload has ${plural(years, "column")} (one per year)`,
  tooFewAcademicYears: () =>
    "academic_year_values needs at least 2 academic years to make one financial year",
  monthsOutOfRange: (value: string) =>
    `months_before_april is ${value}; it must be a whole number from 0 to 12`,
  notADate: (value: string) =>
    `date is ${value}; it must be an Excel date from 1 (1 January 1900) to 2958465 (31 December 9999)`,

  // Caseload
  stockBelowZero: (period: number, stock: string) =>
    `the number of plans falls below zero in period ${period} (${stock})`,
  seriesNotPeriods: (name: string, count: number, periods: number) =>
    `${name} has ${plural(count, "value")} but periods is ${periods}: give one value or one per period`,

  // Results Excel cannot show
  resultTooLarge: () => "the result is too large for Excel",
  unexpected: (detail: string) => `unexpected problem: ${detail}`,
} as const;
