/**
 * Plain Excel formulas that give what a DSG function cell shows, for Prepare for submission: a workbook sent
 * to the DfE keeps live arithmetic (a carried-forward row that still rolls forward when a figure changes)
 * without the add-in, in any Excel, with no LAMBDA, LET or SCAN. Each cell of a spilled result gets its own
 * formula, written the way finance leads write them by hand (`=C10+D5-ABS(D6)-ABS(D7)`), which a reader at
 * the DfE can follow.
 *
 * Only a formula that is one DSG call whose arguments are cell references or numbers is converted: anything
 * else (a call nested in another function, a named range, an expression as an argument) keeps its value.
 * Each formula below restates its function's equation in src/core; test/functions/nativeFormulas.test.ts
 * proves each against the add-in in a spreadsheet engine, over random inputs and the functions sample.
 */
import { a1 } from "../workbook/address";

/** Where a formula sits (0-based) and the size of what it shows (its spill area, 1×1 when it does not spill). */
export interface FormulaPlace {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** One argument as written: a number (one value), or a reference to a cell or a rectangle of cells. */
interface Argument {
  readonly rows: number;
  readonly cols: number;
  /** The argument as written, for functions over the whole range (MIN, SUM). */
  readonly text: string;
  /** The reference to the cell `r` rows and `c` columns into the range (the number itself for a number). */
  cell(r: number, c: number): string;
}

type Arguments = readonly (Argument | undefined)[];

/** A series argument read year by year: its i-th value, or its one value in every year. */
type PerYear = (i: number) => string;

/** Each function's formulas (without their `=`), given its arguments, the number of cells it shows and the address of each. */
type Builder = (args: Arguments, count: number, out: (i: number) => string) => string[] | null;

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_FORMULA_LENGTH = 8_192;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?%?$/i;
const REFERENCE =
  /^((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?$/i;
// The call itself: DSG.CUMULATIVE( as Excel shows it with the add-in loaded, _xldudf_DSG_CUMULATIVE( without.
const CALL = /^=\s*(?:DSG\.|_xldudf_DSG[._])([A-Z]+)\s*\(([\s\S]*)\)\s*$/i;

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** A number or a cell reference as an Argument; `null` for anything else (names, expressions, whole columns). */
function argument(text: string): Argument | null {
  if (NUMBER.test(text)) return { rows: 1, cols: 1, text, cell: () => text };
  const match = REFERENCE.exec(text);
  if (match === null) return null;
  const [, sheet = "", colFixed, colLetters, rowFixed, rowDigits] = match;
  const top = Number(rowDigits) - 1;
  const left = columnIndex(colLetters);
  const bottom = match[9] === undefined ? top : Number(match[9]) - 1;
  const right = match[7] === undefined ? left : columnIndex(match[7]);
  if ([top, bottom].some((r) => r < 0 || r >= MAX_ROWS)) return null;
  if ([left, right].some((c) => c >= MAX_COLS) || bottom < top || right < left) return null;
  return {
    rows: bottom - top + 1,
    cols: right - left + 1,
    text,
    cell: (r, c) => {
      const address = a1(top + r, left + c);
      const letters = address.match(/^[A-Z]+/)![0];
      return `${sheet}${colFixed}${letters}${rowFixed}${address.slice(letters.length)}`;
    },
  };
}

/** The arguments between the call's brackets, split at commas outside quoted sheet names; `null` when one is not plain. */
function argumentsOf(inside: string): (Argument | undefined)[] | null {
  const texts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of inside) {
    if (char === "'") quoted = !quoted;
    if (char === "," && !quoted) {
      texts.push(current);
      current = "";
    } else current += char;
  }
  texts.push(current);
  const args: (Argument | undefined)[] = [];
  for (const text of texts.map((t) => t.trim())) {
    if (text === "") {
      args.push(undefined);
      continue;
    }
    const read = argument(text);
    if (read === null) return null;
    args.push(read);
  }
  return args;
}

const isOneCell = (arg: Argument) => arg.rows === 1 && arg.cols === 1;

/** A one-value argument's text; `null` when it covers more than one cell. */
function one(arg: Argument | undefined): string | null {
  return arg !== undefined && isOneCell(arg) ? arg.cell(0, 0) : null;
}

/**
 * A series argument over `count` years: one value for every year, or a row or column of `count` cells.
 * `undefined` when left out, `null` when its size does not fit.
 */
function perYear(arg: Argument | undefined, count: number): PerYear | null | undefined {
  if (arg === undefined) return undefined;
  if (isOneCell(arg)) return () => arg.cell(0, 0);
  if (arg.rows === 1 && arg.cols === count) return (i) => arg.cell(0, i);
  if (arg.cols === 1 && arg.rows === count) return (i) => arg.cell(i, 0);
  return null;
}

/** How many cells a row or column argument covers; `null` for a rectangle. */
function lengthOf(arg: Argument | undefined): number | null {
  if (arg === undefined || (arg.rows > 1 && arg.cols > 1)) return null;
  return arg.rows * arg.cols;
}

/** Every series argument read over `count` years, or `null` when one does not fit. */
function allPerYear(args: Arguments, count: number): (PerYear | undefined)[] | null {
  const read = args.map((arg) => perYear(arg, count));
  return read.some((r) => r === null) ? null : (read as (PerYear | undefined)[]);
}

/** `−|payment| − |contribution|` for year i: DfE payments and council contributions reduce the deficit whatever their sign. */
const reductions = (i: number, ...series: (PerYear | undefined)[]) =>
  series.map((s) => (s === undefined ? "" : `-ABS(${s(i)})`)).join("");

const NATIVE: Record<string, Builder> = {
  // closing(t) = closing(t−1) + in_year(t) − |payments(t)| − |contributions(t)| + adjustments(t)
  CUMULATIVE([opening, inYear, ...rest], count, out) {
    const start = one(opening);
    const series = allPerYear([inYear, ...rest], count);
    if (start === null || series === null || lengthOf(inYear) !== count) return null;
    const [movement, payments, contributions, adjustments] = series;
    return formulas(count, (i) => {
      const added = adjustments === undefined ? "" : `+${adjustments(i)}`;
      const previous = i === 0 ? start : out(i - 1);
      return `${previous}+${movement!(i)}${reductions(i, payments, contributions)}${added}`;
    });
  },

  // reported closing(t) − (reported closing(t−1) + in_year(t) − |payments(t)| − |contributions(t)|)
  ROLLGAP([opening, inYear, payments, contributions, closing], count) {
    const start = one(opening);
    const series = allPerYear([inYear, payments, contributions, closing], count);
    if (start === null || series === null || lengthOf(inYear) !== count) return null;
    const [movement, paid, contributed, reported] = series;
    if (reported === undefined || lengthOf(closing) !== count) return null;
    return formulas(count, (i) => {
      const previous = i === 0 ? start : reported(i - 1);
      return `${reported(i)}-(${previous}+${movement!(i)}${reductions(i, paid, contributed)})`;
    });
  },

  // The closing balance counting only instalments received or expected.
  RESIDUAL([opening, inYear, payments, contributions, status]) {
    const start = one(opening);
    if (start === null || inYear === undefined || payments === undefined) return null;
    const counted =
      status === undefined
        ? `ABS(${payments.text})`
        : status.rows === payments.rows && status.cols === payments.cols
          ? `ABS(${payments.text})*((TRIM(${status.text})="received")+(TRIM(${status.text})="expected"))`
          : null;
    if (counted === null) return null;
    const contributed =
      contributions === undefined ? "" : `-SUMPRODUCT(ABS(${contributions.text}))`;
    return [`${start}+SUM(${inYear.text})-SUMPRODUCT(${counted})${contributed}`];
  },

  // The lowest of the sources' figures less the ineligible part.
  ELIGIBLE([figures, ineligible]) {
    if (figures === undefined) return null;
    if (ineligible === undefined) return [`MIN(${figures.text})`];
    const excluded = one(ineligible);
    return excluded === null ? null : [`MIN(${figures.text})-${excluded}`];
  },

  // share × (deficit − ineligible)
  HNSG([deficit, share, ineligible]) {
    const held = eligiblePart(deficit, ineligible);
    const written = share === undefined ? DEFAULT_SHARE : one(share);
    return held === null || written === null ? null : [`${written}*${held}`];
  },

  // deficit − share × (deficit − ineligible) + Σ later_in_year
  EXPOSURE([deficit, later, share, ineligible]) {
    const held = one(deficit);
    const eligible = eligiblePart(deficit, ineligible);
    const written = share === undefined ? DEFAULT_SHARE : one(share);
    if (held === null || eligible === null || written === null || later === undefined) return null;
    return [`${held}-${written}*${eligible}+SUM(${later.text})`];
  },

  // rate(t) × (opening(t) + closing(t)) / 2, or 0 when the average balance is not a deficit
  CARRYCOST([opening, closing, rate], count) {
    const start = one(opening);
    const series = allPerYear([closing, rate], count);
    if (start === null || series === null || lengthOf(closing) !== count) return null;
    const [balance, rates] = series;
    if (rates === undefined) return null;
    return formulas(count, (i) => {
      const both = `${i === 0 ? start : balance!(i - 1)}+${balance!(i)}`;
      return `IF(${both}>0,(${both})*${rates(i)}/2,0)`;
    });
  },

  // base × (1 + r1) × (1 + r2) × …
  UPLIFT([base, rates], count, out) {
    const start = one(base);
    const growth = perYear(rates, count);
    if (start === null || growth === null || growth === undefined) return null;
    return formulas(count, (i) => `${i === 0 ? start : out(i - 1)}*(1+${growth(i)})`);
  },

  // Σ caseload(placement, t) × unit_cost(placement), times (1 + inflation) for each year after the first
  COST([caseload, unitCost, inflation], count) {
    const placements = caseload?.rows ?? 0;
    const costs = perYear(unitCost, placements);
    const rates = perYear(inflation, count);
    if (caseload === undefined || caseload.cols !== count) return null;
    if (costs === null || costs === undefined || rates === null) return null;
    return formulas(count, (t) => {
      const terms = Array.from(
        { length: placements },
        (_, p) => `${caseload.cell(p, t)}*${costs(p)}`
      );
      const index = rates === undefined ? "" : yearsAfterFirst(t, (s) => `*(1+${rates(s)})`);
      return index === "" ? terms.join("+") : `(${terms.join("+")})${index}`;
    });
  },

  // (value(t) × (12 − months) + value(t+1) × months) / 12, months before April defaulting to 7
  AYTOFY([values, months], count) {
    const year = perYear(values, count + 1);
    const before = months === undefined ? DEFAULT_MONTHS : one(months);
    if (year === null || year === undefined || before === null) return null;
    if (lengthOf(values) !== count + 1) return null;
    const after = months === undefined ? String(12 - Number(DEFAULT_MONTHS)) : `(12-${before})`;
    return formulas(count, (t) => `(${year(t)}*${after}+${year(t + 1)}*${before})/12`);
  },

  // The year that starts on the 1 April on or before the date, written 2026-27.
  FY([date]) {
    const serial = one(date);
    if (serial === null) return null;
    const start = `YEAR(${serial})-(MONTH(${serial})<4)`;
    return [`${start}&"-"&RIGHT(${start}+1,2)`];
  },

  // stock(t) = stock(t−1) × (1 + growth(t)) + new_plans(t) − ceased(t) − mitigation(t)
  TRAJECTORY([start, periods, ...flows], count, out) {
    const first = one(start);
    const series = allPerYear(flows, count);
    if (first === null || one(periods) === null || series === null) return null;
    const [growth, added, ceased, avoided] = series;
    return formulas(count, (i) => {
      const previous = i === 0 ? first : out(i - 1);
      const grown = growth === undefined ? previous : `${previous}*(1+${growth(i)})`;
      const more = added === undefined ? "" : `+${added(i)}`;
      const fewer = [ceased, avoided].map((s) => (s === undefined ? "" : `-${s(i)}`)).join("");
      return `${grown}${more}${fewer}`;
    });
  },
};

const DEFAULT_SHARE = "0.9";
const DEFAULT_MONTHS = "7";

/** `(deficit−ineligible)`, or the deficit alone when nothing is ineligible. */
function eligiblePart(
  deficit: Argument | undefined,
  ineligible: Argument | undefined
): string | null {
  const held = one(deficit);
  if (held === null) return null;
  if (ineligible === undefined) return held;
  const excluded = one(ineligible);
  return excluded === null ? null : `(${held}-${excluded})`;
}

/** The text for each year s = 1 … t joined: a year's price index counts each year's rise after the first. */
function yearsAfterFirst(t: number, text: (s: number) => string): string {
  return Array.from({ length: t }, (_, s) => text(s + 1)).join("");
}

function formulas(count: number, formula: (i: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => formula(i));
}

/**
 * The plain Excel formulas for a DSG function cell, one per cell of what it shows (rows of the spill area),
 * or `null` when the formula is not one DSG call on cell references and numbers, when the function has no
 * plain equivalent (BALANCEYEAR), or when the arguments do not fit the area shown.
 */
export function nativeFormulas(formula: string, place: FormulaPlace): string[][] | null {
  const call = CALL.exec(formula.trim());
  const build = call === null ? undefined : NATIVE[call[1].toUpperCase()];
  if (call === null || build === undefined) return null;
  if (place.rows > 1 && place.cols > 1) return null;
  const args = argumentsOf(call[2]);
  if (args === null) return null;
  const down = place.rows > 1;
  const count = Math.max(place.rows, place.cols);
  const out = (i: number) => (down ? a1(place.row + i, place.col) : a1(place.row, place.col + i));
  const built = build(args, count, out);
  if (built === null || built.some((f) => f.length >= MAX_FORMULA_LENGTH)) return null;
  const written = built.map((f) => `=${f}`);
  return down ? written.map((f) => [f]) : [written];
}
