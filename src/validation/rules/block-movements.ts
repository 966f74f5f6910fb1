import { allOf, blockRows, financialPart } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { moneyOf, negated, weigh } from "../balance";
import { movementTerm } from "../../templates/financial/terms";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";
import { figure, figureValue } from "../../templates/figures";

/**
 * V05 (domain A5): money moved between DSG blocks stays inside the DSG, so what leaves one block arrives
 * in another and the movements of a year net to zero.
 */
export const blockMovements = defineRule({
  id: "block-movements",
  severity: "error",
  title: "Block movements net to zero",
  description:
    "Block movements move DSG money from one block to another (for example a transfer from the schools block to the " +
    "high needs block), so for each year the movements of all the blocks must add up to zero: every transfer out of " +
    "one block must appear as a transfer into another. Movements into a block are positive, unless the row says it " +
    "takes them away ('Less: transfer to high needs block', 'Transfer to high needs block'). Rounded figures may differ " +
    "by half a unit of their last shown decimal each. The finding points at the first movement figure of the year.",
  defaults: {},
  usesTolerance: true,
  needs: allOf(
    blockRows("row 'Block movements' (transfers between blocks)", (b) => b.movements),
    // A plan of the high needs block alone shows one side of each transfer: nothing to net it against.
    financialPart("two or more blocks", (t) =>
      (t.financial?.blocks?.length ?? 0) >= 2 ? true : undefined
    )
  ),
  confirmsLayout: true,
  check({ template, options }) {
    const financial = template.financial;
    const moving = (financial?.blocks ?? []).filter((block) => block.movements !== undefined);
    if (!financial || moving.length === 0) return [];
    const reports: RuleReport[] = [];
    financial.years.forEach((year, i) => {
      const movements = moving.map((block) => movementTerm(block, i));
      const cells = movements.map((term) => term.cell);
      const given = movements.filter((term) => figureValue(term.cell) !== undefined);
      // Movements net to zero: the first movement written into its block positive, against the others
      // (each into its block positive) taken away. A row of money out shown positive ("Less: transfer to
      // …") is one of the others, unless every row is.
      const first = given.find((term) => term.weight === 1) ?? given[0];
      if (first?.cell === undefined) return;
      const terms = movements.filter((term) => term !== first).map(negated);
      const weighed = weigh({ reported: first.cell, terms }, options);
      if (!weighed || weighed.holds) return;
      const money = moneyOf(weighed, template.unit);
      const parts = moving
        .map((block, b) => ({ name: BLOCK_NAMES[block.block], value: figure(cells[b]) }))
        .filter((part) => part.value !== undefined && !part.value.isZero())
        .map((part) => `${part.name} ${money(part.value!)}`);
      reports.push({
        message:
          `Block movements for ${year.label} do not net to zero: they add up to ${money(weighed.gap)} ` +
          `(${parts.join(", ")}). Every transfer out of one block must appear as a transfer into another.`,
        at: { sheet: moving[0].sheet, row: first.cell.row, col: first.cell.col },
        expected: 0,
        actual: weighed.gap.toNumber(),
      });
    });
    return reports;
  },
});
