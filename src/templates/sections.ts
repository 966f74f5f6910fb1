/**
 * Finding a titled section of a sheet ("Summary of end of year positions"): the rows from its heading
 * down to the next known section heading, so row labels that recur in several sections ("Total",
 * "DSG allocation") are looked for in the right one.
 */
import type { CellRange } from "../workbook/workbook";
import type { LabelledSheet } from "./labels";
import { cellValue } from "../workbook/workbook";
import { findLabels, labelSet, normaliseLabel, searchArea } from "./labels";
import { ALL_SECTION_HEADINGS } from "./profiles/headings";

/** A section: its heading cell and the rows it spans (heading row included) across the searched columns. */
export interface Section extends CellRange {
  readonly heading: string;
  readonly headingRow: number;
  readonly headingCol: number;
}

/** A heading stands alone on its row: a row with figures is a data row whose label merely starts alike. */
function hasNumbers(sheet: LabelledSheet, row: number, area: CellRange): boolean {
  for (let col = area.left; col <= area.right; col++)
    if (typeof cellValue(sheet, row, col) === "number") return true;
  return false;
}

/** Heading cells in the area, in reading order, skipping rows that hold figures. */
function headingHits(sheet: LabelledSheet, synonyms: readonly string[], area: CellRange) {
  return findLabels(sheet, labelSet(synonyms), area).filter(
    (hit) => !hasNumbers(sheet, hit.row, area)
  );
}

/** True when the sheet has a heading matching one of the synonyms (without working out where its section ends). */
export function hasSectionHeading(
  sheet: LabelledSheet,
  headingSynonyms: readonly string[]
): boolean {
  return headingHits(sheet, headingSynonyms, searchArea(sheet)).length > 0;
}

/** The headings in `stopAt` other than the section's own. */
function otherHeadings(own: readonly string[], stopAt: readonly string[]): readonly string[] {
  const ownLabels = new Set(labelSet(own));
  return stopAt.filter((heading) => !ownLabels.has(normaliseLabel(heading)));
}

/**
 * The first section whose heading matches one of the synonyms, running to the row before the next
 * heading in `stopAt` (by default every known section heading) or to the end of the area; undefined
 * when the heading is not there. The section's own headings do not end it: a sheet titled "Finance
 * summary" with a "Summary of end of year positions" table below holds one section, not two. Where the
 * heading comes more than once, the first one `preferred` accepts is taken (else the first).
 */
export function findSection(
  sheet: LabelledSheet,
  headingSynonyms: readonly string[],
  within?: Partial<CellRange>,
  stopAt: readonly string[] = ALL_SECTION_HEADINGS,
  preferred: (heading: string) => boolean = () => true
): Section | undefined {
  const area = searchArea(sheet, within);
  const hits = headingHits(sheet, headingSynonyms, area);
  const start = hits.find((hit) => preferred(hit.text)) ?? hits[0];
  if (start === undefined) return undefined;
  const next = headingHits(sheet, otherHeadings(headingSynonyms, stopAt), {
    ...area,
    top: start.row + 1,
  })[0];
  return {
    heading: start.text,
    headingRow: start.row,
    headingCol: start.col,
    top: start.row,
    left: area.left,
    bottom: next === undefined ? area.bottom : next.row - 1,
    right: area.right,
  };
}
