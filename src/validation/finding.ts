/** How serious a finding is: errors block a clean submission, warnings need a look, info is advice. */
export type Severity = "error" | "warning" | "info";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/**
 * One thing the validator found. This shape is the public interface of `dsg-validate --json` and of the
 * task pane: rule ids and field names never change once released.
 */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** Sheet name as shown on its tab; empty for workbook-level findings. */
  readonly sheet: string;
  /** A1 address of the cell or range ("F24", "C24:H24"); empty for workbook-level findings. */
  readonly address: string;
  readonly message: string;
  readonly expected?: number;
  readonly actual?: number;
}

export interface FindingSummary {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return { error: count("error"), warning: count("warning"), info: count("info") };
}
