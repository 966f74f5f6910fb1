/**
 * Each template's rule set, as data: which checks run on it, like a Spectral ruleset. A new template
 * version is a new set here (and a profile in `src/templates/profiles/`), not new code. The runner also
 * counts what ran against this list, so "24 of 27 checks ran" means the checks of this template.
 */
import type { ProfileId } from "../templates/located";
import type { Severity } from "./finding";
import type { Rule } from "./rule";

/** One template version's checks: the rules it runs, and any whose severity it changes or switches off. */
export interface RuleSet {
  readonly template: ProfileId;
  /** The template version the set was written for, as the DfE names it. */
  readonly version: string;
  readonly rules: readonly string[];
  readonly severity?: Readonly<Record<string, Severity | "off">>;
}

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

/** Checks that a workbook will read the same at the DfE as here: no add-in functions, no #NAME? left. */
const SUBMISSION = ["dsg-formulas-present", "name-errors"] as const;

export const RULE_SETS: Readonly<Record<ProfileId, RuleSet>> = {
  "dsg-management-plan": {
    template: "dsg-management-plan",
    version: "DSG management plan template v10 (26 March 2025)",
    rules: [
      ...FINANCE,
      "block-total",
      "block-result",
      "funding-available",
      "block-subtotals",
      "block-movements",
      "schools-block-transfer",
      "outturn-agrees",
      "mitigation-arithmetic",
      "mitigation-direction",
      "ehcp-totals",
      "ehcp-placements-sum",
      "ehcp-values",
      "ehcp-stock-flow",
      "unit-cost-jump",
      "funding-uplift",
      "hnsg-reconcile",
      ...SUBMISSION,
    ],
  },
  "safety-valve-return": {
    template: "safety-valve-return",
    version: "Safety Valve monitoring return, as published December 2024",
    rules: [
      ...FINANCE,
      "outturn-agrees",
      "sv-questions",
      "sv-assurance",
      "sv-signoff",
      ...SUBMISSION,
    ],
  },
};

/**
 * The rules of a set, in registry order, each with the severity the set gives it; rules the set does not
 * list, or switches off, are left out.
 */
export function rulesOfSet(registry: readonly Rule[], set: RuleSet): Rule[] {
  return registry.flatMap((rule) => {
    if (!set.rules.includes(rule.id)) return [];
    const severity = set.severity?.[rule.id] ?? rule.severity;
    if (severity === "off") return [];
    return [severity === rule.severity ? rule : { ...rule, severity }];
  });
}
