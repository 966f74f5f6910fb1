/**
 * Locating the section "Financial plan per funding block": a heading row per DSG block, then that
 * block's labelled rows. Councils insert rows, reorder blocks and leave optional rows out, so every row
 * is found by its label inside its own block.
 */
import type { CellRange, Sheet } from "../../workbook/workbook";
import { cellValue } from "../../workbook/workbook";
import type { LocatedRow, YearColumn } from "../located";
import { findLabels, labelSet, searchArea } from "../labels";
import { findRow, readRow } from "../rows";
import { hasFigure, listedLines } from "./lines";
import type { BlockPlan, DsgBlock } from "./blocksModel";
import { DSG_BLOCKS } from "./blocksModel";

/**
 * Headings that start each block's rows (templates.md §1). Full names may carry trailing words ("High
 * needs block (HNB)"); abbreviations must stand alone, so "HNB top-ups" is not taken for a heading.
 */
export const BLOCK_HEADING_LABELS: Readonly<
  Record<DsgBlock, { names: readonly string[]; abbreviations: readonly string[] }>
> = {
  schools: { names: ["Schools block"], abbreviations: [] },
  "central-school-services": {
    names: ["Central school services block", "Central schools services block"],
    abbreviations: ["CSSB"],
  },
  "early-years": { names: ["Early years block"], abbreviations: [] },
  "high-needs": { names: ["High needs block"], abbreviations: ["HNB"] },
};

/** Row labels inside a block; the first synonym is the template's own wording. */
export const BLOCK_ROW_LABELS = {
  allocation: [
    "DSG allocation",
    "Funding",
    "DSG income after recoupment",
    "DSG funding allocation",
    "DSG income",
  ],
  movements: [
    "Block movements",
    "Transfers in/(out)",
    "Block transfer",
    "Block transfers",
    "Transfers in out",
  ],
  otherFunding: ["Other funding", "Other income", "Adjustments"],
  expenditure: ["Expenditure", "Total expenditure", "Spend", "Total spend"],
  inYear: [
    "In-year surplus/(deficit)",
    "In-year deficit/(surplus)",
    "In-year position",
    "Net position",
    "In-year result",
  ],
  cumulative: ["Cumulative deficit carried forward", "Cumulative deficit", "Cumulative position"],
} as const;

interface Heading {
  readonly block: DsgBlock;
  readonly row: number;
  readonly text: string;
}

/** The first heading of each block left of the figures, in sheet order. */
function blockHeadings(sheet: Sheet, area: CellRange, firstYearCol: number): Heading[] {
  const labelArea = { ...area, right: Math.min(area.right, firstYearCol - 1) };
  const headings: Heading[] = [];
  for (const block of DSG_BLOCKS) {
    const { names, abbreviations } = BLOCK_HEADING_LABELS[block];
    const hit = [
      ...findLabels(sheet, labelSet(names), labelArea),
      ...findLabels(sheet, labelSet(abbreviations), labelArea, true),
    ].sort((a, b) => a.row - b.row)[0];
    if (hit) headings.push({ block, row: hit.row, text: hit.text });
  }
  return headings.sort((a, b) => a.row - b.row);
}

function isBlankRow(sheet: Sheet, row: number, area: CellRange): boolean {
  for (let col = area.left; col <= area.right; col++) {
    const value = cellValue(sheet, row, col);
    if (value !== null && value !== "") return false;
  }
  return true;
}

/**
 * The block's total expenditure: the last expenditure row that carries figures, because an
 * "Expenditure" sub-heading often sits above the s251 lines and the total below them.
 */
function expenditureTotal(
  sheet: Sheet,
  rows: CellRange,
  years: readonly YearColumn[],
  firstYearCol: number
): { total?: LocatedRow; headerRow?: number } {
  const hits = findLabels(sheet, labelSet(BLOCK_ROW_LABELS.expenditure), {
    ...rows,
    right: firstYearCol - 1,
  });
  const withFigures = hits.filter((hit) => hasFigure(sheet, hit.row, years));
  const last = withFigures[withFigures.length - 1];
  const header = hits.find(
    (hit) => !hasFigure(sheet, hit.row, years) && (!last || hit.row < last.row)
  );
  return { total: last && readRow(sheet, last.row, last.col, years), headerRow: header?.row };
}

/** One block's rows between its heading and `end` (inclusive). */
function locateBlock(
  sheet: Sheet,
  heading: Heading,
  end: number,
  area: CellRange,
  years: readonly YearColumn[],
  firstYearCol: number
): BlockPlan {
  let rows: CellRange = { ...area, top: heading.row + 1, bottom: end };
  const inYear = findRow(sheet, BLOCK_ROW_LABELS.inYear, rows, years);
  if (inYear) {
    // A block's rows are one group: the first blank row after its in-year row closes it.
    let bottom = inYear.row;
    while (bottom < end && !isBlankRow(sheet, bottom + 1, area)) bottom++;
    rows = { ...rows, bottom };
  }
  const allocation = findRow(sheet, BLOCK_ROW_LABELS.allocation, rows, years);
  const movements = findRow(sheet, BLOCK_ROW_LABELS.movements, rows, years);
  const otherFunding = findRow(sheet, BLOCK_ROW_LABELS.otherFunding, rows, years);
  const { total: expenditure, headerRow } = expenditureTotal(sheet, rows, years, firstYearCol);
  const cumulative = findRow(sheet, BLOCK_ROW_LABELS.cumulative, rows, years);

  // Expenditure lines: rows with figures between the last funding row (or the expenditure sub-heading)
  // and the expenditure total.
  const above = [heading.row, allocation?.row, movements?.row, otherFunding?.row, headerRow].filter(
    (row): row is number => row !== undefined && expenditure !== undefined && row < expenditure.row
  );
  const expenditureLines = expenditure
    ? listedLines(sheet, Math.max(...above), expenditure.row, area, years)
    : [];
  return {
    sheet: sheet.name,
    block: heading.block,
    years,
    headingRow: heading.row,
    heading: heading.text.trim(),
    allocation,
    movements,
    otherFunding,
    expenditure,
    expenditureLines,
    inYear,
    cumulative,
  };
}

/**
 * The DSG blocks found in `area` of a Financial summary sheet (the whole used range when omitted), in
 * sheet order, with their rows read under `years`. A block runs from its heading to the next block's
 * heading, and ends early at the first blank row after its in-year row, so rows of a following section
 * are never taken for the last block's. Returns an empty list when no block heading is found.
 */
export function locateBlocks(
  sheet: Sheet,
  years: readonly YearColumn[],
  area?: Partial<CellRange>
): BlockPlan[] {
  if (years.length === 0) return [];
  const searched = searchArea(sheet, area);
  const firstYearCol = Math.min(...years.map((y) => y.col));
  const headings = blockHeadings(sheet, searched, firstYearCol);
  return headings.map((heading, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].row - 1 : searched.bottom;
    return locateBlock(sheet, heading, end, searched, years, firstYearCol);
  });
}
