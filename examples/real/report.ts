/**
 * The locator's work loop over the real-wording test bed: `npx tsx examples/real/report.ts [filter]
 * [--all] [--full]`. Reads every examples/real/*.xlsx that expected.json lists (or only those whose
 * name contains `filter`), runs the validator, and prints per file whether its findings match:
 *  - consistent: no errors and no warnings (info notes allowed);
 *  - faulty: every seeded finding at its cell, and no other error or warning (entries marked
 *    `optional` in expected.json, a formula-pattern warning on an edited formula, are allowed, not required).
 * Matching files print one line (unless --all shows their findings too); mismatching files list the
 * findings (messages cut to one line unless --full) with the missing ones. Ends with a summary of how
 * many files match and which rules misfire. Exit status 1 when any file does not match.
 * Rebuild the workbooks first after changing the generator: `npm run examples:real`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { validateWorkbook } from "../../src/validation/validate";
import type { Finding } from "../../src/validation/finding";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { quoteSheetName } from "../../src/workbook/address";
import type { ExpectedEntry, ExpectedFinding } from "./realExamples";

const ROOT = join(__dirname, "..", "..");
/** Lines shown per rule in a mismatching file. */
const PER_RULE = 3;

interface FileCheck {
  readonly file: string;
  readonly expected: ExpectedFinding[];
}

const where = (sheet: string, address: string) =>
  sheet ? `${quoteSheetName(sheet)}!${address}` : "(workbook)";
const serious = (f: Finding) => f.severity !== "info";
const sameCell = (f: Finding, e: ExpectedFinding) =>
  f.rule === e.rule && f.sheet === e.sheet && f.address.split(":")[0] === e.address;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const all = args.includes("--all");
  const full = args.includes("--full");
  const filter = args.find((a) => !a.startsWith("--")) ?? "";
  const entries = JSON.parse(
    await readFile(join(__dirname, "expected.json"), "utf8")
  ) as ExpectedEntry[];
  const files = new Map<string, FileCheck>();
  for (const entry of entries) {
    const check = files.get(entry.file) ?? { file: entry.file, expected: [] };
    if (!("consistent" in entry)) check.expected.push(entry);
    files.set(entry.file, check);
  }
  const chosen = [...files.values()].filter((f) => f.file.includes(filter));
  let matching = 0;
  const falseFindings = new Map<string, number>();
  const missed = new Map<string, number>();
  const width = Math.max(...chosen.map((c) => c.file.length)) - "examples/real/".length;
  for (const { file, expected } of chosen) {
    const name = file.replace(/^examples\/real\/|\.xlsx$/g, "");
    let findings: Finding[];
    try {
      findings = validateWorkbook(await readXlsxFile(join(ROOT, file))).findings;
    } catch (error) {
      console.log(
        `✗ ${name}: could not be checked (${error instanceof Error ? error.message : String(error)})`
      );
      continue;
    }
    const absent = expected.filter((e) => !e.optional && !findings.some((f) => sameCell(f, e)));
    const extra = findings.filter((f) => serious(f) && !expected.some((e) => sameCell(f, e)));
    const ok = absent.length === 0 && extra.length === 0;
    if (ok) matching++;
    extra.forEach((f) => falseFindings.set(f.rule, (falseFindings.get(f.rule) ?? 0) + 1));
    absent.forEach((e) => missed.set(e.rule, (missed.get(e.rule) ?? 0) + 1));
    const counts = ["error", "warning", "info"]
      .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${s}${n > 1 ? "s" : ""}`)
      .join(", ");
    const required = expected.filter((e) => !e.optional);
    const wanted =
      required.length === 0
        ? "consistent"
        : required.map((e) => `${e.rule}@${where(e.sheet, e.address)}`).join(" ");
    console.log(`${ok ? "✓" : "✗"} ${name.padEnd(width)}  ${wanted}  [${counts || "no findings"}]`);
    if (ok && !all) continue;
    // At most PER_RULE lines per rule and mark (unless --full): one slip often repeats along a row.
    const shownPerRule = new Map<string, number>();
    for (const f of findings) {
      if (!all && !serious(f)) continue;
      const match = expected.find((e) => sameCell(f, e));
      const mark = match ? (match.optional ? "~" : "=") : serious(f) ? "+" : " ";
      const key = `${mark}${f.rule}`;
      const count = (shownPerRule.get(key) ?? 0) + 1;
      shownPerRule.set(key, count);
      if (!full && count > PER_RULE) continue;
      const message = full
        ? f.message
        : f.message.length > 150
          ? `${f.message.slice(0, 147)}...`
          : f.message;
      console.log(`    ${mark} ${f.rule} ${f.severity} ${where(f.sheet, f.address)}  ${message}`);
    }
    for (const [key, count] of shownPerRule)
      if (!full && count > PER_RULE)
        console.log(`    ${key[0]} ${key.slice(1)}: ${count - PER_RULE} more (--full shows them)`);
    for (const e of absent)
      console.log(`    - missing ${e.rule} ${e.severity} at ${where(e.sheet, e.address)}`);
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([rule, n]) => `${rule} ×${n}`)
      .join(", ") || "none";
  console.log(`\n${matching}/${chosen.length} files match.`);
  console.log(`Unexpected errors/warnings by rule: ${list(falseFindings)}`);
  console.log(`Seeded findings missing: ${list(missed)}`);
  console.log(
    "(= expected finding, ~ allowed companion, + unexpected error or warning, - expected but missing)"
  );
  process.exitCode = matching === chosen.length ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
