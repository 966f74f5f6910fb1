/**
 * A HyperFormula plugin that registers the DSG.* functions so formulas can be tested in a real
 * spreadsheet engine. Every function delegates to the SAME adapters Excel calls (src/functions), with
 * HyperFormula's values translated to what Excel passes: ranges as rows of cells (`any[][]`), empty
 * cells as `null`, a left-out optional argument as `null`, and CustomFunctions.Error back to CellError.
 *
 * HyperFormula is GPL-3.0: it is used here, in tests, and never imported from src/.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import * as dsg from "../../src/functions/functions";
import type { FormulaPlace } from "../../src/functions/nativeFormulas";
import type { CellRange } from "../../src/workbook/workbook";

/**
 * HyperFormula set up as Excel calculates: the 1900 date system (with Lotus's 29 February), plain arithmetic
 * (no smart rounding), blanks as 0, and array arithmetic as Excel evaluates SUMPRODUCT's arguments.
 */
export const EXCEL_LIKE = {
  licenseKey: "gpl-v3",
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  smartRounding: false,
  evaluateNullToZero: true,
  useArrayArithmetic: true,
} as const;

/** Where a formula's answer lands, as nativeFormulas takes it. */
export function spillPlace(range: CellRange): FormulaPlace {
  return {
    row: range.top,
    col: range.left,
    rows: range.bottom - range.top + 1,
    cols: range.right - range.left + 1,
  };
}

type Ast = { type: string; value?: unknown };
type Call = { args: Ast[] };
type Shape = { width: number; height: number };

interface DsgFunction {
  adapter: (...args: any[]) => unknown;
  required: number;
  optional: number;
  /** Where the spill lands, from the argument shapes only (HyperFormula sizes arrays when a formula is entered). */
  size?: (shapes: Shape[], literal: (i: number) => number | undefined) => Shape | undefined;
}

const along = (main: Shape | undefined, length: number): Shape | undefined =>
  length < 1
    ? undefined
    : main !== undefined && main.height > 1
      ? { width: 1, height: length }
      : { width: length, height: 1 };
const cells = (shape: Shape | undefined) => (shape === undefined ? 0 : shape.width * shape.height);
/** The first argument among `indexes` given as more than one cell, as TRAJECTORY and UPLIFT follow it. */
const firstSeries = (shapes: Shape[], indexes: number[]) =>
  indexes.map((i) => shapes[i]).find((s) => cells(s) > 1);

const FUNCTIONS: Record<string, DsgFunction> = {
  "DSG.CUMULATIVE": {
    adapter: dsg.cumulative,
    required: 2,
    optional: 3,
    size: (s) => along(s[1], cells(s[1])),
  },
  "DSG.RESIDUAL": { adapter: dsg.residual, required: 3, optional: 2 },
  "DSG.ELIGIBLE": { adapter: dsg.eligible, required: 1, optional: 1 },
  "DSG.HNSG": { adapter: dsg.hnsg, required: 1, optional: 2 },
  "DSG.EXPOSURE": { adapter: dsg.exposure, required: 2, optional: 2 },
  "DSG.CARRYCOST": {
    adapter: dsg.carrycost,
    required: 3,
    optional: 0,
    size: (s) => along(s[1], cells(s[1])),
  },
  "DSG.ROLLGAP": {
    adapter: dsg.rollgap,
    required: 5,
    optional: 0,
    size: (s) => along(s[1], cells(s[1])),
  },
  "DSG.BALANCEYEAR": { adapter: dsg.balanceyear, required: 2, optional: 0 },
  "DSG.UPLIFT": {
    adapter: dsg.uplift,
    required: 2,
    optional: 1,
    size: (s, literal) =>
      along(firstSeries(s, [1]), cells(s[1]) > 1 ? cells(s[1]) : (literal(2) ?? 1)),
  },
  "DSG.COST": {
    adapter: dsg.cost,
    required: 2,
    optional: 1,
    size: (s) => ({ width: s[0].width, height: 1 }),
  },
  "DSG.AYTOFY": {
    adapter: dsg.aytofy,
    required: 1,
    optional: 1,
    size: (s) => along(s[0], cells(s[0]) - 1),
  },
  "DSG.FY": { adapter: dsg.fy, required: 1, optional: 0 },
  "DSG.TRAJECTORY": {
    adapter: dsg.trajectory,
    required: 2,
    optional: 4,
    size: (s, literal) => along(firstSeries(s, [2, 3, 4, 5]), literal(1) ?? 0),
  },
};

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
};
const EXCEL_CODES: Partial<Record<ErrorType, string>> = {
  ...Object.fromEntries(Object.entries(ERROR_TYPES).map(([code, type]) => [type, code])),
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
};

