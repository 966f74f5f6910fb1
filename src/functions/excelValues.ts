/**
 * Excel values in, Excel values out: the conversions every DSG custom function shares, so each one in
 * functions.ts is a single call into the core.
 *
 * Excel hands a range to an `any[][]` parameter as rows of cells. Blank cells arrive as `0` (desktop),
 * `null` (Excel on the web) or `""`, so inside money series all three mean 0. Text, logical values
 * and errors are refused with a message naming the argument and the position, because silently
 * skipping them (as SUM does) would hide a broken sheet. Failures leave as `CustomFunctions.Error`,
 * whose message Excel shows for `#VALUE!` and `#N/A`.
 */
import type { RollForwardInput } from "../core/deficit";
import { DEFAULT_HNSG_SHARE } from "../core/hnsg";
import { messages } from "../core/messages";
import type { DsgError, Result } from "../core/result";
import type { Amount } from "../core/units";

/** Which way a result spills: across a row, or down a column. */
export type Orientation = "row" | "column";

/** A one-row or one-column range read as numbers, remembering which way it ran. */
export interface Series {
  values: number[];
  orientation: Orientation;
}

/** Throws the Excel error for a core failure: `#VALUE!` for bad arguments, `#N/A` when there is no answer. */
export function fail(error: DsgError): never {
  const code =
    error.kind === "invalid"
      ? CustomFunctions.ErrorCode.invalidValue
      : CustomFunctions.ErrorCode.notAvailable;
  throw new CustomFunctions.Error(code, error.message);
}

function invalidArgument(message: string): never {
  return fail({ kind: "invalid", message });
}

/** The value of a core result, or the matching Excel error. */
export function unwrap<T>(result: Result<T>): T {
  return result.ok ? result.value : fail(result.error);
}

/**
 * Runs an adapter so that Excel only ever sees a result or a `CustomFunctions.Error`: an unexpected
 * exception would otherwise show as a bare `#VALUE!` with no explanation.
 */
export function excel<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) throw error;
    return invalidArgument(
      messages.unexpected(error instanceof Error ? error.message : String(error))
    );
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** An Excel error passed in as a value: `CustomFunctions.Error` (`code`) or a workbook snapshot cell (`error`). */
function errorCode(value: object): string | null {
  const { code, error } = value as { code?: unknown; error?: unknown };
  return typeof code === "string" ? code : typeof error === "string" ? error : null;
}

/** Why a cell is not a number, as a user message about `subject` ("in_year: value 3"). */
function notANumber(subject: string, value: unknown): string {
  switch (typeof value) {
    case "string":
      return messages.valueIsText(subject, value);
    case "boolean":
      return messages.valueIsLogical(subject, value);
    case "number":
      return messages.valueNotFinite(subject);
    case "object": {
      const code = value === null ? null : errorCode(value);
      return code === null
        ? messages.valueNotNumber(subject)
        : messages.valueIsError(subject, code);
    }
    default:
      return messages.valueNotNumber(subject);
  }
}

/** A cell as a number (blanks are 0), or `undefined` when it is not one. */
function cellNumber(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return isBlank(value) ? 0 : undefined;
}

/** Whatever arrived as rows of cells: a range is already `any[][]`; a lone value counts as a 1×1 range. */
function rowsOf(name: string, value: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0 || !Array.isArray(value[0]) || value[0].length === 0)
    return invalidArgument(messages.emptySeries(name));
  const width = value[0].length;
  for (const row of value)
    if (!Array.isArray(row) || row.length !== width)
      return invalidArgument(messages.notRectangular(name));
  return value as unknown[][];
}

/** A single number (a scalar argument, or a 1×1 range); blank is 0. */
export function scalar(name: string, value: unknown): number {
  const rows = Array.isArray(value) ? rowsOf(name, value) : [[value]];
  if (rows.length !== 1 || rows[0].length !== 1) return invalidArgument(messages.notOneValue(name));
  return cellNumber(rows[0][0]) ?? invalidArgument(notANumber(name, rows[0][0]));
}

/** A scalar argument Excel passes as `null` when left out; `undefined` then. */
export function optionalScalar(name: string, value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : scalar(name, value);
}

/** A one-row or one-column range of numbers (a single cell is a one-value row). */
export function series(name: string, value: unknown): Series {
  const rows = rowsOf(name, value);
  if (rows.length > 1 && rows[0].length > 1)
    return invalidArgument(messages.notOneRowOrColumn(name, rows.length, rows[0].length));
  const inRow = rows.length === 1;
  const count = inRow ? rows[0].length : rows.length;
  const values: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const cell = inRow ? rows[0][i] : rows[i][0];
    // The message is only built for a bad cell: this loop runs for every cell on every recalculation.
    values[i] =
      cellNumber(cell) ?? invalidArgument(notANumber(messages.inSeries(name, i + 1), cell));
  }
  return { values, orientation: inRow ? "row" : "column" };
}

/**
 * A series whose every cell must hold a figure: a blank is refused by position rather than read as 0,
 * because each value is a separate source's figure, and a 0 would quietly become the lowest.
 */
