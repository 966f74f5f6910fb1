/**
 * The locator's work loop over the real-wording test bed:
 *
 *   npx tsx examples/real/report.ts [filter] [--all] [--full]
 *   npx tsx examples/real/report.ts --random 50 [--from 1] [--fault random|maybe|<rule>]
 *
 * The first form reads every examples/real/*.xlsx that expected.json lists (or those whose name contains
 * `filter`), runs the validator, and prints per file whether its findings match:
 *  - consistent: no errors and no warnings (info notes allowed);
 *  - faulty: every seeded finding at its cell, and no other error or warning (entries marked
 *    `optional` in expected.json, such as a formula-pattern warning on an edited formula, are allowed,
 *    not required).
 * The second form checks random plans from randomPlan.ts in memory instead (seeds from --from), and
 * prints only those that do not match, with the seed to reproduce each: `randomPlan(seed, { fault })`.
 *
 * Matching files print one line (unless --all shows their findings too); mismatching files list their
 * findings (messages cut to one line and at most three per rule unless --full) and the missing ones. A
 * summary says how many match and which rules misfire. Exit status 1 when anything does not match.
 * Rebuild the workbooks after changing the generator: `npm run examples:real`.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { validateWorkbook } from "../../src/validation/validate";
import type { Finding } from "../../src/validation/finding";
import type { Workbook } from "../../src/workbook/workbook";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { quoteSheetName } from "../../src/workbook/address";
import type { ExpectedEntry, ExpectedFinding } from "./realExamples";
import { randomPlan, type RandomPlanOptions } from "./randomPlan";

const ROOT = join(__dirname, "..", "..");
/** Lines shown per rule in a mismatching file. */
const PER_RULE = 3;

interface Options {
  readonly all: boolean;
  readonly full: boolean;
}

const where = (sheet: string, address: string) =>
  sheet ? `${quoteSheetName(sheet)}!${address}` : "(workbook)";
const serious = (f: Finding) => f.severity !== "info";
const sameCell = (f: Finding, e: ExpectedFinding) =>
  f.rule === e.rule && f.sheet === e.sheet && f.address.split(":")[0] === e.address;

/** Tallies over all files: how many match, and which rules fire falsely or stay silent. */
class Tally {
  checked = 0;
  matching = 0;
  readonly extra = new Map<string, number>();
  readonly missed = new Map<string, number>();

  static list(counts: Map<string, number>): string {
    return (
      [...counts]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([rule, n]) => `${rule} ×${n}`)
        .join(", ") || "none"
    );
  }

  print(what: string): void {
    console.log(`\n${this.matching}/${this.checked} ${what} match.`);
    console.log(`Unexpected errors/warnings by rule: ${Tally.list(this.extra)}`);
    console.log(`Seeded findings missing: ${Tally.list(this.missed)}`);
    console.log(
      "(= expected finding, ~ allowed companion, + unexpected error or warning, - expected but missing)"
    );
  }
}

