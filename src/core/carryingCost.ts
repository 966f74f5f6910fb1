/**
 * What carrying a DSG deficit costs the council: the cash the deficit ties up is borrowed, or is cash not
 * lent out, so councils report it as interest on borrowing, lost internal borrowing or forgone investment
 * income (BCP put it at about £3.9m in 2024-25 on a deficit growing from £63m to £91m, cabinet report,
 * May 2024). Each year is costed on its average balance, the mean of its opening and closing deficit.
 */
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";
import { aboveZero, belowZero } from "./series";
import { Quotient, type Amount } from "./units";

/**
 * An `invalid` result naming the first rate that is not from 0 to 1, else `null`. A rate above 1 is
 * almost always a percentage typed as a number (5 for 5%), so the message says how to type it.
 */
function firstRateOutside<T extends Amount<T>>(rates: readonly T[]): Result<never> | null {
  const at = rates.findIndex((r) => belowZero(r) || aboveZero(r.plus(-1)));
  if (at < 0) return null;
  const subject = rates.length === 1 ? "rate" : messages.inSeries("rate", at + 1);
  const value = rates[at].toString();
  return invalid(
    belowZero(rates[at])
      ? messages.valueNegative(subject, value)
      : messages.rateAboveOne(subject, value)
  );
}

/**
 * The cost of carrying the deficit in each year:
 * `rate(t) × (opening(t) + closing(t)) / 2`, where `opening(1) = opening` and `opening(t) = closing(t−1)`.
 * Deficits are positive; a year whose average balance is a surplus (or nil) costs 0, since a surplus's
 * own interest is not the deficit's cost. `rates` is one rate for every year, or one per year, each
 * from 0 to 1. Each answer is an exact quotient, rounded only when it becomes a number.
 */
export function carryingCost<T extends Amount<T>>(
  opening: T,
  closing: readonly T[],
  rates: readonly T[]
): Result<Quotient<T>[]> {
  if (closing.length === 0) return invalid(messages.emptySeries("closing"));
  if (rates.length !== 1 && rates.length !== closing.length)
    return invalid(messages.rateNotPerYear(rates.length, closing.length));
  const problem = firstRateOutside(rates);
  if (problem !== null) return problem;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const costs: Quotient<T>[] = new Array(closing.length);
  let previous = opening;
  for (let t = 0; t < closing.length; t++) {
    const twice = previous.plus(closing[t]);
    const rate = rates.length === 1 ? rates[0] : rates[t];
    costs[t] = new Quotient(aboveZero(twice) ? twice.times(rate) : twice.minus(twice), 2);
    previous = closing[t];
  }
  return ok(costs);
}
