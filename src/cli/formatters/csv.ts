/**
 * `--format csv`: one row a finding, `file,sheet,cell,severity,rule,message`, for a spreadsheet or a
 * database import. RFC 4180: CRLF line ends, a field with a comma, quote or line break in double quotes
 * with its quotes doubled. The file is meant to be opened in Excel, so a field that Excel would take for a
 * formula (beginning = + - @, or a tab or carriage return) gets a leading ' and is shown as text: a sheet
 * named `=HYPERLINK(…)` in a council's workbook must not become a live formula in the reader's (OWASP's
 * CSV injection). A file that could not be read is one row with rule file-not-read. The text starts with a
 * UTF-8 byte order mark: without it Excel reads the file in the machine's code page and shows £ as Â£.
 */
import { isUnreadable, type FileReport } from "../checkFile";
import { withoutControls } from "../terminalText";
import { FILE_NOT_READ } from "./ruleCatalogue";

const HEADER = ["file", "sheet", "cell", "severity", "rule", "message"];

/** One field, safe to open in a spreadsheet and quoted as RFC 4180 asks. */
export function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const clean = withoutControls(text);
  return /[",\r\n]/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

export function formatCsv(reports: readonly FileReport[]): string {
  const rows = reports.flatMap((report) =>
    isUnreadable(report)
      ? [[report.file, "", "", "error", FILE_NOT_READ, report.error]]
      : report.findings.map((f) => [report.file, f.sheet, f.address, f.severity, f.rule, f.message])
  );
  return "\ufeff" + [HEADER, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
