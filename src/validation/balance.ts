/**
 * One equation, one check: a rule states what must balance — a reported figure against a sum of other
 * figures, each with its weight, its wording and its cell — and this module works out everything else
 * from that one statement: the exact comparison, the rounding allowance from each figure's displayed
 * precision (or the user's tolerance), and the figures a message shows. No rule does arithmetic of its
 * own on what it compares.
 */
import { Decimal } from "decimal.js";
import type { LocatedCell, MoneyUnit } from "../templates/located";
import { figure, figureOrZero } from "../templates/figures";
import { roundedTerms } from "../templates/financial/figures";
import { allowance } from "./tolerance";
import { formatMoney, shownDecimals } from "./money";
import type { ValidationOptions } from "./rule";

/** One figure on the computed side of an equation: `weight × figure`, a blank counting as 0. */
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

/** The term taken the other way (moved to the other side of the equation). */
export function negated(term: Term): Term {
  return { ...term, weight: term.weight === 1 ? -1 : 1 };
}

/** `reported = Σ weightᵢ · termᵢ`, in the sheet's figures. */
export interface Equation {
  readonly reported: LocatedCell;
  readonly terms: readonly Term[];
}

/** An equation worked out: the figures as Decimals, the gap and how large a gap rounding allows. */
export interface Weighed {
  readonly reported: Decimal;
  readonly expected: Decimal;
  /** Reported minus expected. */
  readonly gap: Decimal;
  readonly allowed: Decimal;
  readonly holds: boolean;
  /** Every cell that entered the comparison (the reported one first). */
  readonly cells: readonly LocatedCell[];
}

function weighted(value: Decimal, term: Term): Decimal {
  const counted = term.size ? value.abs() : value;
  return term.weight === 1 ? counted : counted.negated();
}

/**
 * Works the equation out exactly; undefined when the reported figure is not a number or a term holds
 * text, an error or a boolean (`bad-value` reports those: a check on them would only repeat it).
 */
export function weigh(equation: Equation, options: ValidationOptions): Weighed | undefined {
  const reported = figure(equation.reported);
  if (reported === undefined) return undefined;
  let expected = new Decimal(0);
  const cells: LocatedCell[] = [equation.reported];
  for (const term of equation.terms) {
    const value = term.cell ? figureOrZero(term.cell) : new Decimal(0);
    if (value === undefined) return undefined;
    expected = expected.plus(weighted(value, term));
    if (term.cell) cells.push(term.cell);
  }
  const gap = reported.minus(expected);
  const allowed = allowance(roundedTerms(cells), options);
  return { reported, expected, gap, allowed, holds: gap.abs().lte(allowed), cells };
}

/** Money as a message shows it: in the sheet's unit, to the most decimals the equation's cells display. */
export function moneyOf(weighed: Weighed, unit: MoneyUnit): (value: Decimal | number) => string {
  const decimals = shownDecimals(weighed.cells);
  return (value) => formatMoney(value, unit, decimals);
}
