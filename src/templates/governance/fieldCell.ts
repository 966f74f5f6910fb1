/**
 * A labelled single value ("Date of sign-off", "S151 Officer:"): the label cell and the cell that holds (or
 * should hold) its value. The value cell is located even when it is empty, so a rule can point at it.
 */
import type { CellRange, CellValue } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import { cellValue } from "../../workbook/workbook";
import { findLabel, type LabelSet } from "../labels";

export interface FieldCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

export interface LabelledField {
  /** The label as written in the sheet. */
  readonly label: string;
  readonly labelAt: FieldCell;
  readonly value: FieldCell;
}

/** True when a cell holds nothing a reader would count as an answer (blank, spaces, or an error value). */
export function isBlank(value: CellValue): boolean {
  if (value === null) return true;
  if (typeof value === "string") return value.trim() === "";
  return typeof value === "object";
}

/** The cell at a coordinate as a FieldCell. */
export function fieldAt(sheet: LabelledSheet, row: number, col: number): FieldCell {
  return { sheet: sheet.name, row, col, value: cellValue(sheet, row, col) };
}

/** The first column right of a cell, past the merge it heads if any. */
export function columnAfter(sheet: LabelledSheet, row: number, col: number): number {
  const merge = sheet.merges.find(
    (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right
  );
  return (merge?.right ?? col) + 1;
}

/** The first row below a cell, past the merge it heads if any (a heading merged over two rows). */
export function rowBelow(sheet: LabelledSheet, row: number, col: number): number {
  const merge = sheet.merges.find(
    (m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right
  );
  return (merge?.bottom ?? row) + 1;
}

// A value is written in the next cell or a little further right (labels are often merged over two columns).
const VALUE_SEARCH_WIDTH = 3;

/**
 * The value beside a label: the first filled cell within a few columns to its right (past a merged label),
 * or the cell just right of the label when they are all empty, so an empty answer still has a place.
 */
export function valueRightOf(sheet: LabelledSheet, row: number, col: number): FieldCell {
  const first = columnAfter(sheet, row, col);
  for (let c = first; c < first + VALUE_SEARCH_WIDTH; c++) {
    if (!isBlank(cellValue(sheet, row, c))) return fieldAt(sheet, row, c);
  }
  return fieldAt(sheet, row, first);
}

/** A labelled field found in the area: label matched as in labels.ts, value to its right (or below). */
export function findField(
  sheet: LabelledSheet,
  labels: LabelSet,
  within?: Partial<CellRange>,
  valueBelow = false
): LabelledField | undefined {
  const hit = findLabel(sheet, labels, within);
  if (hit === undefined) return undefined;
  return {
    label: hit.text,
    labelAt: fieldAt(sheet, hit.row, hit.col),
    value: valueBelow
      ? fieldAt(sheet, hit.row + 1, hit.col)
      : valueRightOf(sheet, hit.row, hit.col),
  };
}
