import { Decimal } from "decimal.js";
import { allOf, censusYearsInOrder, ehcpTables } from "../needs";
import { trajectory } from "../../core/trajectory";
import { defineRule, type RuleReport } from "../rule";
import { cellLocation } from "../at";
import type { LocatedRow, YearColumn } from "../../templates/located";
import type { EhcpFlows, EhcpTables, LaWideFlows } from "../../templates/ehcp/ehcpModel";
import {
  countIn,
  placementStock,
  stockByCensusYear,
  stockOf,
  type Stock,
} from "../../templates/ehcp/ehcpFigures";

/** Flows with both new and ceased plans, over some census years, and the stock they should move. */
interface FlowSeries {
  readonly owner: string;
  readonly years: readonly YearColumn[];
  readonly newPlans: LocatedRow;
  readonly ceasedPlans: LocatedRow;
  /** -1 when the table shows ceased plans as reductions ("(12)"). */
  readonly ceasedSign: 1 | -1;
  readonly stock: (index: number) => Stock | null;
}

function series(
  owner: string,
  years: readonly YearColumn[],
  flows: EhcpFlows | undefined,
  stock: (index: number) => Stock | null
): FlowSeries[] {
  const { newPlans, ceasedPlans } = flows ?? {};
  const ceasedSign = flows?.ceasedShownNegative ? -1 : 1;
  return newPlans && ceasedPlans
    ? [{ owner, years, newPlans, ceasedPlans, ceasedSign, stock }]
    : [];
}

/** The LA-wide stock: its own total row when the sheet has one, else the placements' stocks added up. */
function laWideStock(ehcp: EhcpTables, laWide: LaWideFlows): (index: number) => Stock | null {
  const total = laWide.total;
  if (total !== undefined) {
    return (index) => {
      const plain = countIn(total.cells[index]);
      return plain === null ? null : stockOf(plain);
    };
  }
  const byYear = stockByCensusYear(ehcp);
  return (index) => byYear.get(laWide.years[index].start) ?? null;
}

/**
 * True when every count and every step between them is a whole number a double holds exactly: then no
 * step was rounded, and the plain gap is the exact one.
 */
function wholeCounts(...counts: number[]): boolean {
  return counts.every(Number.isSafeInteger);
}

/** "rises by 40", "falls by 507", "stays the same". */
function movedBy(change: Decimal): string {
  if (change.isZero()) return "stays the same";
  return `${change.isNegative() ? "falls" : "rises"} by ${change.abs().toString()}`;
}

/** A year whose change in plans its flows do not explain, by how many plans. */
interface Gap {
  readonly year: string;
  readonly gap: Decimal;
  readonly report: RuleReport;
}

function gaps(
  { owner, years, newPlans, ceasedPlans, ceasedSign, stock }: FlowSeries,
  allowed: number
): Gap[] {
  const reports: Gap[] = [];
  for (let index = 1; index < years.length; index++) {
    if (years[index].start !== years[index - 1].start + 1) continue;
    const [before, after] = [stock(index - 1), stock(index)];
    const added = countIn(newPlans.cells[index]);
    const shownCeased = countIn(ceasedPlans.cells[index]);
    const ceased = shownCeased === null ? null : ceasedSign * shownCeased;
    if (before === null || after === null || added === null || ceased === null) continue;
    // Counts are nearly always whole, and doubles add whole counts exactly: a step that follows its flows
    // is settled without Decimals (an impossible step, which the trajectory refuses, passes either way).
    const grown = before.plain + added;
    const stepped = grown - ceased;
    const plainGap = after.plain - stepped;
    if (
      before.whole &&
      after.whole &&
      wholeCounts(added, ceased, grown, stepped, plainGap) &&
      Math.abs(plainGap) <= allowed
    )
      continue;
    // SEN2 counts plans at the January census and the plans made and ceased in the year before it, so the
    // flows in census year Y explain the change from Y−1 to Y: one step of the DSG.TRAJECTORY stock-flow model.
    const step = trajectory({
      start: before.count,
      periods: 1,
      newPlans: [new Decimal(added)],
      ceased: [new Decimal(ceased)],
    });
    // Negative flows or a stock below zero are impossible counts, which ehcp-values reports.
    if (!step.ok || after.count.minus(step.value[0]).abs().lte(allowed)) continue;
    const change = after.count.minus(before.count);
    const net = step.value[0].minus(before.count);
    const cell = newPlans.cells[index];
    reports.push({
      year: years[index].label,
      gap: change.minus(net),
      report: {
        message:
          `${owner} ${years[index].label}: the number of EHCPs ${movedBy(change)} from ${years[index - 1].label}, ` +
          `but new (${added}) minus ceased (${ceased}) plans is ${net.toString()}. ` +
          "Check the flows, or note plans transferred in or out.",
        at: cellLocation(newPlans, cell),
        expected: change.toNumber(),
        actual: net.toNumber(),
      },
    });
  }
  return reports;
}

