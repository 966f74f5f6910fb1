/**
 * Excel formulas in A1 notation, read token by token so that two cells can be compared the way Excel
 * compares them when it fills a formula along a row: in relative R1C1 terms. `=SUM(E10:E14)` in E15 and
 * `=SUM(F10:F14)` in F15 are the same formula, `=SUM(R[-5]C:R[-1]C)`, and a cell whose R1C1 form differs
 * from its neighbours' was typed over or edited by hand.
 *
 * The scanner knows just enough of the formula grammar not to mistake something else for a reference:
 * text in double quotes, quoted and unquoted sheet names, function names that look like cells (LOG10,
 * ATAN2, DAYS360), names that look like R1C1 references (R1C1, RC), numbers with exponents (1E5), error
 * values (#REF!) and structured or external references in brackets. Pure: no workbook, no I/O.
 */
import { columnLetters } from "../../workbook/address";

/** Excel's grid: columns A to XFD, rows 1 to 1,048,576 (0-based limits here). */
const MAX_COL = 16383;
const MAX_ROW = 1048575;

/** One end of a reference: a 0-based row or column, and whether it is written with `$`. */
export interface RefPart {
  readonly absolute: boolean;
  readonly index: number;
}

/** A piece of a formula as the scanner reads it; `text` is always the piece exactly as written. */
export type FormulaToken =
  | { readonly kind: "cell"; readonly text: string; readonly row: RefPart; readonly col: RefPart }
  | {
      readonly kind: "columns";
      readonly text: string;
      readonly from: RefPart;
      readonly to: RefPart;
    }
  | { readonly kind: "rows"; readonly text: string; readonly from: RefPart; readonly to: RefPart }
  /** A sheet prefix with its `!`: `'Financial summary'!` or `Summary!`. */
  | { readonly kind: "sheet"; readonly text: string }
  | { readonly kind: "string"; readonly text: string }
  | { readonly kind: "number"; readonly text: string; readonly value: number }
  /** A function or defined name, TRUE or FALSE. */
  | { readonly kind: "name"; readonly text: string }
  | { readonly kind: "error"; readonly text: string }
  /** Structured or external reference in brackets, kept as written. */
  | { readonly kind: "bracket"; readonly text: string }
  | { readonly kind: "space"; readonly text: string }
  /** One character of punctuation: an operator, a parenthesis, a comma, a colon… */
  | { readonly kind: "punct"; readonly text: string };

/** Characters that may continue a name (and so may not follow a reference). */
const NAME_CHAR = /[\p{L}\p{N}_.\\?]/u;
const NAME_START = /[\p{L}_\\]/u;
const NAME_RUN = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*/u;
const ERROR_VALUE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})/;
const COLUMNS = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})/;
const ROWS = /^(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/;
const NUMBER = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[Ee][+-]?[0-9]+)?/;

/** 0-based column of column letters: A → 0, XFD → 16383. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n - 1;
}

/** True when nothing that would make the run before it part of a name or a call follows at `end`. */
function endsReference(formula: string, end: number): boolean {
  const next = formula[end];
  return (
    next === undefined || !(NAME_CHAR.test(next) || next === "(" || next === "!" || next === "[")
  );
}

