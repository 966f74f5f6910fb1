/**
 * Figures of located cells as decimal.js values, so every comparison of money is exact on what the
 * sheet holds (28.706 stays 28.706, not 28.705999…).
 */
import { Decimal } from "decimal.js";
import type { LocatedCell } from "./located";

/** The cell's number as a Decimal, or undefined when it holds anything else (blank, text, error, boolean). */
export function figure(cell: LocatedCell | undefined): Decimal | undefined {
  return cell !== undefined && typeof cell.value === "number" && Number.isFinite(cell.value)
    ? new Decimal(cell.value)
    : undefined;
}

/** The cell's number, blank counted as 0 (an optional movement left empty); undefined for text or errors. */
export function figureOrZero(cell: LocatedCell | undefined): Decimal | undefined {
  return cell === undefined || cell.value === null || cell.value === ""
    ? new Decimal(0)
    : figure(cell);
}
