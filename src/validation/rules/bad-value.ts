import { defineRule, type RuleReport } from "../rule";
import type { CellValue } from "../../workbook/workbook";
import { isCellError } from "../../workbook/workbook";
import type { LocatedCell, YearColumn } from "../../templates/located";
import { numericRows, type YearRow } from "../numericRows";
import { isNilDash, isNotApplicable } from "../../templates/figures";
import { cellLocation, quoted, rowName, yearOf } from "../at";

/**
 * What is wrong with a cell that should hold a number: a kind that cells sharing the problem have in
 * common (text, one error value, TRUE/FALSE), and how to say it of one cell and of several.
 */
interface Problem {
  readonly kind: string;
  readonly one: string;
  readonly many: string;
  /** The text as typed, shown in the message. */
  readonly shown?: string;
}

// Marks that published statistics put in place of a small count ("*", "c", "x", "[c]", "<5", "..").
const SUPPRESSED = /^\s*(\*+|\[?[cxz]\]?|<\s*\d+|\.\.|~)\s*$/i;

/** What is wrong with a cell that should hold a number, or undefined when nothing is. */
function problem(value: CellValue, optional: boolean): Problem | undefined {
  if (optional && isNotApplicable(value)) return undefined;
  // #NAME? is name-errors' finding, once a sheet with its usual cause (the DSG add-in not loaded where the
  // workbook was calculated); repeated here under each row of figures it would be the same error again.
  if (isCellError(value) && value.error === "#NAME?") return undefined;
  if (isCellError(value))
    return {
      kind: `error ${value.error}`,
      one: `shows the error ${value.error}: correct the formula or the cell it refers to`,
      many: `show the error ${value.error}: correct the formulas or the cells they refer to`,
    };
  if (typeof value === "boolean")
    return {
      kind: "boolean",
      one: `is ${value ? "TRUE" : "FALSE"} where a number is expected`,
      many: "are TRUE or FALSE where numbers are expected",
    };
  if (typeof value === "string" && SUPPRESSED.test(value))
    return {
      kind: "suppressed",
      one: `is ${quoted(value.trim())}, a count held back as in published statistics: the plan needs the count itself`,
      many: "are counts held back as in published statistics: the plan needs the counts themselves",
      shown: value.trim(),
    };
  if (typeof value === "string" && value.trim() !== "" && !isNilDash(value))
    return {
      kind: "text",
      one: `is text (${quoted(value.trim())}) where a number is expected: type the figure as a number`,
      many: "are text where numbers are expected: type the figures as numbers",
      shown: value.trim(),
    };
  return undefined;
}

/** Cells of one row with the same problem, or of several rows one under another in the same columns. */
interface BadCells {
  readonly rows: YearRow[];
  /** Year positions of the bad cells, the same in every row. */
  readonly indexes: readonly number[];
  readonly problem: Problem;
  readonly shown: string[];
}

/** The row's bad cells, grouped by problem: a row typed as text in every year is one finding, not six. */
function badCellsOf(yearRow: YearRow): BadCells[] {
  const groups = new Map<string, BadCells & { indexes: number[] }>();
  const cells = yearRow.row.cells;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i].value;
    // Nearly every cell is a number, which needs no more than its type checked.
    if (typeof value === "number") continue;
    const what = problem(value, yearRow.optional ?? false);
    if (what === undefined) continue;
    const group = groups.get(what.kind);
    if (group === undefined)
      groups.set(what.kind, { rows: [yearRow], indexes: [i], problem: what, shown: [] });
    else group.indexes.push(i);
    if (what.shown !== undefined) groups.get(what.kind)!.shown.push(what.shown);
  }
  return [...groups.values()];
}

// Rows further apart than this on the sheet are in different tables, whatever their cells hold.
const MAX_ROW_STEP = 2;

/**
 * True when `next` continues `group` downwards: the row below (a blank row or so apart on the same
 * sheet) with the same problem in the same year columns, so one finding covers the block of cells.
 */
function continues(group: BadCells, next: BadCells): boolean {
  const last = group.rows[group.rows.length - 1].row;
  const below = next.rows[0].row;
  return (
    group.problem.kind === next.problem.kind &&
    group.rows[0].owner === next.rows[0].owner &&
    below.sheet === last.sheet &&
    below.row > last.row &&
    below.row - last.row <= MAX_ROW_STEP &&
    group.indexes.length === next.indexes.length &&
    group.indexes.every((index, i) => last.cells[index]?.col === below.cells[next.indexes[i]]?.col)
  );
}

/** The years of the cells, for messages: "2026", "2024 to 2029" or "2024, 2026". */
function yearsOf(years: readonly YearColumn[], indexes: readonly number[]): string {
  const labels = indexes.map((index) => yearOf(years, index));
  const runOn = indexes.every((index, i) => i === 0 || index === indexes[i - 1] + 1);
  if (labels.length > 2 && runOn) return `${labels[0]} to ${labels[labels.length - 1]}`;
  return labels.join(", ");
}

