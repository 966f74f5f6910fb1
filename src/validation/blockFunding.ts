/**
 * The funding side of a DSG block, shared by the checks of its in-year result and of its funding
 * available: the DSG funding less academy recoupment and other deductions, and whether the plan's
 * "Total funding available" already counts the block movements.
 */
import type { LocatedRow } from "../templates/located";
import type { BlockPlan } from "../templates/financial/blocksModel";
import type { ValidationOptions } from "./rule";
import { weigh, type Term } from "./balance";

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
 * that show them, the funding available is the funding less deductions plus movements and never simply
 * the funding less deductions.
 */
export function availableCountsMovements(block: BlockPlan, options: ValidationOptions): boolean {
  const { totalFunding, allocation, movements } = block;
  if (!totalFunding || !allocation || !movements) return false;
  let withMovements = 0;
  let without = 0;
  block.years.forEach((_, i) => {
    const reported = at(totalFunding, i);
    if (!reported) return;
    const base = fundingLessDeductions(block, i);
    const moved: Term = { cell: at(movements, i), weight: 1, name: "block movements" };
    if (weigh({ reported, terms: base }, options)?.holds) without++;
    else if (weigh({ reported, terms: [...base, moved] }, options)?.holds) withMovements++;
  });
  return withMovements > 0 && without === 0;
}
