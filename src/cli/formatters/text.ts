/**
 * The default human-readable report: per file its name, the template recognised, the summary line, how
 * many checks ran (each one that did not, with what it needed), and one line per finding, where it points
 * first (`'Financial summary'!F24`) so it can be found in Excel. Notes that read word for word the same in
 * several files (the same checks not run, the same advice) are printed once at the end, with the files they
 * are in, so a batch of 150 files does not repeat them 150 times. The last line gives the batch's totals.
 */
import type { CheckedFile, FileReport } from "../checkFile";
import { isUnreadable } from "../checkFile";
import type { Finding } from "../../validation/finding";
import { CHECKS_NOT_RUN } from "../../validation/validate";
import {
  SEVERITY_LABEL,
  checksLine,
  countLabel,
  findingPlace,
  notRunLines,
  summaryLine,
} from "../../validation/report/findingsText";
import { plainText } from "../terminalText";
import { paintFor, type Paint } from "../colour";
import type { FormatContext } from "./index";
import { batchSummary, filesLabel, totalsLine } from "./totals";

const SIGN_WORDS: Readonly<Record<string, string>> = {
  "deficit-positive": "deficits shown as positive numbers",
  "deficit-negative": "deficits shown as negative numbers",
};

function templateLine(template: CheckedFile["template"]): string {
  if (!template) return "Template: not recognised";
  const sign = SIGN_WORDS[template.sign] ?? template.sign;
  return `Template: ${template.name} (${template.id}) · figures in ${template.unit.label} · ${sign}`;
}

/** `'Financial summary'!J54  Error    Cumulative deficit … [roll-forward]`, places padded to `width`. */
function findingLine(finding: Finding, width: number, paint: Paint): string {
  const label = SEVERITY_LABEL[finding.severity].title.padEnd(7);
  const painted = { error: paint.error, warning: paint.warning, info: paint.note }[
    finding.severity
  ];
  const place = plainText(findingPlace(finding)).padEnd(width);
  return `${place}  ${painted(label)}  ${plainText(finding.message)} [${plainText(finding.rule)}]`;
}

function findingLines(findings: readonly Finding[], indent: string, paint: Paint): string[] {
  const width = findings.reduce((w, f) => Math.max(w, plainText(findingPlace(f)).length), 0);
  return findings.map((f) => indent + findingLine(f, width, paint));
}

/** The checks-ran line and, below it, each check that did not run with what it needed. */
function checksBlock(report: CheckedFile): string[] {
  const notRun = notRunLines(report.checks);
  const line = checksLine(report.checks, report.template !== null);
  return notRun.length > 0 ? [`${line}:`, ...notRun.map((l) => `  ${plainText(l)}`)] : [line];
}

// The list of checks that did not run is the checks-not-run note in other words: the text shows the list.
const shownAsChecksBlock = (f: Finding) => f.rule === CHECKS_NOT_RUN;

/** What may be shared between files: the list of checks not run, and each note, keyed by their exact words. */
const checksKey = (report: CheckedFile) => `checks\u0000${checksBlock(report).join("\n")}`;
const noteKey = (f: Finding) =>
  `note\u0000${f.rule}\u0000${f.sheet}\u0000${f.address}\u0000${f.message}`;

function shareableNotes(report: CheckedFile): Finding[] {
  return report.findings.filter((f) => f.severity === "info" && !shownAsChecksBlock(f));
}

/** The keys found in two or more files, each with those files in report order. */
function sharedKeys(checked: readonly CheckedFile[]): Map<string, string[]> {
  const filesByKey = new Map<string, string[]>();
  const add = (key: string, file: string) => {
    const files = filesByKey.get(key) ?? [];
    if (files[files.length - 1] !== file) files.push(file);
    filesByKey.set(key, files);
  };
  for (const report of checked) {
    if (report.checks.notRun.length > 0) add(checksKey(report), report.file);
    for (const note of shareableNotes(report)) add(noteKey(note), report.file);
  }
  return new Map([...filesByKey].filter(([, files]) => files.length > 1));
}

