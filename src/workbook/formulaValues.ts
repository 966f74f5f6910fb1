/**
 * Values for formulas saved without one. Excel and LibreOffice save each formula's last result with it, and
 * the checks read those; a workbook written by a program (openpyxl, an export from a finance system) often
 * saves the formulas alone, so every carried-forward or total built by formula would read as blank. This
 * works out such a formula the way Excel would, in floating point as Excel does, when it uses only cell
 * references, ranges, numbers, text, arithmetic, comparison and the common functions below; any other
 * formula keeps no value, and bad-value asks for the workbook to be opened and saved in Excel.
 */
import { parseA1 } from "./address";
import type { CellRange, CellValue, Sheet, Workbook } from "./workbook";
import { isCellError } from "./workbook";

/** A range argument, read cell by cell by the functions that take ranges. */
interface RangeValue {
  readonly cells: readonly CellValue[];
}

type Value = CellValue | RangeValue;

/** Why a formula was not worked out: it uses something this evaluator does not know. */
class Unsupported extends Error {}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(])|((?:\d+\.?\d*|\.\d+)(?:[Ee][+-]?\d+)?)|([A-Za-z][A-Za-z0-9.]*)\s*\(|(TRUE|FALSE)\b|(<=|>=|<>|[-+*/^&=<>%(),]))/y;

type Token =
  | { kind: "text"; text: string }
  | { kind: "ref"; text: string }
  | { kind: "number"; value: number }
  | { kind: "call"; name: string }
  | { kind: "bool"; value: boolean }
  | { kind: "op"; text: string };

function tokens(formula: string): Token[] {
  const found: Token[] = [];
  const source = formula.replace(/^=/, "");
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (m === null || TOKEN.lastIndex === start) throw new Unsupported();
    if (m[1] !== undefined)
      found.push({ kind: "text", text: m[1].slice(1, -1).replace(/""/g, '"') });
    else if (m[2] !== undefined || m[3] !== undefined)
      found.push({ kind: "ref", text: m[2] ?? m[3] });
    else if (m[4] !== undefined) found.push({ kind: "number", value: Number(m[4]) });
    else if (m[5] !== undefined) found.push({ kind: "call", name: m[5].toUpperCase() });
    else if (m[6] !== undefined) found.push({ kind: "bool", value: m[6].toUpperCase() === "TRUE" });
    else found.push({ kind: "op", text: m[7] });
  }
  return found;
}

const error = (code: string): CellValue => ({ error: code });
const isRange = (value: Value): value is RangeValue =>
  typeof value === "object" && value !== null && "cells" in value;

/** A value as a number for arithmetic, as Excel coerces it: blank 0, TRUE 1, numeric text read; else an error. */
function numberOf(value: Value): number | CellValue {
  if (isRange(value)) return value.cells.length === 1 ? numberOf(value.cells[0]) : error("#VALUE!");
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isCellError(value)) return value;
  const text = value.trim();
  return text !== "" && Number.isFinite(Number(text)) ? Number(text) : error("#VALUE!");
}

/** The numbers a SUM-like function counts: numbers in ranges (text and blanks skipped), direct arguments coerced. */
function numbersIn(args: readonly Value[]): number[] | CellValue {
  const numbers: number[] = [];
  for (const arg of args) {
    if (isRange(arg)) {
      for (const cell of arg.cells) {
        if (isCellError(cell)) return cell;
        if (typeof cell === "number") numbers.push(cell);
      }
    } else {
      const n = numberOf(arg);
      if (typeof n !== "number") return n;
      numbers.push(n);
    }
  }
  return numbers;
}

const scalar = (value: Value): CellValue =>
  isRange(value) ? (value.cells.length === 1 ? value.cells[0] : error("#VALUE!")) : value;

function truth(value: Value): boolean | CellValue {
  const v = scalar(value);
  if (typeof v === "boolean") return v;
  const n = numberOf(v);
  return typeof n === "number" ? n !== 0 : n;
}

function rounded(value: number, places: number, mode: "round" | "up" | "down"): number {
  const factor = 10 ** Math.trunc(places);
  const scaled = Math.abs(value) * factor;
  // Excel rounds half away from zero on the decimal it shows; the tiny nudge absorbs binary noise.
  const whole =
    mode === "round"
      ? Math.round(scaled * (1 + Number.EPSILON))
      : mode === "up"
        ? Math.ceil(scaled * (1 - Number.EPSILON))
        : Math.floor(scaled * (1 + Number.EPSILON));
  return (Math.sign(value) * whole) / factor;
}

type Fn = (args: readonly Value[]) => CellValue;

const withNumbers =
  (f: (numbers: number[]) => CellValue): Fn =>
  (args) => {
    const numbers = numbersIn(args);
    return Array.isArray(numbers) ? f(numbers) : numbers;
  };

const roundFunction =
  (mode: "round" | "up" | "down"): Fn =>
  ([value, places]) => {
    const n = numberOf(value ?? null);
    const p = numberOf(places ?? null);
    if (typeof n !== "number") return n;
    return typeof p === "number" ? rounded(n, p, mode) : p;
  };

