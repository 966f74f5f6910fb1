/**
 * Evidence before errors. A wrong figure shows in one or two cells; a misread layout (a row taken for
 * the wrong thing, a table read under the wrong years) fails in nearly every year. When a check that the
 * template's own arithmetic ties together fails in most years of one row, the findings are replaced by
 * one warning that says which rows were read as what and that the layout could not be confirmed, rather
 * than an error per year that a finance lead would rightly distrust.
 */
import type { LocatedRow, LocatedTemplate } from "../templates/located";
import { END_OF_YEAR_ROW, type EndOfYearRowKey } from "../templates/financial/endOfYearLabels";
import { BLOCK_NAMES } from "../templates/financial/blocksModel";
import type { Location, RuleReport } from "./rule";

export const LAYOUT_NOT_CONFIRMED = "layout-not-confirmed";

// A row failing in at least this share of its years, and in at least this many, reads as misread.
const MOST_YEARS = 0.6;
const AT_LEAST = 3;

/** A located row with what it was read as, for messages. */
interface ReadAs {
  readonly row: LocatedRow;
  readonly as: string;
}

/** The rows the located template read on the table that holds sheet row `row`. */
function tableAround(template: LocatedTemplate, sheet: string, row: number): ReadAs[] {
  const financial = template.financial;
  const positions = financial?.endOfYear;
  if (positions && positions.sheet === sheet) {
    const rows = [
      ...(Object.keys(END_OF_YEAR_ROW) as EndOfYearRowKey[]).flatMap((key) => {
        const found = positions[key];
        return found ? [{ row: found, as: END_OF_YEAR_ROW[key].name.toLowerCase() }] : [];
      }),
      ...(positions.otherMovements ?? []).map(({ row, reduces }) => ({
        row,
        as: reduces ? "a further payment" : "a further movement",
      })),
    ];
    if (rows.some((r) => r.row.row === row)) return rows;
  }
  for (const block of financial?.blocks ?? []) {
    const name = BLOCK_NAMES[block.block];
    const rows: ReadAs[] = [
      ...(block.allocation ? [{ row: block.allocation, as: "DSG funding" }] : []),
      ...block.deductions.map((deduction) => ({ row: deduction, as: "a deduction" })),
      ...(block.totalFunding ? [{ row: block.totalFunding, as: "funding available" }] : []),
      ...(block.movements ? [{ row: block.movements, as: "block movements" }] : []),
      ...(block.expenditure ? [{ row: block.expenditure, as: "total expenditure" }] : []),
      ...(block.inYear ? [{ row: block.inYear, as: "in-year result" }] : []),
    ].map((r) => ({ ...r, as: `${name} ${r.as}` }));
    if (block.sheet === sheet && rows.some((r) => r.row.row === row)) return rows;
  }
  for (const placement of template.ehcp?.placements ?? []) {
    const rows: ReadAs[] = [
      ...(placement.byAge?.total ? [{ row: placement.byAge.total, as: "total by age group" }] : []),
      ...(placement.byNeed?.total
        ? [{ row: placement.byNeed.total, as: "total by primary need" }]
        : []),
    ].map((r) => ({ ...r, as: `${placement.name} ${r.as}` }));
    if (placement.sheet === sheet && rows.some((r) => r.row.row === row)) return rows;
  }
  return [];
}

/** The most years any located row of the sheet spans: how many findings a row could have. */
function yearsOn(template: LocatedTemplate, sheet: string): number {
  let years = 0;
  if (template.financial?.sheet === sheet) years = template.financial.years.length;
  for (const block of template.financial?.blocks ?? [])
    if (block.sheet === sheet) years = Math.max(years, block.years.length);
  for (const placement of template.ehcp?.placements ?? [])
    if (placement.sheet === sheet) years = Math.max(years, placement.years.length);
  return years;
}

function quoted(label: string): string {
  const short = label.length > 60 ? `${label.slice(0, 57)}…` : label;
  return `'${short}'`;
}

/** One warning in place of a row's findings: the row, how often it failed, and how its table was read. */
function notConfirmed(
  title: string,
  template: LocatedTemplate,
  at: Location,
  reports: readonly RuleReport[],
  years: number
): RuleReport {
  const table = tableAround(template, at.sheet, at.row);
  const reading =
    table.length > 0
      ? ` The table was read as: ${table.map((r) => `row ${r.row.row + 1} ${quoted(r.row.label)} as ${r.as}`).join("; ")}.`
      : "";
  const cols = reports.map((report) => report.at?.col ?? at.col);
  return {
    message:
      `The check "${title}" fails in ${reports.length} of ${years} years on row ${at.row + 1} of '${at.sheet}', ` +
      `which points to a row read as the wrong thing rather than ${reports.length} wrong figures, so the layout of ` +
      `this table could not be confirmed and the check's results for the row are not shown.${reading} ` +
      `First difference: ${reports[0].message} Check that each row is labelled as in the DfE template, or point the ` +
      "check at the right row.",
    at: { sheet: at.sheet, row: at.row, col: Math.min(...cols), right: Math.max(...cols) },
  };
}

/**
 * The reports of one layout-confirming check, with each row that fails in most of its years replaced by
 * one layout-not-confirmed report (returned apart, since the runner files it under its own id).
 */
export function confirmLayout(
  title: string,
  template: LocatedTemplate,
  reports: readonly RuleReport[]
): { kept: RuleReport[]; unconfirmed: RuleReport[] } {
  const byRow = new Map<string, RuleReport[]>();
  for (const report of reports) {
    if (!report.at) continue;
    const key = `${report.at.sheet}\u0000${report.at.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), report]);
  }
  const kept: RuleReport[] = [];
  const unconfirmed: RuleReport[] = [];
  const dropped = new Set<RuleReport>();
  for (const group of byRow.values()) {
    const at = group[0].at!;
    const years = Math.max(yearsOn(template, at.sheet), group.length);
    if (group.length >= AT_LEAST && group.length >= MOST_YEARS * years) {
      unconfirmed.push(notConfirmed(title, template, at, group, years));
      for (const report of group) dropped.add(report);
    }
  }
  for (const report of reports) if (!dropped.has(report)) kept.push(report);
  return { kept, unconfirmed };
}
