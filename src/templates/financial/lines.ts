/**
 * Rows a section lists without fixed labels (the high needs block's s251 expenditure lines, the
 * mitigations): any labelled row with figures between two rows the locator did recognise.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import { cellValue } from "../../workbook/workbook";
import type { LocatedRow, YearColumn } from "../located";
import { readRow } from "../rows";

/**
 * True for a label that adds up lines above it ("Subtotal", "Sub-total: place funding", "Total savings"),
 * or a total written above its lines: among a section's lines it is not one of them.
 */
export function saysTotal(label: string): boolean {
  return /^\W*(sub[\s-]*total|total)\b/i.test(label);
}

/**
 * True for a memo line breaking down a figure above it ("of which: out of county placements", "Memo:
 * independent placements included above"): not one of a section's lines, nor a movement.
 */
export function isBreakdown(label: string): boolean {
  return /^\W*(of which|o\/w|ow|incl(uding|udes)?|comprising|memo)\b|\bincluded above\b/i.test(
    label
  );
}

/** True when the row holds a number under at least one year column. */
export function hasFigure(
  sheet: LabelledSheet,
  row: number,
  years: readonly YearColumn[]
): boolean {
  return years.some((year) => typeof cellValue(sheet, row, year.col) === "number");
}

/** The label cell of a row: the first text cell of the area left of the figures. */
function labelColOf(
  sheet: LabelledSheet,
  row: number,
  area: CellRange,
  firstYearCol: number
): number | undefined {
  for (let col = area.left; col < firstYearCol; col++) {
    const value = cellValue(sheet, row, col);
    if (typeof value === "string" && value.trim() !== "") return col;
  }
  return undefined;
}

/** The row's figures as numbers (blank and text as 0), or undefined when it has none. */
function figuresOf(row: LocatedRow): number[] {
  return row.cells.map((cell) => (typeof cell.value === "number" ? cell.value : 0));
}

/**
 * True when the line is a group's heading that carries the group's sum ("Savings" above its savings lines,
 * each year the sum of the `fewest` lines or more that follow it): a subtotal, not a line of its own.
 */
function headsItsGroup(lines: readonly LocatedRow[], i: number, fewest = 1): boolean {
  const own = figuresOf(lines[i]);
  // Two years with figures at least, so a coincidence of one year does not make a line a heading.
  if (own.filter((v) => v !== 0).length < 2) return false;
  const sums = own.map(() => 0);
  for (let j = i + 1; j < lines.length; j++) {
    figuresOf(lines[j]).forEach((v, y) => (sums[y] += v));
    if (j - i < fewest) continue;
    if (own.every((v, y) => sameFigure(v, sums[y]))) return true;
  }
  return false;
}

/**
 * Every row strictly between `above` and `below` that has a text label left of the figures and at least
 * one figure, read under `years`; note rows, blank rows and subtotals ("Total savings", or a group's heading
 * carrying the sum of the lines below it) are skipped.
 */
export function listedLines(
  sheet: LabelledSheet,
  above: number,
  below: number,
  area: CellRange,
  years: readonly YearColumn[],
  total?: LocatedRow
): LocatedRow[] {
  const firstYearCol = Math.min(...years.map((y) => y.col));
  const lines: LocatedRow[] = [];
  for (let row = above + 1; row < below; row++) {
    const labelCol = labelColOf(sheet, row, area, firstYearCol);
    if (labelCol === undefined || !hasFigure(sheet, row, years)) continue;
    const line = readRow(sheet, row, labelCol, years);
    if (!saysTotal(line.label)) lines.push(line);
  }
  // A line equal to the one line after it is a group's heading carrying its sum ("Cost avoidance" over
  // its one line), or two workstreams phased alike: the total, when there is one, says which.
  const headingsOverOne = lines.filter((_, i) => !headsItsGroup(lines, i));
  const headingsOverTwo = lines.filter((_, i) => !headsItsGroup(lines, i, 2));
  return total !== undefined && addsUpIn(headingsOverTwo, total) > addsUpIn(headingsOverOne, total)
    ? headingsOverTwo
    : headingsOverOne;
}

/** In how many years the lines add up to the total (in doubles, to choose a reading, not to check one). */
function addsUpIn(lines: readonly LocatedRow[], total: LocatedRow): number {
  const sums = figuresOf(total).map(() => 0);
  for (const line of lines) figuresOf(line).forEach((v, y) => (sums[y] += v));
  return figuresOf(total).filter((v, y) => sameFigure(v, sums[y])).length;
}

/** A figure and a sum in doubles that are the same figure, but for the last bits of the adding. */
function sameFigure(figure: number, sum: number): boolean {
  return Math.abs(figure - sum) <= 1e-9 * Math.max(1, Math.abs(figure));
}
