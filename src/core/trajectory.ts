/**
 * EHCP caseload projection, the stock-and-flow model councils use in their management plans:
 * the stock of plans grows with demand, gains new plans and loses ceased plans and mitigated demand.
 */
import type { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";
import { belowZero, firstNegative, firstRateBelowMinus100, notPeriods } from "./series";
import type { Amount } from "./units";

/**
 * Each flow is one value (the same every period) or one value per period; absent means 0. Amounts are
 * Decimals, or Units when the custom function's figures fit them.
 */
export interface TrajectoryInput<T extends Amount<T> = Decimal> {
  /** Number of plans at the start. */
  start: T;
  /** How many periods (months or years) to project. */
  periods: number;
  /** Growth rate of the stock in each period (0.05 is 5%). */
  growth?: readonly T[];
  /** New plans issued in each period. */
  newPlans?: readonly T[];
  /** Plans ceased in each period. */
  ceased?: readonly T[];
  /** Plans avoided by mitigation in each period. */
  mitigation?: readonly T[];
}

function notOneOrPeriods(
  name: string,
  values: readonly unknown[] | undefined,
  periods: number
): Result<never> | null {
  return values === undefined || values.length === 1 || values.length === periods
    ? null
    : invalid(messages.seriesNotPeriods(name, values.length, periods));
}

/** The value of a flow in period `t`: its single value, its t-th value, or 0 when absent. */
function at<T>(values: readonly T[] | undefined, t: number): T | undefined {
  return values === undefined ? undefined : values.length === 1 ? values[0] : values[t];
}

/** New plans less ceased and mitigated plans in period `t`, or undefined when no flow is given. */
function netFlow<T extends Amount<T>>(input: TrajectoryInput<T>, t: number): T | undefined {
  let net = at(input.newPlans, t);
  for (const outflow of [at(input.ceased, t), at(input.mitigation, t)])
    if (outflow !== undefined) net = net === undefined ? outflow.times(-1) : net.minus(outflow);
  return net;
}

/** The stock at the end of each period: `stock(t) = stock(t−1)×(1+growth(t)) + new_plans(t) − ceased(t) − mitigation(t)`. */
export function trajectory<T extends Amount<T>>(input: TrajectoryInput<T>): Result<T[]> {
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
  // Growth factors and net flows given as one value are worked out once, not every period.
  const factors = growth?.map((g) => g.plus(1));
  const steady = [newPlans, ceased, mitigation].every(
    (flow) => flow === undefined || flow.length === 1
  );
  const steadyFlow = steady ? netFlow(input, 0) : undefined;
  // Stryker disable next-line ArrayDeclaration: equivalent, every index is assigned below (the length only presizes)
  const stock: T[] = new Array(periods);
  let previous = start;
  for (let t = 0; t < periods; t++) {
    let next = previous;
    const factor = at(factors, t);
    if (factor !== undefined && !at(growth, t)!.isZero()) next = next.times(factor);
    const flow = steady ? steadyFlow : netFlow(input, t);
    if (flow !== undefined && !flow.isZero()) next = next.plus(flow);
    // As a number: an exact stock may run to many decimals.
    if (belowZero(next)) return invalid(messages.stockBelowZero(t + 1, String(next.toNumber())));
    stock[t] = next;
    previous = next;
  }
  return ok(stock);
}
