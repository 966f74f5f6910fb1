import { defineRule, type RuleReport } from "../rule";
import type { Sheet, Workbook } from "../../workbook/workbook";
import { cellValue, findSheet } from "../../workbook/workbook";
import { columnLetters } from "../../workbook/address";
import type { LocatedTemplate, YearColumn } from "../../templates/located";
import { parseYearHeading, type YearKind } from "../../templates/yearHeader";
import { financialYearLabel } from "../../core/years";
import { quoted } from "../at";

interface Header {
  readonly sheet: string;
  readonly kind: YearKind;
  readonly years: readonly YearColumn[];
}

/** Every year header the locator used, once each (several sections may share one header row). */
function headers(template: LocatedTemplate): Header[] {
  const f = template.financial;
  const e = template.ehcp;
  const all: Header[] = [
    ...(f ? [{ sheet: f.sheet, kind: "financial" as const, years: f.years }] : []),
    ...(f?.mitigations
      ? [{ sheet: f.mitigations.sheet, kind: "financial" as const, years: f.mitigations.years }]
      : []),
    ...(f?.safetyValve
      ? [{ sheet: f.safetyValve.sheet, kind: "financial" as const, years: f.safetyValve.years }]
      : []),
    ...(e?.placements ?? []).map((p) => ({
      sheet: p.sheet,
      kind: "census" as const,
      years: p.years,
    })),
    ...(e?.laWide
      ? [{ sheet: e.laWide.sheet, kind: "census" as const, years: e.laWide.years }]
      : []),
  ];
  return all.filter(
    (h, i) => h.years.length > 0 && all.findIndex((other) => sameHeader(other, h)) === i
  );
}

/** True when two headers are the same cells with the same years (compared in place: no key text per header). */
function sameHeader(a: Header, b: Header): boolean {
  if (a.sheet !== b.sheet || a.years.length !== b.years.length) return false;
  if (a.years === b.years) return true;
  return (
    a.years[0]?.row === b.years[0]?.row &&
    a.years.every((year, i) => year.col === b.years[i].col && year.start === b.years[i].start)
  );
}

const label = (kind: YearKind, start: number) =>
  kind === "financial" ? financialYearLabel(start) : String(start);
const noun = (kind: YearKind) => (kind === "financial" ? "Financial year" : "Census year");
const example = (kind: YearKind) =>
  kind === "financial" ? "a financial year like 2025-26" : "a census year like 2025";

/** The first year that does not follow the one to its left by exactly one. */
function sequenceProblem(header: Header): { year: YearColumn; message: string } | undefined {
  const { kind, years } = header;
  for (let i = 1; i < years.length; i++) {
    const [before, year] = [years[i - 1], years[i]];
    if (year.start === before.start + 1) continue;
    const where = `in column ${columnLetters(year.col)}`;
    const missing = before.start + 1;
    const next = years[i + 1];
    // The missing year in the next column: two headings swapped ("2026-27 | 2025-26").
    if (year.start === missing + 1 && next?.start === missing)
      return {
        year,
        message:
          `${noun(kind)}s ${year.label} and ${next.label} in columns ${columnLetters(year.col)} and ` +
          `${columnLetters(next.col)} are the wrong way round: years must increase by one from left to right.`,
      };
    // The year before repeated, then the sequence going on as if it were the missing one: a mistyped heading.
    if (year.start === before.start && (next === undefined || next.start === missing + 1))
      return {
        year,
        message:
          `${noun(kind)} ${year.label} ${where} repeats the year before it, where ${label(kind, missing)} belongs: ` +
          "correct the heading.",
      };
    const message =
      year.start <= before.start
        ? `${noun(kind)} ${year.label} ${where} comes after ${before.label}: years must increase by one from left to right.`
        : `${noun(kind)}s jump from ${before.label} to ${year.label} ${where}: ${label(kind, missing)} is missing.`;
    return { year, message };
  }
  return undefined;
}

