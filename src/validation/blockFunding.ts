/**
 * The funding side of a DSG block, shared by the checks of its in-year result and of its funding
 * available: the DSG funding less academy recoupment and other deductions, and whether the plan's
 * "Total funding available" already counts the block movements.
 */
import type { SignConvention } from "../templates/located";
import { rowSign } from "../templates/financial/sign";
import type { BlockPlan } from "../templates/financial/blocksModel";
import { weigh, type Equation } from "./balance";
import {
  at,
  fundingLessDeductions,
  movementTerm,
  negated,
  type Term,
} from "../templates/financial/terms";

/** Which of the block's movements and other funding its "Total funding available" already counts. */
export interface AvailableCounts {
  readonly movements: boolean;
  readonly otherFunding: boolean;
}

const COUNTS_NOTHING: AvailableCounts = { movements: false, otherFunding: false };

/** The terms the block's funding available adds up in year `i`: funding less deductions, and what it counts. */
export function availableTerms(block: BlockPlan, i: number, counts: AvailableCounts): Term[] {
  return [
    ...fundingLessDeductions(block, i),
    ...(counts.movements ? [movementTerm(block, i)] : []),
    ...(counts.otherFunding
      ? [{ cell: at(block.otherFunding, i), weight: 1 as const, name: "other funding" }]
      : []),
  ];
}

/**
 * What the block's "Total funding available" already counts besides its funding less deductions: some
 * councils total the funding after transfers, or put "Other income" above the subtotal. Read from the
 * block's own arithmetic: the reading that holds in the most years, the plainer one where they tie (a
 * year without movements or other income holds every way and tells nothing).
 */
function availableCounts(block: BlockPlan): AvailableCounts {
  const { totalFunding, allocation } = block;
  if (!totalFunding || !allocation) return COUNTS_NOTHING;
  const readings = [false, true]
    .flatMap((otherFunding) => [false, true].map((movements) => ({ movements, otherFunding })))
    .filter(
      (counts) =>
        (!counts.movements || block.movements) && (!counts.otherFunding || block.otherFunding)
    );
  const holding = (counts: AvailableCounts) =>
    block.years.filter((_, i) => {
      const reported = at(totalFunding, i);
      return reported && weigh({ reported, terms: availableTerms(block, i, counts) }, {})?.holds;
    }).length;
  // Sorted plainest first, so a tie keeps the plainer reading.
  return readings.reduce((best, counts) => (holding(counts) > holding(best) ? counts : best));
}

/**
 * The money a block has to spend in year `i`: its funding available (or its DSG funding less academy
 * recoupment and other deductions), and its movements in (minus out) and other funding unless the
 * funding available already counts them. Undefined when the block shows no funding at all.
 */
function blockFunding(block: BlockPlan, i: number, counts: AvailableCounts): Term[] | undefined {
  const terms: Term[] = [];
  if (block.totalFunding)
    terms.push({ cell: at(block.totalFunding, i), weight: 1, name: "funding available" });
  else if (block.allocation) terms.push(...fundingLessDeductions(block, i));
  else return undefined;
  const counted = block.totalFunding ? counts : COUNTS_NOTHING;
  if (!counted.movements) terms.push(movementTerm(block, i));
  if (!counted.otherFunding)
    terms.push({ cell: at(block.otherFunding, i), weight: 1, name: "other funding" });
  return terms;
}

/** V04: the in-year result is expenditure less funding (funding less expenditure with deficits negative). */
export function inYearEquation(
  block: BlockPlan,
  i: number,
  sign: SignConvention,
  counts: AvailableCounts
): Equation | undefined {
  const reported = at(block.inYear, i);
  const spend = at(block.expenditure, i);
  const funding = blockFunding(block, i, counts);
  if (!reported || !spend || !funding) return undefined;
  const deficit: Term[] = [
    { cell: spend, weight: 1, name: "expenditure" },
    ...funding.map(negated),
  ];
  return { reported, terms: sign === "deficit-negative" ? deficit.map(negated) : deficit };
}

/**
 * The sign convention of a block's in-year row: the sheet's, unless its label states the other one
 * ("In-year surplus/(deficit)" under a summary of deficits shown positive) and its figures bear the label
 * out: expenditure less funding fits more years that way round than the sheet's way. The DfE template
 * itself labels the row "surplus/(deficit)" while many plans show deficits positive there, so the label
 * alone does not decide.
 */
function blockSign(
  block: BlockPlan,
  sheet: SignConvention,
  counts: AvailableCounts
): SignConvention {
  const stated = rowSign(block.inYear, sheet);
  if (stated === sheet) return sheet;
  const fitting = (sign: SignConvention) =>
    block.years.filter((_, i) => {
      const equation = inYearEquation(block, i, sign, counts);
      return equation !== undefined && weigh(equation, {})?.holds === true;
    }).length;
  return fitting(stated) > fitting(sheet) ? stated : sheet;
}

/** How a block's rows are to be read: what its funding available counts, and its result's sign. */
export interface BlockReading {
  readonly counts: AvailableCounts;
  readonly sign: SignConvention;
}

/**
 * How a block's rows are to be read, decided at the default tolerance: which way round a block shows its
 * result, and what its total funding counts, are facts of its layout and do not turn on the tolerance a
 * user sets.
 */
export function blockReading(block: BlockPlan, sheet: SignConvention): BlockReading {
  const counts = availableCounts(block);
  return { counts, sign: blockSign(block, sheet, counts) };
}
