/**
 * The located rows whose formulas the formula checks read: the end of year positions, every row of each
 * funding block, the mitigation totals and the EHCP totals, each with the words messages name it by,
 * whether it is a total, and the lines a total adds up when the locator knows them. A row the locator did
 * not find is simply not in the list: the checks that need it do not run.
 */
import type { LocatedRow, LocatedTemplate, YearColumn } from "../../templates/located";

/**
 * A row's label for messages without the explanation councils add in brackets after a space
 * ("Cumulative deficit carried forward (deficit at end of year)"), keeping brackets that are part of the
 * words ("In-year surplus/(deficit)").
 */
export function rowTitle(row: LocatedRow): string {
  return row.label.replace(/\s+\(.*$/s, "").trim() || row.label;
}

export interface FormulaRow {
  readonly row: LocatedRow;
  readonly years: readonly YearColumn[];
  /** How messages name the row: "Cumulative deficit carried forward", "Total expenditure of the high needs block". */
  readonly name: string;
  /** A total, in-year result or balance: calculated from other rows in every year. */
  readonly total: boolean;
  /** The first year is the opening balance, typed or linked from elsewhere, unlike the later years. */
  readonly opening?: boolean;
  /** The lines a total adds up, as the locator found them, when it knows them. */
  readonly lines?: readonly LocatedRow[];
}

/** "High needs block" → "high needs block", for the middle of a sentence; other headings as written. */
function sectionName(heading: string): string {
  const name = heading.replace(/\s+\(.*$/s, "").trim() || heading;
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

const present = (rows: readonly (LocatedRow | undefined)[]): LocatedRow[] =>
  rows.filter((row): row is LocatedRow => row !== undefined);

function financialRows(template: LocatedTemplate, into: FormulaRow[]): void {
  const f = template.financial;
  if (!f) return;
  const add = (
    years: readonly YearColumn[],
    row: LocatedRow | undefined,
    total: boolean,
    extra: Partial<FormulaRow> = {}
  ) => row && into.push({ row, years, name: rowTitle(row), total, ...extra });
  const e = f.endOfYear;
  if (e) {
    add(f.years, e.broughtForward, false, { opening: true });
    add(f.years, e.inYear, true);
    for (const row of [e.dfePayments, e.laContribution, e.adjustments]) add(f.years, row, false);
    const lines = present([
      e.broughtForward,
      e.inYear,
      e.dfePayments,
      e.laContribution,
      e.adjustments,
    ]);
    // Without a brought-forward row, the first carried forward starts from the opening balance, often typed
    // into its formula ("=14+B7+B8").
    add(f.years, e.carriedForward, true, { lines, ...(e.broughtForward ? {} : { opening: true }) });
  }
  for (const block of f.blocks ?? []) {
    const of = (row: LocatedRow) => `${rowTitle(row)} of the ${sectionName(block.heading)}`;
    const inBlock = (
      row: LocatedRow | undefined,
      total: boolean,
      extra: Partial<FormulaRow> = {}
    ) => row && into.push({ row, years: block.years, name: of(row), total, ...extra });
    for (const row of [
      block.allocation,
      block.movements,
      block.otherFunding,
      ...block.expenditureLines,
    ])
      inBlock(row, false);
    const lines = block.expenditureLines.length > 0 ? { lines: block.expenditureLines } : {};
    inBlock(block.expenditure, true, lines);
    inBlock(block.inYear, true);
    inBlock(block.cumulative, true);
  }
  const m = f.mitigations;
  if (m) {
    add(m.years, m.unmitigated, false);
    add(m.years, m.total, true, m.lines.length > 0 ? { lines: m.lines } : {});
    for (const row of [m.mitigated, m.unmitigatedCumulative, m.mitigatedCumulative])
      add(m.years, row, true);
  }
}

function ehcpRows(template: LocatedTemplate, into: FormulaRow[]): void {
  const ehcp = template.ehcp;
  if (!ehcp) return;
  for (const placement of ehcp.placements) {
    for (const table of [placement.byAge, placement.byNeed]) {
      const total = table?.total;
      if (!table || !total) continue;
      const lines = table.rows.map((keyed) => keyed.row);
      into.push({
        row: total,
        years: placement.years,
        name: `${rowTitle(total)} in ${placement.name}`,
        total: true,
        ...(lines.length > 0 && { lines }),
      });
    }
  }
  const la = ehcp.laWide;
  if (la?.total)
    into.push({ row: la.total, years: la.years, name: rowTitle(la.total), total: true });
}

/** Every located row the formula checks read, financial rows first, in the order of the sheet's sections. */
export function formulaRows(template: LocatedTemplate): FormulaRow[] {
  const rows: FormulaRow[] = [];
  financialRows(template, rows);
  ehcpRows(template, rows);
  return rows;
}
