import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { blockRows } from "../needs";
import { moneyOf, weigh, type Term } from "../balance";
import type { LocatedCell, MoneyUnit, SignConvention } from "../../templates/located";
import { blockReading, inYearEquation, type AvailableCounts } from "../blockFunding";
import { at } from "../../templates/financial/terms";
import type { BlockPlan } from "../../templates/financial/blocksModel";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";

function fundingWords(block: BlockPlan, counts: AvailableCounts): string {
  const counted = block.totalFunding ? counts : { movements: false, otherFunding: false };
  const after = [
    counted.movements ? "block movements" : "",
    counted.otherFunding ? "other funding" : "",
  ].filter((part) => part !== "");
  const parts = [
    block.totalFunding
      ? `funding available${after.length > 0 ? ` after ${after.join(" and ")}` : ""}`
      : block.deductions.length > 0
        ? "DSG funding less recoupment and deductions"
        : "DSG funding",
  ];
  if (block.movements && !counted.movements) parts.push("block movements");
  if (block.otherFunding && !counted.otherFunding) parts.push("other funding");
  return parts.length === 1
    ? parts[0]
    : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

function inYearReport(
  block: BlockPlan,
  i: number,
  unit: MoneyUnit,
  sign: SignConvention,
  options: ValidationOptions,
  counts: AvailableCounts
): RuleReport | undefined {
  const equation = inYearEquation(block, i, sign, counts);
  // A year whose funding and expenditure are left blank (an actual year typed as its result alone) has
  // nothing to work the result out from.
  const blank = (cell: LocatedCell | undefined) =>
    cell === undefined || cell.value === null || cell.value === "";
  if (equation?.terms.every((term) => blank(term.cell))) return undefined;
  const weighed = equation && weigh(equation, options);
  if (!equation || !weighed || weighed.holds) return undefined;
  const money = moneyOf(weighed, unit);
  // A block showing its surplus/(deficit) the other way round from the rest of the sheet is a common slip.
  const reversed =
    !weighed.expected.isZero() &&
    weighed.reported.plus(weighed.expected).abs().lte(weighed.allowed);
  const cell = equation.reported;
  return {
    message:
      `${BLOCK_NAMES[block.block]} in-year result for ${block.years[i].label} is ${money(weighed.reported)}, but expenditure ` +
      `less funding (${fundingWords(block, counts)}) is ${money(weighed.expected)}: difference ${money(weighed.gap)}.` +
      (reversed
        ? ` The sign is reversed: the sheet shows deficits as ${sign === "deficit-positive" ? "positive" : "negative"} numbers.`
        : ""),
    at: { sheet: block.sheet, row: cell.row, col: cell.col },
    expected: weighed.expected.toNumber(),
    actual: weighed.reported.toNumber(),
  };
}

/** The expenditure total equals the sum of the expenditure lines listed above it (the HNB's s251 lines). */
function linesReport(
  block: BlockPlan,
  i: number,
  unit: MoneyUnit,
  options: ValidationOptions
): RuleReport | undefined {
  const reported = at(block.expenditure, i);
  const lines = block.expenditureLines;
  if (!reported || lines.length === 0) return undefined;
  const terms = lines.map((row): Term => ({ cell: row.cells[i], weight: 1, name: row.label }));
  if (terms.every((term) => typeof term.cell?.value !== "number")) return undefined;
  const weighed = weigh({ reported, terms }, options);
  if (!weighed || weighed.holds) return undefined;
  const money = moneyOf(weighed, unit);
  return {
    message:
      `${BLOCK_NAMES[block.block]} total expenditure for ${block.years[i].label} (${money(weighed.reported)}) does not equal ` +
      `the sum of its ${lines.length} expenditure lines (${money(weighed.expected)}): difference ${money(weighed.gap)}.`,
    at: { sheet: block.sheet, row: reported.row, col: reported.col },
    expected: weighed.expected.toNumber(),
    actual: weighed.reported.toNumber(),
  };
}

/**
 * V04 (domain A4): each block's in-year result is what it spent above the funding it had after
 * deductions and block movements; and where a block lists expenditure lines above its total, they add
 * up to that total.
 */
export const blockResult = defineRule({
  id: "block-result",
  severity: "error",
  title: "Each block's in-year result is expenditure less funding",
  description:
    "For each DSG block and year, the in-year result must equal expenditure minus the funding the block had: its " +
    "funding available (its DSG funding less academy recoupment and other deductions, shown either sign), plus block " +
    "movements into it (minus movements out) unless the funding available already includes them, plus any other " +
    "funding. With deficits shown as positive numbers that is expenditure − funding; with deficits negative, funding − " +
    "expenditure. Where a block lists its expenditure lines (place funding, top-ups, independent placements …) above " +
    "its total, the lines must add up to the total. Rounded figures may differ by half a unit of their last shown " +
    "decimal each. Correct the in-year cell or the total expenditure cell the finding points at, or the figures they " +
    "come from.",
  defaults: {},
  usesTolerance: true,
  needs: blockRows("the blocks' expenditure and in-year rows", (b) => b.inYear && b.expenditure),
  confirmsLayout: true,
  check({ template, options }) {
    const reports: RuleReport[] = [];
    for (const block of template.financial?.blocks ?? []) {
      const { counts, sign } = blockReading(block, template.sign);
      block.years.forEach((_, i) => {
        const lines = linesReport(block, i, template.unit, options);
        const inYear = inYearReport(block, i, template.unit, sign, options, counts);
        if (lines) reports.push(lines);
        if (inYear) reports.push(inYear);
      });
    }
    return reports;
  },
});