/** The text from `start` up to and including the closing `quote` (a doubled quote is part of the text). */
function quotedEnd(formula: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

/** The end of a bracketed piece, brackets nested (`Table1[[#This Row],[Cost]]`). */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    if (formula[i] === "[") depth++;
    else if (formula[i] === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

function scanReference(formula: string, i: number): FormulaToken | null {
  const rest = formula.slice(i, i + 24);
  const columns = COLUMNS.exec(rest);
  if (columns && endsReference(formula, i + columns[0].length)) {
    const [from, to] = [columnIndex(columns[2]), columnIndex(columns[4])];
    if (from <= MAX_COL && to <= MAX_COL)
      return {
        kind: "columns",
        text: columns[0],
        from: { absolute: columns[1] === "$", index: from },
        to: { absolute: columns[3] === "$", index: to },
      };
  }
  const cell = CELL.exec(rest);
  if (cell && endsReference(formula, i + cell[0].length)) {
    const col = columnIndex(cell[2]);
    const row = Number(cell[4]) - 1;
    if (col <= MAX_COL && row >= 0 && row <= MAX_ROW)
      return {
        kind: "cell",
        text: cell[0],
        col: { absolute: cell[1] === "$", index: col },
        row: { absolute: cell[3] === "$", index: row },
      };
  }
  const rows = ROWS.exec(rest);
  if (rows && endsReference(formula, i + rows[0].length)) {
    const [from, to] = [Number(rows[2]) - 1, Number(rows[4]) - 1];
    if (from >= 0 && to >= 0 && from <= MAX_ROW && to <= MAX_ROW)
      return {
        kind: "rows",
        text: rows[0],
        from: { absolute: rows[1] === "$", index: from },
        to: { absolute: rows[3] === "$", index: to },
      };
  }
  return null;
}

/**
 * Splits a formula (with or without its leading `=`) into tokens whose texts, joined, give the formula back
 * exactly. A formula the scanner does not understand still splits: what is not a reference is kept as text.
 */
export function scanFormula(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let i = 0;
  const push = (token: FormulaToken) => {
    tokens.push(token);
    i += token.text.length;
  };
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      push({ kind: "string", text: formula.slice(i, quotedEnd(formula, i, '"')) });
    } else if (c === "'") {
      // A quoted sheet name ('Financial summary'!E5); its `!` belongs to it.
      let end = quotedEnd(formula, i, "'");
      if (formula[end] === "!") end++;
      push({ kind: "sheet", text: formula.slice(i, end) });
    } else if (c === "[") {
      push({ kind: "bracket", text: formula.slice(i, bracketEnd(formula, i)) });
    } else if (c === "#") {
      const error = ERROR_VALUE.exec(formula.slice(i, i + 16));
      push(error ? { kind: "error", text: error[0] } : { kind: "punct", text: c });
    } else if (/\s/.test(c)) {
      push({ kind: "space", text: /^\s+/.exec(formula.slice(i))![0] });
    } else if (c === "$" || NAME_START.test(c) || /[0-9.]/.test(c)) {
      const reference = c === "." ? null : scanReference(formula, i);
      if (reference) {
        push(reference);
        continue;
      }
      const number = NUMBER.exec(formula.slice(i, i + 40));
      if (number && /[0-9.]/.test(c)) {
        push({ kind: "number", text: number[0], value: Number(number[0]) });
        continue;
      }
      const name = NAME_RUN.exec(formula.slice(i));
      if (!name) {
        push({ kind: "punct", text: c });
      } else if (formula[i + name[0].length] === "!") {
        push({ kind: "sheet", text: `${name[0]}!` });
      } else {
        push({ kind: "name", text: name[0] });
      }
    } else {
      push({ kind: "punct", text: c });
    }
  }
  return tokens;
}

/** `R`/`C` followed by an absolute number or a bracketed offset (omitted when 0). */
function r1c1Part(letter: "R" | "C", part: RefPart, at: number): string {
  if (part.absolute) return `${letter}${part.index + 1}`;
  const offset = part.index - at;
  return offset === 0 ? letter : `${letter}[${offset}]`;
}

/** A column reference in R1C1, or in years (`Y[-1]`) when it and the cell are both year columns. */
function columnPart(part: RefPart, at: number, yearOf: R1C1Options["yearOf"]): string {
  const [year, own] = [yearOf?.(part.index), yearOf?.(at)];
  if (part.absolute || year === undefined || own === undefined) return r1c1Part("C", part, at);
  return year === own ? "Y" : `Y[${year - own}]`;
}

