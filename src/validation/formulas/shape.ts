/**
 * What a formula does, read from its tokens as far as the formula checks need: whether it is a plain SUM
 * of one column, which typed numbers it adds to its result, which cells a plain sum adds up, and whether it
 * refers to given rows. Pure: no workbook.
 */
import { scanFormula, type FormulaToken } from "./r1c1";

type Token = FormulaToken;

/** The tokens of a formula without spaces and without its leading `=`. */
function solidTokens(formula: string): Token[] {
  const tokens = scanFormula(formula).filter((t) => t.kind !== "space");
  return tokens[0]?.kind === "punct" && tokens[0].text === "=" ? tokens.slice(1) : tokens;
}

const isPunct = (token: Token | undefined, ...texts: string[]): boolean =>
  token?.kind === "punct" && texts.includes(token.text);

/** A function name without the `_xlfn.` prefix newer functions are saved with, upper-cased. */
const functionName = (token: Token) => token.text.toUpperCase().replace(/^_XLFN\./, "");

/** A SUM over one block of rows in one column of the formula's own sheet. */
export interface ColumnSum {
  /** 0-based sheet rows, inclusive. */
  readonly top: number;
  readonly bottom: number;
  readonly col: number;
}

/** `=SUM(E10:E14)` (or `=SUM(E10)`, with or without `$`): the rows and column it adds; otherwise `null`. */
export function columnSum(formula: string): ColumnSum | null {
  const t = solidTokens(formula);
  if (t.length < 4 || t[0].kind !== "name" || functionName(t[0]) !== "SUM" || !isPunct(t[1], "("))
    return null;
  const first = t[2];
  if (first.kind !== "cell") return null;
  if (t.length === 4 && isPunct(t[3], ")"))
    return { top: first.row.index, bottom: first.row.index, col: first.col.index };
  const last = t[4];
  if (t.length !== 6 || !isPunct(t[3], ":") || last?.kind !== "cell" || !isPunct(t[5], ")"))
    return null;
  if (first.col.index !== last.col.index) return null;
  return {
    top: Math.min(first.row.index, last.row.index),
    bottom: Math.max(first.row.index, last.row.index),
    col: first.col.index,
  };
}

/** The formula with its SUM's last row moved to `bottom` (`=SUM(E10:E13)` → `=SUM(E10:E14)`), `$` kept. */
export function withSumBottom(formula: string, bottom: number): string | null {
  const sum = columnSum(formula);
  if (!sum) return null;
  const tokens = scanFormula(formula);
  const cells = tokens.filter((t) => t.kind === "cell");
  const last = cells[cells.length - 1];
  if (last?.kind !== "cell") return null;
  const letters = /^\$?[A-Za-z]+/.exec(last.text)![0];
  const row = `${last.row.absolute ? "$" : ""}${bottom + 1}`;
  const end = `${letters}${row}`;
  const out = tokens.map((t) => t.text);
  const index = tokens.lastIndexOf(last);
  out[index] = cells.length === 1 ? `${last.text}:${end}` : end;
  return out.join("");
}

/** Index of the parenthesis that closes the one at `open`, or -1. */
function closing(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")") && --depth === 0) return i;
  }
  return -1;
}

/** Tokens after which a `+` or `-` is a sign rather than an addition or subtraction. */
const BEFORE_SIGN = ["(", ",", "+", "-", "*", "/", "^", "&", "=", "<", ">", ";", "{"];

/**
 * True when the operand that starts at `start` is added to or taken from what surrounds it: it begins the
 * expression, or follows a `+`/`-` that is an addition, or a sign that is itself in such a place; `(`
 * and `,` count only in an additive group (`inSum` for commas: SUM's arguments are added).
 */
function addedFromLeft(tokens: readonly Token[], start: number, inSum: boolean): boolean {
  const before = tokens[start - 1];
  if (before === undefined) return true;
  if (isPunct(before, "(")) return true;
  if (isPunct(before, ",")) return inSum;
  if (!isPunct(before, "+", "-")) return false;
  const sign = tokens[start - 2];
  if (sign === undefined) return true;
  if (sign.kind === "punct" && BEFORE_SIGN.includes(sign.text)) {
    // A sign: `=-5`, `(-5`, `+-5` are still added; `*-5` is not.
    return isPunct(sign, "(", "+", "-")
      ? addedFromLeft(tokens, start - 1, inSum)
      : isPunct(sign, ",") && inSum;
  }
  return true;
}

/** True when the operand that ends at `end` is followed by an addition, a subtraction or the end of its group. */
function addedFromRight(tokens: readonly Token[], end: number, inSum: boolean): boolean {
  const after = tokens[end + 1];
  if (after === undefined || isPunct(after, "+", "-", ")")) return true;
  return isPunct(after, ",") && inSum;
}

/**
 * The typed numbers a formula adds to (or takes from) its result: `=SUM(E10:E14)+250` gives [250],
 * `=E10-E11-0.5` gives [-0.5], `=SUM(E10:E14,3)` gives [3]. Numbers that scale (`=E12*1.03`, `=E10/1000`),
 * that sit inside any function other than SUM (`ROUND(x,3)`, `IF(x>0,…)`), and zeros are not counted: an
 * uplift or a rounding is an assumption, a number added to a total is a figure with no line of its own.
 */
