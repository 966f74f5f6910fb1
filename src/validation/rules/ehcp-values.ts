import { defineRule, type RuleReport } from "../rule";
import { ehcpTables } from "../needs";
import { cellLocation, rowName } from "../at";
import type { LocatedRow } from "../../templates/located";
import type { EhcpFlows, PlacementTables } from "../../templates/ehcp/ehcpModel";
import { POST_16_AGE_GROUPS } from "../../templates/ehcp/ehcpLabels";
import { countIn } from "../../templates/ehcp/ehcpFigures";

function flowRows(flows: EhcpFlows | undefined): LocatedRow[] {
  return [flows?.newPlans, flows?.ceasedPlans, flows?.requests].filter(
    (r): r is LocatedRow => r !== undefined
  );
}

/** The ceased row when the table shows ceased plans as reductions: its counts are read the other way round. */
function reductions(flows: EhcpFlows | undefined): LocatedRow | undefined {
  return flows?.ceasedShownNegative ? flows.ceasedPlans : undefined;
}

function countRows(placement: PlacementTables): LocatedRow[] {
  // Pushed onto one list: spreading and flattening small lists cost more than checking the counts.
  const rows: LocatedRow[] = [];
  for (const table of [placement.byAge, placement.byNeed]) {
    for (const { row } of table?.rows ?? []) rows.push(row);
    if (table?.total !== undefined) rows.push(table.total);
  }
  rows.push(...flowRows(placement.flows));
  return rows;
}

/** Each count cell of the rows that is negative or not a whole number. */
function badCounts(
  owner: string,
  rows: readonly LocatedRow[],
  years: readonly { label: string }[],
  reduction?: LocatedRow
): RuleReport[] {
  // Plain loops: this visits every count cell of every table, and nearly all of them are fine.
  const reports: RuleReport[] = [];
  for (const row of rows) {
    for (let index = 0; index < row.cells.length; index++) {
      const cell = row.cells[index];
      const shown = countIn(cell);
      if (shown === null) continue;
      const count = row === reduction ? -shown : shown;
      if (count >= 0 && Number.isInteger(count)) continue;
      // A projection worked out by formula (=E5*1.045) is a forecast, not a count typed wrongly.
      if (count >= 0 && cell.formula !== null) continue;
      const problem = count < 0 ? "is negative; counts must be 0 or more" : "is not a whole number";
      reports.push({
        message: `${owner} ${years[index]?.label ?? ""}: '${rowName(row)}' (${shown}) ${problem}.`,
        at: cellLocation(row, cell),
        actual: shown,
      });
    }
  }
  return reports;
}

/** A count in an under-16 row of the post-16 placement: the DfE table has no such rows. */
function under16InPost16(placement: PlacementTables): RuleReport[] {
  if (placement.placement !== "post-16") return [];
  return (placement.byAge?.rows ?? [])
    .filter((r) => !POST_16_AGE_GROUPS.includes(r.key))
    .flatMap(({ row }) =>
      row.cells.flatMap((cell, index): RuleReport[] => {
        const count = countIn(cell);
        // Negative counts are reported once, as impossible counts.
        if (count === null || count <= 0) return [];
        return [
          {
            message:
              `${placement.name} ${placement.years[index].label}: ${count} plans in the '${rowName(row)}' row, but a ` +
              "post-16 placement only has the 16 to 19 and 20 to 25 age groups. Move these plans to their placement.",
            at: cellLocation(row, cell),
            expected: 0,
            actual: count,
          },
        ];
      })
    );
}

/** V13: EHCP counts are whole numbers of plans, never negative, and the post-16 placement has no under-16s. */
export const ehcpValues = defineRule({
  id: "ehcp-values",
  severity: "error",
  title: "EHCP counts are whole and possible",
  description:
    "Every count in the children and young people tables (by age group, by primary need, totals, new and ceased " +
    "plans, assessment requests) must be a whole number of plans and not negative; a projection worked out by a " +
    "formula (a growth rate applied to last year's count) may hold a fraction. The post-16 and further education " +
    "placement only has the 16 to 19 and 20 to 25 age groups, so a count in an under-16 row there is a plan in the " +
    "wrong placement. Correct the cell shown.",
  defaults: {},
  needs: ehcpTables,
  check({ template }) {
    const ehcp = template.ehcp;
    if (ehcp === undefined) return [];
    const placements = ehcp.placements.flatMap((p) => [
      ...badCounts(p.name, countRows(p), p.years, reductions(p.flows)),
      ...under16InPost16(p),
    ]);
    const laWide = ehcp.laWide;
    const rows =
      laWide === undefined ? [] : [...flowRows(laWide), ...(laWide.total ? [laWide.total] : [])];
    return [
      ...placements,
      ...badCounts("All placements", rows, laWide?.years ?? [], reductions(laWide)),
    ];
  },
});