/** A HyperFormula cell value as Excel would pass it to a custom function. */
function excelCell(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  // Dates, currencies and percentages are numbers carrying a format in HyperFormula.
  if (typeof value === "object" && value !== null && "val" in value)
    return (value as { val: unknown }).val;
  return value;
}

/** An argument as Excel passes it: a range as rows of cells, a scalar as itself, a left-out argument as null. */
function excelArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(excelCell));
  return excelCell(value);
}

/** Excel does not call a custom function whose arguments hold an error: the error is the result. */
function firstError(values: unknown[]): CellError | undefined {
  for (const value of values) {
    if (value instanceof CellError) return value;
    if (value instanceof SimpleRangeValue) {
      const error = value
        .rawData()
        .flat()
        .find((cell) => cell instanceof CellError);
      if (error !== undefined) return error as CellError;
    }
  }
  return undefined;
}

/** The adapter's answer as a HyperFormula value: arrays for spilling functions, CellError with message for Excel errors. */
function hyperFormulaValue(spills: boolean, run: () => unknown): any {
  try {
    const value = run();
    return spills ? SimpleRangeValue.onlyValues(value as number[][]) : value;
  } catch (error) {
    if (error instanceof CustomFunctions.Error)
      return new CellError(ERROR_TYPES[error.code] ?? ErrorType.ERROR, error.message);
    throw error;
  }
}

export class DsgPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = Object.fromEntries(
    Object.entries(FUNCTIONS).map(([name, f]) => [
      name,
      {
        method: "calculate",
        ...(f.size === undefined ? {} : { sizeOfResultArrayMethod: "spillSize" }),
        vectorizationForbidden: true,
        parameters: [
          ...Array.from({ length: f.required }, () => ({ argumentType: FunctionArgumentType.ANY })),
          ...Array.from({ length: f.optional }, () => ({
            argumentType: FunctionArgumentType.ANY,
            optionalArg: true,
          })),
        ],
      },
    ])
  );

  calculate(ast: any, state: any): any {
    const name: string = ast.procedureName;
    const f = FUNCTIONS[name];
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => {
      const error = firstError(args);
      if (error !== undefined) return error;
      const excelArgs = args.map(excelArgument);
      while (excelArgs.length < f.required + f.optional) excelArgs.push(null);
      return hyperFormulaValue(f.size !== undefined, () => f.adapter(...excelArgs));
    });
  }

  spillSize(ast: any, state: any): ArraySize {
    const call = ast as Call & { procedureName: string };
    const shapes = call.args.map((arg) => this.arraySizeForAst(arg as any, state));
    const literal = (i: number) =>
      call.args[i]?.type === "NUMBER" ? (call.args[i].value as number) : undefined;
    const size = FUNCTIONS[call.procedureName].size!(shapes, literal);
    return size === undefined ? ArraySize.error() : new ArraySize(size.width, size.height);
  }
}

/** HyperFormula insists on a translation for every function name, even in one language. */
export const dsgTranslations = {
  enGB: Object.fromEntries(Object.keys(FUNCTIONS).map((name) => [name, name])),
  enUS: Object.fromEntries(Object.keys(FUNCTIONS).map((name) => [name, name])),
};

/** The Excel code (`#VALUE!`) of a HyperFormula error type, for assertions that read like Excel. */
export function excelCode(type: ErrorType): string | undefined {
  return EXCEL_CODES[type];
}
