/**
 * What became of the rows the user pointed at (a row map). A mapped row the locator could take is used
 * and says nothing; one it could not (the sheet is not there, the row is blank or holds nothing under the
 * years, or it lies outside the table it was mapped into) gives one warning saying why, at the row, so a
 * map made for another workbook or gone stale after rows were inserted never fails in silence.
 */
import type { Sheet, Workbook } from "../workbook/workbook";
import type { LocatedTemplate, YearColumn } from "../templates/located";
import { mapsSheet, rowTarget, type RowMapping, type RowTargetChoice } from "../templates/rowMap";
import { BLOCK_NAMES, type BlockPlan } from "../templates/financial/blocksModel";
import type { RuleReport } from "./rule";

/** The rule id of findings about a mapped row that was not used. */
export const ROW_MAP = "row-map";

/** True when the located template took the mapped row (0-based `row` on `sheet`) for its target. */
function isUsed(
  template: LocatedTemplate,
  choice: RowTargetChoice,
  sheet: string,
  row: number
): boolean {
  const financial = template.financial;
  const target = choice.target;
  if (target.kind === "endOfYear") {
    const found = financial?.endOfYear?.[target.key];
    return financial?.endOfYear?.sheet === sheet && found?.row === row;
  }
  const block = financial?.blocks?.find((b) => b.block === target.block && b.sheet === sheet);
  if (!block) return false;
  switch (target.key) {
    case "heading":
      return block.headingRow === row;
    case "deduction":
      return block.deductions.some((d) => d.row === row);
    default:
      return block[target.key]?.row === row;
  }
}

/** The years the target's table is read under, when the locator found them. */
function yearsFor(template: LocatedTemplate, choice: RowTargetChoice): readonly YearColumn[] {
  const target = choice.target;
  const block =
    target.kind === "block"
      ? template.financial?.blocks?.find((b) => b.block === target.block)
      : undefined;
  return block?.years ?? template.financial?.years ?? [];
}

function rowValues(sheet: Sheet, row: number): readonly unknown[] {
  return sheet.values[row - sheet.top] ?? [];
}

const filled = (value: unknown) => value !== null && value !== undefined && value !== "";

const POINT_AT_FIGURES = "Point at the row that holds the figures.";

/** True when sheet row `row` lies between the block's heading and the next block's on its sheet. */
function inBlock(template: LocatedTemplate, block: BlockPlan, row: number): boolean {
  const next = (template.financial?.blocks ?? [])
    .filter((b) => b.sheet === block.sheet && b.headingRow > block.headingRow)
    .reduce((first, b) => Math.min(first, b.headingRow), Infinity);
  return row > block.headingRow && row < next;
}

/** Why a mapped row that exists was not used, and what to do. */
function whyNotUsed(
  template: LocatedTemplate,
  choice: RowTargetChoice,
  sheet: Sheet,
  row: number
): string {
  const values = rowValues(sheet, row);
  if (!values.some(filled)) return `it is empty. ${POINT_AT_FIGURES}`;
  const target = choice.target;
  const heading = target.kind === "block" && target.key === "heading";
  const years = yearsFor(template, choice);
  if (!heading && years.length > 0 && !years.some((y) => filled(values[y.col - sheet.left]))) {
    const span =
      years.length === 1 ? years[0].label : `${years[0].label} to ${years[years.length - 1].label}`;
    return `it has nothing under the year columns (${span}). ${POINT_AT_FIGURES}`;
  }
  const financial = template.financial;
  if (financial === undefined)
    return "no row of financial year headings (such as 2024-25) was found to read it under. Check the year headings.";
  if (target.kind === "endOfYear") {
    if (financial.endOfYear && financial.endOfYear.sheet !== sheet.name)
      return `the end of year positions were read on sheet '${financial.endOfYear.sheet}'. Point at a row of that sheet.`;
    return `it is outside the rows read for the '${choice.table}'. Point at a row of that table.`;
  }
  const name = BLOCK_NAMES[target.block];
  if (heading)
    return "it is outside the section 'Financial plan per funding block'. Point at the block's heading in that section.";
  const block = financial.blocks?.find((b) => b.block === target.block);
  if (!block)
    return `the ${name} was not found on the sheet. Point at its heading row too, as '${name}: Heading of the ${name}'.`;
  if (!inBlock(template, block, row))
    return `it is outside the ${name} (between its heading on row ${block.headingRow + 1} and the next block's). Point at a row of that block.`;
  return "a block's funding rows come before its expenditure lines and its in-year result after them, so it cannot be that row where it sits.";
}

/** One warning per mapped row that was not used, at the row when its sheet is there. */
export function rowMapReports(
  workbook: Workbook,
  template: LocatedTemplate,
  mappings: readonly RowMapping[]
): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const mapping of mappings) {
    const choice = rowTarget(mapping.as);
    const sheet = workbook.sheets.find((s) => mapsSheet(mapping, s.name));
    const what = choice ? `'${choice.name}' (${choice.table})` : `"${mapping.as}"`;
    if (!choice) {
      reports.push({
        message: `The row map says row ${mapping.row} of '${mapping.sheet}' is "${mapping.as}", which is not something a row can be read as, so the row was not used.`,
      });
    } else if (!sheet) {
      reports.push({
        message: `The row map points at row ${mapping.row} of sheet '${mapping.sheet}' as ${what}, but this workbook has no sheet '${mapping.sheet}', so it was not used.`,
      });
    } else if (!isUsed(template, choice, sheet.name, mapping.row - 1)) {
      const why = whyNotUsed(template, choice, sheet, mapping.row - 1);
      reports.push({
        message: `Row ${mapping.row} of '${sheet.name}' is mapped as ${what} but was not used: ${why}`,
        at: { sheet: sheet.name, row: mapping.row - 1, col: sheet.left },
      });
    }
  }
  return reports;
}
