/**
 * `dsg-validate compare <older.xlsx> <newer.xlsx> [--json]`: what moved between two versions of a plan, in
 * DSG terms. Reading, exit status and output here; the comparison itself is src/validation/compare.
 */
import { basename } from "node:path";
import { readXlsxFile } from "../workbook/xlsxReader";
import { WorkbookReadError, type Workbook } from "../workbook/workbook";
import type { LocatedTemplate } from "../templates/located";
import {
  compareVersions,
  locateVersion,
  reportSections,
  whyNotComparable,
  type Comparison,
} from "../validation/compare/compare";
import { whyNotCheckable } from "./checkFile";
import { escapeControls, plainText } from "./terminalText";

export const COMPARE_USAGE = `Usage: dsg-validate compare <older.xlsx> <newer.xlsx> [--json]

Compares two versions of a DSG deficit management plan (or Safety Valve return) by what their rows mean,
not by cell address: the carried-forward and in-year deficit by year, explained by what moved them, years
added or removed, block funding and expenditure lines, mitigations added, removed or re-profiled, Safety
Valve limits and EHCP numbers by placement.

Options:
  --json    the changes as JSON: { "old", "new", "changes": [ { "section", "row", "year", "sheet",
            "address", "before", "after", "difference" } ], "summary" }
  --help    show this help

Exit status: 0 when the comparison ran (whatever changed), 2 when a file cannot be read or is not a
recognised DfE template, or the arguments are wrong.
`;

const EXIT = { compared: 0, notCompared: 2 } as const;

/** Where the compare command writes. */
export interface CompareContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

type Parsed =
  | {
      readonly kind: "compare";
      readonly older: string;
      readonly newer: string;
      readonly json: boolean;
    }
  | { readonly kind: "help" }
  | { readonly kind: "bad-arguments"; readonly message: string };

/** Reads the arguments after `dsg-validate compare`. */
export function parseCompareArguments(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let json = false;
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && arg === "--") optionsEnded = true;
    else if (!optionsEnded && arg === "--help") return { kind: "help" };
    else if (!optionsEnded && arg === "--json") json = true;
    else if (!optionsEnded && arg.startsWith("--"))
      return {
        kind: "bad-arguments",
        message: `Unknown option ${arg} for compare. See dsg-validate compare --help.`,
      };
    else files.push(arg);
  }
  if (files.length !== 2)
    return {
      kind: "bad-arguments",
      message: `compare needs two workbooks, the older version then the newer, not ${files.length}.`,
    };
  return { kind: "compare", older: files[0], newer: files[1], json };
}

/** The file's located template, or why it cannot be compared. */
async function locatedVersion(file: string): Promise<LocatedTemplate | string> {
  const why = whyNotCheckable(file);
  if (why) return why;
  let workbook: Workbook;
  try {
    workbook = await readXlsxFile(file);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) return "it could not be read (please report it)";
    const prefix = `${basename(file)}: `;
    return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  }
  return locateVersion(workbook);
}

const SIGN_WORDS = {
  "deficit-positive": "deficits shown as positive numbers",
  "deficit-negative": "deficits shown as negative numbers",
} as const;

/** The text report: a heading, the summary, then the changes by section. */
export function comparisonText(
  older: string,
  newer: string,
  template: LocatedTemplate,
  comparison: Comparison
): string {
  const lines = [
    `Changes from ${older} to ${newer}`,
    `${template.profileName} · figures in ${comparison.unit.label} · ${SIGN_WORDS[template.sign]}`,
    "",
    comparison.summary,
  ];
  for (const section of reportSections(comparison)) {
    lines.push("", section.heading, ...section.lines.map((line) => `  ${line}`));
  }
  const count = comparison.changes.length;
  lines.push(
    "",
    `${count === 1 ? "1 figure" : `${count.toLocaleString("en-GB")} figures`} differ in all; --json lists each with its cell.`
  );
  return `${lines.map(plainText).join("\n")}\n`;
}

/** Runs `dsg-validate compare <argv>` and returns its exit status. */
export async function runCompare(
  argv: readonly string[],
  context: CompareContext
): Promise<number> {
  const parsed = parseCompareArguments(argv);
  if (parsed.kind === "help") {
    context.stdout(COMPARE_USAGE);
    return EXIT.compared;
  }
  if (parsed.kind === "bad-arguments") {
    context.stderr(`dsg-validate: ${plainText(parsed.message)}\n`);
    return EXIT.notCompared;
  }
  const [older, newer] = await Promise.all([
    locatedVersion(parsed.older),
    locatedVersion(parsed.newer),
  ]);
  let failed = false;
  for (const [file, version] of [
    [parsed.older, older],
    [parsed.newer, newer],
  ] as const) {
    if (typeof version === "string") {
      context.stderr(`dsg-validate: ${plainText(file)}: ${plainText(version)}\n`);
      failed = true;
    }
  }
  if (typeof older === "string" || typeof newer === "string" || failed) return EXIT.notCompared;
  const different = whyNotComparable(older, newer);
  if (different) {
    context.stderr(`dsg-validate: ${plainText(different)}.\n`);
    return EXIT.notCompared;
  }
  const comparison = compareVersions(older, newer);
  if (parsed.json) {
    const document = {
      old: parsed.older,
      new: parsed.newer,
      changes: comparison.changes,
      summary: comparison.summary,
    };
    context.stdout(`${escapeControls(JSON.stringify(document, null, 2))}\n`);
  } else context.stdout(comparisonText(parsed.older, parsed.newer, newer, comparison));
  return EXIT.compared;
}
