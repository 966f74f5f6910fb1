/**
 * Figures of located cells as decimal.js values, so every comparison of money is exact on what the
 * sheet holds (28.706 stays 28.706, not 28.705999…).
 */
import { Decimal } from "decimal.js";
import type { CellValue } from "../workbook/workbook";
import type { LocatedCell } from "./located";

// Councils type a dash for nil, the way Excel's accounting format shows a zero; a zero typed as text
// ('0, or pasted from a report) is as plain.
const DASH = /^\s*(?:[-–—]|0+(?:\.0+)?)\s*$/;

/** True for text that means nil: a lone dash, or a zero typed as text. */
export function isNilDash(value: CellValue): boolean {
  return typeof value === "string" && DASH.test(value);
}

// What councils write in a year a movement does not happen ("n/a" in the Safety Valve row before the
// agreement, "nil", "none").
const NOT_APPLICABLE = /^\s*(n\s*\/\s*a|n\.?a\.?|nil|none|not applicable)\s*$/i;

/** True for text that says a movement does not happen in the year: "n/a", "nil", "none". */
export function isNotApplicable(value: CellValue): boolean {
  return typeof value === "string" && NOT_APPLICABLE.test(value);
}

/** The cell's number as a Decimal, or undefined when it holds anything but a finite number. */
export function numberIn(cell: LocatedCell | undefined): Decimal | undefined {
  const value = cell?.value;
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  return decimalOf(value);
}

/** A finite number as a Decimal. */
export function decimalOf(value: number): Decimal {
  return new Decimal(value);
}

/**
 * Decimal's `isPositive` for a figure's double: Decimal keeps the sign of a zero, so 0 counts as positive
 * and -0 does not. Lets a check decide in doubles exactly as it would on the figure's Decimal.
 */
export function isPositiveFigure(value: number): boolean {
  return value > 0 || Object.is(value, 0);
}

/** The cell's number (a lone dash counts as 0), or undefined when it holds anything else (blank, text, error, boolean). */
export function figureValue(cell: LocatedCell | undefined): number | undefined {
  const value = cell?.value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  return isNilDash(value ?? null) ? 0 : undefined;
}

/**
 * The cell's number as a Decimal (a lone dash counts as 0), or undefined when it holds anything else
 * (blank, text, error, boolean).
 */
export function figure(cell: LocatedCell | undefined): Decimal | undefined {
  const value = figureValue(cell);
  return value === undefined ? undefined : decimalOf(value);
}

/**
 * The cell's figure as a plain number, blank counted as 0 (an optional movement left empty); undefined
 * for text, errors, booleans and numbers that are not finite. Sums add these up exactly without a
 * Decimal per figure.
 */
export function amountOrZero(cell: LocatedCell | undefined): number | undefined {
  const value = cell?.value;
  const blank =
    value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  return blank ? 0 : figureValue(cell);
}

/** `amountOrZero` for a movement of the roll-forward, where "n/a" or "nil" in a year means none. */
export function movementOrZero(cell: LocatedCell | undefined): number | undefined {
  return isNotApplicable(cell?.value ?? null) ? 0 : amountOrZero(cell);
}

/** The cell's number, blank counted as 0 (an optional movement left empty); undefined for text or errors. */
export function figureOrZero(cell: LocatedCell | undefined): Decimal | undefined {
  const value = amountOrZero(cell);
  return value === undefined ? undefined : decimalOf(value);
}
