import { defineRule, type RuleReport } from "../rule";
import type { LocatedCell, LocatedRow, LocatedTemplate, YearColumn } from "../../templates/located";
import { cellLocation, rowName, yearOf } from "../at";
import type { YearRow } from "../numericRows";

/** Rows whose figures are normally calculated: totals, in-year results and carried-forward balances. */
function totalRows(template: LocatedTemplate): YearRow[] {
  const f = template.financial;
  const rows: YearRow[] = [];
  const add = (years: readonly YearColumn[], ...candidates: (LocatedRow | undefined)[]) =>
    candidates.forEach((row) => row && rows.push({ row, years }));
  if (f) {
    add(f.years, f.endOfYear?.inYear, f.endOfYear?.carriedForward);
    (f.blocks ?? []).forEach((block) =>
      add(f.years, block.expenditure, block.inYear, block.cumulative)
    );
    if (f.mitigations)
      add(
        f.mitigations.years,
        f.mitigations.total,
        f.mitigations.mitigated,
        f.mitigations.mitigatedCumulative
      );
  }
  for (const placement of template.ehcp?.placements ?? [])
    add(placement.years, placement.byAge?.total, placement.byNeed?.total);
  return rows;
}

const isTyped = (cell: LocatedCell) => typeof cell.value === "number" && cell.formula === null;
const isFormula = (cell: LocatedCell) => cell.formula !== null;

/**
 * Typed numbers among formulas: each neighbour of the same kind (actual or forecast) is a formula. Actual
 * years are often typed from the accounts while forecasts are calculated, so a typed actual beside a
 * calculated forecast is not reported.
 */
function typedAmongFormulas(row: LocatedRow, years: readonly YearColumn[]): number[] {
  // Walked with counters rather than lists: every total row of every validation passes through here.
  const cells = row.cells;
  let formulas = 0;
  for (const cell of cells) if (isFormula(cell)) formulas++;
  if (formulas < 2) return [];
  const typed: number[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (!isTyped(cells[i])) continue;
    let neighbours = 0;
    let formulasBeside = 0;
    for (let j = i - 1; j <= i + 1; j += 2) {
      if (j < 0 || j >= cells.length || years[j]?.kind !== years[i]?.kind) continue;
      neighbours++;
      if (isFormula(cells[j])) formulasBeside++;
    }
    if (neighbours > 0 && formulasBeside === neighbours) typed.push(i);
  }
  return typed;
}

/** A total typed over its formula no longer follows the figures it should add up. */
export const hardcodedTotal = defineRule({
  id: "hardcoded-total",
  severity: "warning",
  title: "Totals are formulas",
  description:
    "Finds a total, in-year result or carried-forward balance typed as a number where the cells beside it in the same row " +
    "are formulas. A typed-over formula does not change when the figures it should add up change, which is a common " +
    "cause of a plan that stops adding up after an update. Restore the formula, or note why the figure is typed.",
  defaults: {},
  check({ template }) {
    const reports: RuleReport[] = [];
    for (const { row, years } of totalRows(template)) {
      for (const i of typedAmongFormulas(row, years)) {
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
