/**
 * The roll-forward of "Summary of end of year positions", year by year, computed with the core's
 * `rollGaps` (the same arithmetic as the DSG custom functions) on the figures the sheet shows.
 */
import { Decimal } from "decimal.js";
import { rollGaps } from "../../core/deficit";
import type { LocatedCell, SignConvention, YearColumn } from "../located";
import { decimalOf, figureValue, movementOrZero } from "../figures";
import { asDeficit, inYearSign } from "./figures";
import type { EndOfYearPositions } from "./endOfYearModel";

/** One year's roll-forward: carried forward as reported against brought forward + in-year − payments − contributions ± adjustments. */
export interface YearRoll {
  /** Position of the year in the sheet's year columns. */
  readonly index: number;
  readonly year: YearColumn;
  /** The carried-forward cell of the year, and its figure as reported. */
  readonly closing: LocatedCell;
  readonly reported: Decimal;
  /** Carried forward implied by the other figures, in the sheet's sign convention. */
  readonly expected: Decimal;
  /** Reported minus expected, in the sheet's sign convention. */
  readonly gap: Decimal;
  /** Every rounded figure that entered the calculation (for the rounding tolerance). */
  readonly terms: readonly LocatedCell[];
  /** True when the opening figure is the previous year's carried forward (no brought-forward figure). */
  readonly fromPreviousClosing: boolean;
}

/** The opening deficit of year t: its brought-forward figure, else the previous year's carried forward. */
function opening(
  positions: EndOfYearPositions,
  t: number
): { cell: LocatedCell; value: number; previous: boolean } | undefined {
  const broughtForward = positions.broughtForward?.cells[t];
  const value = figureValue(broughtForward);
  if (broughtForward && value !== undefined)
    return { cell: broughtForward, value, previous: false };
  const previousClosing = t > 0 ? positions.carriedForward?.cells[t - 1] : undefined;
  const previousValue = figureValue(previousClosing);
  return previousClosing && previousValue !== undefined
    ? { cell: previousClosing, value: previousValue, previous: true }
    : undefined;
}

/** A year's roll worked out exactly with the core's `rollGaps`, in the sheet's sign convention. */
/** A year's figures as the sheet shows them; payments and adjustments may be several rows each. */
interface YearFigures {
  readonly opening: number;
  readonly inYear: number;
  /** The way round the in-year figure shows a deficit (its own row's, which may differ from the sheet's). */
  readonly inYearSign: SignConvention;
  /** Payments and every other movement that reduces the deficit, each taken whatever its sign. */
  readonly payments: readonly number[];
  readonly contribution: number;
  /** Adjustments, each added with its sign. */
  readonly adjustments: readonly number[];
  readonly closing: number;
}

const sumOf = (figures: readonly number[], each: (figure: Decimal) => Decimal) =>
  figures.reduce((sum, figure) => sum.plus(each(decimalOf(figure))), new Decimal(0));

function yearRoll(
  index: number,
  year: YearColumn,
  closing: LocatedCell,
  shown: YearFigures,
  sign: SignConvention,
  terms: readonly LocatedCell[],
  fromPreviousClosing: boolean
): YearRoll {
  const closingFigure = decimalOf(shown.closing);
  const result = rollGaps({
    opening: asDeficit(decimalOf(shown.opening), sign),
    inYear: [asDeficit(decimalOf(shown.inYear), shown.inYearSign)],
    payments: [sumOf(shown.payments, (payment) => payment.abs())],
    contributions: [decimalOf(shown.contribution)],
    adjustments: [
      asDeficit(
        sumOf(shown.adjustments, (adjustment) => adjustment),
        sign
      ),
    ],
    closing: [asDeficit(closingFigure, sign)],
  });
  // One year of each series, so the lengths and signs rollGaps checks always agree.
  if (!result.ok) throw new Error(result.error.message);
  const gap = asDeficit(result.value[0], sign);
  return {
    index,
    year,
    closing,
    reported: closingFigure,
    expected: closingFigure.minus(gap),
    gap,
    terms,
    fromPreviousClosing,
  };
}

/**
 * Each year that can be checked (numbers for opening, in-year and carried forward; blank movements count
 * as 0), with its gap. Years with a missing or non-numeric figure are left out: `bad-value` reports those.
 */
export function rollYears(
  positions: EndOfYearPositions,
  years: readonly YearColumn[],
  sign: SignConvention
): readonly YearRoll[] {
  const rolls: YearRoll[] = [];
  years.forEach((year, t) => {
    const start = opening(positions, t);
    const inYearCell = positions.inYear?.cells[t];
    const closingCell = positions.carriedForward?.cells[t];
    const inYear = figureValue(inYearCell);
    const closing = figureValue(closingCell);
    const movementCells = [
      positions.dfePayments,
      positions.laContribution,
      positions.adjustments,
    ].map((row) => row?.cells[t]);
    const [payment, contribution, adjustment] = movementCells.map(movementOrZero);
    const others = (positions.otherMovements ?? []).map(({ row, reduces }) => ({
      cell: row.cells[t],
      amount: movementOrZero(row.cells[t]),
      reduces,
    }));
    if (
      !start ||
      !inYearCell ||
      inYear === undefined ||
      !closingCell ||
      closing === undefined ||
      payment === undefined ||
      contribution === undefined ||
      adjustment === undefined ||
      others.some((other) => other.amount === undefined)
    )
      return;
    const movements = [...movementCells, ...others.map((other) => other.cell)].filter(
      (cell): cell is LocatedCell =>
        cell !== undefined && typeof cell.value === "number" && cell.value !== 0
    );
    // Further movements join the payments when they reduce the deficit (taken whatever their sign, as
    // payments are), else the adjustments (added with their sign).
    const shown: YearFigures = {
      opening: start.value,
      inYear,
      inYearSign: inYearSign(positions, sign),
      payments: [payment, ...others.filter((o) => o.reduces).map((o) => o.amount!)],
      contribution,
      adjustments: [adjustment, ...others.filter((o) => !o.reduces).map((o) => o.amount!)],
      closing,
    };
    const terms = [start.cell, inYearCell, closingCell, ...movements];
    rolls.push(yearRoll(t, year, closingCell, shown, sign, terms, start.previous));
  });
  return rolls;
}

/** Positions with one figure's sign turned round. */
function flipped(
  positions: EndOfYearPositions,
  key: "inYear" | "carriedForward" | "broughtForward",
  t: number
): EndOfYearPositions {
  const row = positions[key]!;
  const cells = row.cells.map((cell, i) =>
    i === t && typeof cell.value === "number" ? { ...cell, value: -cell.value } : cell
  );
  return { ...positions, [key]: { ...row, cells } };
}

/**
 * The row whose figure in year `t` alone breaks the year's roll-forward by its sign: with that figure
 * turned round the roll `holds`. Undefined when no single figure's sign explains the gap.
 */
export function figureWithWrongSign(
  positions: EndOfYearPositions,
  years: readonly YearColumn[],
  sign: SignConvention,
  t: number,
  holds: (roll: YearRoll) => boolean
): "inYear" | "carriedForward" | "broughtForward" | undefined {
  return (["inYear", "carriedForward", "broughtForward"] as const).find((key) => {
    const value = positions[key]?.cells[t]?.value;
    if (typeof value !== "number" || value === 0) return false;
    const retried = rollYears(flipped(positions, key, t), years, sign).find((r) => r.index === t);
    return retried !== undefined && holds(retried);
  });
}
