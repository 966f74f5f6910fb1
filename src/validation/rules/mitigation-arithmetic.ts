import type { Decimal } from "decimal.js";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { plainlyAddsUp, withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import type { LocatedCell, MoneyUnit, SignConvention } from "../../templates/located";
import type { Mitigations } from "../../templates/financial/mitigationsModel";
import { figure, figureValue } from "../../templates/figures";
import {
  amountsOf,
  asDeficit,
  cellsAt,
  roundedTerms,
  sumOf,
} from "../../templates/financial/figures";

interface YearCheck {
  readonly section: Mitigations;
  readonly i: number;
  readonly unit: MoneyUnit;
  readonly sign: SignConvention;
  readonly options: ValidationOptions;
}

/** A report at `cell` when `reported` differs from `expected` by more than the rounding of `terms`. */
function mismatch(
  cell: LocatedCell,
  sheet: string,
  reported: Decimal,
  expected: Decimal,
  terms: readonly LocatedCell[],
  what: string,
  { unit, options }: YearCheck
): RuleReport | undefined {
  const gap = reported.minus(expected);
  if (withinTolerance(gap, roundedTerms(terms), options)) return undefined;
  const money = (value: Decimal) => formatMoney(value, unit, shownDecimals(terms));
  return {
    message: `${what}: ${money(reported)} is shown but ${money(expected)} is expected (difference ${money(gap)}).`,
    at: { sheet, row: cell.row, col: cell.col },
    expected: expected.toNumber(),
    actual: reported.toNumber(),
  };
}

/** Total mitigations = the sum of the mitigation lines. */
function totalOfLines(check: YearCheck): RuleReport | undefined {
  const { section, i } = check;
  const cell = section.total?.cells[i];
  const lines = cellsAt(section.lines, i);
  const [total, amounts] = [figureValue(cell), amountsOf(lines)];
  if (!cell || total === undefined || amounts === undefined || lines.length === 0) return undefined;
  if (plainlyAddsUp(total, amounts, roundedTerms([cell, ...lines]), check.options))
    return undefined;
  const [reported, sum] = [figure(cell)!, sumOf(lines)!];
  const year = section.years[i].label;
  return mismatch(
    cell,
    section.sheet,
    reported,
    sum,
    [cell, ...lines],
    `Total mitigations for ${year} do not equal the sum of the ${lines.length} mitigation lines`,
    check
  );
}

/** Mitigated in-year deficit = unmitigated − total mitigations (savings are positive). */
/** The year's savings: its total mitigations when shown, else the sum of its lines; undefined if none. */
function savingsIn(section: Mitigations, i: number) {
  const savingCells = section.total ? cellsAt([section.total], i) : cellsAt(section.lines, i);
  const savings = sumOf(savingCells);
  return savings === undefined || savingCells.length === 0 ? undefined : { savingCells, savings };
}

function mitigatedInYear(check: YearCheck): RuleReport | undefined {
  const { section, i, sign } = check;
  const cell = section.mitigated?.cells[i];
  const reported = figure(cell);
  const unmitigated = figure(section.unmitigated?.cells[i]);
  const saved = savingsIn(section, i);
  if (!cell || reported === undefined || unmitigated === undefined || !saved) return undefined;
  const { savingCells, savings } = saved;
  const expected = asDeficit(asDeficit(unmitigated, sign).minus(savings), sign);
  const terms = [cell, ...cellsAt([section.unmitigated], i), ...savingCells];
  const year = section.years[i].label;
  return mismatch(
    cell,
    section.sheet,
    reported,
    expected,
    terms,
    `Mitigated in-year deficit for ${year} is not the unmitigated deficit less total mitigations`,
    check
  );
}

/**
 * The cumulative rows move apart by each year's mitigations: (unmitigated − mitigated cumulative) grows
 * by the year's total. Comparing year on year keeps savings made before the first year shown out of it.
 */
function mitigatedCumulative(check: YearCheck): RuleReport | undefined {
  const { section, i, sign } = check;
  const { unmitigatedCumulative: before, mitigatedCumulative: after } = section;
  if (i === 0 || !before || !after) return undefined;
  const cell = after.cells[i];
  const reported = figure(cell);
  const saved = savingsIn(section, i);
  const [unmitigated, previousBefore, previousAfter] = [
    before.cells[i],
    before.cells[i - 1],
    after.cells[i - 1],
  ].map(figure);
  if (reported === undefined || !saved) return undefined;
  const { savingCells, savings } = saved;
  if (unmitigated === undefined || previousBefore === undefined || previousAfter === undefined)
    return undefined;
  const previousGap = asDeficit(previousBefore, sign).minus(asDeficit(previousAfter, sign));
  const expected = asDeficit(asDeficit(unmitigated, sign).minus(previousGap).minus(savings), sign);
  const terms = [cell, before.cells[i], before.cells[i - 1], after.cells[i - 1], ...savingCells];
  const year = section.years[i].label;
  return mismatch(
    cell,
    section.sheet,
    reported,
    expected,
    terms,
    `Mitigated cumulative deficit for ${year} does not move with the year's mitigations`,
    check
  );
}

/**
 * V10 (domain A9): the mitigated position is the unmitigated position less the savings listed, year by
 * year and cumulatively, and the total of mitigations is the sum of its lines.
 */
export const mitigationArithmetic = defineRule({
  id: "mitigation-arithmetic",
  severity: "error",
  title: "Mitigations add up",
  description:
    "In the mitigations section, for each year: total mitigations must equal the sum of the mitigation lines; the " +
    "mitigated in-year deficit must equal the unmitigated in-year deficit less total mitigations (savings are " +
    "positive); and where cumulative rows are shown, the gap between the unmitigated and mitigated cumulative deficit " +
    "must grow by each year's total mitigations. Rounded figures may differ by half a unit of their last shown " +
    "decimal each. The finding points at the total, mitigated or mitigated cumulative cell that disagrees.",
  defaults: {},
  check({ template, options }) {
    const section = template.financial?.mitigations;
    if (!section) return [];
    const reports: RuleReport[] = [];
    section.years.forEach((_, i) => {
      const check: YearCheck = { section, i, unit: template.unit, sign: template.sign, options };
      // A total that disagrees with its lines is the one finding for the year: the rows computed from it
      // would only repeat the same gap.
      const total = totalOfLines(check);
      const dependent = total ? [total] : [mitigatedInYear(check), mitigatedCumulative(check)];
      for (const report of dependent) if (report) reports.push(report);
    });
    return reports;
  },
});
