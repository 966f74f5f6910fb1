/**
 * Helpers for the block, mitigation and Safety Valve rules: the figures of several rows under one year,
 * and the sign convention applied so every check can reason with deficits as positive numbers.
 */
import { Decimal } from "decimal.js";
import { exactSum } from "../../core/units";
import type { LocatedCell, LocatedRow, SignConvention } from "../located";
import { amountOrZero } from "../figures";
import type { EndOfYearPositions } from "./endOfYearModel";

/** A deficit-or-surplus figure turned so that a deficit is positive, whichever convention the sheet uses (and back). */
export function asDeficit(value: Decimal, sign: SignConvention): Decimal {
  return sign === "deficit-negative" ? value.negated() : value;
}

/** The way round the in-year row shows deficits: its own, where its label and figures say so, else the sheet's. */
export function inYearSign(
  positions: EndOfYearPositions | undefined,
  sheet: SignConvention
): SignConvention {
  return positions?.inYearSign ?? sheet;
}

/** The cells of several rows under year `index`, skipping rows that are absent. */
export function cellsAt(rows: readonly (LocatedRow | undefined)[], index: number): LocatedCell[] {
  const cells: LocatedCell[] = [];
  for (const row of rows) {
    const cell = row?.cells[index];
    if (cell) cells.push(cell);
  }
  return cells;
}

/** The figures as numbers (blanks count 0), or undefined if any cell holds text, an error or a boolean. */
export function amountsOf(cells: readonly LocatedCell[]): number[] | undefined {
  const values: number[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const value = amountOrZero(cells[i]);
    if (value === undefined) return undefined;
    values[i] = value;
  }
  return values;
}

/** The sum of the figures (blanks count 0), or undefined if any cell holds text, an error or a boolean. */
export function sumOf(cells: readonly LocatedCell[]): Decimal | undefined {
  const values = amountsOf(cells);
  // Added as whole units of the smallest decimal: decimal.js's exact sum without a Decimal per figure.
  return values && exactSum(values);
}

/**
 * The cells that carry a rounded figure into a comparison: a blank is exact (an empty optional line), but
 * a number, zero included ("0.000" may hide 0.0004), adds half a unit of its displayed precision.
 */
export function roundedTerms(cells: readonly (LocatedCell | undefined)[]): LocatedCell[] {
  return cells.filter((cell): cell is LocatedCell => typeof cell?.value === "number");
}

/** Half a unit of the last displayed decimal: 3 decimals → 0.0005; -3 (shown in thousands) → 500. */
export function halfUnit(decimals: number): Decimal {
  return new Decimal(10).pow(-decimals).times(0.5);
}

/**
 * The default allowance: the sum of each rounded figure's half unit. A figure shown as typed (General)
 * has the precision of the finest figure shown as typed beside it: a whole 31 among figures typed as
 * 29.6 and 30.2 is 31.0, not "rounded to the nearest £1m".
 */
export function roundingAllowance(terms: readonly LocatedCell[]): Decimal {
  const typed = Math.max(...terms.filter((t) => t.asTyped).map((t) => t.decimals));
  // The figures of one comparison nearly always share a precision (thirty expenditure lines and their
  // total), so half units are counted per precision and multiplied rather than added one by one.
  const counts = new Map<number, number>();
  for (const { decimals: own, asTyped } of terms) {
    const decimals = asTyped ? Math.max(own, typed) : own;
    counts.set(decimals, (counts.get(decimals) ?? 0) + 1);
  }
  let sum = new Decimal(0);
  for (const [decimals, count] of counts) sum = sum.plus(halfUnit(decimals).times(count));
  return sum;
}
