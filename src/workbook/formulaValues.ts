/**
 * Values for formulas saved without one. Excel and LibreOffice save each formula's last result with it, and
 * the checks read those; a workbook written by a program (openpyxl, an export from a finance system) often
 * saves the formulas alone, so every carried-forward or total built by formula would read as blank. This
 * works out such a formula the way Excel would, in floating point as Excel does, when it uses only cell
 * references, ranges, numbers, text, arithmetic, comparison and the common functions below; any other
 * formula keeps no value, and bad-value asks for the workbook to be opened and saved in Excel.
 */
import { parseA1 } from "./address";
import { dateOfSerial, dateText, serialOfTime } from "./excelDate";
import type { CellError, CellRange, CellValue, Sheet, Workbook } from "./workbook";
import { isCellError } from "./workbook";

/** A range argument: its cells row by row, and its width (lookups and SUMPRODUCT need its shape). */
interface RangeValue {
  readonly cells: readonly CellValue[];
  readonly width: number;
}

type Value = CellValue | RangeValue;

/** Why a formula was not worked out: it uses something this evaluator does not know. */
class Unsupported extends Error {}

// A reference: a cell or range ("C5", "$C$5:$H$5"), whole columns or rows ("$C:$C", "5:5"), optionally on
// a sheet ("'Financial summary'!C5", with the sheet repeated after the colon as Excel sometimes writes it).
const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const AREA = String.raw`(?:${CELL}(?::(?:${SHEET})?${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`;
const TOKEN = new RegExp(
  String.raw`\s*(?:("(?:[^"]|"")*")|((?:${SHEET})?${AREA})(?![A-Za-z0-9_(])|((?:\d+\.?\d*|\.\d+)(?:[Ee][+-]?\d+)?)|(?:_xlfn\.|_xlws\.)*([A-Za-z][A-Za-z0-9.]*)\s*\(|(TRUE|FALSE)\b|([A-Za-z_\\][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])|(<=|>=|<>|[-+*/^&=<>%(),{};]))`,
  "y"
);

type Token =
  | { kind: "text"; text: string }
  | { kind: "ref"; text: string }
  | { kind: "number"; value: number }
  | { kind: "call"; name: string }
  | { kind: "bool"; value: boolean }
  | { kind: "name"; name: string }
  | { kind: "op"; text: string };

// Excel's own limits: a longer formula, or one nested deeper, is not one Excel saved.
const MAX_FORMULA_LENGTH = 8_192;
const MAX_NESTING = 64;