export function filledSeries(name: string, value: unknown): Series {
  const read = series(name, value);
  const blank = rowsOf(name, value).flat().findIndex(isBlank);
  return blank < 0
    ? read
    : invalidArgument(messages.figureMissing(messages.inSeries(name, blank + 1)));
}

/**
 * An optional series: `undefined` when left out, or when typed as a lone `0` or blank where the main
 * series is longer ("no payments"), so users need not build a row of zeros.
 */
export function optionalSeries(name: string, value: unknown, main?: Series): number[] | undefined {
  if (value === null || value === undefined) return undefined;
  const given = series(name, value);
  const noneTyped =
    given.values.length === 1 &&
    given.values[0] === 0 &&
    main !== undefined &&
    main.values.length !== 1;
  return noneTyped ? undefined : given.values;
}

/** The arguments the deficit functions share (CUMULATIVE, RESIDUAL, ROLLGAP), as read from Excel. */
export interface DeficitArguments {
  /** The orientation of `in_year`, which a spilled answer follows. */
  orientation: Orientation;
  /** opening (as a one-value series), in_year, payments, contributions, adjustments; absent ones undefined. */
  figures: (number[] | undefined)[];
}

/** Reads the arguments the deficit functions share; rollForwardInput turns them into the core's input. */
export function deficitArguments(
  opening: unknown,
  inYear: unknown,
  payments: unknown,
  contributions: unknown,
  adjustments: unknown = null
): DeficitArguments {
  const years = series("in_year", inYear);
  return {
    orientation: years.orientation,
    figures: [
      [scalar("opening", opening)],
      years.values,
      optionalSeries("payments", payments, years),
      optionalSeries("contributions", contributions, years),
      optionalSeries("adjustments", adjustments, years),
    ],
  };
}

/** The figures of deficitArguments, as amounts, in the order read: the core's RollForwardInput. */
export function rollForwardInput<T extends Amount<T>>(
  amounts: readonly (readonly T[] | undefined)[]
): RollForwardInput<T> {
  const [opening, inYear, payments, contributions, adjustments] = amounts;
  return { opening: opening![0], inYear: inYear!, payments, contributions, adjustments };
}

/** A rectangular range of numbers, row by row. */
export function matrix(name: string, value: unknown): number[][] {
  const rows = rowsOf(name, value);
  return rows.map((cells, r) =>
    cells.map(
      (cell, c) =>
        cellNumber(cell) ?? invalidArgument(notANumber(messages.inMatrix(name, r + 1, c + 1), cell))
    )
  );
}

/** A one-row or one-column range of labels; blanks (including Excel's blank-as-0) are `""`, numbers become text. */
export function texts(name: string, value: unknown): string[] {
  const rows = rowsOf(name, value);
  if (rows.length > 1 && rows[0].length > 1)
    return invalidArgument(messages.notOneRowOrColumn(name, rows.length, rows[0].length));
  const cells = rows.length === 1 ? rows[0] : rows.map((row) => row[0]);
  return cells.map((cell, i) => {
    if (typeof cell === "string") return cell;
    if (isBlank(cell) || cell === 0) return "";
    if (typeof cell === "number" && Number.isFinite(cell)) return String(cell);
    return invalidArgument(notANumber(messages.inSeries(name, i + 1), cell));
  });
}

/** The orientation of the first argument given as a real series (more than one value), else a row. */
export function orientationOf(...candidates: readonly unknown[]): Orientation {
  for (const value of candidates) {
    if (Array.isArray(value) && value.length > 1) return "column";
    if (Array.isArray(value) && Array.isArray(value[0]) && value[0].length > 1) return "row";
  }
  return "row";
}

/**
 * The grant's `share` and `ineligible` as figures for inAmounts: the share as given or the default 0.9
 * (the core only defaults it for Decimals), the ineligible part as a one-value series or absent.
 */
export function grantArguments(share: unknown, ineligible: unknown): (number[] | undefined)[] {
  const excluded = optionalScalar("ineligible", ineligible);
  return [
    [optionalScalar("share", share) ?? DEFAULT_HNSG_SHARE.toNumber()],
    excluded === undefined ? undefined : [excluded],
  ];
}

/** An amount as a number Excel can hold; a result beyond Excel's range is `#NUM!`. */
export function toExcelNumber(value: Pick<Amount<unknown>, "toNumber">): number {
  const number = value.toNumber();
  if (!Number.isFinite(number))
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidNumber,
      messages.resultTooLarge()
    );
  // -0 would show as 0 anyway; returning 0 keeps comparisons in formulas and tests plain.
  return number === 0 ? 0 : number;
}

/** A core series result spilled as Excel expects: `[[a, b, c]]` across a row, `[[a], [b], [c]]` down a column. */
export function spill(
  orientation: Orientation,
  result: Result<readonly Pick<Amount<unknown>, "toNumber">[]>
): number[][] {
  const values = unwrap(result);
  if (orientation === "row") {
    const row: number[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) row[i] = toExcelNumber(values[i]);
    return [row];
  }
  return values.map((v) => [toExcelNumber(v)]);
}
