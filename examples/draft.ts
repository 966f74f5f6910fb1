/**
 * A mutable workbook draft for building the sample workbooks: cells hold typed values or formulas, and
 * `toWorkbook()` evaluates every formula (so each carries the cached result Excel would have saved) and
 * returns the dense Workbook snapshot. Faults are seeded by changing a draft cell before evaluation, so a
 * seeded error flows through the dependent formulas exactly as it would in Excel.
 */
import Decimal from "decimal.js";
import type {
  CellRange,
  CellValue,
  Sheet,
  SheetVisibility,
  Workbook,
} from "../src/workbook/workbook";
import { isCellError } from "../src/workbook/workbook";
import { parseA1 } from "../src/workbook/address";

/** One cell of a draft: a typed value, or a formula whose value is computed at `toWorkbook()`. */
export interface DraftCell {
  value: CellValue;
  formula: string | null;
  format: string;
  /** A formula saved without a cached result (as some tools write them): its value stays `null`. */
  uncached?: boolean;
}

/** A 0-based cell in a named sheet of a draft. */
export interface DraftRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** One sheet of a draft: sparse cells by position, merges and visibility. */
export class SheetDraft {
  readonly cells = new Map<string, DraftCell>();
  readonly merges: CellRange[] = [];
  visibility: SheetVisibility = "visible";

  constructor(public name: string) {}

  /** Types a value (or a formula when the text starts with "="). */
  set(row: number, col: number, value: CellValue, format = "General"): DraftRef {
    const formula = typeof value === "string" && value.startsWith("=") ? value : null;
    this.cells.set(key(row, col), { value: formula ? null : value, formula, format });
    return { sheet: this.name, row, col };
  }

  /** The cell at a position, if anything was set there. */
  get(row: number, col: number): DraftCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** Merges a rectangle (0-based, inclusive), as a heading spread over several columns. */
  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  /** Inserts `count` empty rows above `row`, moving cells, merges and same-sheet formula references down. */
  insertRows(row: number, count: number): void {
    const moved = new Map<string, DraftCell>();
    for (const [k, cell] of this.cells) {
      const [r, c] = unkey(k);
      if (cell.formula) cell.formula = shiftFormulaRows(cell.formula, row, count);
      moved.set(key(r >= row ? r + count : r, c), cell);
    }
    this.cells.clear();
    for (const [k, cell] of moved) this.cells.set(k, cell);
    this.merges.forEach((m, i) => {
      if (m.top >= row) this.merges[i] = { ...m, top: m.top + count, bottom: m.bottom + count };
    });
  }

  /** The dense snapshot of this sheet; formula values come from `evaluate`. */
  toSheet(evaluate: (row: number, col: number) => CellValue): Sheet {
    const positions = [...this.cells.keys()].map(unkey);
    if (positions.length === 0) {
      return {
        name: this.name,
        visibility: this.visibility,
        top: 0,
        left: 0,
        values: [],
        formulas: [],
        numberFormats: [],
        merges: this.merges,
      };
    }
    const top = Math.min(...positions.map((p) => p[0]));
    const left = Math.min(...positions.map((p) => p[1]));
    const height = Math.max(...positions.map((p) => p[0])) - top + 1;
    const width = Math.max(...positions.map((p) => p[1])) - left + 1;
    const grid = <T>(fill: T) => Array.from({ length: height }, () => Array<T>(width).fill(fill));
    const values = grid<CellValue>(null);
    const formulas = grid<string | null>(null);
    const numberFormats = grid("General");
    for (const [r, c] of positions) {
      const cell = this.cells.get(key(r, c))!;
      values[r - top][c - left] = cell.formula ? evaluate(r, c) : cell.value;
      formulas[r - top][c - left] = cell.formula;
      numberFormats[r - top][c - left] = cell.format;
    }
    const merges = [...this.merges].sort((a, b) => a.top - b.top || a.left - b.left);
    return {
      name: this.name,
      visibility: this.visibility,
      top,
      left,
      values,
      formulas,
      numberFormats,
      merges,
    };
  }
}

/** The sheets of a draft, in tab order. */
export class WorkbookDraft {
  readonly sheets: SheetDraft[] = [];

