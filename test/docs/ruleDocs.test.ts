import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defineRule } from "../../src/validation/rule";
import { RULES } from "../../src/validation/rules/index";
import { RULE_DOCS_DIR, readRuleDocInputs, ruleDocPages } from "../../scripts/ruleDocs";

const root = path.resolve(__dirname, "../..");
const pages = ruleDocPages(RULES, readRuleDocInputs(root, RULES));
const REGENERATE = "docs/rules is out of date: run npm run docs:rules and commit the pages";

describe("rule help pages", () => {
  it.each(RULES.map((rule) => rule.id))("should have a current page for %s", (id) => {
    const written = readFileSync(path.join(root, RULE_DOCS_DIR, `${id}.html`), "utf8");
    expect(written, REGENERATE).toBe(pages.get(`${id}.html`));
  });

  it("should have a current index of every rule", () => {
    const written = readFileSync(path.join(root, RULE_DOCS_DIR, "index.html"), "utf8");
    expect(written, REGENERATE).toBe(pages.get("index.html"));
    for (const rule of RULES) expect(written).toContain(`href="${rule.id}.html"`);
  });

  it("should have no page for a rule that is not registered", () => {
    const files = readdirSync(path.join(root, RULE_DOCS_DIR)).filter((name) =>
      name.endsWith(".html")
    );
    expect(files.sort()).toEqual([...pages.keys()].sort());
  });

  it("should give each page a language, one h1 and column headers on its tables", () => {
    for (const html of pages.values()) {
      expect(html).toContain('<html lang="en-GB">');
      expect(html.match(/<h1>/g)).toHaveLength(1);
      const tables = html.match(/<table>/g)?.length ?? 0;
      expect(html.match(/<thead><tr><th scope="col">/g)?.length ?? 0).toBe(tables);
    }
  });

  it.each([
    ["unit-cost-jump", "its thresholds with their keys", "<code>costJumpPercent</code>", true],
    ["roll-forward", "the tolerance option", "dsg-validate --tolerance", true],
    ["roll-forward", "no thresholds table", "Thresholds of this check", false],
    ["sv-signoff", "that it has no settings", "This check has no settings.", true],
    [
      "bad-value",
      "its example's cell",
      "The finding points at <code>'Financial summary'!G40</code>.",
      true,
    ],
    ["template-recognised", "a workbook-level example", "so it has no cell.", true],
  ] as const)("should give %s %s", (id, _what, text, present) => {
    expect(pages.get(`${id}.html`)!.includes(text)).toBe(present);
  });
});

describe("ruleDocPages", () => {
  const rule = defineRule({
    id: "made-up",
    severity: "warning",
    title: "Cost < budget & more",
    description: 'Checks "this" <b>.',
    defaults: { limitPercent: 5 },
    check: () => [],
  });
  const page = ruleDocPages([rule], { examples: [], usesTolerance: new Set() }).get(
    "made-up.html"
  )!;

  it("should escape the rule's text", () => {
    expect(page).toContain("<h1>Cost &lt; budget &amp; more</h1>");
    expect(page).toContain("<p>Checks &quot;this&quot; &lt;b&gt;.</p>");
  });

  it("should list a threshold with its default and task pane field, and no example without one", () => {
    expect(page).toContain(
      '<tr><th scope="row">limit (%)</th><td>5</td><td>Cost &lt; budget &amp; more: limit (%)</td>'
    );
    expect(page).not.toContain("Example (");
    expect(page).not.toContain("--tolerance");
  });
});

describe("rule registry", () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))(
    "should give %s a title and a description of whole sentences",
    (_id, rule) => {
      expect(rule.title.trim()).not.toBe("");
      expect(rule.description).toMatch(/^[A-Z'"].*[.!?]$/s);
    }
  );

  it("should use kebab-case ids", () => {
    for (const rule of RULES) expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("should use each id once", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
