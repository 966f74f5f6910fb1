import type { Decimal } from "decimal.js";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { allowance, plainlyAddsUp, withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import type { MoneyUnit, SignConvention, YearColumn } from "../../templates/located";
import type { BlockPlan } from "../../templates/financial/blocksModel";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";
import { figure, figureValue } from "../../templates/figures";
import { amountsOf, asDeficit, cellsAt, roundedTerms } from "../../templates/financial/figures";
import { exactSum } from "../../core/units";

/** V04: in-year deficit = expenditure − (DSG allocation + block movements + other funding), in the sheet's sign. */
function checkInYear(
  block: BlockPlan,
  year: YearColumn,
  i: number,
  unit: MoneyUnit,
  sign: SignConvention,
  options: ValidationOptions
): RuleReport | undefined {
  const inYearCell = block.inYear?.cells[i];
  const spendCell = block.expenditure?.cells[i];
  const reported = figureValue(inYearCell);
  const spend = figureValue(spendCell);
  const fundingCells = cellsAt([block.allocation, block.movements, block.otherFunding], i);
  const funding = amountsOf(fundingCells);
  if (
    !inYearCell ||
    reported === undefined ||
    spend === undefined ||
    funding === undefined ||
    !block.allocation
  )
    return undefined;
  const terms = [inYearCell, spendCell!, ...fundingCells];
  const rounded = roundedTerms(terms);
  // Funding and a deficit-negative result are on the same side of the sum as the expenditure is not.
  const turn = sign === "deficit-negative" ? -1 : 1;
  const parts = [turn * spend];
  for (const value of funding) parts.push(-turn * value);
  if (plainlyAddsUp(reported, parts, rounded, options)) return undefined;

  const expected = asDeficit(figure(spendCell)!.minus(exactSum(funding)), sign);
  const exactReported = figure(inYearCell)!;
  const gap = exactReported.minus(expected);
  const allowed = allowance(rounded, options);
  if (gap.abs().lte(allowed)) return undefined;
  const money = (value: Decimal | number) => formatMoney(value, unit, shownDecimals(terms));
  // A block showing its surplus/(deficit) the other way round from the rest of the sheet is a common slip.
  const reversed = !expected.isZero() && exactReported.plus(expected).abs().lte(allowed);
  return {
    message:
      `${BLOCK_NAMES[block.block]} in-year result for ${year.label} is ${money(reported)}, but expenditure ` +
      `less funding (DSG allocation, block movements and other funding) is ${money(expected)}: ` +
      `difference ${money(gap)}.` +
      (reversed
        ? ` The sign is reversed: the sheet shows deficits as ${sign === "deficit-positive" ? "positive" : "negative"} numbers.`
        : ""),
    at: { sheet: block.sheet, row: inYearCell.row, col: inYearCell.col },
    expected: expected.toNumber(),
    actual: reported,
  };
}

/** The expenditure total equals the sum of the expenditure lines listed above it (the HNB's s251 lines). */
function checkLines(
  block: BlockPlan,
  year: YearColumn,
  i: number,
  unit: MoneyUnit,
  options: ValidationOptions
): RuleReport | undefined {
  const totalCell = block.expenditure?.cells[i];
  const reported = figureValue(totalCell);
  const lines = cellsAt(block.expenditureLines, i);
  const amounts = amountsOf(lines);
  if (
    !totalCell ||
    reported === undefined ||
    amounts === undefined ||
    lines.every((c) => figureValue(c) === undefined)
  )
    return undefined;
  const terms = roundedTerms([totalCell, ...lines]);
  if (plainlyAddsUp(reported, amounts, terms, options)) return undefined;
  const sum = exactSum(amounts);
  const gap = figure(totalCell)!.minus(sum);
  if (withinTolerance(gap, terms, options)) return undefined;
  const money = (value: Decimal | number) =>
    formatMoney(value, unit, shownDecimals([totalCell, ...lines]));
  return {
    message:
      `${BLOCK_NAMES[block.block]} total expenditure for ${year.label} (${money(reported)}) does not equal ` +
      `the sum of its ${lines.length} expenditure lines (${money(sum)}): difference ${money(gap)}.`,
    at: { sheet: block.sheet, row: totalCell.row, col: totalCell.col },
    expected: sum.toNumber(),
    actual: reported,
  };
}

/**
 * V04 (domain A4): each block's in-year result is what it spent above the funding it had after block
 * movements; and where a block lists expenditure lines above its total, they add up to that total.
 */
export const blockResult = defineRule({
  id: "block-result",
  severity: "error",
  title: "Each block's in-year result is expenditure less funding",
  description:
    "For each DSG block and year, the in-year result must equal expenditure minus the funding the block had: its DSG " +
    "allocation, plus block movements into it (minus movements out), plus any other funding. With deficits shown as " +
    "positive numbers that is expenditure − funding; with deficits negative, funding − expenditure. Where the high " +
    "needs block lists its expenditure lines (place funding, top-ups, independent placements …) above its total, the " +
    "lines must add up to the total. Rounded figures may differ by half a unit of their last shown decimal each. " +
    "Correct the in-year cell or the total expenditure cell the finding points at, or the figures they come from.",
  defaults: {},
  check({ template, options }) {
    const financial = template.financial;
    if (!financial) return [];
    const reports: RuleReport[] = [];
    for (const block of financial.blocks ?? []) {
      block.years.forEach((year, i) => {
        const lines = checkLines(block, year, i, template.unit, options);
        const inYear = checkInYear(block, year, i, template.unit, template.sign, options);
        if (lines) reports.push(lines);
        if (inYear) reports.push(inYear);
      });
    }
    return reports;
  },
});
