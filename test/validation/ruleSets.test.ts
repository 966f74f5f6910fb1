import { describe, expect, it } from "vitest";
import { RULES } from "../../src/validation/rules";
import { RULE_SETS, rulesOfSet, type RuleSet } from "../../src/validation/ruleSets";

describe("rule sets", () => {
  it("should name only registered rules, each once", () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const set of Object.values(RULE_SETS)) {
      expect(set.rules.filter((id) => !ids.has(id))).toEqual([]);
      expect(new Set(set.rules).size).toBe(set.rules.length);
    }
  });

  it("should keep the management plan's checks off the Safety Valve return and the reverse", () => {
    expect(RULE_SETS["safety-valve-return"].rules).not.toContain("block-result");
    expect(RULE_SETS["dsg-management-plan"].rules).not.toContain("sv-questions");
  });

  it("should run a set's rules with the severity it gives them, and leave out those it switches off", () => {
    const set: RuleSet = {
      template: "dsg-management-plan",
      version: "a later version",
      rules: ["roll-forward", "funding-uplift", "block-result"],
      severity: { "funding-uplift": "info", "block-result": "off" },
    };
    const rules = rulesOfSet(RULES, set);
    expect(rules.map((rule) => [rule.id, rule.severity])).toEqual([
      ["roll-forward", "error"],
      ["funding-uplift", "info"],
    ]);
    // The registry's rule is not changed by a set.
    expect(RULES.find((rule) => rule.id === "funding-uplift")?.severity).toBe("warning");
  });
});
