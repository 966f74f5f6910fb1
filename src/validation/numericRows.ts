/**
 * Every located row where the template expects numbers, with the year columns its cells sit under:
 * the end of year positions, the funding blocks, mitigations, the Safety Valve limits and the EHCP
 * tables. Rules that look at cells one by one (bad values, hard-coded totals) walk this list.
 */
import type { LocatedRow, LocatedTemplate, YearColumn } from "../templates/located";

export interface YearRow {
  readonly row: LocatedRow;
  readonly years: readonly YearColumn[];
  /** Whose row it is, where the label alone does not say: the EHCP placement ("All placements"). */
  readonly owner?: string;
  /** A movement or limit that may not apply in a year, so "n/a" or "nil" there means none. */
  readonly optional?: boolean;
}

// Rows are pushed onto one list rather than spread and flattened: bad-value walks this list in every
// validation, and building it from many small arrays cost more than the walk.
function addPresent(
  into: YearRow[],
  years: readonly YearColumn[],
  rows: readonly (LocatedRow | undefined)[],
  owner?: string
): void {
  for (const row of rows)
    if (row !== undefined) into.push(owner === undefined ? { row, years } : { row, years, owner });
}

function addFinancialRows(into: YearRow[], template: LocatedTemplate): void {
  const financial = template.financial;
  if (financial === undefined) return;
  const { endOfYear: e, mitigations: m, safetyValve: sv } = financial;
  addPresent(into, financial.years, [e?.broughtForward, e?.inYear, e?.carriedForward]);
  const movements = [
    e?.dfePayments,
    e?.laContribution,
    e?.adjustments,
    ...(e?.otherMovements ?? []).map((m) => m.row),
  ];
  for (const row of movements) if (row) into.push({ row, years: financial.years, optional: true });
  for (const b of financial.blocks ?? []) {
    addPresent(into, financial.years, [b.allocation, ...b.deductions, b.totalFunding]);
    addPresent(into, financial.years, [b.movements, b.otherFunding]);
    addPresent(into, financial.years, b.expenditureLines);
    addPresent(into, financial.years, [b.expenditure, b.inYear, b.cumulative]);
  }
  if (m) {
    addPresent(into, m.years, [m.unmitigated]);
    // A mitigation that does not apply in a year says so: "n/a", "nil".
    for (const row of m.lines) into.push({ row, years: m.years, optional: true });
    addPresent(into, m.years, [
      m.total,
      m.mitigated,
      m.unmitigatedCumulative,
      m.mitigatedCumulative,
    ]);
  }
  // A limit does not apply in a year before the agreement, where councils write "n/a".
  for (const row of [sv?.cumulativeLimit, sv?.inYearLimit])
    if (row) into.push({ row, years: sv!.years, optional: true });
}

function addEhcpRows(into: YearRow[], template: LocatedTemplate): void {
  const ehcp = template.ehcp;
  if (ehcp === undefined) return;
  for (const p of ehcp.placements) {
    for (const table of [p.byAge, p.byNeed]) {
      // "n/a" in a count a placement does not have (under-16s in post-16) is no count, not a bad value.
      for (const { row } of table?.rows ?? [])
        into.push({ row, years: p.years, owner: p.name, optional: true });
      addPresent(into, p.years, [table?.total], p.name);
    }
    const flows = [p.flows?.newPlans, p.flows?.ceasedPlans, p.flows?.requests];
    addPresent(into, p.years, flows, p.name);
  }
  const la = ehcp.laWide;
  if (la)
    addPresent(
      into,
      la.years,
      [la.total, la.newPlans, la.ceasedPlans, la.requests],
      "All placements"
    );
}

/** Every row that should hold numbers: the financial rows first, then the EHCP count rows. */
export function numericRows(template: LocatedTemplate): YearRow[] {
  const rows: YearRow[] = [];
  addFinancialRows(rows, template);
  addEhcpRows(rows, template);
  return rows;
}
