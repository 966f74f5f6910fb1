import { Decimal } from "decimal.js";
import { allOf, censusYearsInOrder, ehcpTables } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { formatMoney } from "../money";
import type { LocatedCell, LocatedTemplate, MoneyUnit } from "../../templates/located";
import type { EhcpTables } from "../../templates/ehcp/ehcpModel";
import {
  countIn,
  noPlans,
  placementStock,
  stockByCensusYear,
  type Stock,
} from "../../templates/ehcp/ehcpFigures";
import { financialYearLabel } from "../../core/years";

/** High needs block expenditure by financial-year start (as a size: its sign aside), with its cell. */
function highNeedsSpend(
  template: LocatedTemplate
): Map<number, { spend: number; cell: LocatedCell; sheet: string }> {
  const spend = new Map<number, { spend: number; cell: LocatedCell; sheet: string }>();
  const highNeeds = template.financial?.blocks?.find((b) => b.block === "high-needs");
  const row = highNeeds?.expenditure;
  if (highNeeds === undefined || row === undefined) return spend;
  highNeeds.years.forEach((year, index) => {
    const cell = row.cells[index];
    const value = countIn(cell);
    if (cell !== undefined && value !== null)
      spend.set(year.start, { spend: Math.abs(value), cell, sheet: row.sheet });
  });
  return spend;
}

const POUNDS: MoneyUnit = { label: "£", pounds: 1 };

/** A year-on-year move beyond the threshold, in census year `year`. */
interface Jump {
  readonly year: number;
  readonly change: Decimal;
  readonly report: RuleReport;
}

/**
 * One wrong figure makes a spike: a jump into its year and a jump back out the next. Only the jump into
 * the spike is reported, so the finding points at the figure to check rather than at its neighbour.
 */
function withoutRebounds(jumps: readonly Jump[]): RuleReport[] {
  const kept: Jump[] = [];
  for (const jump of jumps) {
    const previous = kept.at(-1);
    const rebound =
      previous?.year === jump.year - 1 && previous.change.isNegative() !== jump.change.isNegative();
    if (!rebound) kept.push(jump);
  }
  return kept.map((jump) => jump.report);
}

function moves(change: Decimal, unit: string): string {
  return `${change.isNegative() ? "falls" : "rises"} ${change.abs().toDecimalPlaces(1).toString()}${unit}`;
}

/**
 * Cost per plan for each census year Y: high needs spend of financial year (Y−1)-(Y), the year the January
 * census falls in, divided by the plans counted at that census. Reports each jump beyond the threshold.
 */
function costJumps(
  template: LocatedTemplate,
  plans: ReadonlyMap<number, Stock>,
  percent: number
): RuleReport[] {
  const spend = highNeedsSpend(template);
  const costs = new Map(
    [...plans].map(([census, stock]) => {
      const year = spend.get(census - 1);
      // The rough cost settles most years (see clearlyWithin); the exact one is worked out where it does
      // not. Built field by field, keeping the stock: its Decimal is made only for the exact cost.
      const cost =
        year && !noPlans(stock)
          ? {
              spend: year.spend,
              cell: year.cell,
              sheet: year.sheet,
              stock,
              rough: year.spend / stock.plain,
            }
          : undefined;
      return [census, cost];
    })
  );
  const exactCost = ({ spend, stock }: { spend: number; stock: Stock }) =>
    new Decimal(spend).dividedBy(stock.count);
  const jumps: Jump[] = [];
  for (const census of [...plans.keys()].sort((a, b) => a - b)) {
    const [was, now] = [costs.get(census - 1), costs.get(census)];
    if (was === undefined || now === undefined || was.spend === 0) continue;
    if (clearlyWithin(0, (now.rough / was.rough - 1) * 100, percent)) continue;
    const [before, after] = [
      { ...was, cost: exactCost(was) },
      { ...now, cost: exactCost(now) },
    ];
    const change = after.cost.dividedBy(before.cost).minus(1).times(100);
    if (change.abs().lte(percent)) continue;
    // A plan costs tens of thousands of pounds: shown in pounds, as "£0.041m" would hide the change.
    const perPlan = (cost: Decimal) => formatMoney(cost.times(template.unit.pounds), POUNDS);
    const report = {
      message:
        `Cost per EHCP ${moves(change, "%")} from ${perPlan(before.cost)} ` +
        `(census ${census - 1}, ${financialYearLabel(census - 2)}) to ${perPlan(after.cost)} ` +
        `(census ${census}, ${financialYearLabel(census - 1)}), beyond ±${percent}%. ` +
        "Check high needs expenditure and the number of plans, or explain the change in the narrative.",
      at: { sheet: after.sheet, row: after.cell.row, col: after.cell.col },
      expected: before.cost.toNumber(),
      actual: after.cost.toNumber(),
    };
    jumps.push({ year: census, change, report });
  }
  return withoutRebounds(jumps);
}

