/**
 * "Write report sheet": one sheet, replaced as a whole each time, so the user's own sheets are never touched
 * and an old report never mixes with a new one.
 */
import { summarise, type Finding } from "../../validation/finding";
import {
  SEVERITY_LABEL,
  checksLine,
  notRunLines,
  summaryLine,
  type ChecksRan,
} from "../../validation/report/findingsText";
import { REPORT_SHEET_NAME } from "../services";
import { quoteSheetName } from "../../workbook/address";
import { runInExcel } from "../../workbook/office/officeErrors";
import { serialOfTime } from "../../workbook/excelDate";
import { seriesShown, type PlanPosition } from "../../validation/report/position";

const HEADINGS = ["Severity", "Rule", "Sheet", "Cell", "Message"];
const DATE_FORMAT = "d mmmm yyyy hh:mm";

export interface ReportSheetWritten {
  readonly sheet: string;
  /** The address of everything written ("A1:E12"), for a confirmation message. */
  readonly address: string;
  readonly findings: number;
  /** Where the position table the chart draws is ("G1:K9"), when the plan has a position. */
  readonly position?: string;
}

/** The position table sits two columns right of the findings (column G), the chart under it. */
const POSITION_COLUMN = 6;
const CHART_ROWS = 16;
const CHART_COLUMNS = 7;

/**
 * The figures the report's chart draws, one row a year under a heading row, with the series the pane's
 * chart has. Missing figures are blank.
 */
export function positionRows(position: PlanPosition): (string | number)[][] {
  const shown = seriesShown(position);
  return [
    ["Year", ...shown.map((series) => `${series.label} (${position.unit.label})`)],
    ...position.years.map((year) => [
      year.label,
      ...shown.map((series) => series.value(year) ?? ""),
    ]),
  ];
}

/** Excel stores local wall-clock time as days since 1900, so the sheet shows the time the user saw. */
export function excelDateSerial(date: Date): number {
  return serialOfTime(date.getTime() - date.getTimezoneOffset() * 60_000);
}

/**
 * Excel treats text written through `values` as if typed: a leading `=`, `+`, `-` or `@` would turn a
 * message into a formula, so such text gets the apostrophe that keeps it as text.
 */
export function asText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/**
 * The rows of the report: title, time checked, template, summary (with how many checks ran and which did
 * not, when `checks` is given), then a table of findings.
 */
export function reportRows(
  findings: readonly Finding[],
  checkedAt: Date,
  templateName: string | null,
  checks?: ChecksRan
): (string | number)[][] {
  const line = (...cells: (string | number)[]) => [
    ...cells,
    ...Array<string>(HEADINGS.length - cells.length).fill(""),
  ];
  const table = findings.map((f) => [
    SEVERITY_LABEL[f.severity].title,
    f.rule,
    asText(f.sheet || "Workbook"),
    f.address,
    asText(f.message),
  ]);
  return [
    line("DSG check report"),
    line("Checked", excelDateSerial(checkedAt)),
    line("Template", asText(templateName ?? "Not recognised")),
    line(
      "Summary",
      summaryLine(summarise(findings)),
      ...(checks
        ? [
            asText(checksLine(checks, templateName !== null)),
            asText(notRunLines(checks).join("; ")),
          ]
        : [])
    ),
    line(),
    HEADINGS,
    ...(table.length > 0 ? table : [line("No problems found.")]),
  ];
}

const HEADING_ROW = 5;
const CELL_COLUMN = HEADINGS.indexOf("Cell");

/**
 * Adds the sheet `DSG check report`, or replaces it if a previous report exists, with the findings and the time
 * of the check. Two round trips: one to see whether a report exists, one to write. Writes nothing else.
 * Throws `OfficeActionError` with a sentence for the user (for example when the workbook is protected).
 */
export async function writeReportSheet(
  findings: readonly Finding[],
  checkedAt: Date,
  templateName: string | null = null,
  checks?: ChecksRan,
  position: PlanPosition | null = null
): Promise<ReportSheetWritten> {
  const rows = reportRows(findings, checkedAt, templateName, checks);
  const figures = position && position.years.length > 0 ? positionRows(position) : null;
  return runInExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    const previous = worksheets.getItemOrNullObject(REPORT_SHEET_NAME);
    await context.sync();

    // A fresh sheet rather than clearing the old one: no leftover widths, filters or stray cells.
    if (!previous.isNullObject) previous.delete();
    const sheet = worksheets.add(REPORT_SHEET_NAME);
    const all = sheet.getRangeByIndexes(0, 0, rows.length, HEADINGS.length);
    all.values = rows;
    sheet.getRange("B2").numberFormat = [[DATE_FORMAT]];
    sheet.getRange("A1").format.font.bold = true;
    sheet.getRangeByIndexes(HEADING_ROW, 0, 1, HEADINGS.length).format.font.bold = true;
    // The Cell column links to the cell, so the report works like the pane's list (Range.hyperlink, ExcelApi 1.7).
    findings.forEach((finding, i) => {
      if (finding.sheet === "" || finding.address === "") return;
      sheet.getRangeByIndexes(HEADING_ROW + 1 + i, CELL_COLUMN, 1, 1).hyperlink = {
        documentReference: `${quoteSheetName(finding.sheet)}!${finding.address}`,
        textToDisplay: finding.address,
        screenTip: `Go to ${finding.address} on ${finding.sheet}`,
      };
    });
    all.format.autofitColumns();
    all.load("address");
    const table = figures && writePosition(sheet, figures, position!);
    await context.sync();
    return {
      sheet: REPORT_SHEET_NAME,
      address: all.address.replace(/^.*!/, ""),
      findings: findings.length,
      ...(table && { position: table.address.replace(/^.*!/, "") }),
    };
  });
}

/**
 * Writes the position table beside the findings and a native line chart of it under the table (ExcelApi 1.1
 * charts), so the report sheet carries the pane's chart into briefings. Queued in the caller's batch: the
 * write stays two round trips.
 */
function writePosition(
  sheet: Excel.Worksheet,
  figures: (string | number)[][],
  position: PlanPosition
): Excel.Range {
  const width = figures[0].length;
  const table = sheet.getRangeByIndexes(0, POSITION_COLUMN, figures.length, width);
  table.values = figures;
  const decimals = position.decimals > 0 ? `.${"0".repeat(position.decimals)}` : "";
  sheet.getRangeByIndexes(1, POSITION_COLUMN + 1, figures.length - 1, width - 1).numberFormat =
    figures.slice(1).map(() => Array<string>(width - 1).fill(`#,##0${decimals}`));
  sheet.getRangeByIndexes(0, POSITION_COLUMN, 1, width).format.font.bold = true;
  table.format.autofitColumns();
  const chart = sheet.charts.add("Line", table, "Columns");
  chart.name = "DSG position";
  chart.title.text = `DSG deficit by year (${position.unit.label})`;
  chart.legend.position = "Bottom";
  const top = figures.length + 1;
  chart.setPosition(
    sheet.getRangeByIndexes(top, POSITION_COLUMN, 1, 1),
    sheet.getRangeByIndexes(top + CHART_ROWS - 1, POSITION_COLUMN + CHART_COLUMNS - 1, 1, 1)
  );
  table.load("address");
  return table;
}
