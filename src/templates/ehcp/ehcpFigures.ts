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

/** Sum of the rows' counts in one year column (blanks count as 0); `null` when every cell is blank. */
export function sumColumn(rows: readonly LocatedRow[], index: number): Decimal | null {
  const total = columnTotal(rows, index);
  return total === null ? null : exactCount(total);
}

/** A placement's number of plans in one census year, and the cell that states it (when one does). */
export interface Stock {
  readonly count: Decimal;
  /** The count as a double: exact for whole counts, for sums and rough shares without a Decimal. */
  readonly plain: number;
  readonly cell?: LocatedCell;
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
  return plain === null ? null : { count: decimalOf(plain), plain, cell };
}

/** The stock a table's rows add up to in year column `index`, or null when they are all blank. */
function summedStock(table: CountTable<string> | undefined, index: number): Stock | null {
  const sum = sumColumn(table?.rows.map((r) => r.row) ?? [], index);
  return sum === null ? null : { count: sum, plain: sum.toNumber() };
}

// The cost-per-plan and stock-and-flow rules both ask for the plans per census year; keyed weakly by the
// located tables, which each validation locates afresh, so the totals are worked out once per validation.
const stocksByTables = new WeakMap<EhcpTables, ReadonlyMap<number, Stock>>();

/** Total plans across all placements per census year (by the year's start), for the years any placement counts. */
export function stockByCensusYear(tables: EhcpTables): ReadonlyMap<number, Stock> {
  let totals = stocksByTables.get(tables);
  if (totals === undefined) {
    totals = addPlacementStocks(tables);
    stocksByTables.set(tables, totals);
  }
  return totals;
}

function addPlacementStocks(tables: EhcpTables): Map<number, Stock> {
  const counts = new Map<number, number[]>();
  for (const placement of tables.placements) {
    placement.years.forEach((year, index) => {
      const stock = placementStock(placement, index);
      if (stock === null) return;
      const known = counts.get(year.start);
      if (known === undefined) counts.set(year.start, [stock.plain]);
      else known.push(stock.plain);
    });
  }
  // Added in whole units (core exactSum): the exact sum, without a Decimal per placement. Its double is
  // taken once here, as every rule asking for the totals compares them in doubles first.
  return new Map(
    [...counts].map(([year, values]) => {
      const count = exactSum(values);
      return [year, { count, plain: count.toNumber() }];
    })
  );
}
