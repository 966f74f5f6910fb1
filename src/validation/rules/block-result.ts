import type { Decimal } from "decimal.js";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { allowance, withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import type { MoneyUnit, SignConvention, YearColumn } from "../../templates/located";
import type { BlockPlan } from "../../templates/financial/blocksModel";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";
import { figure } from "../../templates/figures";
import { asDeficit, cellsAt, roundedTerms, sumOf } from "../../templates/financial/figures";

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
  const reported = figure(inYearCell);
  const spend = figure(block.expenditure?.cells[i]);
  const funding = sumOf(cellsAt([block.allocation, block.movements, block.otherFunding], i));
  if (
    !inYearCell ||
    reported === undefined ||
    spend === undefined ||
    funding === undefined ||
    !block.allocation
  )
    return undefined;
  const expected = asDeficit(spend.minus(funding), sign);
  const gap = reported.minus(expected);
  const terms = cellsAt(
    [block.inYear, block.expenditure, block.allocation, block.movements, block.otherFunding],
    i
  );
  const allowed = allowance(roundedTerms(terms), options);
  if (gap.abs().lte(allowed)) return undefined;
  const money = (value: Decimal) => formatMoney(value, unit, shownDecimals(terms));
  // A block showing its surplus/(deficit) the other way round from the rest of the sheet is a common slip.
  const reversed = !expected.isZero() && reported.plus(expected).abs().lte(allowed);
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
    actual: reported.toNumber(),
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
  const reported = figure(totalCell);
  const lines = cellsAt(block.expenditureLines, i);
  const sum = sumOf(lines);
  if (
    !totalCell ||
    reported === undefined ||
    sum === undefined ||
    lines.every((c) => figure(c) === undefined)
  )
    return undefined;
  const gap = reported.minus(sum);
  if (withinTolerance(gap, roundedTerms([totalCell, ...lines]), options)) return undefined;
  const money = (value: Decimal) => formatMoney(value, unit, shownDecimals([totalCell, ...lines]));
  return {
    message:
      `${BLOCK_NAMES[block.block]} total expenditure for ${year.label} (${money(reported)}) does not equal ` +
      `the sum of its ${lines.length} expenditure lines (${money(sum)}): difference ${money(gap)}.`,
    at: { sheet: block.sheet, row: totalCell.row, col: totalCell.col },
    expected: sum.toNumber(),
    actual: reported.toNumber(),
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
