/**
 * A labelled single value ("Date of sign-off", "S151 Officer:"): the label cell and the cell that holds (or
 * should hold) its value. The value cell is located even when it is empty, so a rule can point at it.
 */
import type { CellValue } from "../../workbook/workbook";

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
