import { defineRule, type RuleReport } from "../rule";
import type { LocatedRow } from "../../templates/located";
import { END_OF_YEAR_ROW } from "../../templates/financial/endOfYearLabels";
import { BLOCK_ROW_MEANINGS } from "../../templates/financial/blocks";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";

function list(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length <= 1
    ? quoted.join("")
    : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

function unclear(row: LocatedRow, where: string, meanings: readonly string[]): RuleReport {
  return {
    message:
      `Row ${row.row + 1} '${row.label}' ${where} could be read as ${list(meanings)}, so it was not used as any ` +
      "of them: the checks that need it say so. Reword the label as the DfE template does, or point at the row " +
      "in the row map.",
    at: { sheet: row.sheet, row: row.row, col: row.labelCol },
  };
}

/**
 * A row is taken for what it means only when one meaning clearly fits its label better than any other
 * (labels are read by meaning, not spelling): a row two meanings fit equally is reported, never guessed.
 */
export const rowUnclear = defineRule({
  id: "row-unclear",
  severity: "info",
  title: "A row label could mean two things",
  description:
    "The checker reads each row label for what it means, so councils' own wordings are understood. When a label " +
    "fits two of a table's rows equally well (a combined 'Safety Valve and local contributions' row, say), the row " +
    "is not used as either, and this note names it and what it could be. The checks that need the row are listed " +
    "as not run. Reword the label, or point at the row with the row map.",
  defaults: {},
  check({ template }) {
    const financial = template.financial;
    const endOfYear = (financial?.endOfYear?.ambiguous ?? []).map(({ row, keys }) =>
      unclear(
        row,
        "in the end of year positions",
        keys.map((key) => END_OF_YEAR_ROW[key].name)
      )
    );
    const blocks = (financial?.blocks ?? []).flatMap((block) =>
      (block.ambiguous ?? []).map(({ row, keys }) =>
        unclear(
          row,
          `in the ${BLOCK_NAMES[block.block]}`,
          keys.map((key) => BLOCK_ROW_MEANINGS.find((m) => m.key === key)!.name)
        )
      )
    );
    return [...endOfYear, ...blocks];
  },
});
