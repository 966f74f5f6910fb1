import { addsUp } from "../checks/addsUp";
import { blockRows } from "../needs";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";
import { availableTerms, blockReading } from "../blockFunding";
import { at } from "../../templates/financial/terms";

/**
 * The real template's subtotal: each block's "Total funding available" is its DSG funding less academy
 * recoupment and other deductions (and its block movements, where the plan totals the funding after
 * them). A rule of the common kind, stated as data.
 */
export const fundingAvailable = addsUp({
  id: "funding-available",
  severity: "error",
  title: "Funding available is DSG funding less deductions",
  description:
    "For each DSG block and year that shows a 'Total funding available' row, it must equal the block's DSG funding " +
    "less its academy recoupment and other deductions (direct funding of high needs places, for example), shown " +
    "either as negative figures or as positive ones to take away; where the plan's funding available is after " +
    "block movements, the movements are added too. Rounded figures may differ by half a unit of their last shown " +
    "decimal each. Correct the funding available cell, or the funding or deduction it comes from.",
  needs: blockRows("rows 'DSG funding' and 'Total funding available' in a block", (b) =>
    b.allocation && b.totalFunding ? b : undefined
  ),
  given: (template) =>
    (template.financial?.blocks ?? []).flatMap((block) => {
      const { allocation, totalFunding } = block;
      if (!allocation || !totalFunding) return [];
      const { counts } = blockReading(block, template.sign);
      return block.years.flatMap((year, i) => {
        const reported = at(totalFunding, i);
        if (!reported) return [];
        const terms = availableTerms(block, i, counts);
        return [
          {
            sheet: block.sheet,
            subject: BLOCK_NAMES[block.block],
            year: year.label,
            reported,
            terms,
          },
        ];
      });
    }),
  message: ({ subject, year, reported, expected, gap }) =>
    `${subject} funding available for ${year} is ${reported}, but its DSG funding less recoupment and ` +
    `deductions is ${expected}: difference ${gap}.`,
});