/** A placement's plans in one census year, with all plans that year and its rough share (`roughShare`). */
interface Part {
  readonly stock: Stock;
  readonly all: Stock;
  readonly rough: number;
}

/** The placement's share of all plans, in percent, exactly. */
function share({ stock, all }: Part): Decimal {
  return stock.count.dividedBy(all.count).times(100);
}

/** The share in floating point: off by less than 1e-13 points, and many times quicker than `share`. */
function roughShare(count: number, all: number): number {
  return (count / all) * 100;
}

/**
 * True when the shift between two shares worked out in floating point is inside the threshold by far
 * more than their floating-point error (a few parts in 1e16 of each), so the exact shift is inside it
 * too and need not be worked out. Most years move little; a shift near the threshold (or not finite) is
 * decided by the exact shares.
 */
function clearlyWithin(before: number, after: number, points: number): boolean {
  return Math.abs(after - before) < points - 1e-9 * (Math.abs(before) + Math.abs(after) + 1);
}

/** Each placement's share of all plans, reported where it moves more than the threshold in a year. */
function mixShifts(
  ehcp: EhcpTables,
  plans: ReadonlyMap<number, Stock>,
  points: number
): RuleReport[] {
  // The tables for all placements are the whole, not a share of it.
  const shares = ehcp.placements.filter((placement) => placement.placement !== "all");
  return shares.flatMap((placement) => {
    const parts = placement.years.map((year, index) => {
      const stock = placementStock(placement, index);
      const all = plans.get(year.start);
      // The rough share is worked out once here: each year is compared with the year before and after.
      return stock && all && !noPlans(all)
        ? { stock, all, rough: roughShare(stock.plain, all.plain) }
        : undefined;
    });
    const jumps: Jump[] = [];
    for (let index = 1; index < placement.years.length; index++) {
      const [year, previous] = [placement.years[index], placement.years[index - 1]];
      const [was, now] = [parts[index - 1], parts[index]];
      const cell = now?.stock.cell;
      if (year.start !== previous.start + 1 || was === undefined || now === undefined || !cell)
        continue;
      if (clearlyWithin(was.rough, now.rough, points)) continue;
      const [before, after] = [share(was), share(now)];
      const shift = after.minus(before);
      if (shift.abs().lte(points)) continue;
      const report = {
        message:
          `${placement.name}: share of all EHCPs ${moves(shift, " percentage points")}, from ` +
          `${before.toDecimalPlaces(1).toString()}% in ${previous.label} to ${after.toDecimalPlaces(1).toString()}% ` +
          `in ${year.label} (beyond ±${points}). Check the placement's numbers or explain the change in the narrative.`,
        at: { sheet: placement.sheet, row: cell.row, col: cell.col },
        expected: before.toNumber(),
        actual: after.toNumber(),
      };
      jumps.push({ year: year.start, change: shift, report });
    }
    return withoutRebounds(jumps);
  });
}

/** V15: cost per EHCP and the placement mix do not jump from one year to the next without explanation. */
export const unitCostJump = defineRule({
  id: "unit-cost-jump",
  severity: "warning",
  title: "Cost per EHCP and placement mix move steadily",
  description:
    "The implied cost per EHCP is high needs block expenditure divided by the number of plans: the January census " +
    "of year Y is paired with financial year (Y−1)-(Y). A move of more than 15% from one year to the next, or a " +
    "placement type's share of all plans moving more than 5 percentage points, usually means a figure is wrong or a " +
    "change needs explaining in the narrative. A single year out of line is reported once, at that year. Both " +
    "thresholds can be changed.",
  defaults: { costJumpPercent: 15, mixShiftPoints: 5 },
  needs: allOf(ehcpTables, censusYearsInOrder),
  check({ template, settings }) {
    const ehcp = template.ehcp;
    if (ehcp === undefined) return [];
    const plans = stockByCensusYear(ehcp);
    return [
      ...costJumps(template, plans, settings.costJumpPercent),
      ...mixShifts(ehcp, plans, settings.mixShiftPoints),
    ];
  },
});