/**
 * The placements' gaps that cancel out across them in a year (+12, −7, −5): plans that moved from one
 * placement to another, which each placement's flows do not show. Said once, as a note naming the years.
 */
function movesBetweenPlacements(found: readonly Gap[], allowed: number): RuleReport[] {
  const byYear = new Map<string, Gap[]>();
  for (const gap of found) byYear.set(gap.year, [...(byYear.get(gap.year) ?? []), gap]);
  const cancelling = [...byYear.values()].filter(
    (year) =>
      year.length >= 2 &&
      year
        .reduce((sum, g) => sum.plus(g.gap), new Decimal(0))
        .abs()
        .lte(allowed)
  );
  const kept = found.filter((gap) => !cancelling.some((year) => year.includes(gap)));
  if (cancelling.length === 0) return kept.map((g) => g.report);
  const years = cancelling.map((year) => year[0].year).join(", ");
  return [
    ...kept.map((g) => g.report),
    {
      message:
        `In ${years}, the placements' numbers of EHCPs differ from their new and ceased plans by amounts that ` +
        "cancel out across the council: plans moved between placements, which each placement's flows do not " +
        "show. Nothing is missing from the council's total.",
      severity: "info",
      at: cancelling[0][0].report.at,
    },
  ];
}

/** V14: where new and ceased plans are given, they explain the change in the number of plans. */
export const ehcpStockFlow = defineRule({
  id: "ehcp-stock-flow",
  severity: "warning",
  title: "EHCP numbers follow new and ceased plans",
  description:
    "Where the tables give new and ceased EHCPs (for a placement or for the whole local authority), the change " +
    "in the number of plans from one census year to the next should equal new plans minus ceased plans. A " +
    "difference usually means a flow or a total is wrong, or plans moved between placements or councils; the " +
    "finding points at the new plans cell of the later year. Placements' differences that cancel out across the " +
    "council in a year are plans moved between placements: one note says so. Raise the allowed gap if transfers " +
    "are expected.",
  defaults: { allowedGap: 0 },
  needs: allOf(ehcpTables, censusYearsInOrder),
  check({ template, settings }) {
    const ehcp = template.ehcp;
    if (ehcp === undefined) return [];
    const perPlacement = ehcp.placements.flatMap((p) =>
      series(p.name, p.years, p.flows, (i) => placementStock(p, i))
    );
    const laWide = ehcp.laWide;
    const all =
      laWide === undefined
        ? []
        : series("All placements", laWide.years, laWide, laWideStock(ehcp, laWide));
    return [
      ...movesBetweenPlacements(
        perPlacement.flatMap((s) => gaps(s, settings.allowedGap)),
        settings.allowedGap
      ),
      ...all.flatMap((s) => gaps(s, settings.allowedGap).map((g) => g.report)),
    ];
  },
});
