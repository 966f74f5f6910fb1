/**
 * The funding side of a DSG block, shared by the checks of its in-year result and of its funding
 * available: the DSG funding less academy recoupment and other deductions, and whether the plan's
 * "Total funding available" already counts the block movements.
 */
import type { LocatedRow, SignConvention } from "../templates/located";
import { rowSign } from "../templates/financial/sign";
import type { BlockPlan } from "../templates/financial/blocksModel";
import { negated, weigh, type Equation, type Term } from "./balance";

/** The row's cell under year `i`, when the row is there. */
export function at(row: LocatedRow | undefined, i: number) {
  return row?.cells[i];
}

/** The block's DSG funding less its academy recoupment and other deductions, in year `i`. */
export function fundingLessDeductions(block: BlockPlan, i: number): Term[] {
  return [
    { cell: at(block.allocation, i), weight: 1, name: "DSG funding" },
    ...block.deductions.map((row): Term => ({
      cell: at(row, i),
      weight: -1,
      size: true,
      name: row.label,
    })),
  ];
}

/**
 * Whether the block's "Total funding available" already includes its block movements: some councils
 * total the funding after transfers. Read from the block's own arithmetic: true only when, in the years
 * with movements, the funding available is the funding less deductions plus movements and never simply
 * the funding less deductions.
 */
function availableCountsMovements(block: BlockPlan): boolean {
  const { totalFunding, allocation, movements } = block;
  if (!totalFunding || !allocation || !movements) return false;
  let withMovements = 0;
  let without = 0;
  block.years.forEach((_, i) => {
    const reported = at(totalFunding, i);
    if (!reported) return;
    const base = fundingLessDeductions(block, i);
    const moved: Term = { cell: at(movements, i), weight: 1, name: "block movements" };
    // A year without movements holds both ways and tells nothing.
    const plain = weigh({ reported, terms: base }, {})?.holds === true;
    const after = weigh({ reported, terms: [...base, moved] }, {})?.holds === true;
    if (plain && !after) without++;
    else if (after && !plain) withMovements++;
  });
  return withMovements > 0 && without === 0;
}

/**
 * The money a block has to spend in year `i`: its funding available (or its DSG funding less academy
 * recoupment and other deductions), its movements in (minus out) unless the funding available already
 * counts them, and other funding. Undefined when the block shows no funding at all.
 */
function blockFunding(
  block: BlockPlan,
  i: number,
  availableCountsMovements: boolean
): Term[] | undefined {
  const terms: Term[] = [];
  if (block.totalFunding)
    terms.push({ cell: at(block.totalFunding, i), weight: 1, name: "funding available" });
  else if (block.allocation) terms.push(...fundingLessDeductions(block, i));
  else return undefined;
  if (!(block.totalFunding && availableCountsMovements))
    terms.push({ cell: at(block.movements, i), weight: 1, name: "block movements" });
  terms.push({ cell: at(block.otherFunding, i), weight: 1, name: "other funding" });
  return terms;
}

/** V04: the in-year result is expenditure less funding (funding less expenditure with deficits negative). */
export function inYearEquation(
  block: BlockPlan,
  i: number,
  sign: SignConvention,
  countsMovements: boolean
): Equation | undefined {
  const reported = at(block.inYear, i);
  const spend = at(block.expenditure, i);
  const funding = blockFunding(block, i, countsMovements);
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
  countsMovements: boolean
): SignConvention {
  const stated = rowSign(block.inYear, sheet);
  if (stated === sheet) return sheet;
  const fitting = (sign: SignConvention) =>
    block.years.filter((_, i) => {
      const equation = inYearEquation(block, i, sign, countsMovements);
      return equation !== undefined && weigh(equation, {})?.holds === true;
    }).length;
  return fitting(stated) > fitting(sheet) ? stated : sheet;
}

/** How a block's rows are to be read: whether its funding available counts its movements, and its result's sign. */
export interface BlockReading {
  readonly countsMovements: boolean;
  readonly sign: SignConvention;
}

/**
 * How a block's rows are to be read, decided at the default tolerance: which way round a block shows its
 * result, and whether its total funding counts its movements, are facts of its layout and do not turn on
 * the tolerance a user sets.
 */
export function blockReading(block: BlockPlan, sheet: SignConvention): BlockReading {
  const countsMovements = availableCountsMovements(block);
  return { countsMovements, sign: blockSign(block, sheet, countsMovements) };
}
