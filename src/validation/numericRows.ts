/**
 * Every located row where the template expects numbers, with the year columns its cells sit under:
 * the end of year positions, the funding blocks, mitigations, the Safety Valve limits and the EHCP
 * tables. Rules that look at cells one by one (bad values, hard-coded totals) walk this list.
 */
import type { LocatedRow, LocatedTemplate, YearColumn } from "../templates/located";

export interface YearRow {
  readonly row: LocatedRow;
  readonly years: readonly YearColumn[];
}

function present(
  years: readonly YearColumn[],
  rows: readonly (LocatedRow | undefined)[]
): YearRow[] {
  return rows.filter((row): row is LocatedRow => row !== undefined).map((row) => ({ row, years }));
}

/** The financial rows: end of year positions, blocks, mitigations and the Safety Valve limits. */
export function financialRows(template: LocatedTemplate): YearRow[] {
  const financial = template.financial;
  if (financial === undefined) return [];
  const { endOfYear: e, mitigations: m, safetyValve: sv } = financial;
  return [
    ...present(financial.years, [
      e?.broughtForward,
      e?.inYear,
      e?.dfePayments,
      e?.laContribution,
      e?.adjustments,
      e?.carriedForward,
    ]),
    ...(financial.blocks ?? []).flatMap((b) =>
      present(financial.years, [
        b.allocation,
        b.movements,
        b.otherFunding,
        ...b.expenditureLines,
        b.expenditure,
        b.inYear,
        b.cumulative,
      ])
    ),
    ...(m
      ? present(m.years, [
          m.unmitigated,
          ...m.lines,
          m.total,
          m.mitigated,
          m.unmitigatedCumulative,
          m.mitigatedCumulative,
        ])
      : []),
    ...(sv ? present(sv.years, [sv.cumulativeLimit, sv.inYearLimit]) : []),
  ];
}

/** The EHCP count rows of every placement, and the LA-wide flows. */
export function ehcpRows(template: LocatedTemplate): YearRow[] {
  const ehcp = template.ehcp;
  if (ehcp === undefined) return [];
  const placementRows = ehcp.placements.flatMap((p) =>
    present(p.years, [
      ...(p.byAge?.rows ?? []).map((r) => r.row),
      p.byAge?.total,
      ...(p.byNeed?.rows ?? []).map((r) => r.row),
      p.byNeed?.total,
      p.flows?.newPlans,
      p.flows?.ceasedPlans,
      p.flows?.requests,
    ])
  );
  const la = ehcp.laWide;
  return [
    ...placementRows,
    ...(la ? present(la.years, [la.total, la.newPlans, la.ceasedPlans, la.requests]) : []),
  ];
}

/** Every row that should hold numbers. */
export function numericRows(template: LocatedTemplate): YearRow[] {
  return [...financialRows(template), ...ehcpRows(template)];
}
