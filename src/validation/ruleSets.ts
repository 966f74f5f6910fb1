/**
 * Each template's rule set, as data: which checks run on it, like a Spectral ruleset. A new template
 * version is a new set here (and a profile in `src/templates/profiles/`), not new code. The runner also
 * counts what ran against this list, so "24 of 27 checks ran" means the checks of this template.
 */
import type { ProfileId } from "../templates/located";

/** Checks of the deficit figures: the management plan's Financial summary, or a return's finance part. */
const FINANCE = [
  "row-unclear",
  "bad-value",
  "year-sequence",
  "sign-convention",
  "roll-forward",
  "opening-balance",
  "balance-not-cleared",
  "sv-instalments",
  "sv-limits",
  "hnsg-split",
  "hardcoded-total",
  "formula-pattern",
] as const;

export const RULE_SETS: Readonly<Record<ProfileId, readonly string[]>> = {
  "dsg-management-plan": [
    ...FINANCE,
    "block-total",
    "block-result",
    "funding-available",
    "block-movements",
    "schools-block-transfer",
    "outturn-agrees",
    "mitigation-arithmetic",
    "mitigation-direction",
    "ehcp-totals",
    "ehcp-values",
    "ehcp-stock-flow",
    "unit-cost-jump",
    "funding-uplift",
  ],
  "safety-valve-return": [
    ...FINANCE,
    "outturn-agrees",
    "sv-questions",
    "sv-assurance",
    "sv-signoff",
  ],
};
