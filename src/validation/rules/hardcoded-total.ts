import { defineRule, type RuleReport } from "../rule";
import type { LocatedCell, LocatedRow, LocatedTemplate, YearColumn } from "../../templates/located";
import { cellLocation, rowName, yearOf } from "../at";
import { formulaRows, type FormulaRow } from "../formulas/formulaRows";

/**
 * Rows whose figures are normally calculated: totals, in-year results and balances (formulaRows' totals),
 * and the brought-forward row, whose years after the first are the year before's carried-forward balance.
 */
function calculatedRows(template: LocatedTemplate): FormulaRow[] {
  return formulaRows(template).filter((row) => row.total || row.opening);
}

const isTyped = (cell: LocatedCell) => typeof cell.value === "number" && cell.formula === null;
const isFormula = (cell: LocatedCell) => cell.formula !== null;

/**
 * Typed numbers among formulas: each neighbour of the same kind (actual or forecast) is a formula. Actual
 * years are often typed from the accounts while forecasts are calculated, so a typed actual beside a
 * calculated forecast is not reported. From `first` on: a brought-forward row's opening balance (cell 0)
 * is typed by design and is neither reported nor counted as a neighbour.
 */
function typedAmongFormulas(row: LocatedRow, years: readonly YearColumn[], first = 0): number[] {
  // Walked with counters rather than lists: every total row of every validation passes through here.
  const cells = row.cells;
  let formulas = 0;
  for (let i = first; i < cells.length; i++) if (isFormula(cells[i])) formulas++;
  if (formulas < 2) return [];
  const typed: number[] = [];
  for (let i = first; i < cells.length; i++) {
    if (!isTyped(cells[i])) continue;
    let neighbours = 0;
    let formulasBeside = 0;
    for (let j = i - 1; j <= i + 1; j += 2) {
      if (j < first || j >= cells.length || years[j]?.kind !== years[i]?.kind) continue;
      neighbours++;
      if (isFormula(cells[j])) formulasBeside++;
    }
    if (neighbours > 0 && formulasBeside === neighbours) typed.push(i);
  }
  return typed;
}

/**
 * How many of a brought-forward row's first cells are typed by design: the opening balance, and, where the
 * headings do not say which years are actuals, the run of typed years after it (outturn balances typed
 * from the accounts, before the forecast years link to the year before).
 */
function typedOpening(row: LocatedRow, years: readonly YearColumn[]): number {
  if (years.some((year) => year.kind !== undefined)) return 1;
  let run = 1;
  while (run < row.cells.length - 1 && isTyped(row.cells[run])) run++;
  return run;
}

/** A total typed over its formula no longer follows the figures it should add up. */
export const hardcodedTotal = defineRule({
  id: "hardcoded-total",
  severity: "warning",
  title: "Totals are formulas",
  description:
    "Finds a total, in-year result or balance (carried forward, or brought forward after the first year) typed as a number where the cells beside it in the same row " +
    "are formulas. A typed-over formula does not change when the figures it should add up change, which is a common " +
    "cause of a plan that stops adding up after an update. Restore the formula, or note why the figure is typed.",
  defaults: {},
  check({ template }) {
    const reports: RuleReport[] = [];
    for (const { row, years, opening } of calculatedRows(template)) {
      for (const i of typedAmongFormulas(row, years, opening ? typedOpening(row, years) : 0)) {
        const cell = row.cells[i];
        reports.push({
          message:
            `${rowName(row)} for ${yearOf(years, i)} is a typed number (${cell.value}) where the cells beside it are formulas: ` +
            "it will not change when the figures it depends on change. Restore the formula.",
          at: cellLocation(row, cell),
          actual: cell.value as number,
        });
      }
    }
    return reports;
  },
});
