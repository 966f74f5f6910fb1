/**
 * Figures of located cells as decimal.js values, so every comparison of money is exact on what the
 * sheet holds (28.706 stays 28.706, not 28.705999…).
 */
import { Decimal } from "decimal.js";
import type { CellValue } from "../workbook/workbook";
import type { LocatedCell } from "./located";

// Councils type a dash for nil, the way Excel's accounting format shows a zero.
const DASH = /^\s*[-–—]\s*$/;

/** True for text that means nil: a lone dash. */
export function isNilDash(value: CellValue): boolean {
  return typeof value === "string" && DASH.test(value);
}

// Rules read the same cells many times (a total in one check is a term in the next), so each located
// cell's number becomes a Decimal once. Keyed weakly by the cell, an entry lasts as long as the located
// model it belongs to; Decimals are immutable, so sharing one is safe.
const numbers = new WeakMap<LocatedCell, Decimal>();
const ZERO = new Decimal(0);

/** The cell's number as a Decimal, or undefined when it holds anything but a finite number. */
export function numberIn(cell: LocatedCell | undefined): Decimal | undefined {
  if (cell === undefined || typeof cell.value !== "number" || !Number.isFinite(cell.value))
    return undefined;
  let number = numbers.get(cell);
  if (number === undefined) {
    number = new Decimal(cell.value);
    numbers.set(cell, number);
  }
  return number;
}

/**
 * The cell's number as a Decimal (a lone dash counts as 0), or undefined when it holds anything else
 * (blank, text, error, boolean).
 */
export function figure(cell: LocatedCell | undefined): Decimal | undefined {
  return cell !== undefined && isNilDash(cell.value) ? ZERO : numberIn(cell);
}

/** The cell's number, blank counted as 0 (an optional movement left empty); undefined for text or errors. */
export function figureOrZero(cell: LocatedCell | undefined): Decimal | undefined {
  const blank =
    cell === undefined ||
    cell.value === null ||
    (typeof cell.value === "string" && cell.value.trim() === "");
  return blank ? ZERO : figure(cell);
}
