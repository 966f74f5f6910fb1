/**
 * Words for findings: the summary line, severity names, grouping for display and the plain-text copy.
 * Pure functions so the pane, its tests and anything else that shows findings agree on the wording.
 */
import { quoteSheetName } from "../../workbook/address";
import {
  SEVERITIES,
  summarise,
  type Finding,
  type FindingSummary,
  type Severity,
} from "../finding";

/** What the pane calls each severity: "info" findings are notes to the user. */
export const SEVERITY_LABEL: Readonly<
  Record<Severity, { one: string; many: string; title: string }>
> = {
  error: { one: "error", many: "errors", title: "Error" },
  warning: { one: "warning", many: "warnings", title: "Warning" },
  info: { one: "note", many: "notes", title: "Note" },
};

/** `1 error`, `2 warnings`. */
export function countLabel(severity: Severity, count: number): string {
  const label = SEVERITY_LABEL[severity];
  return `${count} ${count === 1 ? label.one : label.many}`;
}

/**
 * `3 errors · 2 warnings · 1 note`: errors are always counted (so a clean workbook reads "0 errors"),
 * warnings and notes only when there are some.
 */
export function summaryLine(summary: FindingSummary): string {
  return SEVERITIES.filter((s) => s === "error" || summary[s] > 0)
    .map((s) => countLabel(s, summary[s]))
    .join(" · ");
}

/** How many checks ran, and the ones that did not with what they needed (the validator's `checks`). */
export interface ChecksRan {
  readonly ran: number;
  readonly of: number;
  readonly notRun: readonly {
    readonly rule: string;
    readonly title: string;
    readonly needs: readonly string[];
  }[];
}

/**
 * `24 of 27 checks ran; 3 need rows that were not found`, or `27 of 27 checks ran`. `recognised` false:
 * no check ran because the workbook is not a template the checker knows.
 */
export function checksLine(checks: ChecksRan, recognised = true): string {
  if (!recognised) return "No checks ran: the workbook was not recognised as a DfE template";
  if (checks.of === 0) return "No checks ran";
  const ran = `${checks.ran} of ${checks.of} checks ran`;
  const missing = checks.notRun.length;
  if (missing === 0) return ran;
  const rowsOnly = checks.notRun.every((check) =>
    check.needs.every((need) => /^rows? /.test(need))
  );
  const what = rowsOnly ? "row" : "row or section";
  return missing === 1
    ? `${ran}; 1 needs a ${what} that was not found`
    : `${ran}; ${missing} need ${rowsOnly ? "rows" : "rows or sections"} that were not found`;
}

/** One line per check that did not run: `roll-forward (Cumulative deficit rolls forward) needs row '…'`. */
export function notRunLines(checks: ChecksRan): string[] {
  return checks.notRun.map(
    (check) => `${check.rule} (${check.title}) needs ${check.needs.join(" and ")}`
  );
}

/** Where a finding points, as Excel writes a reference (`'Financial summary'!F24`); "Workbook" when nowhere. */
export function findingPlace(finding: Finding): string {
  if (!finding.sheet) return "Workbook";
  return finding.address
    ? `${quoteSheetName(finding.sheet)}!${finding.address}`
    : quoteSheetName(finding.sheet);
}

export interface SheetGroup {
  /** Sheet name, or "" for workbook-level findings. */
  readonly sheet: string;
  readonly findings: readonly Finding[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly sheets: readonly SheetGroup[];
}

/** Findings grouped by severity (errors first), then by sheet in the order the findings name them. */
export function groupFindings(findings: readonly Finding[]): SeverityGroup[] {
  return SEVERITIES.map((severity) => {
    const sheets = new Map<string, Finding[]>();
    for (const finding of findings.filter((f) => f.severity === severity)) {
      const list = sheets.get(finding.sheet) ?? [];
      list.push(finding);
      sheets.set(finding.sheet, list);
    }
    return { severity, sheets: [...sheets].map(([sheet, list]) => ({ sheet, findings: list })) };
  }).filter((group) => group.sheets.length > 0);
}

/**
 * The findings as plain text for the clipboard: a heading, the summary line, how many checks ran (and
 * which did not, when `checks` is given), then one line per finding.
 */
export function findingsAsText(
  findings: readonly Finding[],
  templateName: string | null,
  checks?: ChecksRan
): string {
  const heading = `DSG check: ${templateName ?? "template not recognised"}`;
  const ran = checks
    ? [checksLine(checks, templateName !== null), ...notRunLines(checks).map((l) => `  ${l}`)]
    : [];
  const lines = findings.map(
    (f) => `${SEVERITY_LABEL[f.severity].title}\t${findingPlace(f)}\t${f.message} [${f.rule}]`
  );
  return [heading, summaryLine(summarise(findings)), ...ran, "", ...lines].join("\n") + "\n";
}