// A heading that looks meant as a year (four digits from 1900 on, or "FY") but is not one the validator reads.
const YEARISH = /\b(19|20)\d{2}\b|\bfy/i;

// A column beside the years that sums or compares them ("Total 2024-29", "Change 2024-25 to 2028-29",
// "% of total (2028)", "Share 2028", "Growth 2025-2028"): not a year heading written wrongly.
const BESIDE_THE_YEARS =
  /^\W*(total|sum|average|cumulative|change|variance|difference|movement|notes?|comments?|share|growth|increase|proportion|percentage)\b|^\s*%/i;

/** Headings in the header row that sit among (or just beside) the year columns but are not years. */
function labelProblems(sheet: Sheet, header: Header): { col: number; text: string }[] {
  const row = header.years[0].row;
  if (row === undefined) return [];
  const cols = header.years.map((y) => y.col);
  const first = Math.min(...cols);
  const last = Math.max(...cols);
  const problems: { col: number; text: string }[] = [];
  for (let col = first - 1; col <= last + 1; col++) {
    if (cols.includes(col)) continue;
    const value = cellValue(sheet, row, col);
    const text =
      value === null ? "" : String(typeof value === "object" ? value.error : value).trim();
    const inside = col > first && col < last;
    // A second column for a year the header has ("Budget 2024/25" beside "Forecast 2024/25") is read
    // as what it says, not as a mistyped heading.
    const twin = header.years.some((y) => y.start === parseYearHeading(value, header.kind));
    // Among or beside the years, only a heading meant as a year is one written wrongly: a column of
    // another kind between them ("Previous plan", "Variance") is not a year at all.
    if (text !== "" && !twin && YEARISH.test(text) && (inside || !BESIDE_THE_YEARS.test(text)))
      problems.push({ col, text });
  }
  return problems;
}

/** Actual (outturn) years come first; an actual after a forecast is mislabelled or out of order. */
function kindProblem(header: Header): YearColumn | undefined {
  const firstForecast = header.years.findIndex((y) => y.kind === "forecast");
  return firstForecast < 0
    ? undefined
    : header.years.slice(firstForecast).find((y) => y.kind === "actual");
}

function check(workbook: Workbook, header: Header): RuleReport[] {
  const reports: RuleReport[] = [];
  const row = header.years[0].row;
  const at = (col: number) => (row === undefined ? undefined : { sheet: header.sheet, row, col });
  const sheet = findSheet(workbook, header.sheet);
  const labels = sheet ? labelProblems(sheet, header) : [];
  // A mislabelled heading among the years also breaks the sequence: the heading is the one to report.
  const sequence = labels.length === 0 ? sequenceProblem(header) : undefined;
  if (sequence) reports.push({ message: sequence.message, at: at(sequence.year.col) });
  for (const { col, text } of labels) {
    reports.push({
      message: `The heading ${quoted(text)} in column ${columnLetters(col)} is not ${example(header.kind)}: write every year heading the same way.`,
      at: at(col),
    });
  }
  const actual = kindProblem(header);
  if (actual) {
    reports.push({
      message: `${actual.label} is marked as an actual (outturn) year but comes after a forecast year: actual years come first.`,
      at: at(actual.col),
    });
  }
  return reports;
}

/** V07: year columns in order, one year apart, each labelled as a year. */
export const yearSequence = defineRule({
  id: "year-sequence",
  severity: "error",
  title: "Years are consecutive and well labelled",
  description:
    "Checks the year headings of the financial tables (financial years such as 2024-25) and of the EHCP tables (January " +
    "census years such as 2024): each year must be one after the year to its left, with none missing or repeated, every " +
    "heading must read as a year, and actual (outturn) years must come before forecast years. The other checks match " +
    "figures by year, so a broken sequence makes them compare the wrong years.",
  defaults: {},
  check({ workbook, template }) {
    return headers(template).flatMap((header) => check(workbook, header));
  },
});
