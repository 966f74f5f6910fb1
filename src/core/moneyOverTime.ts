/**
 * Money over time: income and costs grown by planning rates, caseload costed by placement type, and
 * academic-year amounts (September–August, how schools and placements are funded) turned into
 * financial-year amounts (April–March, how the DSG is accounted).
 */
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";
import {
  belowZero,
  firstNegative,
  firstRateBelowMinus100,
  notPeriods,
  type Signed,
} from "./series";
import { Quotient, type Amount } from "./units";

/**
 * `base` grown by each rate in turn: `base×(1+r1)`, `base×(1+r1)×(1+r2)`, … One rate with `periods`
 * repeats it; a series of rates gives one value per rate (`periods`, if given, must match).
 */
export function uplift<T extends Amount<T>>(
  base: T,
  rates: readonly T[],
  periods?: number
): Result<T[]> {
  if (rates.length === 0) return invalid(messages.emptySeries("rates"));
  const problem =
    firstRateBelowMinus100("rates", rates) ??
    (periods === undefined ? null : notPeriods("periods", periods));
  if (problem !== null) return problem;
  if (periods !== undefined && rates.length > 1 && rates.length !== periods) {
    return invalid(messages.periodsMismatch(periods, rates.length));
  }
  const count = rates.length === 1 ? (periods ?? 1) : rates.length;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const grown: T[] = new Array(count);
  const repeated = rates[0].plus(1);
  let value = base;
  for (let t = 0; t < count; t++) {
    const rate = rates.length === 1 ? rates[0] : rates[t];
    value = rate.isZero() ? value : value.times(rates.length === 1 ? repeated : rate.plus(1));
    grown[t] = value;
  }
  return ok(grown);
}

/**
 * High-needs cost per year: `Σ caseload(placement, year) × unit_cost(placement) × price index(year)`,
 * where the price index is 1 in the first year and grows by `inflation` from the second year on
 * (unit costs are given at first-year prices, so a first-year rate is not used).
 * `caseload` has one row per placement type and one column per year; `inflation` is one rate or one per year.
 */
export function cost<T extends Amount<T>>(
  caseload: readonly (readonly T[])[],
  unitCost: readonly T[],
  inflation?: readonly T[]
): Result<T[]> {
  const years = caseload[0]?.length ?? 0;
  if (years === 0) return invalid(messages.emptySeries("caseload"));
  if (unitCost.length !== caseload.length)
    return invalid(messages.unitCostMismatch(unitCost.length, caseload.length));
  if (inflation !== undefined && inflation.length !== 1 && inflation.length !== years) {
    return invalid(messages.inflationMismatch(inflation.length, years));
  }
  const problem =
    firstRateBelowMinus100("inflation", inflation) ??
    negativeCell("caseload", caseload) ??
    firstNegative("unit_cost", unitCost);
  if (problem !== null) return problem;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const totals: T[] = new Array(years);
  // The price index; undefined while it is still 1.
  let index: T | undefined;
  const repeated = inflation?.[0].plus(1);
  for (let t = 0; t < years; t++) {
    if (t > 0 && inflation !== undefined) {
      const rate = inflation.length === 1 ? inflation[0] : inflation[t];
      const factor = inflation.length === 1 ? repeated! : rate.plus(1);
      if (!rate.isZero()) index = index === undefined ? factor : index.times(factor);
    }
    let total = caseload[0][t].times(unitCost[0]);
    for (let p = 1; p < caseload.length; p++) {
      const count = caseload[p][t];
      if (!count.isZero()) total = total.plus(count.times(unitCost[p]));
    }
    totals[t] = index === undefined ? total : total.times(index);
  }
  return ok(totals);
}

function negativeCell(
  name: string,
  matrix: readonly (readonly (Signed & { toString(): string })[])[]
): Result<never> | null {
  for (let r = 0; r < matrix.length; r++) {
    const c = matrix[r].findIndex(belowZero);
    if (c >= 0)
      return invalid(
        messages.valueNegative(messages.inMatrix(name, r + 1, c + 1), matrix[r][c].toString())
      );
  }
  return null;
}

/** Months of an academic year (from September) that fall before the April ending its first financial year. */
export const DEFAULT_MONTHS_BEFORE_APRIL = 7;

/**
 * Financial-year amounts from academic-year amounts: `FY(t) = ((12 − m)×AY(t−1) + m×AY(t)) / 12`.
 * The first value is academic year t−1 of the first financial year returned, so one fewer value comes back.
 * Each answer is an exact quotient (amounts are only rounded when they become numbers); values may be
 * Decimals or Units, given room to be multiplied by 12.
 */
export function academicToFinancial<T extends Amount<T>>(
  values: readonly T[],
  monthsBeforeApril = DEFAULT_MONTHS_BEFORE_APRIL
): Result<Quotient<T>[]> {
  if (!Number.isInteger(monthsBeforeApril) || monthsBeforeApril < 0 || monthsBeforeApril > 12) {
    return invalid(messages.monthsOutOfRange(String(monthsBeforeApril)));
  }
  if (values.length < 2) return invalid(messages.tooFewAcademicYears());
  const earlier = 12 - monthsBeforeApril;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const result: Quotient<T>[] = new Array(values.length - 1);
  for (let t = 1; t < values.length; t++) {
    const twelfths = values[t - 1].times(earlier).plus(values[t].times(monthsBeforeApril));
    result[t - 1] = new Quotient(twelfths, 12);
  }
  return ok(result);
}