/** Characters between which a space is Excel's intersection operator rather than layout. */
const OPERAND_END = /[\p{L}\p{N}_)\]'"$!#]$/u;
const OPERAND_START = /^[\p{L}\p{N}_('"$[#]/u;

export interface R1C1Options {
  /**
   * Writes every number as `#`, so formulas that differ only in their typed constants (an uplift of 1.03
   * one year and 1.04 the next) compare equal. Numbers inside references are not affected.
   */
  readonly maskNumbers?: boolean;
  /**
   * The year of each column of a plan (its position among the year columns), to write a relative column
   * that is a year as `Y[n]`, n years away: a brought forward reading last year's carried forward reads
   * `Y[-1]` whether or not a spacer or budget column sits between the two years.
   */
  readonly yearOf?: (col: number) => number | undefined;
}

/**
 * The relative R1C1 form of an A1 formula held in the cell at (`row`, `col`), 0-based: `=SUM(E10:E14)` at
 * E15 → `=SUM(R[-5]C:R[-1]C)`, `$E$10` → `R10C5`, `E:E` → `C:C` (whole columns and rows are written with both
 * ends). Names, functions and sheet names are upper-cased (Excel ignores their case), text in quotes is
 * kept exactly, and spaces are dropped except where they are the intersection operator, so two formulas
 * that Excel treats as the same give the same text.
 */
export function formulaToR1C1(
  formula: string,
  at: { readonly row: number; readonly col: number },
  options: R1C1Options = {}
): string {
  const tokens = scanFormula(formula);
  let out = "";
  tokens.forEach((token, i) => {
    switch (token.kind) {
      case "cell":
        out += r1c1Part("R", token.row, at.row) + columnPart(token.col, at.col, options.yearOf);
        break;
      case "columns":
        out += `${r1c1Part("C", token.from, at.col)}:${r1c1Part("C", token.to, at.col)}`;
        break;
      case "rows":
        out += `${r1c1Part("R", token.from, at.row)}:${r1c1Part("R", token.to, at.row)}`;
        break;
      case "string":
        out += token.text;
        break;
      case "number":
        out += options.maskNumbers ? "#" : String(token.value);
        break;
      case "space": {
        const next = tokens[i + 1]?.text ?? "";
        if (OPERAND_END.test(out) && OPERAND_START.test(next)) out += " ";
        break;
      }
      default:
        out += token.text.toUpperCase();
    }
  });
  return out;
}

function shiftPart(part: RefPart, by: number, max: number): RefPart | null {
  if (part.absolute || by === 0) return part;
  const index = part.index + by;
  return index < 0 || index > max ? null : { absolute: false, index };
}

const dollar = (part: RefPart) => (part.absolute ? "$" : "");

/**
 * The formula as Excel would write it if it were copied `rows` down and `cols` across: relative references
 * move, `$` parts stay, everything else is kept exactly as written. `null` when a reference would move off
 * the sheet (Excel would write #REF!).
 */
export function shiftFormula(formula: string, rows: number, cols: number): string | null {
  let out = "";
  for (const token of scanFormula(formula)) {
    if (token.kind === "cell") {
      const row = shiftPart(token.row, rows, MAX_ROW);
      const col = shiftPart(token.col, cols, MAX_COL);
      if (!row || !col) return null;
      out += `${dollar(col)}${columnLetters(col.index)}${dollar(row)}${row.index + 1}`;
    } else if (token.kind === "columns") {
      const from = shiftPart(token.from, cols, MAX_COL);
      const to = shiftPart(token.to, cols, MAX_COL);
      if (!from || !to) return null;
      out += `${dollar(from)}${columnLetters(from.index)}:${dollar(to)}${columnLetters(to.index)}`;
    } else if (token.kind === "rows") {
      const from = shiftPart(token.from, rows, MAX_ROW);
      const to = shiftPart(token.to, rows, MAX_ROW);
      if (!from || !to) return null;
      out += `${dollar(from)}${from.index + 1}:${dollar(to)}${to.index + 1}`;
    } else {
      out += token.text;
    }
  }
  return out;
}