const FUNCTIONS: Record<string, Fn> = {
  SUM: withNumbers((n) => n.reduce((a, b) => a + b, 0)),
  MIN: withNumbers((n) => (n.length === 0 ? 0 : Math.min(...n))),
  MAX: withNumbers((n) => (n.length === 0 ? 0 : Math.max(...n))),
  AVERAGE: withNumbers((n) =>
    n.length === 0 ? error("#DIV/0!") : n.reduce((a, b) => a + b, 0) / n.length
  ),
  COUNT: (args) =>
    args.reduce<number>(
      (count, arg) =>
        count + (isRange(arg) ? arg.cells.filter((c) => typeof c === "number").length : 1),
      0
    ),
  ABS: ([value]) => {
    const n = numberOf(value ?? null);
    return typeof n === "number" ? Math.abs(n) : n;
  },
  ROUND: roundFunction("round"),
  ROUNDUP: roundFunction("up"),
  ROUNDDOWN: roundFunction("down"),
  IF: ([test, then = true, otherwise = false]) => {
    const t = truth(test);
    return typeof t === "boolean" ? scalar(t ? then : otherwise) : t;
  },
  IFERROR: ([value, fallback]) => {
    const v = scalar(value);
    return isCellError(v) ? scalar(fallback ?? null) : v;
  },
  AND: (args) => logical(args, (values) => values.every(Boolean)),
  OR: (args) => logical(args, (values) => values.some(Boolean)),
  NOT: ([value]) => {
    const t = truth(value ?? null);
    return typeof t === "boolean" ? !t : t;
  },
};

function logical(args: readonly Value[], combine: (values: boolean[]) => boolean): CellValue {
  const values: boolean[] = [];
  for (const arg of args.flatMap((a) => (isRange(a) ? a.cells : [a]))) {
    const t = truth(arg);
    if (typeof t !== "boolean") return t;
    values.push(t);
  }
  return combine(values);
}

function compare(op: string, a: CellValue, b: CellValue): CellValue {
  if (isCellError(a)) return a;
  if (isCellError(b)) return b;
  const key = (v: CellValue) => (typeof v === "string" ? v.toLowerCase() : (v ?? 0));
  const [x, y] = [key(a), key(b)];
  // Excel orders numbers before text before logical values.
  const rank = (v: unknown) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const order = rank(x) !== rank(y) ? rank(x) - rank(y) : x < y ? -1 : x > y ? 1 : 0;
  return {
    "=": order === 0,
    "<>": order !== 0,
    "<": order < 0,
    ">": order > 0,
    "<=": order <= 0,
    ">=": order >= 0,
  }[op]!;
}

function arithmetic(op: string, a: Value, b: Value): CellValue {
  const x = numberOf(a);
  const y = numberOf(b);
  if (typeof x !== "number") return x;
  if (typeof y !== "number") return y;
  const result =
    op === "+" ? x + y : op === "-" ? x - y : op === "*" ? x * y : op === "/" ? x / y : x ** y;
  if (op === "/" && y === 0) return error("#DIV/0!");
  return Number.isFinite(result) ? result : error("#NUM!");
}

/** What a reference reads: the sheet's cells, worked out when they are formulas saved without a value. */
type Lookup = (sheet: string | undefined, range: CellRange) => RangeValue;

