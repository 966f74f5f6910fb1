/** The rule thresholds the Settings tab offers, taken from each rule's own defaults so none is listed twice. */
/** One threshold a user may change: which rule, which setting, how it is named, and its default. */
export interface ThresholdField {
  readonly rule: string;
  readonly key: string;
  /** What the user sees: the rule's title and the threshold's name. */
  readonly label: string;
  readonly defaultValue: number;
}

interface RuleWithDefaults {
  readonly id: string;
  readonly title: string;
  readonly defaults: Readonly<Record<string, number>>;
}

/** `costJumpPercent` → `cost jump (%)`, `allowedGap` → `allowed gap`. */
export function thresholdName(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.endsWith(" percent")
    ? `${words.slice(0, -" percent".length)} (%)`
    : words === "percent"
      ? "limit (%)"
      : words;
}

/** One field per threshold of every rule that has any, in registry order. */
export function thresholdFields(rules: readonly RuleWithDefaults[]): ThresholdField[] {
  return rules.flatMap((rule) =>
    Object.entries(rule.defaults).map(([key, defaultValue]) => ({
      rule: rule.id,
      key,
      label: `${rule.title}: ${thresholdName(key)}`,
      defaultValue,
    }))
  );
}
