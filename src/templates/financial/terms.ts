/**
 * The terms of a sum over located figures (`Σ weightᵢ · termᵢ`), written once: the checks weigh them
 * against a reported figure (src/validation/balance.ts), and the locator adds them up to read which way
 * round a block shows its result.
 */
import { Decimal } from "decimal.js";
import type { LocatedCell, LocatedRow } from "../located";
import { figureOrZero } from "../figures";
import type { BlockPlan } from "./blocksModel";
import { saysLess } from "./endOfYearRows";

/** One figure in a sum: `weight × figure`, a blank counting as 0. */
export interface Term {
  readonly cell: LocatedCell | undefined;
  /** +1 adds the figure, -1 takes it away. */
  readonly weight: 1 | -1;
  /**
   * The figure's size counts, whatever sign it is shown with: councils show a deduction such as academy
   * recoupment as a negative figure or as a positive one to take away, and both mean less funding.
   */
  readonly size?: boolean;
  /** What the figure is, in the users' words ("academy recoupment"). */
  readonly name: string;
}

/** The term taken the other way (moved to the other side of an equation). */
export function negated(term: Term): Term {
  return { ...term, weight: term.weight === 1 ? -1 : 1 };
}

/** The exact sum of the terms; undefined when one of them is text, an error or a boolean. */
export function sumOf(terms: readonly Term[]): Decimal | undefined {
  let sum = new Decimal(0);
  for (const term of terms) {
    const value = term.cell ? figureOrZero(term.cell) : new Decimal(0);
    if (value === undefined) return undefined;
    const counted = term.size ? value.abs() : value;
    sum = term.weight === 1 ? sum.plus(counted) : sum.minus(counted);
  }
  return sum;
}

/** The row's cell under year `i`, when the row is there. */
export function at(row: LocatedRow | undefined, i: number): LocatedCell | undefined {
  return row?.cells[i];
}

/** The block's DSG funding less its academy recoupment and other deductions, in year `i`. */
export function fundingLessDeductions(block: BlockPlan, i: number): Term[] {
  return [
    { cell: at(block.allocation, i), weight: 1, name: "DSG funding" },
    ...block.deductions.map((row): Term => ({
      cell: at(row, i),
      weight: -1,
      size: true,
      name: row.label,
    })),
  ];
}

// "Transfer to high needs block" (not "Transfer to/(from) …"): money out of the block, shown positive.
const SAYS_OUT = /^\W*transfers?\s+(?:out\s+)?to\b(?!.*\/)/i;

/**
 * The block's movements in year `i`, into the block positive: a row worded "Less: transfer to high needs
 * block" or "Transfer to high needs block" shows money out as a positive figure, and its size goes out.
 */
export function movementTerm(block: BlockPlan, i: number): Term {
  const row = block.movements;
  const out = row !== undefined && (saysLess(row) || SAYS_OUT.test(row.label));
  return out
    ? { cell: at(row, i), weight: -1, size: true, name: "block movements" }
    : { cell: at(row, i), weight: 1, name: "block movements" };
}
