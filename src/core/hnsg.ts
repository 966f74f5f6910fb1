/**
 * The High Needs Stability Grant (announced 2026): the government writes off a share (90%) of each
 * council's high-needs DSG deficit held at the end of 2025-26, excluding overspends that are not
 * high-needs (other blocks, equal pay). The share and exclusions are arguments, not constants, because
 * the eligibility rules were still being settled when this was written.
 *
 * The claim runs in three steps, each a function here: the deficit the DfE would use (the lowest of the
 * figures the council's sources show, less what is not eligible), the grant written off, and what the
 * council still carries when the statutory override ends. Each is written once for any exact Amount:
 * decimal.js Decimals (the validator), or Units (the custom functions' fast path, see units.ts).
 */
import { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";
import { aboveZero, belowZero } from "./series";
import type { Amount } from "./units";

/** The share of the eligible deficit the government funds unless told otherwise. */
export const DEFAULT_HNSG_SHARE = new Decimal("0.9");

/** An `invalid` result when `ineligible` is not between 0 and `ceiling` (`of` names the ceiling), else `null`. */
function ineligibleOutside<T extends Amount<T>>(
  ineligible: T,
  ceiling: T,
  of?: string
): Result<never> | null {
  return belowZero(ineligible) || aboveZero(ineligible.minus(ceiling))
    ? invalid(messages.ineligibleOutOfRange(ineligible.toString(), ceiling.toString(), of))
    : null;
}

/**
 * The amount written off: `share × (deficit − ineligible)`. The council keeps `deficit` minus this.
 * Decimals may leave out the share (0.9); other amounts give it, as a 0.9 of their own kind.
 */
export function highNeedsStabilityGrant(
  deficit: Decimal,
  share?: Decimal,
  ineligible?: Decimal
): Result<Decimal>;
export function highNeedsStabilityGrant<T extends Amount<T>>(
  deficit: T,
  share: T,
  ineligible?: T
): Result<T>;
export function highNeedsStabilityGrant<T extends Amount<T>>(
  deficit: T,
  share: T = DEFAULT_HNSG_SHARE as unknown as T,
  ineligible?: T
): Result<T> {
  if (belowZero(deficit)) return invalid(messages.deficitNegative(deficit.toString()));
  if (belowZero(share) || aboveZero(share.plus(-1)))
    return invalid(messages.shareOutOfRange(share.toString()));
  if (ineligible === undefined) return ok(share.times(deficit));
  return ineligibleOutside(ineligible, deficit) ?? ok(share.times(deficit.minus(ineligible)));
}

/** The lowest of the figures and its position among them (from 1), the first one where several tie. */
export interface LowestFigure<T> {
  value: T;
  position: number;
}

/**
 * The lowest deficit among the figures the council's sources show (s251 outturn, DSG note, S151
 * assurance, RO, accounts): the one the DfE uses where the council cannot explain the differences
 * (GOV.UK explanatory note, 9 February 2026). A negative figure is refused by position: a source that
 * shows a surplus has nothing to write off, and more often the figure was typed with the wrong sign.
 */
export function lowestFigure<T extends Amount<T>>(figures: readonly T[]): Result<LowestFigure<T>> {
  if (figures.length === 0) return invalid(messages.emptySeries("figures"));
  let position = 0;
  for (let i = 0; i < figures.length; i++) {
    if (belowZero(figures[i]))
      return invalid(
        messages.figureNegative(messages.inSeries("figures", i + 1), figures[i].toString())
      );
    if (belowZero(figures[i].minus(figures[position]))) position = i;
  }
  return ok({ value: figures[position], position: position + 1 });
}

/**
 * The deficit the DfE would use for the grant: the lowest of the sources' figures less the part that is
 * not eligible (other blocks' overspends, equal pay), which must lie between 0 and that lowest figure.
 */
export function eligibleDeficit<T extends Amount<T>>(
  figures: readonly T[],
  ineligible?: T
): Result<T> {
  const lowest = lowestFigure(figures);
  if (!lowest.ok) return lowest;
  const { value } = lowest.value;
  if (ineligible === undefined) return ok(value);
  return ineligibleOutside(ineligible, value, "the lowest figure") ?? ok(value.minus(ineligible));
}

/**
 * What the council still carries when the statutory override ends (31 March 2028): the deficit at
 * 31 March 2026 less the grant, plus the in-year results after it,
 * `(1 − share) × (deficit − ineligible) + ineligible + Σ later_in_year`.
 * The share, the ineligible part and which years count are the council's assumptions; the formula only
 * follows the policy as announced (90% of the eligible deficit at the end of 2025-26).
 */
export function exposure<T extends Amount<T>>(
  deficit: T,
  laterInYear: readonly T[],
  share: T,
  ineligible?: T
): Result<T> {
  const grant = highNeedsStabilityGrant(deficit, share, ineligible);
  if (!grant.ok) return grant;
  let carried = deficit.minus(grant.value);
  for (const result of laterInYear) carried = carried.plus(result);
  return ok(carried);
}
