/**
 * Writes the validation rules' help pages to docs/rules/ from the rule registry (npm run docs:rules), and
 * removes pages of rules that no longer exist. Run it after changing a rule's title, description or thresholds.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RULES } from "../src/validation/rules/index";
import { RULE_DOCS_DIR, readRuleDocInputs, ruleDocPages } from "./ruleDocs";

const root = path.resolve(__dirname, "..");
const dir = path.join(root, RULE_DOCS_DIR);
const pages = ruleDocPages(RULES, readRuleDocInputs(root, RULES));

mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) {
  if (name.endsWith(".html") && !pages.has(name)) rmSync(path.join(dir, name));
}
for (const [name, html] of pages) writeFileSync(path.join(dir, name), html);
console.log(`Wrote ${pages.size} pages to ${RULE_DOCS_DIR}/.`);