  /** Adds an empty sheet after the others. */
  addSheet(name: string): SheetDraft {
    const sheet = new SheetDraft(name);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The sheet of that name; throws when there is none (a mistake in a builder, not in user data). */
  sheet(name: string): SheetDraft {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named ${name} in the draft`);
    return sheet;
  }

  /** The cell at a reference; throws when nothing was set there. */
  cell(ref: DraftRef): DraftCell {
    const cell = this.sheet(ref.sheet).get(ref.row, ref.col);
    if (!cell) throw new Error(`No cell at ${ref.sheet} ${ref.row},${ref.col}`);
    return cell;
  }

  /** Evaluates every formula and returns the Workbook snapshot. */
  toWorkbook(): Workbook {
    return {
      sheets: this.sheets.map((sheet) => {
        const memo = new Map<string, CellValue>();
        const evaluate = (row: number, col: number): CellValue =>
          sheet.get(row, col)?.uncached ? null : valueAt(sheet, row, col, memo);
        return sheet.toSheet(evaluate);
      }),
    };
  }
}

/** A cell's value, evaluating (once) the formulas it depends on. */
function valueAt(
  sheet: SheetDraft,
  row: number,
  col: number,
  memo: Map<string, CellValue>
): CellValue {
  const cell = sheet.get(row, col);
  if (!cell) return null;
  if (!cell.formula) return cell.value;
  const k = key(row, col);
  if (!memo.has(k))
    memo.set(
      k,
      evaluateFormula(cell.formula, (r, c) => valueAt(sheet, r, c, memo))
    );
  return memo.get(k)!;
}

const key = (row: number, col: number) => `${row},${col}`;
const unkey = (k: string) => k.split(",").map(Number) as [number, number];

type Lookup = (row: number, col: number) => CellValue;

class FormulaError {
  constructor(readonly code: string) {}
}

/**
 * Evaluates the small formula language the samples use: numbers, same-sheet references, `+ -`,
 * brackets, unary minus, `SUM(range, ...)` and `ABS(…)`. As in Excel, SUM skips text and an arithmetic operator
 * on text gives `#VALUE!`; errors propagate. Money is summed in decimal.js so cached results carry no
 * binary rounding noise.
 */
export function evaluateFormula(formula: string, lookup: Lookup): CellValue {
  const tokens =
    formula
      .replace(/^=/, "")
      .match(/\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\d+(?:\.\d+)?|SUM|ABS|[-+(),]/g) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const scalar = (value: CellValue): Decimal => {
    if (isCellError(value)) throw new FormulaError(value.error);
    if (value === null) return new Decimal(0);
    if (typeof value === "number") return new Decimal(value);
    if (typeof value === "boolean") return new Decimal(value ? 1 : 0);
    throw new FormulaError("#VALUE!");
  };
  const sumArgument = (token: string): Decimal => {
    const range = parseA1(token);
    if (!range) throw new FormulaError("#NAME?");
    let total = new Decimal(0);
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const value = lookup(r, c);
        if (isCellError(value)) throw new FormulaError(value.error);
        if (typeof value === "number") total = total.plus(value);
      }
    }
    return total;
  };
  const primary = (): Decimal => {
    const token = next();
    if (token === "-") return primary().neg();
    if (token === "+") return primary();
    if (token === "(") {
      const value = expression();
      next();
      return value;
    }
    if (token === "ABS") {
      next();
      const value = expression();
      next();
      return value.abs();
    }
    if (token === "SUM") {
      next();
      let total = new Decimal(0);
      while (peek() !== ")") {
        const argument = next();
        if (argument !== ",") total = total.plus(sumArgument(argument));
      }
      next();
      return total;
    }
    if (/^\d/.test(token)) return new Decimal(token);
    const ref = parseA1(token);
    if (!ref) throw new FormulaError("#NAME?");
    return scalar(lookup(ref.top, ref.left));
  };
  const expression = (): Decimal => {
    let value = primary();
    while (peek() === "+" || peek() === "-") {
      value = next() === "+" ? value.plus(primary()) : value.minus(primary());
    }
    return value;
  };
  try {
    return expression().toNumber();
  } catch (error) {
    if (error instanceof FormulaError) return { error: error.code };
    throw error;
  }
}

/** Moves row numbers at or below `row` (0-based) down by `count` in a formula's references. */
function shiftFormulaRows(formula: string, row: number, count: number): string {
  return formula.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_, letters: string, digits: string) => {
    const n = Number(digits);
    return `${letters}${n - 1 >= row ? n + count : n}`;
  });
}
