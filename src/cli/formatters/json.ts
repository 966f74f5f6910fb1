/**
 * `--format json` (`--json`): the stable machine-readable shape
 * `{ files: [{ file, template, findings, summary, checks: { ran, of, notRun: [{ rule, title, needs }] } } | { file, error }],
 *    summary: { files, checked, withErrors, withWarningsOnly, clean, unreadable, findings: { error, warning, info } } }`.
 */
import type { FileReport } from "../checkFile";
import { escapeControls } from "../terminalText";
import { batchSummary } from "./totals";

export function formatJson(reports: readonly FileReport[]): string {
  const document = { files: reports, summary: batchSummary(reports) };
  return `${escapeControls(JSON.stringify(document, null, 2))}\n`;
}
