/**
 * `--json`: the stable machine-readable shape
 * `{ files: [{ file, template, findings, summary, checks: { ran, of, notRun: [{ rule, title, needs }] } } | { file, error }] }`.
 */
import type { FileReport } from "../checkFile";
import { escapeControls } from "../terminalText";

export function formatJson(reports: readonly FileReport[]): string {
  return `${escapeControls(JSON.stringify({ files: reports }, null, 2))}\n`;
}