/** Works out one formula; throws Unsupported for anything this evaluator does not know. */
function evaluate(formula: string, lookup: Lookup): CellValue {
  const list = tokens(formula);
  let at = 0;
  const peek = () => list[at];
  const isOp = (text: string) => {
    const t = list[at];
    return t?.kind === "op" && t.text === text;
  };
  const expect = (text: string) => {
    if (!isOp(text)) throw new Unsupported();
    at++;
  };

  const reference = (text: string): RangeValue => {
    const bang = text.lastIndexOf("!");
    const sheet =
      bang < 0
        ? undefined
        : text
            .slice(0, bang)
            .replace(/^'(.*)'$/, "$1")
            .replace(/''/g, "'");
    const range = parseA1(text.slice(bang + 1));
    if (range === null) throw new Unsupported();
    return lookup(sheet, range);
  };

  const primary = (): Value => {
    const token = list[at++];
    if (token === undefined) throw new Unsupported();
    switch (token.kind) {
      case "number":
      case "bool":
        return token.value;
      case "text":
        return token.text;
      case "ref":
        return reference(token.text);
      case "call": {
        const f = FUNCTIONS[token.name];
        if (f === undefined) throw new Unsupported();
        const args: Value[] = [];
        if (!isOp(")")) {
          do {
            if (isOp(",")) at++;
            args.push(comparison());
          } while (isOp(","));
        }
        expect(")");
        return f(args);
      }
      case "op":
        if (token.text === "(") {
          const inner = comparison();
          expect(")");
          return inner;
        }
        if (token.text === "-" || token.text === "+") {
          const operand = unary();
          return token.text === "-" ? arithmetic("*", -1, operand) : scalar(operand);
        }
        throw new Unsupported();
    }
  };
  const unary = (): Value => {
    let value = primary();
    while (isOp("%")) {
      at++;
      value = arithmetic("/", value, 100);
    }
    return value;
  };
  const power = (): Value => {
    let value = unary();
    while (isOp("^")) {
      at++;
      value = arithmetic("^", value, unary());
    }
    return value;
  };
  const product = (): Value => {
    let value = power();
    while (isOp("*") || isOp("/")) {
      const op = (list[at++] as { text: string }).text;
      value = arithmetic(op, value, power());
    }
    return value;
  };
  const sum = (): Value => {
    let value = product();
    while (isOp("+") || isOp("-")) {
      const op = (list[at++] as { text: string }).text;
      value = arithmetic(op, value, product());
    }
    return value;
  };
  const joined = (): Value => {
    let value = sum();
    while (isOp("&")) {
      at++;
      const [a, b] = [scalar(value), scalar(sum())];
      if (isCellError(a)) return a;
      if (isCellError(b)) return b;
      value = `${a ?? ""}${b ?? ""}`;
    }
    return value;
  };
  function comparison(): Value {
    let value = joined();
    for (
      let t = peek();
      t?.kind === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.text);
      t = peek()
    ) {
      at++;
      value = compare(t.text, scalar(value), scalar(joined()));
    }
    return value;
  }

  const result = comparison();
  if (at !== list.length) throw new Unsupported();
  // A formula that reads a blank cell shows 0.
  return scalar(result) ?? 0;
}

// A chain of formulas each reading the one before (a carried-forward row reading its brought forward) is
// worked out depth first; past this depth the rest keep no value rather than risk the stack.
const MAX_DEPTH = 2_000;
// A range read by a formula is read cell by cell: one larger than this keeps the formula without a value.
const MAX_RANGE_CELLS = 1_000_000;

/**
 * The workbook with a value for every formula saved without one that can be worked out; the same
 * workbook when every formula has its value (every file Excel saved).
 */
export function withFormulaValues(workbook: Workbook): Workbook {
  const missing = (sheet: Sheet) =>
    sheet.formulas.some((row, r) => row.some((f, c) => f !== null && sheet.values[r][c] === null));
  if (!workbook.sheets.some(missing)) return workbook;

  const values = new Map(
    workbook.sheets.map((s) => [s.name.toLowerCase(), s.values.map((row) => [...row])])
  );
  const byName = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s]));
  // Cells being worked out (met again, a circular reference), and cells that could not be: a formula that
  // reads one cannot be worked out either, rather than read it as blank.
  const working = new Set<string>();
  const failed = new Set<string>();
  let depth = 0;

  const valueAt = (sheet: Sheet, row: number, col: number): CellValue => {
    const grid = values.get(sheet.name.toLowerCase())!;
    const r = row - sheet.top;
    const c = col - sheet.left;
    const value = grid[r]?.[c] ?? null;
    const formula = sheet.formulas[r]?.[c] ?? null;
    const key = `${sheet.name}!${row},${col}`;
    if (value !== null || formula === null) return value;
    if (failed.has(key) || working.has(key) || depth >= MAX_DEPTH) throw new Unsupported();
    working.add(key);
    depth++;
    try {
      grid[r][c] = evaluate(formula, lookupFrom(sheet));
    } catch (problem) {
      failed.add(key);
      throw problem;
    } finally {
      depth--;
      working.delete(key);
    }
    return grid[r][c];
  };

  const lookupFrom =
    (here: Sheet): Lookup =>
    (name, range) => {
      const sheet = name === undefined ? here : byName.get(name.toLowerCase());
      if (sheet === undefined) throw new Unsupported();
      const size = (range.bottom - range.top + 1) * (range.right - range.left + 1);
      if (size > MAX_RANGE_CELLS) throw new Unsupported();
      const cells: CellValue[] = [];
      const bottom = Math.min(range.bottom, sheet.top + sheet.values.length - 1);
      const right = Math.min(range.right, sheet.left + (sheet.values[0]?.length ?? 0) - 1);
      for (let row = Math.max(range.top, sheet.top); row <= bottom; row++)
        for (let col = Math.max(range.left, sheet.left); col <= right; col++)
          cells.push(valueAt(sheet, row, col));
      // A single cell outside the used range is blank.
      return { cells: cells.length === 0 && size === 1 ? [null] : cells };
    };

  for (const sheet of workbook.sheets)
    sheet.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === null) return;
        try {
          valueAt(sheet, sheet.top + r, sheet.left + c);
        } catch (problem) {
          if (!(problem instanceof Unsupported)) throw problem;
        }
      })
    );
  return {
    sheets: workbook.sheets.map((sheet) => ({
      ...sheet,
      values: values.get(sheet.name.toLowerCase())!,
    })),
  };
}
