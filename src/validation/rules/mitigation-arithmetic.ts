import type { Decimal } from "decimal.js";
import { financialSection } from "../needs";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { plainlyWithin, withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import type { LocatedCell, MoneyUnit, SignConvention } from "../../templates/located";
import type { Mitigations } from "../../templates/financial/mitigationsModel";
import { figure, figureValue } from "../../templates/figures";
import { amountsOf, asDeficit, cellsAt, roundedTerms } from "../../templates/financial/figures";
import { exactSum } from "../../core/units";

interface YearCheck {
  readonly section: Mitigations;
  readonly i: number;
  readonly unit: MoneyUnit;
  readonly sign: SignConvention;
  readonly options: ValidationOptions;
}

/** A comparison's gap worked out in doubles, with the figures it came from (see `plainlyWithin`). */
interface PlainGap {
  readonly gap: number;
  readonly figures: readonly number[];
}

/**
 * A report at `cell` when the reported figure differs from the expected one by more than the rounding
 * of `terms`. The gap in doubles settles plainly agreeing figures; `exact` works out the rest.
 */
function mismatch(
  cell: LocatedCell,
  sheet: string,
  plain: PlainGap,
  exact: () => { reported: Decimal; expected: Decimal },
  terms: readonly LocatedCell[],
  what: string,
  { unit, options }: YearCheck
): RuleReport | undefined {
  if (plainlyWithin(plain.gap, plain.figures, roundedTerms(terms), options)) return undefined;
  const { reported, expected } = exact();
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

const plainSum = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

/** Total mitigations = the sum of the mitigation lines. */
function totalOfLines(check: YearCheck): RuleReport | undefined {
  const { section, i } = check;
  const cell = section.total?.cells[i];
  const lines = cellsAt(section.lines, i);
  const [total, amounts] = [figureValue(cell), amountsOf(lines)];
  if (!cell || total === undefined || amounts === undefined || lines.length === 0) return undefined;
  const year = section.years[i].label;
  return mismatch(
    cell,
    section.sheet,
    { gap: total - plainSum(amounts), figures: [total, ...amounts] },
    () => ({ reported: figure(cell)!, expected: exactSum(amounts) }),
    [cell, ...lines],
    `Total mitigations for ${year} do not equal the sum of the ${lines.length} mitigation lines`,
    check
  );
}

/** The year's savings: its total mitigations when shown, else the sum of its lines; undefined if none. */
function savingsIn(section: Mitigations, i: number) {
  const savingCells = section.total ? cellsAt([section.total], i) : cellsAt(section.lines, i);
  const amounts = amountsOf(savingCells);
  return amounts === undefined || savingCells.length === 0 ? undefined : { savingCells, amounts };
}

/** Mitigated in-year deficit = unmitigated − total mitigations (savings are positive). */
function mitigatedInYear(check: YearCheck): RuleReport | undefined {
  const { section, i, sign } = check;
  const cell = section.mitigated?.cells[i];
  const unmitigatedCell = section.unmitigated?.cells[i];
  const [reported, unmitigated] = [figureValue(cell), figureValue(unmitigatedCell)];
  const saved = savingsIn(section, i);
  if (!cell || reported === undefined || unmitigated === undefined || !saved) return undefined;
  const { savingCells, amounts } = saved;
  const terms = [cell, ...cellsAt([section.unmitigated], i), ...savingCells];
  const year = section.years[i].label;
  // In doubles, with the sign convention's turns multiplied out: expected = unmitigated − turn × savings.
  const turn = sign === "deficit-negative" ? -1 : 1;
  return mismatch(
    cell,
    section.sheet,
    {
      gap: reported - unmitigated + turn * plainSum(amounts),
      figures: [reported, unmitigated, ...amounts],
    },
    () => ({
      reported: figure(cell)!,
      expected: asDeficit(asDeficit(figure(unmitigatedCell)!, sign).minus(exactSum(amounts)), sign),
    }),
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
  const reported = figureValue(cell);
  const saved = savingsIn(section, i);
  const cells = [before.cells[i], before.cells[i - 1], after.cells[i - 1]];
  const [unmitigated, previousBefore, previousAfter] = cells.map(figureValue);
  if (reported === undefined || !saved) return undefined;
  const { savingCells, amounts } = saved;
  if (unmitigated === undefined || previousBefore === undefined || previousAfter === undefined)
    return undefined;
  const terms = [cell, ...cells, ...savingCells];
  const year = section.years[i].label;
  // In doubles, with the turns multiplied out: expected = unmitigated − previous gap − turn × savings.
  const turn = sign === "deficit-negative" ? -1 : 1;
  const plainExpected = unmitigated - (previousBefore - previousAfter) - turn * plainSum(amounts);
  return mismatch(
    cell,
    section.sheet,
    {
      gap: reported - plainExpected,
      figures: [reported, unmitigated, previousBefore, previousAfter, ...amounts],
    },
    () => {
      const [exactBefore, exactPreviousBefore, exactPreviousAfter] = cells.map((c) => figure(c)!);
      const previousGap = asDeficit(exactPreviousBefore, sign).minus(
        asDeficit(exactPreviousAfter, sign)
      );
      const expected = asDeficit(
        asDeficit(exactBefore, sign).minus(previousGap).minus(exactSum(amounts)),
        sign
      );
      return { reported: figure(cell)!, expected };
    },
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
  needs: financialSection("Mitigations", (t) => t.financial?.mitigations),
  confirmsLayout: true,
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
