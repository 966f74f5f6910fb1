/**
 * The cumulative DSG deficit, year by year: the arithmetic of the DfE management-plan template's
 * financial summary (brought forward + in-year − DfE payments − council contributions = carried forward).
 * Convention: deficit positive, surplus negative. The validator's rules call these same functions.
 *
 * Every calculation here only adds and subtracts, so it is written once for any exact Amount: decimal.js
 * Decimals, or Units where every figure fits whole units (the custom functions' fast path, see units.ts).
 */
import type { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, notAvailable, ok, type Result } from "./result";
import { aboveZero, lengthMismatch, mixedSigns, type Signed } from "./series";
import type { Amount } from "./units";
import { financialYearLabel, parseFinancialYear } from "./years";

export interface RollForwardInput<T extends Amount<T> = Decimal> {
  /** Deficit brought forward into the first year. */
  opening: T;
  /** In-year deficit (positive) or surplus (negative) of each year, before DfE payments and contributions. */
  inYear: readonly T[];
  /** DfE deficit payments (Safety Valve instalments); either sign, they always reduce the deficit. */
  payments?: readonly T[];
  /** Council general-fund contributions; either sign, they always reduce the deficit. */
  contributions?: readonly T[];
  /** Any other approved movement, added with its sign. */
  adjustments?: readonly T[];
}

/** Lengths and signs of the optional series, checked once for every calculation on a RollForwardInput. */
function checkInput<T extends Amount<T>>(input: RollForwardInput<T>): Result<never> | null {
  const years = input.inYear.length;
  return (
    lengthMismatch("payments", input.payments, "in_year", years) ??
    lengthMismatch("contributions", input.contributions, "in_year", years) ??
    lengthMismatch("adjustments", input.adjustments, "in_year", years) ??
    mixedSigns("payments", input.payments) ??
    mixedSigns("contributions", input.contributions)
  );
}

/** `previous + in_year − |payments| − |contributions| + adjustments` for year `t`. */
function closingAfter<T extends Amount<T>>(previous: T, input: RollForwardInput<T>, t: number): T {
  let closing = previous.plus(input.inYear[t]);
  const payment = input.payments?.[t];
  const contribution = input.contributions?.[t];
  const adjustment = input.adjustments?.[t];
  // Blank years are common (no instalment that year), so zero movements skip the arithmetic.
  if (payment !== undefined && !payment.isZero()) closing = reduceBy(closing, payment);
  if (contribution !== undefined && !contribution.isZero())
    closing = reduceBy(closing, contribution);
  if (adjustment !== undefined && !adjustment.isZero()) closing = closing.plus(adjustment);
  return closing;
}

/** `balance − |amount|`, without building `|amount|` first. */
function reduceBy<T extends Amount<T>>(balance: T, amount: T): T {
  return amount.s < 0 ? balance.plus(amount) : balance.minus(amount);
}

/**
 * The closing (carried-forward) deficit of each year:
 * `closing(t) = closing(t−1) + in_year(t) − |payments(t)| − |contributions(t)| + adjustments(t)`, `closing(0) = opening`.
 */
export function rollForward<T extends Amount<T>>(input: RollForwardInput<T>): Result<T[]> {
  const problem = checkInput(input);
  if (problem !== null) return problem;
  const closing: T[] = new Array(input.inYear.length);
  let previous = input.opening;
  for (let t = 0; t < closing.length; t++) {
    previous = closingAfter(previous, input, t);
    closing[t] = previous;
  }
  return ok(closing);
}

/**
 * For each year, `reported closing − (previous reported closing + in_year − |payments| − |contributions| + adjustments)`.
 * Each year is checked against the reported previous closing (the opening for the first year), so one
 * wrong cell shows as one gap rather than a cascade through the later years.
 */
