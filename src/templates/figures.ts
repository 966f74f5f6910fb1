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

/**
 * The cell's number as a Decimal (a lone dash counts as 0), or undefined when it holds anything else
 * (blank, text, error, boolean).
 */
export function figure(cell: LocatedCell | undefined): Decimal | undefined {
  if (cell === undefined) return undefined;
  if (isNilDash(cell.value)) return new Decimal(0);
  return typeof cell.value === "number" && Number.isFinite(cell.value)
    ? new Decimal(cell.value)
    : undefined;
}

/** The cell's number, blank counted as 0 (an optional movement left empty); undefined for text or errors. */
export function figureOrZero(cell: LocatedCell | undefined): Decimal | undefined {
  const blank =
    cell === undefined ||
    cell.value === null ||
    (typeof cell.value === "string" && cell.value.trim() === "");
  return blank ? new Decimal(0) : figure(cell);
}
