/**
 * A rule's thresholds: its defaults, overridden by the template profile, overridden by the user
 * (task pane settings, CLI). Only thresholds the rule declares are taken, so a typo cannot add one.
 */
import type { Rule, ValidationOptions } from "./rule";

type Thresholds = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** The settings `rule` runs with: its defaults, then the profile's thresholds for it, then the user's. */
export function ruleSettings<S extends Record<string, number>>(
  rule: Rule<S>,
  profileThresholds: Thresholds | undefined,
  options: ValidationOptions
): S {
  const fromProfile = profileThresholds?.[rule.id];
  const fromUser = options.thresholds?.[rule.id];
  // Most rules run on their defaults. No check writes to its settings, so the defaults are handed over as
  // they are rather than copied for every rule of every validation.
  if (fromProfile === undefined && fromUser === undefined) return rule.defaults;
  const settings: Record<string, number> = { ...rule.defaults };
  for (const source of [fromProfile, fromUser]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (name in rule.defaults && Number.isFinite(value)) settings[name] = value;
    }
  }
  return settings as S;
}