function tokens(formula: string): Token[] {
  if (formula.length > MAX_FORMULA_LENGTH) throw new Unsupported();
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
    else if (m[2] !== undefined) found.push({ kind: "ref", text: m[2] });
    else if (m[3] !== undefined) found.push({ kind: "number", value: Number(m[3]) });
    else if (m[4] !== undefined) found.push({ kind: "call", name: m[4].toUpperCase() });
    else if (m[5] !== undefined) found.push({ kind: "bool", value: m[5].toUpperCase() === "TRUE" });
    else if (m[6] !== undefined) found.push({ kind: "name", name: m[6].toLowerCase() });
    else found.push({ kind: "op", text: m[7] });
  }
  let depth = 0;
  for (const token of found) {
    if (token.kind === "call" || (token.kind === "op" && token.text === "(")) depth++;
    else if (token.kind === "op" && token.text === ")") depth--;
    if (depth > MAX_NESTING) throw new Unsupported();
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

/** A range argument, or a single value as a one-cell range. */
const asRange = (value: Value | undefined): RangeValue =>
  value !== undefined && isRange(value) ? value : { cells: [value ?? null], width: 1 };

/** An argument that must be a whole number (a column index, a count of places). */
function wholeNumber(value: Value | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = numberOf(value ?? null);
  if (typeof n !== "number") throw new Unsupported();
  return Math.trunc(n);
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Equal as a lookup or MATCH compares: numbers by value, text without regard to case. */
function sameValue(cell: CellValue, wanted: CellValue): boolean {
  if (typeof cell === "string" && typeof wanted === "string") return sameText(cell, wanted);
  return cell === wanted;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A criterion's text as a pattern: * any run of characters, ? any one, ~ before either the character itself. */
function wildcards(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "~" && i + 1 < text.length) source += escaped(text[++i]);
    else source += char === "*" ? "[\\s\\S]*" : char === "?" ? "[\\s\\S]" : escaped(char);
  }
  return new RegExp(`^${source}$`, "i");
}

/**
 * The test a criterion of SUMIF, SUMIFS, COUNTIF or COUNTIFS makes of a cell: "=x", "<>x", "<5", ">=5",
 * text with * and ? wildcards (without regard to case), a number, or "" for blank cells.
 */
function criterion(value: CellValue): (cell: CellValue) => boolean {
  if (typeof value === "number" || typeof value === "boolean")
    return (cell) =>
      cell === value || (typeof cell === "string" && Number(cell) === value && cell.trim() !== "");
  const text = typeof value === "string" ? value : "";
  const [, op = "", operand] = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(text)!;
  const number = operand.trim() === "" ? NaN : Number(operand);
  if (Number.isFinite(number)) {
    const compare = (n: number) =>
      op === "<"
        ? n < number
        : op === ">"
          ? n > number
          : op === "<="
            ? n <= number
            : op === ">="
              ? n >= number
              : n === number;
    return op === "<>"
      ? (cell) => typeof cell !== "number" || cell !== number
      : (cell) => typeof cell === "number" && compare(cell);
  }
  if (operand === "")
    return op === "<>"
      ? (cell) => cell !== null && cell !== ""
      : (cell) => cell === null || cell === "";
  const pattern = wildcards(operand);
  const matches = (cell: CellValue) => typeof cell === "string" && pattern.test(cell);
  if (op === "<>") return (cell) => !matches(cell);
  if (op === "" || op === "=") return matches;
  const lower = operand.toLowerCase();
  return (cell) => {
    if (typeof cell !== "string") return false;
    const c = cell.toLowerCase();
    return op === "<" ? c < lower : op === ">" ? c > lower : op === "<=" ? c <= lower : c >= lower;
  };
}

/** The cells of `sum` (or 1 each, to count) where every range meets its criterion. */
function conditional(
  sum: RangeValue | undefined,
  pairs: readonly [RangeValue, CellValue][],
  total: (values: number[]) => CellValue
): CellValue {
  const size = pairs[0][0].cells.length;
  if (pairs.some(([range]) => range.cells.length !== size) || (sum && sum.cells.length !== size))
    return error("#VALUE!");
  const tests = pairs.map(([range, value]) => [range, criterion(value)] as const);
  const picked: number[] = [];
  for (let i = 0; i < size; i++) {
    if (!tests.every(([range, test]) => test(range.cells[i]))) continue;
    const cell = sum ? sum.cells[i] : 1;
    if (isCellError(cell)) return cell;
    if (typeof cell === "number") picked.push(cell);
  }
  return total(picked);
}

const criteriaPairs = (args: readonly Value[]): [RangeValue, CellValue][] => {
  if (args.length === 0 || args.length % 2 !== 0) throw new Unsupported();
  const pairs: [RangeValue, CellValue][] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push([asRange(args[i]), scalar(args[i + 1])]);
  return pairs;
};

const add = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The row (from 0) of a lookup: exact, or the last value not above the one wanted in a sorted list. */
function position(
  list: readonly CellValue[],
  wanted: CellValue,
  exact: boolean,
  descending = false
): number {
  if (exact) return list.findIndex((cell) => sameValue(cell, wanted));
  let found = -1;
  for (let i = 0; i < list.length; i++) {
    const cell = list[i];
    if (typeof cell !== typeof wanted || cell === null) continue;
    const key = (v: CellValue) => (typeof v === "string" ? v.toLowerCase() : (v as number));
    const fits = descending ? key(cell) >= key(wanted) : key(cell) <= key(wanted);
    if (!fits) break;
    found = i;
  }
  return found;
}

function lookup(args: readonly Value[], byRow: boolean): CellValue {
  const wanted = scalar(args[0] ?? null);
  const table = asRange(args[1]);
  const index = wholeNumber(args[2]) - 1;
  const exact = args[3] !== undefined && truth(args[3]) === false;
  const height = table.cells.length / table.width;
  const keys = byRow
    ? table.cells.slice(0, table.width)
    : Array.from({ length: height }, (_, r) => table.cells[r * table.width]);
  const at = position(keys, wanted, exact);
  if (at < 0) return error("#N/A");
  if (index < 0 || index >= (byRow ? height : table.width)) return error("#REF!");
  return byRow ? table.cells[index * table.width + at] : table.cells[at * table.width + index];
}

const onDate =
  (part: (date: Date) => number): Fn =>
  ([value]) => {
    const n = numberOf(value ?? null);
    return typeof n === "number" ? part(dateOfSerial(Math.floor(n))) : n;
  };

const isA =
  (test: (value: CellValue) => boolean): Fn =>
  ([value]) =>
    test(scalar(value ?? null));

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
  SUMIF: ([range, test, sum]) =>
    conditional(
      sum === undefined ? asRange(range) : asRange(sum),
      [[asRange(range), scalar(test ?? null)]],
      add
    ),
  SUMIFS: ([sum, ...rest]) => conditional(asRange(sum), criteriaPairs(rest), add),
  COUNTIF: ([range, test]) =>
    conditional(undefined, [[asRange(range), scalar(test ?? null)]], (v) => v.length),
  COUNTIFS: (args) => conditional(undefined, criteriaPairs(args), (v) => v.length),
  COUNTA: (args) =>
    args.reduce<number>(
      (count, arg) => count + asRange(arg).cells.filter((c) => c !== null && c !== "").length,
      0
    ),
  SUMPRODUCT: (args) => {
    const ranges = args.map(asRange);
    const size = ranges[0]?.cells.length ?? 0;
    if (ranges.some((r) => r.cells.length !== size)) return error("#VALUE!");
    let total = 0;
    for (let i = 0; i < size; i++) {
      let product = 1;
      for (const range of ranges) {
        const cell = range.cells[i];
        if (isCellError(cell)) return cell;
        product *= typeof cell === "number" ? cell : 0;
      }
      total += product;
    }
    return total;
  },
  VLOOKUP: (args) => lookup(args, false),
  HLOOKUP: (args) => lookup(args, true),
  MATCH: ([value, range, type]) => {
    const kind = wholeNumber(type, 1);
    const at = position(asRange(range).cells, scalar(value ?? null), kind === 0, kind < 0);
    return at < 0 ? error("#N/A") : at + 1;
  },
  INDEX: ([range, row, col]) => {
    const table = asRange(range);
    const height = table.cells.length / table.width;
    let [r, c] = [wholeNumber(row), wholeNumber(col, 1)];
    // One index into a single row picks a column.
    if (col === undefined && height === 1) [r, c] = [1, r];
    if (r < 1 || c < 1 || r > height || c > table.width) return error("#REF!");
    return table.cells[(r - 1) * table.width + (c - 1)];
  },
  INT: ([value]) => {
    const n = numberOf(value ?? null);
    return typeof n === "number" ? Math.floor(n) : n;
  },
  TRUNC: ([value, places]) => {
    const n = numberOf(value ?? null);
    return typeof n === "number" ? rounded(n, wholeNumber(places, 0), "down") : n;
  },
  MOD: ([a, b]) => {
    const [x, y] = [numberOf(a ?? null), numberOf(b ?? null)];
    if (typeof x !== "number") return x;
    if (typeof y !== "number") return y;
    return y === 0 ? error("#DIV/0!") : x - y * Math.floor(x / y);
  },
  N: ([value]) => {
    const v = scalar(value ?? null);
    return typeof v === "number"
      ? v
      : typeof v === "boolean"
        ? v
          ? 1
          : 0
        : isCellError(v)
          ? v
          : 0;
  },
  VALUE: ([value]) => numberOf(scalar(value ?? null)),
  ISBLANK: isA((v) => v === null),
  ISNUMBER: isA((v) => typeof v === "number"),
  ISTEXT: isA((v) => typeof v === "string"),
  ISERROR: isA((v) => isCellError(v)),
  ISNA: isA((v) => isCellError(v) && v.error === "#N/A"),
  NA: () => error("#N/A"),
  IFNA: ([value, fallback]) => {
    const v = scalar(value ?? null);
    return isCellError(v) && v.error === "#N/A" ? scalar(fallback ?? null) : v;
  },
  LEFT: ([value, count]) => onText(value, (text) => text.slice(0, wholeNumber(count, 1))),
  RIGHT: ([value, count]) =>
    onText(value, (text) => {
      const n = wholeNumber(count, 1);
      return n <= 0 ? "" : text.slice(-n);
    }),
  MID: ([value, start, count]) =>
    onText(value, (text) => {
      const from = wholeNumber(start, 1) - 1;
      return from < 0 ? error("#VALUE!") : text.slice(from, from + wholeNumber(count, 0));
    }),
  LEN: ([value]) => onText(value, (text) => text.length),
  TRIM: ([value]) => onText(value, (text) => text.trim().replace(/ +/g, " ")),
  UPPER: ([value]) => onText(value, (text) => text.toUpperCase()),
  LOWER: ([value]) => onText(value, (text) => text.toLowerCase()),
  TEXT: ([value, format]) => {
    const n = numberOf(value ?? null);
    const f = scalar(format ?? null);
    if (typeof n !== "number") return n;
    if (typeof f !== "string") throw new Unsupported();
    // Formats of zeros ("0", "00", "0.0"), as year headings use, and dates ("mmm-yy", "dd/mm/yyyy");
    // any other is not worked out.
    if (/^0+(\.0+)?$/.test(f)) {
      const [whole, places = ""] = f.split(".");
      return n
        .toFixed(places.length)
        .padStart(whole.length + (places ? places.length + 1 : 0), "0");
    }
    const shown = n >= 0 ? dateText(n, f) : null;
    if (shown === null) throw new Unsupported();
    return shown;
  },
  PROPER: ([value]) =>
    onText(value, (text) =>
      text
        .toLowerCase()
        .replace(
          /(^|[^a-z])([a-z])/g,
          (_, before: string, letter: string) => before + letter.toUpperCase()
        )
    ),
  CHAR: ([code]) => {
    const n = wholeNumber(code);
    // Codes 128 to 159 are Windows-1252's own characters, not worked out here.
    if (n < 1 || n > 255) return error("#VALUE!");
    if (n >= 128 && n < 160) throw new Unsupported();
    return String.fromCharCode(n);
  },
  CONCATENATE: (args) => joinTexts(args),
  CONCAT: (args) => joinTexts(args),
  TEXTJOIN: ([delimiter, skipEmpty, ...args]) => {
    const between = textOf(delimiter);
    const skip = truth(skipEmpty ?? null);
    if (typeof between !== "string") return between;
    if (typeof skip !== "boolean") return skip;
    const parts: string[] = [];
    for (const cell of args.flatMap((a) => asRange(a).cells)) {
      const text = textOf(cell);
      if (typeof text !== "string") return text;
      if (!(skip && text === "")) parts.push(text);
    }
    return parts.join(between);
  },
  IFS: (args) => {
    if (args.length === 0 || args.length % 2 !== 0) throw new Unsupported();
    for (let i = 0; i < args.length; i += 2) {
      const t = truth(args[i]);
      if (typeof t !== "boolean") return t;
      if (t) return scalar(args[i + 1]);
    }
    return error("#N/A");
  },
  SWITCH: ([value, ...cases]) => {
    const v = scalar(value ?? null);
    if (isCellError(v)) return v;
    for (let i = 0; i + 1 < cases.length; i += 2)
      if (compare("=", v, scalar(cases[i])) === true) return scalar(cases[i + 1]);
    return cases.length % 2 === 1 ? scalar(cases[cases.length - 1]) : error("#N/A");
  },
  XLOOKUP: ([wanted, keys, results, notFound, matchMode, searchMode]) => {
    const [list, answers] = [asRange(keys), asRange(results)];
    // Exact matches of one cell in a row or column, searched from either end; other modes are not worked out.
    const oneLine = (r: RangeValue) => r.width === 1 || r.width === r.cells.length;
    if (!oneLine(list) || answers.cells.length !== list.cells.length || !oneLine(answers))
      throw new Unsupported();
    if (wholeNumber(matchMode, 0) !== 0 || ![1, -1].includes(wholeNumber(searchMode, 1)))
      throw new Unsupported();
    const w = scalar(wanted ?? null);
    const order = [...list.cells.keys()];
    if (wholeNumber(searchMode, 1) === -1) order.reverse();
    const at = order.find((i) => sameValue(list.cells[i], w));
    if (at !== undefined) return answers.cells[at];
    return notFound === undefined ? error("#N/A") : scalar(notFound);
  },
  DATE: ([y, m, d]) => serialOfTime(Date.UTC(wholeNumber(y), wholeNumber(m) - 1, wholeNumber(d))),
  YEAR: onDate((date) => date.getUTCFullYear()),
  MONTH: onDate((date) => date.getUTCMonth() + 1),
  DAY: onDate((date) => date.getUTCDate()),
};

