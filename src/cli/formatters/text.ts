/**
 * The default human-readable report: per file its name, the template recognised, the summary line, how
 * many checks ran (each one that did not, with what it needed), and one line per finding, where it points
 * first (`'Financial summary'!F24`) so it can be found in Excel.
 */
import type { CheckedFile, FileReport } from "../checkFile";
import { isUnreadable } from "../checkFile";
import {
  SEVERITY_LABEL,
  checksLine,
  findingPlace,
  notRunLines,
  summaryLine,
} from "../../validation/report/findingsText";
import { plainText } from "../terminalText";

const SIGN_WORDS: Readonly<Record<string, string>> = {
  "deficit-positive": "deficits shown as positive numbers",
  "deficit-negative": "deficits shown as negative numbers",
};

function templateLine(template: CheckedFile["template"]): string {
  if (!template) return "Template: not recognised";
  const sign = SIGN_WORDS[template.sign] ?? template.sign;
  return `Template: ${template.name} (${template.id}) · figures in ${template.unit.label} · ${sign}`;
}

function checkedFileLines(report: CheckedFile): string[] {
  const places = report.findings.map((f) => plainText(findingPlace(f)));
  const placeWidth = places.reduce((width, p) => Math.max(width, p.length), 0);
  const findingLines = report.findings.map(
    (f, i) =>
      `  ${places[i].padEnd(placeWidth)}  ${SEVERITY_LABEL[f.severity].title.padEnd(7)}  ${f.message} [${f.rule}]`
  );
  const notRun = notRunLines(report.checks);
  return [
    report.file,
    `  ${templateLine(report.template)}`,
    `  ${summaryLine(report.summary)}`,
    `  ${checksLine(report.checks, report.template !== null)}${notRun.length > 0 ? ":" : ""}`,
    ...notRun.map((line) => `    ${line}`),
    ...findingLines,
  ];
}

/** Unreadable files are named on stderr by the command; here they get a line so the report stays complete. */
export function formatText(reports: readonly FileReport[]): string {
  const blocks = reports.map((report) =>
    isUnreadable(report)
      ? [report.file, `  Not checked: ${report.error}`]
      : checkedFileLines(report)
  );
  // Sheet names, cell text and file names come from outside: no control character reaches the terminal.
  return blocks.map((lines) => lines.map(plainText).join("\n")).join("\n\n") + "\n";
}