/** The text as typed in the first few cells, for messages ("'93', '558', '478', …"). */
function shownOf(shown: readonly string[]): string {
  if (shown.length === 0) return "";
  const first = shown.slice(0, 3).map((text) => quoted(text));
  return ` (${first.join(", ")}${shown.length > 3 ? ", …" : ""})`;
}

/** One finding for a group: the cell itself when it is one, else the block from its first cell. */
function reportOf(group: BadCells): RuleReport {
  const { rows, indexes, problem: what } = group;
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const topLeft = first.row.cells[indexes[0]];
  const count = rows.length * indexes.length;
  // The EHCP tables repeat their labels placement after placement: the placement says which table.
  const owner = first.owner === undefined ? "" : `${first.owner}: `;
  if (count === 1)
    return {
      message: `${owner}${rowName(first.row)} for ${yearOf(first.years, indexes[0])} ${what.one}.`,
      at: cellLocation(first.row, topLeft),
    };
  const bottomRight = last.row.cells[indexes[indexes.length - 1]];
  const where =
    rows.length === 1
      ? `${rowName(first.row)} for ${yearsOf(first.years, indexes)}`
      : `${count} figures from ${quoted(rowName(first.row), 40)} to ${quoted(rowName(last.row), 40)} ` +
        `for ${yearsOf(first.years, indexes)}`;
  const [verb, ...rest] = what.many.split(":");
  return {
    message: `${owner}${where} ${verb}${shownOf(group.shown)}${rest.length > 0 ? `:${rest.join(":")}` : ""}.`,
    at: {
      sheet: first.row.sheet,
      row: topLeft.row,
      col: topLeft.col,
      bottom: bottomRight.row,
      right: bottomRight.col,
    },
  };
}

/**
 * The bad cells of every row, one finding per row or block of rows with the same problem in the same
 * columns: a table typed as text in one year is one finding over its cells, pointing at the first.
 */
function badValueReports(rows: readonly YearRow[]): RuleReport[] {
  const groups: BadCells[] = [];
  let open: BadCells[] = [];
  for (const yearRow of rows) {
    const next: BadCells[] = [];
    for (const cells of badCellsOf(yearRow)) {
      const above = open.find((group) => continues(group, cells));
      if (above === undefined) {
        groups.push(cells);
        next.push(cells);
      } else {
        above.rows.push(yearRow);
        above.shown.push(...cells.shown);
        next.push(above);
      }
    }
    open = next;
  }
  return groups.map(reportOf);
}

/** A formula saved without its result: the file was written by a tool that does not calculate. */
function uncached(cell: LocatedCell): boolean {
  return cell.formula !== null && cell.value === null;
}

/** Text, error values and booleans where a figure belongs; formulas with no saved value. */
export const badValue = defineRule({
  id: "bad-value",
  severity: "error",
  title: "Figures are numbers",
  description:
    "Checks every figure the other checks read (end of year positions, funding blocks, mitigations, Safety Valve limits, " +
    "EHCP tables) for values that are not numbers: text such as 'n/a' or a number typed with a stray character, Excel " +
    "errors such as #REF! or #DIV/0! (#NAME? is the name-errors check's), and TRUE/FALSE. Such a cell makes the sums around it wrong or impossible to check. " +
    "Cells of one row, or of rows one under another in the same columns, with the same problem are one finding " +
    "over their range, pointing at the first of them (a table typed as text in one year is one finding). " +
    "It also reports formulas that have no saved value, which happens when a file was produced by a tool other than " +
    "Excel: open and save the workbook in Excel so its formulas have values.",
  defaults: {},
  check({ template }) {
    const rows = numericRows(template);
    const reports = badValueReports(rows);
    for (const { row } of rows) {
      // Nearly every cell is a number, which needs no more than its type checked; the first and last
      // unsaved formulas and their count are kept as the row is walked, rather than gathered in a list.
      let first: LocatedCell | undefined;
      let last: LocatedCell | undefined;
      let unsaved = 0;
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i];
        if (typeof cell.value === "number" || !uncached(cell)) continue;
        first ??= cell;
        last = cell;
        unsaved++;
      }
      // One finding per row for unsaved formulas: a file written without values has them everywhere.
      if (first !== undefined && last !== undefined) {
        reports.push({
          message:
            `${rowName(row)} has ${unsaved === 1 ? "a formula" : `${unsaved} formulas`} with no saved value, so ` +
            "the figures cannot be checked: open and save the workbook in Excel so its formulas have values.",
          at: {
            sheet: row.sheet,
            row: first.row,
            col: first.col,
            bottom: last.row,
            right: last.col,
          },
        });
      }
    }
    const total = template.financial?.safetyValve?.agreementTotal;
    const totalProblem = total && problem(total.cell.value, false);
    if (total && totalProblem) {
      reports.push({
        message: `${total.label} ${totalProblem.one}.`,
        at: { sheet: total.sheet, row: total.cell.row, col: total.cell.col },
      });
    }
    return reports;
  },
});
