/** `--json`: the stable machine-readable shape `{ files: [{ file, template, findings, summary } | { file, error }] }`. */
import type { FileReport } from "../checkFile";

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify({ files: reports }, null, 2)}\n`;
}