function checkedFileLines(
  report: CheckedFile,
  shared: Map<string, string[]>,
  paint: Paint
): string[] {
  const checksShared = shared.has(checksKey(report));
  const notesShared = shareableNotes(report).filter((f) => shared.has(noteKey(f)));
  const moved = [
    ...(checksShared ? [`the ${report.checks.notRun.length} not run`] : []),
    ...(notesShared.length > 0 ? [countLabel("info", notesShared.length)] : []),
  ];
  const movedNote =
    moved.length > 0 ? ` (${moved.join(" and ")} at the end: the same in other files)` : "";
  // With the list of checks not run at the end, how many ran fits on the summary line.
  const counts = checksShared
    ? [
        `${summaryLine(report.summary)} · ${report.checks.ran} of ${report.checks.of} checks ran${movedNote}`,
      ]
    : [`${summaryLine(report.summary)}${movedNote}`, ...checksBlock(report)];
  const findings = report.findings.filter(
    (f) => !shownAsChecksBlock(f) && !notesShared.includes(f)
  );
  return [
    paint.file(plainText(report.file)),
    `  ${plainText(templateLine(report.template))}`,
    ...counts.map((line) => `  ${line}`),
    ...findingLines(findings, "  ", paint),
  ];
}

/**
 * `In all 148 files checked`, or the files named: those it is in when they are at most half of the files
 * checked, otherwise those it is not in.
 */
function whichFiles(files: readonly string[], checked: readonly CheckedFile[]): string {
  if (files.length === checked.length)
    return files.length === 2
      ? "In both files checked"
      : `In all ${filesLabel(files.length)} checked`;
  const names = (list: readonly string[]) => list.map(plainText).join(", ");
  if (files.length * 2 <= checked.length) return `In ${filesLabel(files.length)}: ${names(files)}`;
  const others = checked.map((r) => r.file).filter((file) => !files.includes(file));
  return `In ${files.length} of ${filesLabel(checked.length)}, all but ${names(others)}`;
}

/** The shared notes, grouped by the set of files they are in, each group under the line naming the files. */
function sharedLines(
  checked: readonly CheckedFile[],
  shared: Map<string, string[]>,
  paint: Paint
): string[] {
  if (shared.size === 0) return [];
  const groups = new Map<string, { files: string[]; checks: string[]; notes: Finding[] }>();
  const group = (files: string[]) => {
    const id = files.join("\u0000");
    const found = groups.get(id) ?? { files, checks: [], notes: [] };
    groups.set(id, found);
    return found;
  };
  const seen = new Set<string>();
  for (const report of checked) {
    const checks = checksKey(report);
    if (shared.has(checks) && !seen.has(checks)) {
      seen.add(checks);
      group(shared.get(checks)!).checks.push(...checksBlock(report));
    }
    for (const note of shareableNotes(report)) {
      const key = noteKey(note);
      if (!shared.has(key) || seen.has(key)) continue;
      seen.add(key);
      group(shared.get(key)!).notes.push(note);
    }
  }
  return [
    "The same in several files:",
    ...[...groups.values()].flatMap(({ files, checks, notes }) => [
      `  ${whichFiles(files, checked)}:`,
      ...checks.map((line) => `    ${line}`),
      ...findingLines(notes, "    ", paint),
    ]),
  ];
}

/** `--summary`: `file: 1 error · 3 notes · 23 of 25 checks ran`. */
function oneLine(report: CheckedFile, paint: Paint): string {
  const checks =
    report.template === null
      ? "not recognised"
      : `${report.checks.ran} of ${report.checks.of} checks ran`;
  return `${paint.file(plainText(report.file))}: ${summaryLine(report.summary)} · ${checks}`;
}

/** `--errors-only`: the file's name and its errors. */
function errorLines(report: CheckedFile, paint: Paint): string[] {
  const errors = report.findings.filter((f) => f.severity === "error");
  return [paint.file(plainText(report.file)), ...findingLines(errors, "  ", paint)];
}

/**
 * The text report. Files that could not be read are named on stderr by the command, once, and counted in
 * the totals here. Every piece that comes from outside (file and sheet names, cell text in messages) passes
 * through plainText, so no control character from a workbook reaches the terminal; colour codes are ours.
 */
export function formatText(reports: readonly FileReport[], context: FormatContext): string {
  const paint = paintFor(context.colour);
  const checked = reports.filter((r): r is CheckedFile => !isUnreadable(r));
  const shown = context.errorsOnly ? checked.filter((r) => r.summary.error > 0) : checked;
  const totals = paint.totals(totalsLine(batchSummary(reports)));
  if (context.oneLinePerFile)
    return (
      [...shown.map((r) => oneLine(r, paint)), ...(shown.length > 0 ? [""] : []), totals].join(
        "\n"
      ) + "\n"
    );

  const shared = context.errorsOnly ? new Map<string, string[]>() : sharedKeys(checked);
  const blocks = shown.map((report) =>
    context.errorsOnly ? errorLines(report, paint) : checkedFileLines(report, shared, paint)
  );
  const common = sharedLines(checked, shared, paint);
  if (common.length > 0) blocks.push(common);
  blocks.push([totals]);
  return blocks.map((lines) => lines.join("\n")).join("\n\n") + "\n";
}
