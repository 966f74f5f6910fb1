/**
 * The formula a row's years share, and the cells that break it. Excel fills a formula along a row by
 * keeping its relative R1C1 form, so the years of a calculated row normally hold one formula in R1C1
 * terms; a cell that differs was typed over or edited by hand. Only a clear majority counts as the row's
 * pattern, and the differences a plan has on purpose are left alone (see `oddCells`).
 */
import type { LocatedCell } from "../../templates/located";
import { formulaToR1C1, scanFormula, shiftFormula } from "./r1c1";
import { plainSumKey } from "./shape";
import type { FormulaRow } from "./formulaRows";

/** A cell whose formula is not the row's, with the row's formula written for that cell. */
export interface OddCell {
  /** Index of the cell in the row (and of its year). */
  readonly index: number;
  readonly cell: LocatedCell & { readonly formula: string };
  /** The row's formula as it would read in this cell, in A1 terms. */
  readonly expected: string;
  /** The cell of the majority the expected formula was copied from (the nearest one). */
  readonly source: LocatedCell & { readonly formula: string };
}

type FormulaCell = {
  readonly index: number;
  readonly cell: LocatedCell & { readonly formula: string };
};

/**
 * What two cells must share to hold "the same formula": their R1C1 form with typed numbers masked (an
 * uplift of 1.03 one year and 1.04 the next is an assumption, not a broken formula) and columns counted in
 * years, or, for a plain addition, the cells it adds (`=E10+E11` and `=SUM(E10:E11)` are the same sum).
 */
function patternKey({ cell }: FormulaCell, yearOf: (col: number) => number | undefined): string {
  return (
    plainSumKey(cell.formula, cell, yearOf) ??
    formulaToR1C1(cell.formula, cell, { maskNumbers: true, yearOf })
  );
}

const otherSheet = (formula: string) => /!/.test(formula.replace(/"(?:[^"]|"")*"/g, ""));

/**
 * The cells of a row whose formula differs from the row's pattern. The pattern must be a clear majority:
 * at least three formulas, at least two sharing it, and at least twice as many sharing it as not. Then a
 * cell is not reported when
 * - its year is of another kind (actual or forecast) than every year that follows the pattern: actual years
 *   are often linked to the accounts while forecasts are calculated;
 * - it is the first or last year and the pattern reads a neighbouring year (C[-1]): the edge of a table
 *   cannot read its neighbour;
 * - it is the opening balance of a brought-forward row;
 * - in a row that is not a total (a funding or expenditure line), it is the first year of its kind, or it
 *   links to another sheet where the pattern does not (or the other way round): a base year taken from a
 *   budget before uplifts is a plan's choice.
 */
/** True when a formula reads at least one cell, name or function (not only numbers and operators). */
function readsCells(formula: string): boolean {
  return scanFormula(formula).some((t) => ["cell", "columns", "rows", "name"].includes(t.kind));
}

export function oddCells(formulaRow: FormulaRow): OddCell[] {
  const { row, years } = formulaRow;
  const cells: FormulaCell[] = [];
  row.cells.forEach((cell, index) => {
    // A formula that reads no cell ("=-4700", "=0*100%") is a typed number: it follows no pattern.
    if (cell.formula !== null && readsCells(cell.formula))
      cells.push({ index, cell: { ...cell, formula: cell.formula } });
  });
  if (cells.length < 3) return [];
  // Columns are counted in years, so a spacer or budget column between two years breaks no pattern.
  const yearByCol = new Map(row.cells.map((cell, index) => [cell.col, index]));
  const yearOf = (col: number) => yearByCol.get(col);
  const groups = new Map<string, FormulaCell[]>();
  for (const c of cells) {
    const key = patternKey(c, yearOf);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const sizes = [...groups.values()].map((g) => g.length).sort((a, b) => b - a);
  const [largest, runnerUp = 0] = sizes;
  const odd = cells.length - largest;
  if (odd === 0 || largest < 2 || largest === runnerUp || largest < 2 * odd) return [];
  const majority = [...groups.values()].find((g) => g.length === largest)!;
  const readsNeighbour = /C\[-?\d+\]/.test(
    formulaToR1C1(majority[0].cell.formula, majority[0].cell)
  );
  const kindOf = (index: number) => years[index]?.kind;
  const found: OddCell[] = [];
  for (const c of cells) {
    if (majority.includes(c)) continue;
    const { index } = c;
    const kind = kindOf(index);
    if (kind !== undefined && !majority.some((m) => kindOf(m.index) === kind)) continue;
    const edge = index === 0 || index === row.cells.length - 1;
    if (edge && readsNeighbour) continue;
    if (formulaRow.opening && index === 0) continue;
    if (!formulaRow.total) {
      const firstOfKind = index === 0 || (kind !== undefined && kindOf(index - 1) !== kind);
      if (firstOfKind || otherSheet(c.cell.formula) !== otherSheet(majority[0].cell.formula))
        continue;
    }
    const source = majority.reduce((best, m) =>
      Math.abs(m.index - index) < Math.abs(best.index - index) ? m : best
    ).cell;
    const expected = shiftFormula(source.formula, c.cell.row - source.row, c.cell.col - source.col);
    if (expected === null) continue;
    found.push({ index, cell: c.cell, expected, source });
  }
  return found;
}
