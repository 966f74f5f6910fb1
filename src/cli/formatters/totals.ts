/**
 * Totals over a batch of files: how many were checked, how many have errors, warnings only or neither, how
 * many could not be read, and the findings by severity. The text report ends with them; JSON carries them.
 */
import { isUnreadable, type CheckedFile, type FileReport } from "../checkFile";
import { SEVERITIES, type FindingSummary } from "../../validation/finding";
import { countLabel } from "../../validation/report/findingsText";

export interface BatchSummary {
  /** Every file given or found in a folder given, read or not. */
  readonly files: number;
  readonly checked: number;
  readonly withErrors: number;
  readonly withWarningsOnly: number;
  /** Checked with no error and no warning (notes allowed). */
  readonly clean: number;
  readonly unreadable: number;
  readonly findings: FindingSummary;
}

/** The totals of a batch. */
export function batchSummary(reports: readonly FileReport[]): BatchSummary {
  const checked = reports.filter((r): r is CheckedFile => !isUnreadable(r));
  const withErrors = checked.filter((r) => r.summary.error > 0).length;
  const withWarningsOnly = checked.filter(
    (r) => r.summary.error === 0 && r.summary.warning > 0
  ).length;
  const total = (severity: keyof FindingSummary) =>
    checked.reduce((sum, r) => sum + r.summary[severity], 0);
  return {
    files: reports.length,
    checked: checked.length,
    withErrors,
    withWarningsOnly,
    clean: checked.length - withErrors - withWarningsOnly,
    unreadable: reports.length - checked.length,
    findings: { error: total("error"), warning: total("warning"), info: total("info") },
  };
}

/** `1 file`, `2 files`. */
export function filesLabel(count: number): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? "file" : "files"}`;
}

/**
 * `Checked 150 files: 3 with errors, 10 with warnings only, 135 clean, 2 could not be read. Findings: 5 errors,
 * 12 warnings, 301 notes.` Every part is always there, so a script can read the line the same way each time.
 */
export function totalsLine(summary: BatchSummary): string {
  const findings = SEVERITIES.map((s) => countLabel(s, summary.findings[s])).join(", ");
  return (
    `Checked ${filesLabel(summary.files)}: ${summary.withErrors} with errors, ` +
    `${summary.withWarningsOnly} with warnings only, ${summary.clean} clean, ` +
    `${summary.unreadable} could not be read. Findings: ${findings}.`
  );
}