export function addedConstants(formula: string): number[] {
  const tokens = solidTokens(formula);
  const found: number[] = [];
  // Each group: whether what is in it is added to the result, and whether commas separate added terms.
  const walk = (from: number, to: number, added: boolean, inSum: boolean) => {
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      if (isPunct(token, "(")) {
        const close = closing(tokens, i);
        if (close < 0) return;
        const call = tokens[i - 1]?.kind === "name" ? tokens[i - 1] : undefined;
        const start = call ? i - 1 : i;
        const groupAdded =
          added &&
          (!call || functionName(call) === "SUM") &&
          addedFromLeft(tokens, start, inSum) &&
          addedFromRight(tokens, close, inSum);
        walk(i + 1, close, groupAdded, call !== undefined);
        i = close;
      } else if (token.kind === "punct" && token.text === "{") {
        // An array constant: its numbers are data, not additions.
        while (i < to && !isPunct(tokens[i], "}")) i++;
      } else if (token.kind === "number" && added && token.value !== 0) {
        if (addedFromLeft(tokens, i, inSum) && addedFromRight(tokens, i, inSum)) {
          found.push(negative(tokens, i) ? -token.value : token.value);
        }
      }
    }
  };
  walk(0, tokens.length, true, false);
  return found;
}

/** True when the signs and the operator just before `at` (`-`, `+-`, `--`…) make the operand there negative. */
function negative(tokens: readonly Token[], at: number): boolean {
  let minus = false;
  for (let i = at - 1; i >= 0 && isPunct(tokens[i], "+", "-"); i--)
    if (isPunct(tokens[i], "-")) minus = !minus;
  return minus;
}

/** True when the formula refers to at least one cell, range, column or row. */
export function hasReference(formula: string): boolean {
  return scanFormula(formula).some(
    (t) => t.kind === "cell" || t.kind === "columns" || t.kind === "rows" || t.kind === "name"
  );
}

/**
 * True when the formula may read a cell of column `col`, rows `top` to `bottom`, on its own sheet: a
 * reference or range that touches them, a whole column or row, or a name (which could be anything).
 */
export function mayRead(formula: string, col: number, top: number, bottom: number): boolean {
  const tokens = solidTokens(formula);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === "columns" || t.kind === "rows") return true;
    if (t.kind === "name" && !isPunct(tokens[i + 1], "(")) return true;
    if (t.kind !== "cell" || tokens[i - 1]?.kind === "sheet") continue;
    let [rowFrom, rowTo, colFrom, colTo] = [t.row.index, t.row.index, t.col.index, t.col.index];
    const end = tokens[i + 2];
    if (isPunct(tokens[i + 1], ":") && end?.kind === "cell") {
      [rowFrom, rowTo] = [Math.min(rowFrom, end.row.index), Math.max(rowTo, end.row.index)];
      [colFrom, colTo] = [Math.min(colFrom, end.col.index), Math.max(colTo, end.col.index)];
      i += 2;
    }
    if (colFrom <= col && col <= colTo && rowFrom <= bottom && top <= rowTo) return true;
  }
  return false;
}

/** Largest range a plain sum is expanded cell by cell for; bigger sums are compared as written. */
const MAX_EXPANDED = 2000;

/**
 * The cells a plain sum adds, relative to the formula's cell and sorted (`=E10+E11` and `=SUM(E10:E11)` at
 * E12 both give `R[-2]C R[-1]C`), or `null` when the formula is anything but cells and ranges added with
 * `+` and SUM. Two ways of writing the same addition then compare equal.
 */
export function plainSumKey(
  formula: string,
  at: { readonly row: number; readonly col: number },
  yearOf: (col: number) => number | undefined = () => undefined
): string | null {
  const tokens = solidTokens(formula);
  const cells: string[] = [];
  // Columns that are years are counted in years (see `formulaToR1C1`'s option of the same name).
  const column = (col: number, absolute: boolean) => {
    const [year, own] = [yearOf(col), yearOf(at.col)];
    if (absolute) return `C${col + 1}`;
    return year !== undefined && own !== undefined ? `Y[${year - own}]` : `C[${col - at.col}]`;
  };
  const key = (sheet: string, row: number, col: number, absRow: boolean, absCol: boolean) =>
    `${sheet}R${absRow ? row + 1 : `[${row - at.row}]`}${column(col, absCol)}`;
  let depth = 0;
  let expectOperand = true;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (expectOperand) {
      if (t.kind === "name" && functionName(t) === "SUM" && isPunct(tokens[i + 1], "(")) {
        depth++;
        i++;
        continue;
      }
      if (isPunct(t, "(")) {
        depth++;
        continue;
      }
      let sheet = "";
      let cell: Token | undefined = t;
      if (t.kind === "sheet") {
        sheet = t.text.toUpperCase();
        cell = tokens[++i];
      }
      if (cell?.kind !== "cell") return null;
      const end = tokens[i + 2];
      if (isPunct(tokens[i + 1], ":") && end?.kind === "cell") {
        if (end.row.absolute !== cell.row.absolute || end.col.absolute !== cell.col.absolute)
          return null;
        const [top, bottom] = [
          Math.min(cell.row.index, end.row.index),
          Math.max(cell.row.index, end.row.index),
        ];
        const [left, right] = [
          Math.min(cell.col.index, end.col.index),
          Math.max(cell.col.index, end.col.index),
        ];
        if ((bottom - top + 1) * (right - left + 1) > MAX_EXPANDED) return null;
        for (let r = top; r <= bottom; r++)
          for (let c = left; c <= right; c++)
            cells.push(key(sheet, r, c, cell.row.absolute, cell.col.absolute));
        i += 2;
      } else {
        cells.push(
          key(sheet, cell.row.index, cell.col.index, cell.row.absolute, cell.col.absolute)
        );
      }
      expectOperand = false;
    } else if (isPunct(t, "+") || (isPunct(t, ",") && depth > 0)) {
      expectOperand = true;
    } else if (isPunct(t, ")") && depth > 0) {
      depth--;
    } else {
      return null;
    }
  }
  return depth === 0 && !expectOperand ? cells.sort().join(" ") : null;
}
