/**
 * The workbook abstraction every validation rule reads through.
 *
 * A Workbook is a plain, JSON-serialisable snapshot of each sheet's used range: values, formulas and
 * number formats as dense grids. Readers fill it in a few large reads (Office.js: a constant number of
 * `context.sync()` calls; .xlsx: one parse), and rules never go back to the source. Being plain data,
 * the same snapshot also feeds the browser workbench and the tests.
 */

/** An Excel error value such as `#REF!` or `#DIV/0!`, kept distinct from text. */
export interface CellError {
  readonly error: string;
}

/** A cell's calculated value; `null` is an empty cell (or a formula with no saved result). */
export type CellValue = number | string | boolean | null | CellError;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/** A rectangle of cells in sheet coordinates (0-based, inclusive). */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** One cell in a named sheet (0-based row and column). */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** One worksheet's used range. */
export interface Sheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Sheet row and column (0-based) of `values[0][0]`: the top-left cell of the used range. */
  readonly top: number;
  readonly left: number;
  /** Calculated values, one array per used row, each as wide as the used range. */
  readonly values: CellValue[][];
  /** Formula text (`=SUM(C5:C8)`) where the cell holds a formula, otherwise `null`. Same shape as `values`. */
  readonly formulas: (string | null)[][];
  /** Number format code of each cell (`General`, `#,##0.000`). Same shape as `values`. */
  readonly numberFormats: string[][];
  /** Merged areas, in sheet coordinates. */
  readonly merges: readonly CellRange[];
  /**
   * True when the reader passed the sheet over, its cells unread, as a large sheet holding nothing any
   * check looks for (./passOver.ts: the command line's reading only).
   */
  readonly passedOver?: boolean;
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
}

/** Why a workbook could not be read at all, in words a finance lead understands. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** A sheet with no cells (an empty used range). */
export function emptySheet(name: string, visibility: SheetVisibility = "visible"): Sheet {
  return {
    name,
    visibility,
    top: 0,
    left: 0,
    values: [],
    formulas: [],
    numberFormats: [],
    merges: [],
  };
}

/** The value at a sheet coordinate, or `null` outside the used range. */
export function cellValue(sheet: Sheet, row: number, col: number): CellValue {
  return sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
}

/** The formula at a sheet coordinate, or `null` when the cell holds a constant or is outside the used range. */
export function cellFormula(sheet: Sheet, row: number, col: number): string | null {
  return sheet.formulas[row - sheet.top]?.[col - sheet.left] ?? null;
}

/** The number format at a sheet coordinate (`General` outside the used range). */
export function cellNumberFormat(sheet: Sheet, row: number, col: number): string {
  return sheet.numberFormats[row - sheet.top]?.[col - sheet.left] ?? "General";
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

/** Last row and column (inclusive, sheet coordinates) of a sheet's used range. */
export function usedBottomRight(sheet: Sheet): { bottom: number; right: number } {
  const width = sheet.values[0]?.length ?? 0;
  return { bottom: sheet.top + sheet.values.length - 1, right: sheet.left + width - 1 };
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  return workbook.sheets.find((s) => s.name === name);
}
