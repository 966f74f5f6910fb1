import { defineRule, type Location, type RuleReport } from "../rule";
import type { LocatedCell, LocatedRow } from "../../templates/located";
import {
  cellValue,
  cellFormula,
  findSheet,
  type Sheet,
  type Workbook,
} from "../../workbook/workbook";
import { a1 } from "../../workbook/address";
import { cellLocation, quoted, yearOf } from "../at";
import { formulaRows, type FormulaRow } from "../formulas/formulaRows";
import { oddCells, type OddCell } from "../formulas/rowPattern";
import { addedConstants, columnSum, hasReference, mayRead, withSumBottom } from "../formulas/shape";

type FormulaCell = LocatedCell & { readonly formula: string };

/** A line a total's formula leaves out: its sheet row (0-based) and label. */
interface Line {
  readonly row: number;
  readonly label: string;
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "line 57 'Alternative provision'" or "lines 56 and 57 ('Hospital education', 'Alternative provision')". */
function linesText(lines: readonly Line[]): string {
  if (lines.length === 1) return `line ${lines[0].row + 1} ${quoted(lines[0].label, 60)}`;
  return `lines ${list(lines.map((l) => String(l.row + 1)))} (${lines.map((l) => quoted(l.label, 60)).join(", ")})`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The label of a sheet row: a located line's, or the text in the total's label column. */
function labelOf(row: number, formulaRow: FormulaRow, sheet: Sheet | undefined): string {
  const line = formulaRow.lines?.find((l) => l.row === row);
  if (line) return line.label;
  const text = sheet ? cellValue(sheet, row, formulaRow.row.labelCol) : null;
  return typeof text === "string" ? text.trim() : "";
}

/** The sentence naming the lines one SUM adds and the other does not, and the verb phrase for the message. */
function sumDifference(
  formula: string,
  expected: string,
  formulaRow: FormulaRow,
  sheet: Sheet | undefined
): { follow: string; detail: string } {
  const [is, should] = [columnSum(formula), columnSum(expected)];
  const fallback = { follow: "follow one formula", detail: "" };
  if (!is || !should || is.col !== should.col) return fallback;
  const rowsOf = (s: { top: number; bottom: number }) =>
    Array.from({ length: s.bottom - s.top + 1 }, (_, i) => s.top + i);
  const missing = rowsOf(should).filter((r) => r < is.top || r > is.bottom);
  const extra = rowsOf(is).filter((r) => r < should.top || r > should.bottom);
  const lines = (rows: number[]) =>
    rows
      .map((row) => ({ row, label: labelOf(row, formulaRow, sheet) }))
      .filter((l) => l.label !== "");
  const more = (n: number) => (n === 1 ? "one more line" : `${n} more lines`);
  const fewer = (n: number) => (n === 1 ? "one line fewer" : `${n} lines fewer`);
  if (missing.length > 0 && extra.length === 0) {
    const named = lines(missing);
    const detail =
      named.length === 0
        ? ""
        : ` ${capitalised(linesText(named))} ${named.length === 1 ? "is" : "are"} left out.`;
    return { follow: `add ${more(missing.length)}`, detail };
  }
  if (extra.length > 0 && missing.length === 0) {
    const named = lines(extra);
    const detail = named.length === 0 ? "" : ` It adds ${linesText(named)} as well.`;
    return { follow: `add ${fewer(extra.length)}`, detail };
  }
  return fallback;
}

/** What the typed numbers of a total's formula do to it, in words. */
function constantsText(constants: readonly number[]): string {
  if (constants.length === 1) {
    const [n] = constants;
    return n > 0
      ? `the ${n} typed into the formula is added to the total`
      : `the ${-n} typed into the formula is taken from the total`;
  }
  return `the numbers ${list(constants.map((n) => String(Math.abs(n))))} typed into the formula change the total`;
}

function patternReport(formulaRow: FormulaRow, odd: OddCell, sheet: Sheet | undefined): RuleReport {
  const { row, years, name } = formulaRow;
  const { cell, expected, source } = odd;
  const { follow, detail } = sumDifference(cell.formula, expected, formulaRow, sheet);
  const constants = formulaRow.total ? addedConstants(cell.formula) : [];
  const constant =
    constants.length > 0 && addedConstants(expected).length === 0
      ? ` ${capitalised(constantsText(constants))}.`
      : "";
  return {
    message:
      `${name} for ${yearOf(years, odd.index)} (${a1(cell.row, cell.col)}) is ${cell.formula}, but the row's other years ` +
      `${follow}: expected ${expected}.${detail}${constant} Copy the formula across from ${a1(source.row, source.col)}, ` +
      "or note why this year differs.",
    at: cellLocation(row, cell),
  };
}

/**
 * The lines directly above a total that its `=SUM(...)` stops short of: each row between the SUM's last row
 * and the total is either blank in this column or a located line of the total with a figure. A line whose
 * own formula reads the summed rows is a subtotal, and the SUM may leave it out on purpose: then nothing is
 * said. `null` when the formula is not such a SUM or leaves nothing out.
 */
function leftOutAbove(
  formulaRow: FormulaRow,
  cell: FormulaCell,
  sheet: Sheet | undefined
): Line[] | null {
  const sum = columnSum(cell.formula);
  const lines = formulaRow.lines;
  if (!sum || !lines || !sheet || sum.col !== cell.col || sum.bottom >= cell.row - 1) return null;
  if (!lines.some((line) => line.row >= sum.top && line.row <= sum.bottom)) return null;
  const found: Line[] = [];
  for (let r = sum.bottom + 1; r < cell.row; r++) {
    const value = cellValue(sheet, r, cell.col);
    const line = lines.find((l) => l.row === r);
    if (line === undefined) {
      if (value !== null && value !== "") return null;
      continue;
    }
    if (typeof value !== "number") {
      if (value !== null && value !== "") return null;
      continue;
    }
    const formula = cellFormula(sheet, r, cell.col);
    if (formula !== null && mayRead(formula, cell.col, sum.top, sum.bottom)) return null;
    if (line.label.trim() === "") return null;
    found.push({ row: r, label: line.label.trim() });
  }
  return found.length > 0 ? found : null;
}

/** The place a finding about several cells of one row points at: from the first to the last. */
function spanOf(row: LocatedRow, cells: readonly LocatedCell[]): Location {
  const [first, last] = [cells[0], cells[cells.length - 1]];
  return cells.length === 1
    ? cellLocation(row, first)
    : { sheet: row.sheet, row: first.row, col: first.col, bottom: last.row, right: last.col };
}

/** "2025-26", "2025-26 and 2026-27", or "every year" when the cells are all of the row's. */
function yearsText(formulaRow: FormulaRow, indexes: readonly number[]): string {
  return indexes.length === formulaRow.row.cells.length && indexes.length > 1
    ? "every year"
    : list(indexes.map((i) => yearOf(formulaRow.years, i)));
}

/** "E58 is =SUM(E50:E56), F58 is =SUM(F50:F56) and 4 more". */
function examples(cells: readonly FormulaCell[]): string {
  const shown = cells.slice(0, 2).map((c) => `${a1(c.row, c.col)} is ${c.formula}`);
  const more = cells.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : list(shown);
}

interface Omission {
  readonly index: number;
  readonly cell: FormulaCell;
  readonly lines: readonly Line[];
}

function omissionReports(formulaRow: FormulaRow, omissions: readonly Omission[]): RuleReport[] {
  const groups = new Map<string, Omission[]>();
  for (const o of omissions) {
    const key = o.lines.map((l) => l.row).join(",");
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const { row, name } = formulaRow;
  const why =
    "A line inserted directly above a total is not added to its SUM; extend the SUM to include it.";
  return [...groups.values()].map((group) => {
    const [first] = group;
    const lines = linesText(first.lines);
    const expected = withSumBottom(first.cell.formula, first.lines[first.lines.length - 1].row);
    const at = spanOf(
      row,
      group.map((o) => o.cell)
    );
    if (group.length === 1) {
      return {
        message:
          `${name} for ${yearOf(formulaRow.years, first.index)} (${a1(first.cell.row, first.cell.col)}) is ${first.cell.formula}, ` +
          `which leaves out ${lines} directly above the total: expected ${expected}. ${why}`,
        at,
      };
    }
    return {
      message:
        `${name} leaves out ${lines}, directly above the total, in ${yearsText(
          formulaRow,
          group.map((o) => o.index)
        )}: ` +
        `${a1(first.cell.row, first.cell.col)} is ${first.cell.formula}, expected ${expected}. ${why}`,
      at,
    };
  });
}

interface Constant {
  readonly index: number;
  readonly cell: FormulaCell;
  readonly constants: readonly number[];
}

function constantReport(formulaRow: FormulaRow, found: readonly Constant[]): RuleReport {
  const { row, name } = formulaRow;
  const at = spanOf(
    row,
    found.map((c) => c.cell)
  );
  const fix = "Put the amount on a labelled line of its own, or take it out of the formula.";
  if (found.length === 1) {
    const [{ index, cell, constants }] = found;
    const place = `${name} for ${yearOf(formulaRow.years, index)} (${a1(cell.row, cell.col)}) is ${cell.formula}`;
    if (!hasReference(cell.formula))
      return {
        message: `${place}: typed numbers in a formula, which will not change when the figures it should add up change. Restore the formula.`,
        at,
      };
    return {
      message: `${place}: ${constantsText(constants)}, so the total is no longer the sum of its figures alone and nothing in the sheet says what the amount is. ${fix}`,
      at,
    };
  }
  return {
    message:
      `${name} has numbers typed into its formulas in ${yearsText(
        formulaRow,
        found.map((c) => c.index)
      )}: ` +
      `${examples(found.map((c) => c.cell))}. A number typed into a total's formula changes the total without a line of its own, ` +
      `so the total is no longer the sum of its figures alone. ${fix}`,
    at,
  };
}

function checkRow(formulaRow: FormulaRow, workbook: Workbook): RuleReport[] {
  const sheet = findSheet(workbook, formulaRow.row.sheet);
  const odd = oddCells(formulaRow);
  const reports = odd.map((o) => patternReport(formulaRow, o, sheet));
  if (!formulaRow.total) return reports;
  const reported = new Set(odd.map((o) => o.index));
  const omissions: Omission[] = [];
  const constants: Constant[] = [];
  formulaRow.row.cells.forEach((cell, index) => {
    if (cell.formula === null || reported.has(index)) return;
    const withFormula = { ...cell, formula: cell.formula };
    const lines = leftOutAbove(formulaRow, withFormula, sheet);
    if (lines) {
      omissions.push({ index, cell: withFormula, lines });
      return;
    }
    // The opening balance is the one number a first year may add ("=14+B7+B8").
    if (index === 0 && formulaRow.opening) return;
    const added = addedConstants(cell.formula);
    if (added.length > 0) constants.push({ index, cell: withFormula, constants: added });
  });
  reports.push(...omissionReports(formulaRow, omissions));
  if (constants.length > 0) reports.push(constantReport(formulaRow, constants));
  return reports;
}

/** A calculated row whose formulas are not what the row's other years, or its lines, say they should be. */
export const formulaPattern = defineRule({
  id: "formula-pattern",
  severity: "warning",
  title: "Formulas follow their row",
  description:
    "Reads the formulas of the plan's calculated rows (end of year positions, funding blocks, mitigations, EHCP totals) " +
    "and finds three things a finance lead cannot see from the figures: a year whose formula differs from the one the " +
    "row's other years share (compared as Excel copies formulas, in R1C1 terms), when most years clearly share one; a " +
    "total whose SUM stops short of a line directly above it, as happens when a line is inserted just above a total; " +
    "and a number typed into a total's formula (=SUM(E10:E14)+250), which changes the total without a line of its own. " +
    "Numbers that scale a figure, such as an uplift (=E12*1.03), are assumptions and are not reported. Copy the " +
    "formula across from a neighbouring year, extend the SUM, or move the amount onto a labelled line.",
  defaults: {},
  check({ workbook, template }) {
    return formulaRows(template).flatMap((row) => checkRow(row, workbook));
  },
});