/** A cell's value as Excel turns it into text for a text function: numbers as General shows them. */
function textOf(value: Value | undefined): string | CellError {
  const v = scalar(value ?? null);
  if (isCellError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A text function applied to a value turned into text; an error passes through. */
function onText(value: Value | undefined, apply: (text: string) => CellValue): CellValue {
  const text = textOf(value);
  return typeof text === "string" ? apply(text) : text;
}

function joinTexts(args: readonly Value[]): CellValue {
  let text = "";
  for (const cell of args.flatMap((a) => asRange(a).cells)) {
    if (isCellError(cell)) return cell;
    text += cell === null ? "" : String(cell === true ? "TRUE" : cell === false ? "FALSE" : cell);
  }
  return text;
}

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
  // As Excel does, a sum or difference that cancels to within the last bits of its operands is 0:
  // 26.9 - 24.5 - 2.4 gives 0, not -8.9e-16, so a plan that ends at £0 does not end "in deficit".
  if (
    (op === "+" || op === "-") &&
    Math.abs(result) < Math.max(Math.abs(x), Math.abs(y)) * 2 ** -49
  )
    return 0;
  return Number.isFinite(result) ? result : error("#NUM!");
}

/** What a reference reads: the sheet's cells, worked out when they are formulas saved without a value. */
type Lookup = (sheet: string | undefined, range: CellRange) => RangeValue;

const LAST_ROW = 1_048_575;
const LAST_COL = 16_383;
const SHEET_PREFIX = new RegExp(`^${SHEET}`);

/** The sheet (when named) and cells of a reference: "C5", "'Plan'!C5:H5", "$C:$C" (a whole column), "5:5". */
function areaOf(text: string): { sheet?: string; range: CellRange } | null {
  const prefix = SHEET_PREFIX.exec(text)?.[0];
  const sheet = prefix
    ?.slice(0, -1)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  // "'Plan'!C7:'Plan'!C10": the sheet again after the colon.
  const rest = text.slice(prefix?.length ?? 0).replace(new RegExp(`:${SHEET}`), ":");
  const cells = parseA1(rest);
  if (cells !== null) return { sheet, range: cells };
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(rest);
  if (columns !== null) {
    const [left, right] = [columns[1], columns[2]].map((c) => parseA1(`${c}1`)!.left);
    return { sheet, range: { top: 0, bottom: LAST_ROW, left, right } };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(rest);
  if (rows !== null)
    return {
      sheet,
      range: { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: LAST_COL },
    };
  return null;
}

/** Works out one formula; throws Unsupported for anything this evaluator does not know. */
function evaluate(formula: string, lookup: Lookup, names: ReadonlyMap<string, string>): CellValue {
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
    const area = areaOf(text);
    if (area === null) throw new Unsupported();
    return lookup(area.sheet, area.range);
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
      case "name": {
        const local = [...locals]
          .reverse()
          .find((scope) => scope.has(token.name))
          ?.get(token.name);
        if (local !== undefined) return local;
        const refersTo = names.get(token.name);
        if (refersTo === undefined) throw new Unsupported();
        return reference(refersTo.replace(/^=/, ""));
      }
      case "call": {
        if (token.name === "LET") return letValue();
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
        if (token.text === "{") return arrayConstant();
        if (token.text === "-" || token.text === "+") {
          const operand = unary();
          return token.text === "-" ? arithmetic("*", -1, operand) : scalar(operand);
        }
        throw new Unsupported();
    }
  };
  // An array constant ({"S","A";1,2}): numbers, text and logical values, "," between columns, ";" between rows.
  const arrayConstant = (): RangeValue => {
    const rows: CellValue[][] = [[]];
    for (;;) {
      const token = list[at++];
      const negative = token?.kind === "op" && token.text === "-";
      const item = negative ? list[at++] : token;
      if (item?.kind === "number") rows[rows.length - 1].push(negative ? -item.value : item.value);
      else if (!negative && item?.kind === "text") rows[rows.length - 1].push(item.text);
      else if (!negative && item?.kind === "bool") rows[rows.length - 1].push(item.value);
      else throw new Unsupported();
      const next = list[at++];
      if (next?.kind !== "op") throw new Unsupported();
      if (next.text === "}") break;
      if (next.text === ";") rows.push([]);
      else if (next.text !== ",") throw new Unsupported();
    }
    const width = rows[0].length;
    if (rows.some((row) => row.length !== width)) throw new Unsupported();
    return { cells: rows.flat(), width };
  };
  // LET(name, value, …, calculation): names bound in order, each seen by what follows it.
  const locals: Map<string, Value>[] = [];
  const letValue = (): Value => {
    const scope = new Map<string, Value>();
    locals.push(scope);
    for (;;) {
      const [name, comma] = [list[at], list[at + 1]];
      if (name?.kind !== "name" || comma?.kind !== "op" || comma.text !== ",") break;
      at += 2;
      scope.set(name.name, comparison());
      expect(",");
    }
    if (scope.size === 0) throw new Unsupported();
    const result = comparison();
    expect(")");
    locals.pop();
    return result;
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
// All the cells one workbook's formulas may read between them (a column of SUM(A:A) reads the column once a
// cell): past it, the formulas left keep no value, so a hostile file cannot make reading take minutes.
const MAX_CELLS_READ = 20_000_000;

/**
 * The workbook with a value for every formula saved without one that can be worked out; the same
 * workbook when every formula has its value (every file Excel saved).
 */
/** Whether a sheet holds a formula saved without its result. */
export const lacksResults = (sheet: Sheet): boolean =>
  sheet.formulas.some((row, r) => row.some((f, c) => f !== null && sheet.values[r][c] === null));

export function withFormulaValues(
  workbook: Workbook,
  names: ReadonlyMap<string, string> = new Map()
): Workbook {
  if (!workbook.sheets.some(lacksResults)) return workbook;

  const values = new Map(
    workbook.sheets.map((s) => [s.name.toLowerCase(), s.values.map((row) => [...row])])
  );
  const byName = new Map(workbook.sheets.map((s) => [s.name.toLowerCase(), s]));
  // Cells being worked out (met again, a circular reference), and cells that could not be: a formula that
  // reads one cannot be worked out either, rather than read it as blank.
  const working = new Set<string>();
  const failed = new Set<string>();
  let depth = 0;
  let cellsRead = 0;

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
      grid[r][c] = evaluate(formula, lookupFrom(sheet), names);
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
      // A whole column or row reads only the sheet's used part of it.
      const top = Math.max(range.top, sheet.top);
      const left = Math.max(range.left, sheet.left);
      const bottom = Math.min(range.bottom, sheet.top + sheet.values.length - 1);
      const right = Math.min(range.right, sheet.left + (sheet.values[0]?.length ?? 0) - 1);
      // A single cell outside the used range is blank.
      if (
        range.top === range.bottom &&
        range.left === range.right &&
        (bottom < top || right < left)
      )
        return { cells: [null], width: 1 };
      const width = Math.max(0, right - left + 1);
      const size = width * Math.max(0, bottom - top + 1);
      cellsRead += size;
      if (size > MAX_RANGE_CELLS || cellsRead > MAX_CELLS_READ) throw new Unsupported();
      const cells: CellValue[] = [];
      for (let row = top; row <= bottom; row++)
        for (let col = left; col <= right; col++) cells.push(valueAt(sheet, row, col));
      return { cells, width };
    };

  for (const sheet of workbook.sheets)
    sheet.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula === null) return;
        try {
          valueAt(sheet, sheet.top + r, sheet.left + c);
        } catch (problem) {
          // A chain of references deeper than the stack allows is given up on like anything unknown.
          if (!(problem instanceof Unsupported) && !(problem instanceof RangeError)) throw problem;
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
