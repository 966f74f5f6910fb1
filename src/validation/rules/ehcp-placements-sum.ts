import { addsUp, type Given } from "../checks/addsUp";
import type { Term } from "../balance";
import type { LocatedTemplate } from "../../templates/located";
import type { PlacementTables } from "../../templates/ehcp/ehcpModel";

// The template's placement types (mainstream, resourced provision, special, independent, hospital or
// alternative provision, post-16, other): with six of them or more shown, the placements cover every child.
const EVERY_PLACEMENT = 6;

/** The total of a placement's table by age group, else by primary need. */
const totalOf = (tables: PlacementTables) => tables.byAge?.total ?? tables.byNeed?.total;

/**
 * Per census year, the local authority's total for all placements against the sum of the placement types'
 * totals, where the plan shows the template's placement types (each its own table) and an all-placements
 * table. A rule of the common kind, stated as data.
 */
function given(template: LocatedTemplate): readonly Given[] {
  const placements = template.ehcp?.placements ?? [];
  const all = placements.find((p) => p.placement === "all");
  const types = placements.filter((p) => p.placement !== "all");
  const total = all && totalOf(all);
  if (!all || !total || new Set(types.map((p) => p.placement)).size < EVERY_PLACEMENT) return [];
  return all.years.flatMap((year, i): Given[] => {
    const reported = total.cells[i];
    const terms = types.map((p): Term | undefined => {
      const j = p.years.findIndex((y) => y.label === year.label);
      const cell = j < 0 ? undefined : totalOf(p)?.cells[j];
      return cell && { cell, weight: 1, name: `${p.name} total` };
    });
    if (!reported || terms.some((t) => t === undefined)) return [];
    return [
      { sheet: all.sheet, subject: all.name, year: year.label, reported, terms: terms as Term[] },
    ];
  });
}

/** The local authority's EHCPs across all placements are the placement types' EHCPs added up. */
export const ehcpPlacementsSum = addsUp({
  id: "ehcp-placements-sum",
  severity: "warning",
  title: "All placements add up to the placement types",
  description:
    "Where the plan shows the template's placement types each in its own table (six of them or more) and a table " +
    "for all placements (headed 'All placements', 'LA total' or not headed at all), the total number of EHCPs for " +
    "all placements in each census year must equal the sum of the placement types' totals (by age group, else by " +
    "primary need), as they count the same children. Correct the all-placements total, or the placement whose " +
    "table is wrong.",
  needs: (template) => [
    {
      what: "an all-placements EHCP table beside the template's placement types",
      found: (template.ehcp?.placements ?? []).some((p) => p.placement === "all"),
    },
  ],
  given,
  message: ({ subject, year, weighed }) =>
    `${subject} ${year}: the total (${weighed.reported.toString()}) is not the sum of the placement types' ` +
    `totals (${weighed.expected.toString()}): difference ${weighed.gap.toString()}.`,
});