export function rollGaps<T extends Amount<T>>(
  input: RollForwardInput<T> & { closing: readonly T[] }
): Result<T[]> {
  const problem =
    lengthMismatch("closing", input.closing, "in_year", input.inYear.length) ?? checkInput(input);
  if (problem !== null) return problem;
  const gaps: T[] = new Array(input.inYear.length);
  for (let t = 0; t < gaps.length; t++) {
    const previous = t === 0 ? input.opening : input.closing[t - 1];
    gaps[t] = input.closing[t].minus(closingAfter(previous, input, t));
  }
  return ok(gaps);
}

/** Whether a DfE instalment will arrive, as the council's monitoring records it. */
export type PaymentStatus = "received" | "expected" | "at risk" | "withheld" | "suspended";

// Only money that has arrived or is still expected reduces the deficit the council must plan for.
const COUNTED: Record<PaymentStatus, boolean> = {
  received: true,
  expected: true,
  "at risk": false,
  withheld: false,
  suspended: false,
};

/** A status typed in a sheet (`At Risk`, `at-risk`, ` Received `), or `null` when it is not one. */
export function parsePaymentStatus(text: string): PaymentStatus | null {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
  return Object.prototype.hasOwnProperty.call(COUNTED, key) ? (key as PaymentStatus) : null;
}

/**
 * The deficit left for the council to fund after the last year: the closing balance counting only the
 * instalments whose status is `received` or `expected` (all of them when `paymentStatus` is absent).
 * `paymentStatus` holds one text per instalment; a blank (`""`) is allowed only where the instalment is 0.
 */
export function residual<T extends Amount<T>>(
  input: RollForwardInput<T> & { paymentStatus?: readonly string[] }
): Result<T> {
  const { paymentStatus, payments } = input;
  let counted = payments;
  if (paymentStatus !== undefined) {
    const problem = lengthMismatch(
      "payment_status",
      paymentStatus,
      "payments",
      payments?.length ?? 0
    );
    if (problem !== null) return problem;
    // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
    const kept: T[] = new Array(paymentStatus.length);
    for (let i = 0; i < paymentStatus.length; i++) {
      const payment = payments![i];
      const status = parsePaymentStatus(paymentStatus[i]);
      if (status === null && paymentStatus[i].trim() !== "")
        return invalid(messages.unknownPaymentStatus(i + 1, paymentStatus[i]));
      if (status === null && !payment.isZero()) return invalid(messages.blankPaymentStatus(i + 1));
      // An instalment not counted becomes a zero of its own kind (Decimal or Units).
      kept[i] = status !== null && COUNTED[status] ? payment : payment.minus(payment);
    }
    counted = kept;
  }
  const closing = rollForward({ ...input, payments: counted });
  if (!closing.ok) return closing;
  return ok(closing.value.length === 0 ? input.opening : closing.value[closing.value.length - 1]);
}

/**
 * The first year label from which the in-year result is ≤ 0 in that year and every later year listed
 * (the Safety Valve condition "a positive in-year balance by 2028-29 and in each subsequent year").
 * Labels may be written any accepted way (`2024/25`, `FY24/25`); the answer is written `2024-25`.
 */
export function balanceYear(years: readonly string[], inYear: readonly Signed[]): Result<string> {
  const problem = lengthMismatch("years", years, "in_year", inYear.length);
  if (problem !== null) return problem;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const starts: number[] = new Array(years.length);
  for (let i = 0; i < years.length; i++) {
    const start = parseFinancialYear(years[i]);
    if (start === null) return invalid(messages.notAFinancialYear(i + 1, years[i]));
    starts[i] = start;
  }
  let first = inYear.length;
  while (first > 0 && !aboveZero(inYear[first - 1])) first--;
  if (first === inYear.length) {
    return years.length === 0
      ? invalid(messages.emptySeries("years"))
      : notAvailable(
          messages.neverBalanced(
            financialYearLabel(starts[0]),
            financialYearLabel(starts[starts.length - 1])
          )
        );
  }
  return ok(financialYearLabel(starts[first]));
}
