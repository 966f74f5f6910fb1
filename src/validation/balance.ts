/**
 * One equation, one check: a rule states what must balance — a reported figure against a sum of other
 * figures, each with its weight, its wording and its cell — and this module works out everything else
 * from that one statement: the exact comparison, the rounding allowance from each figure's displayed
 * precision (or the user's tolerance), and the figures a message shows. No rule does arithmetic of its
 * own on what it compares.
 */
import { Decimal } from "decimal.js";
import type { LocatedCell, MoneyUnit } from "../templates/located";
import { figure } from "../templates/figures";
import { roundedTerms } from "../templates/financial/figures";
import { sumOf, type Term } from "../templates/financial/terms";
import { allowance } from "./tolerance";
import { formatMoney, shownDecimals } from "./money";
import type { ValidationOptions } from "./rule";

export { negated, type Term } from "../templates/financial/terms";

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

/**
 * Works the equation out exactly; undefined when the reported figure is not a number or a term holds
 * text, an error or a boolean (`bad-value` reports those: a check on them would only repeat it).
 */
export function weigh(equation: Equation, options: ValidationOptions): Weighed | undefined {
  const reported = figure(equation.reported);
  if (reported === undefined) return undefined;
  const expected = sumOf(equation.terms);
  if (expected === undefined) return undefined;
  const cells = [equation.reported, ...equation.terms.flatMap((term) => term.cell ?? [])];
  const gap = reported.minus(expected);
  const allowed = allowance(roundedTerms(cells), options);
  return { reported, expected, gap, allowed, holds: gap.abs().lte(allowed), cells };
}

/** Money as a message shows it: in the sheet's unit, to the most decimals the equation's cells display. */
export function moneyOf(weighed: Weighed, unit: MoneyUnit): (value: Decimal | number) => string {
  const decimals = shownDecimals(weighed.cells);
  return (value) => formatMoney(value, unit, decimals);
}
