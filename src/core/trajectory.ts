/**
 * EHCP caseload projection, the stock-and-flow model councils use in their management plans:
 * the stock of plans grows with demand, gains new plans and loses ceased plans and mitigated demand.
 */
import type { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";
import { belowZero, firstNegative, firstRateBelowMinus100, notPeriods } from "./series";

/** Each flow is one value (the same every period) or one value per period; absent means 0. */
export interface TrajectoryInput {
  /** Number of plans at the start. */
  start: Decimal;
  /** How many periods (months or years) to project. */
  periods: number;
  /** Growth rate of the stock in each period (0.05 is 5%). */
  growth?: readonly Decimal[];
  /** New plans issued in each period. */
  newPlans?: readonly Decimal[];
  /** Plans ceased in each period. */
  ceased?: readonly Decimal[];
  /** Plans avoided by mitigation in each period. */
  mitigation?: readonly Decimal[];
}

function notOneOrPeriods(
  name: string,
  values: readonly Decimal[] | undefined,
  periods: number
): Result<never> | null {
  return values === undefined || values.length === 1 || values.length === periods
    ? null
    : invalid(messages.seriesNotPeriods(name, values.length, periods));
}

/** The value of a flow in period `t`: its single value, its t-th value, or 0 when absent. */
function at(values: readonly Decimal[] | undefined, t: number): Decimal | undefined {
  return values === undefined ? undefined : values.length === 1 ? values[0] : values[t];
}

/** The stock at the end of each period: `stock(t) = stock(t−1)×(1+growth(t)) + new_plans(t) − ceased(t) − mitigation(t)`. */
export function trajectory(input: TrajectoryInput): Result<Decimal[]> {
  const { start, periods, growth, newPlans, ceased, mitigation } = input;
  const problem =
    (belowZero(start) ? invalid(messages.valueNegative("start", start.toString())) : null) ??
    notPeriods("periods", periods) ??
    notOneOrPeriods("growth", growth, periods) ??
    notOneOrPeriods("new_plans", newPlans, periods) ??
    notOneOrPeriods("ceased", ceased, periods) ??
    notOneOrPeriods("mitigation", mitigation, periods) ??
    firstRateBelowMinus100("growth", growth) ??
    firstNegative("new_plans", newPlans) ??
    firstNegative("ceased", ceased) ??
    firstNegative("mitigation", mitigation);
  if (problem !== null) return problem;
  const stock: Decimal[] = new Array(periods);
  let previous = start;
  for (let t = 0; t < periods; t++) {
    let next = previous;
    const g = at(growth, t);
    const added = at(newPlans, t);
    const lost = at(ceased, t);
    const avoided = at(mitigation, t);
    if (g !== undefined && !g.isZero()) next = next.times(g.plus(1));
    if (added !== undefined && !added.isZero()) next = next.plus(added);
    if (lost !== undefined && !lost.isZero()) next = next.minus(lost);
    if (avoided !== undefined && !avoided.isZero()) next = next.minus(avoided);
    if (belowZero(next)) return invalid(messages.stockBelowZero(t + 1, next.toString()));
    stock[t] = next;
    previous = next;
  }
  return ok(stock);
}
