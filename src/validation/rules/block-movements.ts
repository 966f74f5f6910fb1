import { allOf, blockRows, financialPart } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { moneyOf, weigh, type Term } from "../balance";
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
    "one block must appear as a transfer into another. Movements into a block are positive. Rounded figures may differ " +
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
      const cells = moving.map((block) => block.movements!.cells[i]);
      const first = cells.find((cell) => figureValue(cell) !== undefined);
      if (first === undefined) return;
      // Movements net to zero: the first movement's figure against the others taken away.
      const terms = cells
        .filter((cell) => cell !== first)
        .map((cell): Term => ({ cell, weight: -1, name: "block movement" }));
      const weighed = weigh({ reported: first, terms }, options);
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
        at: { sheet: moving[0].sheet, row: first.row, col: first.col },
        expected: 0,
        actual: weighed.gap.toNumber(),
      });
    });
    return reports;
  },
});