/** Validates one workbook against its expectation and prints the outcome; true when it matches. */
function check(
  label: string,
  workbook: Workbook,
  expected: readonly ExpectedFinding[],
  tally: Tally,
  options: Options & { quietWhenOk?: boolean }
): boolean {
  const findings = validateWorkbook(workbook).findings;
  const absent = expected.filter((e) => !e.optional && !findings.some((f) => sameCell(f, e)));
  const extra = findings.filter((f) => serious(f) && !expected.some((e) => sameCell(f, e)));
  const ok = absent.length === 0 && extra.length === 0;
  tally.checked++;
  if (ok) tally.matching++;
  extra.forEach((f) => tally.extra.set(f.rule, (tally.extra.get(f.rule) ?? 0) + 1));
  absent.forEach((e) => tally.missed.set(e.rule, (tally.missed.get(e.rule) ?? 0) + 1));
  if (ok && options.quietWhenOk) return ok;
  const counts = (["error", "warning", "info"] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}${n > 1 ? "s" : ""}`)
    .join(", ");
  const required = expected.filter((e) => !e.optional);
  const wanted =
    required.length === 0
      ? "consistent"
      : required.map((e) => `${e.rule}@${where(e.sheet, e.address)}`).join(" ");
  console.log(`${ok ? "✓" : "✗"} ${label}  ${wanted}  [${counts || "no findings"}]`);
  if (ok && !options.all) return ok;
  // At most PER_RULE lines per rule and mark (unless --full): one slip often repeats along a row.
  const shownPerRule = new Map<string, number>();
  for (const f of findings) {
    if (!options.all && !serious(f)) continue;
    const match = expected.find((e) => sameCell(f, e));
    const mark = match ? (match.optional ? "~" : "=") : serious(f) ? "+" : " ";
    const key = `${mark}${f.rule}`;
    const count = (shownPerRule.get(key) ?? 0) + 1;
    shownPerRule.set(key, count);
    if (!options.full && count > PER_RULE) continue;
    const message =
      options.full || f.message.length <= 150 ? f.message : `${f.message.slice(0, 147)}...`;
    console.log(`    ${mark} ${f.rule} ${f.severity} ${where(f.sheet, f.address)}  ${message}`);
  }
  for (const [key, count] of shownPerRule)
    if (!options.full && count > PER_RULE)
      console.log(`    ${key[0]} ${key.slice(1)}: ${count - PER_RULE} more (--full shows them)`);
  for (const e of absent)
    console.log(`    - missing ${e.rule} ${e.severity} at ${where(e.sheet, e.address)}`);
  return ok;
}

/** The committed files of expected.json. */
async function checkFiles(filter: string, options: Options): Promise<Tally> {
  const entries = JSON.parse(
    await readFile(join(__dirname, "expected.json"), "utf8")
  ) as ExpectedEntry[];
  const files = new Map<string, ExpectedFinding[]>();
  for (const entry of entries) {
    const expected = files.get(entry.file) ?? [];
    if (!("consistent" in entry)) expected.push(entry);
    files.set(entry.file, expected);
  }
  const chosen = [...files].filter(([file]) => file.includes(filter));
  const name = (file: string) => file.replace(/^examples\/real\/|\.xlsx$/g, "");
  const width = Math.max(...chosen.map(([file]) => name(file).length));
  const tally = new Tally();
  for (const [file, expected] of chosen) {
    let workbook: Workbook;
    try {
      workbook = await readXlsxFile(join(ROOT, file));
    } catch (error) {
      tally.checked++;
      console.log(
        `✗ ${name(file)}: could not be read (${error instanceof Error ? error.message : String(error)})`
      );
      continue;
    }
    check(name(file).padEnd(width), workbook, expected, tally, options);
  }
  return tally;
}

/** Random plans, built in memory; only those that do not match are printed. */
function checkRandom(
  count: number,
  from: number,
  fault: RandomPlanOptions["fault"],
  options: Options
): Tally {
  const tally = new Tally();
  for (let seed = from; seed < from + count; seed++) {
    const plan = randomPlan(seed, { fault });
    check(
      `${plan.name} (randomPlan(${seed}, { fault: "${fault}" }))`,
      plan.workbook,
      plan.expected,
      tally,
      {
        ...options,
        quietWhenOk: !options.all,
      }
    );
  }
  return tally;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const flagged = new Set(["--random", "--from", "--fault"].flatMap((f) => [f, valueOf(f)]));
  const options: Options = { all: args.includes("--all"), full: args.includes("--full") };
  const random = valueOf("--random");
  let tally: Tally;
  if (random !== undefined) {
    const fault = (valueOf("--fault") ?? "none") as RandomPlanOptions["fault"];
    tally = checkRandom(Number(random), Number(valueOf("--from") ?? 1), fault, options);
    tally.print("random plans");
  } else {
    const filter = args.find((a) => !a.startsWith("--") && !flagged.has(a)) ?? "";
    tally = await checkFiles(filter, options);
    tally.print("files");
  }
  process.exitCode = tally.matching === tally.checked ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
