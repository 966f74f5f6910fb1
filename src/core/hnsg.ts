/**
 * The High Needs Stability Grant (announced 2026): the government writes off a share (90%) of each
 * council's high-needs DSG deficit held at the end of 2025-26, excluding overspends that are not
 * high-needs (other blocks, equal pay). The share and exclusions are arguments, not constants, because
 * the eligibility rules were still being settled when this was written.
 */
import { Decimal } from "decimal.js";
import { messages } from "./messages";
import { invalid, ok, type Result } from "./result";
import { belowZero } from "./series";

/** The share of the eligible deficit the government funds unless told otherwise. */
export const DEFAULT_HNSG_SHARE = new Decimal("0.9");

/** The amount written off: `share × (deficit − ineligible)`. The council keeps `deficit` minus this. */
export function highNeedsStabilityGrant(
  deficit: Decimal,
  share: Decimal = DEFAULT_HNSG_SHARE,
  ineligible: Decimal = new Decimal(0)
): Result<Decimal> {
  if (belowZero(deficit)) return invalid(messages.deficitNegative(deficit.toString()));
  if (belowZero(share) || share.gt(1)) return invalid(messages.shareOutOfRange(share.toString()));
  if (belowZero(ineligible) || ineligible.gt(deficit)) {
    return invalid(messages.ineligibleOutOfRange(ineligible.toString(), deficit.toString()));
  }
  return ok(share.times(deficit.minus(ineligible)));
}
