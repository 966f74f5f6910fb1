/**
 * Reading counts out of the located EHCP tables, shared by the EHCP rules so each reads stock the same way.
 * Counts are summed with decimal.js: projected counts may carry fractions and must not pick up float noise.
 */
import { Decimal } from "decimal.js";
import type { LocatedCell, LocatedRow } from "../located";
import type { CountTable, EhcpTables, PlacementTables } from "./ehcpModel";
import { decimalOf } from "../figures";
import { exactSum } from "../../core/units";

/** The number in a count cell; `null` for a blank cell or anything that is not a number (bad-value reports those). */
export function countIn(cell: LocatedCell | undefined): number | null {
  return typeof cell?.value === "number" && Number.isFinite(cell.value) ? cell.value : null;
}

/**
 * Sum of the rows' counts in one year column (blanks count as 0): a double when every count is whole and
 * the sum is exact as a double (a check comparing whole counts needs no Decimal), else the exact Decimal;
 * `null` when every cell is blank.
 */
export function columnTotal(rows: readonly LocatedRow[], index: number): number | Decimal | null {
  // Counts are nearly always whole, so they are first added as plain numbers, which is exact while every
  // step stays a safe integer (below 2^53); decimal.js adds them only when one has a fraction or the sum
  // gets too large. Every EHCP rule sums columns, so this loop allocates nothing.
  let counted = false;
  let whole = true;
  let sum = 0;
  for (const row of rows) {
    const count = countIn(row.cells[index]);
    if (count === null) continue;
    counted = true;
    sum += count;
    if (!Number.isSafeInteger(count) || !Number.isSafeInteger(sum)) whole = false;
  }
  if (!counted) return null;
  if (whole) return sum;
  return rows.reduce((total, row) => {
    const count = countIn(row.cells[index]);
    return count === null ? total : total.plus(count);
  }, new Decimal(0));
}

/** A count from `columnTotal` or a cell as a Decimal (a double stands for the number it shows). */
export function exactCount(count: number | Decimal): Decimal {
  return typeof count === "number" ? decimalOf(count) : count;
}

/** A placement's number of plans in one census year, and the cell that states it (when one does). */
export interface Stock {
  /** The exact count. */
  readonly count: Decimal;
  /** The count as a double: exact when `whole`, else near enough for rough shares. */
  readonly plain: number;
  /** True when the count is a whole number that `plain` holds exactly, so it may be compared in doubles. */
  readonly whole: boolean;
  readonly cell?: LocatedCell;
}

/**
 * A stock known as a double (a cell's count, or a sum of whole counts exact as a double). Its Decimal is
 * made only when a check asks for it: nearly every count is whole and settled in doubles, and several
 * rules ask for every placement and year.
 */
class PlainStock implements Stock {
  private exact: Decimal | undefined;

  constructor(
    readonly plain: number,
    readonly cell?: LocatedCell
  ) {}

  get count(): Decimal {
    return (this.exact ??= decimalOf(this.plain));
  }

  get whole(): boolean {
    return Number.isSafeInteger(this.plain);
  }
}

/** The stock of a count known as a double, with the cell that states it (when one does). */
export function stockOf(plain: number, cell?: LocatedCell): Stock {
  return new PlainStock(plain, cell);
}

/** The stock of an exact count that may have a fraction; its double is taken once, here. */
function exactStock(count: Decimal): Stock {
  return { count, plain: count.toNumber(), whole: false };
}

/** True when the stock counts no plans (exactly: a fraction too small for a double is still some). */
export function noPlans(stock: Stock): boolean {
  return stock.whole ? stock.plain === 0 : stock.count.isZero();
}

/**
 * The placement's stock of plans in year column `index`: its total by age group, else its total by primary
 * need, else the sum of whichever table has rows.
 */
export function placementStock(placement: PlacementTables, index: number): Stock | null {
  // Asked for every placement and year by several rules, so without building lists to loop over.
  return (
    statedStock(placement.byAge?.total, index) ??
    statedStock(placement.byNeed?.total, index) ??
    summedStock(placement.byAge, index) ??
    summedStock(placement.byNeed, index)
  );
}

/** The stock a table's total row states in year column `index`, or null when it states none. */
function statedStock(total: LocatedRow | undefined, index: number): Stock | null {
  const cell = total?.cells[index];
  const plain = countIn(cell);
  return plain === null ? null : stockOf(plain, cell);
}

/** The stock a table's rows add up to in year column `index`, or null when they are all blank. */
function summedStock(table: CountTable<string> | undefined, index: number): Stock | null {
  const sum = columnTotal(table?.rows.map((r) => r.row) ?? [], index);
  if (sum === null) return null;
  return typeof sum === "number" ? stockOf(sum) : exactStock(sum);
}

/**
 * Total plans across all placements per census year (by the year's start), for the years any placement
 * counts: the placements' own tables added up, or, where the plan gives only the local authority's tables
 * for all placements, those.
 */
export function stockByCensusYear(tables: EhcpTables): ReadonlyMap<number, Stock> {
  const counts = new Map<number, { values: number[]; whole: boolean }>();
  const own = tables.placements.filter((placement) => placement.placement !== "all");
  for (const placement of own.length > 0 ? own : tables.placements) {
    placement.years.forEach((year, index) => {
      const stock = placementStock(placement, index);
      if (stock === null) return;
      const known = counts.get(year.start);
      if (known === undefined)
        counts.set(year.start, { values: [stock.plain], whole: stock.whole });
      else {
        known.values.push(stock.plain);
        known.whole &&= stock.whole;
      }
    });
  }
  // Whole counts whose sum stays a safe integer add exactly as doubles; others are added in whole units
  // (core exactSum): the exact sum, without a Decimal per placement.
  return new Map(
    [...counts].map(([year, { values, whole }]) => {
      let sum = 0;
      for (const value of values) sum += value;
      return [
        year,
        whole && Number.isSafeInteger(sum) ? stockOf(sum) : exactStock(exactSum(values)),
      ];
    })
  );
}
