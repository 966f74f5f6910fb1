/**
 * A rule's thresholds: its defaults, overridden by the template profile, overridden by the user
 * (task pane settings, CLI). Only thresholds the rule declares are taken, so a typo cannot add one.
 */
import type { Rule, ValidationOptions } from "./rule";

type Thresholds = Readonly<Record<string, Readonly<Record<string, number>>>>;

export function ruleSettings<S extends Record<string, number>>(
  rule: Rule<S>,
  profileThresholds: Thresholds | undefined,
  options: ValidationOptions
): S {
  const settings: Record<string, number> = { ...rule.defaults };
  for (const source of [profileThresholds?.[rule.id], options.thresholds?.[rule.id]]) {
    for (const [name, value] of Object.entries(source ?? {})) {
      if (name in rule.defaults && Number.isFinite(value)) settings[name] = value;
    }
  }
  return settings as S;
}
