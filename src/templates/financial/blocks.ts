/**
 * Locating the section "Financial plan per funding block": a heading row per DSG block, then that
 * block's rows, each read for what it means (`meaning.ts`). The real template shows each block's funding
 * gross, then its deductions (academy recoupment, direct funding), the funding available, transfers
 * between blocks, the expenditure lines and their total, and the in-year result; councils insert rows,
 * reorder blocks and leave optional rows out.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import type { LocatedRow, YearColumn } from "../located";
import { findLabels, labelMatches, labelSet, searchArea } from "../labels";
import { labelWords, meanings, type Meaning } from "../meaning";
import { firstColumn, readTable, type TableRow } from "../tableRows";
import type { BlockPlan, DsgBlock, Subtotal } from "./blocksModel";
import { isBreakdown, saysTotal } from "./lines";
import { BLOCK_NAMES, DSG_BLOCKS } from "./blocksModel";

/**
 * Headings that start each block's rows (templates.md §1). Full names may carry trailing words ("High
 * needs block (HNB)"); abbreviations and names without "block" must stand alone, so "HNB top-ups" and
 * "Early years pupil premium" are not taken for a heading.
 */
export const BLOCK_HEADING_LABELS: Readonly<
  Record<DsgBlock, { names: readonly string[]; abbreviations: readonly string[] }>
> = {
  schools: { names: ["Schools block"], abbreviations: ["SB", "Schools"] },
  "central-school-services": {
    names: [
      "Central school services block",
      "Central schools services block",
      "Central services block",
      "Central block",
    ],
    abbreviations: [
      "CSSB",
      "Central",
      "Central school services",
      "Central schools services",
      "Central services",
    ],
  },
  "early-years": { names: ["Early years block"], abbreviations: ["EYB", "Early years"] },
  "high-needs": { names: ["High needs block"], abbreviations: ["HNB", "High needs"] },
};

/** The block a sheet is named for ("High Needs", "CSSB", "Schools block"), if any. */
export function blockNamed(sheetName: string): DsgBlock | undefined {
  return DSG_BLOCKS.find((block) => {
    const { names, abbreviations } = BLOCK_HEADING_LABELS[block];
    return labelMatches(sheetName, labelSet([...names, ...abbreviations]), true);
  });
}

export type BlockRowKey =
  | "allocation"
  | "deduction"
  | "totalFunding"
  | "movements"
  | "otherFunding"
  | "expenditure"
  | "inYear"
  | "cumulative";

const NOT_A_FLOW = ["cumulative", "brought", "carried", "opening", "closing"];

/** What a block's rows mean; the name of each is the template's wording, used in messages. */
export const BLOCK_ROW_MEANINGS: readonly Meaning<BlockRowKey>[] = meanings([
  {
    key: "allocation",
    name: "DSG funding",
    means: [
      "dsg allocation|funding|income|settlement|budget",
      "gross funding|allocation|income|dsg",
      "allocation",
      "funding",
      "income",
      "grant",
      "settlement",
    ],
    not: [
      "total",
      "available",
      "net",
      "after",
      "recoupment",
      "deduction",
      "deducted",
      "other",
      "additional",
      "transfer",
      "movement",
      "top",
      "topup",
      "place",
      "expenditure",
      "spend",
      ...NOT_A_FLOW,
    ],
  },
  {
    key: "deduction",
    name: "Academy recoupment and deductions",
    means: [
      "recoupment",
      "deduction",
      "deducted",
      "direct funding|funded",
      "less academy|academies",
      "import export",
      "less adjustment|place|funding|esfa",
    ],
    not: ["total", "available", "after", "net", ...NOT_A_FLOW],
  },
  {
    key: "totalFunding",
    name: "Total funding available",
    means: [
      "total funding available",
      "funding|allocation|income available",
      "net funding|allocation|income",
      "funding|allocation|income|dsg after recoupment|deduction|deducted",
      // Funding totalled after the block's transfers ("Funding after block transfers").
      "funding|allocation|income|dsg after transfer|movement",
      "total funding|allocation|income|dsg",
      "net dsg",
    ],
    not: ["expenditure", "spend", "other", ...NOT_A_FLOW],
  },
  {
    key: "movements",
    name: "Block movements",
    means: [
      "block movement|transfer|virement",
      "transfer between block",
      "transfer",
      "movement",
      "virement",
    ],
    not: NOT_A_FLOW,
  },
  {
    key: "otherFunding",
    name: "Other funding",
    means: ["other|additional funding|income|grant", "adjustment"],
    // "Less: other direct funding deductions" is taken away: a deduction.
    not: ["less", "deduction", "deducted", "recoupment", ...NOT_A_FLOW],
  },
  {
    key: "expenditure",
    name: "Total expenditure",
    means: ["total expenditure|spend|cost", "expenditure", "spend", "cost"],
    not: ["funding", "income", ...NOT_A_FLOW],
  },
  {
    key: "inYear",
    name: "In-year surplus/(deficit)",
    means: [
      "inyear surplus|deficit|position|result|overspend|underspend|balance|variance|pressure",
      "net position|result|variance",
      "overspend|underspend",
      "pressure saving",
      "variance over under",
      "surplus|deficit year",
      "surplus deficit",
    ],
    not: NOT_A_FLOW,
  },
  {
    key: "cumulative",
    name: "Cumulative deficit",
    means: ["cumulative deficit|surplus|position|balance", "carried forward"],
    not: ["brought", "opening"],
  },
]);

/** The rows that bring money into a block: in the real layout they come before its expenditure lines. */
const FUNDING_KEYS: ReadonlySet<BlockRowKey> = new Set([
  "allocation",
  "deduction",
  "totalFunding",
  "movements",
  "otherFunding",
]);

const BLOCK_RESULT_WORDS =
  /\b(surplus|deficit|overspend|underspend|result|in[\s-]?year|outturn|position|variance)\b/i;

interface Heading {
  readonly block: DsgBlock;
  readonly row: number;
  readonly text: string;
}

/** True when the row holds a number right of its label: a line of figures, not a heading. */
function hasFiguresRightOf(sheet: LabelledSheet, row: number, col: number): boolean {
  return (sheet.values[row - sheet.top] ?? []).some(
    (value, i) => i + sheet.left > col && typeof value === "number"
  );
}

/** A block's name as councils head it: "Schools block", "DSG - Schools block", "The Schools block". */
const withPrefixes = (name: string) => [name, `DSG ${name}`, `The ${name}`];

/**
 * The first heading of each block left of the figures, in sheet order. A heading has no figures of its
 * own: "Schools block in-year deficit" with figures, in a summary above the blocks, is a line.
 */
function blockHeadings(
  sheet: LabelledSheet,
  area: CellRange,
  firstYearCol: number,
  headerRow: number | undefined
): Heading[] {
  // A block's rows sit under (or beside) the year headings: a title above them ("High needs block financial plan")
  // is not the block's heading.
  const top = headerRow === undefined ? area.top : Math.max(area.top, headerRow);
  const labelArea = { ...area, top, right: Math.min(area.right, firstYearCol - 1) };
  const headings: Heading[] = [];
  for (const block of DSG_BLOCKS) {
    const { names, abbreviations } = BLOCK_HEADING_LABELS[block];
    const hits = [
      ...findLabels(sheet, labelSet(names.flatMap(withPrefixes)), labelArea),
      ...findLabels(sheet, labelSet(abbreviations), labelArea, true),
    ].sort((a, b) => a.row - b.row);
    // A line with figures that names a block's result ("High needs block overspend", in a summary that
    // lists each block's result) is a line of that summary, never the block's heading.
    const hit =
      hits.find((h) => !hasFiguresRightOf(sheet, h.row, h.col)) ??
      hits.find((h) => !BLOCK_RESULT_WORDS.test(h.text));
    if (hit) headings.push({ block, row: hit.row, text: hit.text });
  }
  return headings.sort((a, b) => a.row - b.row);
}

/**
 * Where the block's expenditure total is: its last expenditure row with figures, since an "Expenditure"
 * heading (or a first subtotal) often sits above the lines and the total below them. -1 when none.
 */
function lastTotalAt(rows: readonly TableRow<BlockRowKey>[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    const { key, hasFigures, row } = rows[i];
    // A memo ("Memo: unit cost per EHCP") or a previous plan's total below the block's own is not it.
    if (key !== "expenditure" || !hasFigures || isBreakdown(row.label)) continue;
    if (/\b(?:previous|prior|original|plan)\b/i.test(labelWords(row.label).note.join(" ")))
      continue;
    return i;
  }
  return -1;
}

/**
 * Where a block's expenditure lines start: at an "Expenditure" heading, at the first row with figures that
 * means none of the block's rows, or at a funding row that cannot still be funding — a second one of a
 * kind, or a DSG funding or deduction row after the funding available or the movements ("Funding for 2,
 * 3 and 4 year olds", "Top-up funding – academies" are spending lines). `end` when there are none.
 */
function linesStart(rows: readonly TableRow<BlockRowKey>[], end: number): number {
  const seen = new Set<BlockRowKey>();
  for (let i = 0; i < end; i++) {
    const { key, hasFigures } = rows[i];
    if (key === "expenditure" && !hasFigures) return i;
    if (!hasFigures) continue;
    if (key === undefined) return i;
    if (!FUNDING_KEYS.has(key)) continue;
    const late =
      (key === "allocation" || key === "deduction") &&
      (seen.has("totalFunding") || seen.has("movements"));
    if (late || (key !== "deduction" && seen.has(key))) return i;
    seen.add(key);
  }
  return end;
}

/** The rows of a block's expenditure: its lines, the subtotals among them, and the total. */
interface ExpenditureParts {
  readonly totalAt: number;
  readonly lines: LocatedRow[];
  readonly subtotals: Subtotal[];
}

/**
 * Where the total is and which rows are lines: the lines between where they start and the total, or, when
 * the first expenditure row with figures says "Total" and no line comes before it, the rows after it up to
 * the in-year result ("Total expenditure" written above its lines). Rows among the lines that say "Total"
 * or "Subtotal" add up lines above them: subtotals, not lines.
 */
function expenditureParts(
  rows: readonly TableRow<BlockRowKey>[],
  inYearAt: number
): ExpenditureParts {
  const lastAt = lastTotalAt(rows);
  const end = lastAt >= 0 ? lastAt : inYearAt >= 0 ? inYearAt : rows.length;
  const linesFrom = linesStart(rows, end);
  const afterTotal = inYearAt >= 0 ? inYearAt : rows.length;
  const labelled = rows.findIndex(
    (entry) => entry.hasFigures && entry.key === "expenditure" && saysTotal(entry.row.label)
  );
  // Only funding comes before a total written above its lines, and figures come after it.
  const aboveItsLines =
    labelled >= 0 &&
    rows
      .slice(0, labelled)
      .every((e) => !e.hasFigures || (e.key !== undefined && FUNDING_KEYS.has(e.key))) &&
    rows.slice(labelled + 1, afterTotal).some((e) => e.hasFigures);
  const totalAt = aboveItsLines ? labelled : lastAt;
  const [from, to] = aboveItsLines ? [labelled + 1, afterTotal] : [linesFrom, end];
  // Rows without a meaning of their own, or read as funding, are lines where the lines are; a row read as
  // expenditure is a line wherever it is, unless it is the total.
  const isLine = (entry: TableRow<BlockRowKey>, i: number) =>
    entry.hasFigures &&
    i !== totalAt &&
    !isBreakdown(entry.row.label) &&
    (entry.key === "expenditure" ||
      (i >= from && i < to && (entry.key === undefined || FUNDING_KEYS.has(entry.key))));
  const lines: LocatedRow[] = [];
  const subtotals: Subtotal[] = [];
  let group: LocatedRow[] = [];
  rows.forEach((entry, i) => {
    // A heading without figures starts a new group of lines.
    if (!entry.hasFigures) group = [];
    if (totalAt < 0 || !isLine(entry, i)) return;
    if (saysTotal(entry.row.label)) {
      subtotals.push({ row: entry.row, lines: group });
      group = [];
    } else {
      lines.push(entry.row);
      group.push(entry.row);
    }
  });
  return { totalAt, lines, subtotals };
}

/**
 * A block's rows split in their order: the funding part, the expenditure lines, the total, and what
 * follows it. A row read as funding that sits among the expenditure lines is a line.
 */
function blockParts(rows: readonly TableRow<BlockRowKey>[]) {
  const inYearAt = rows.findIndex((r) => r.key === "inYear" && r.hasFigures);
  const expenditure = expenditureParts(rows, inYearAt);
  const counted = new Set([
    ...expenditure.lines,
    ...expenditure.subtotals.map((s) => s.row),
    rows[expenditure.totalAt]?.row,
  ]);
  const taken: Partial<Record<BlockRowKey, LocatedRow>> = {};
  const deductions: LocatedRow[] = [];
  rows.forEach((entry) => {
    if (!entry.hasFigures || counted.has(entry.row)) return;
    if (entry.key === "deduction") deductions.push(entry.row);
    else if (entry.key !== undefined && entry.key !== "expenditure") taken[entry.key] ??= entry.row;
  });
  return { taken, deductions, ...expenditure };
}

/**
 * A block's first funding row read as its funding available ("DSG allocation after 0.5% transfer") when
 * deductions and a funding available follow it: it is the block's DSG funding, net of the transfer.
 */
function allocationFirst(rows: readonly TableRow<BlockRowKey>[]): TableRow<BlockRowKey>[] {
  const funding = rows.filter(
    (r) => r.hasFigures && r.key !== undefined && FUNDING_KEYS.has(r.key)
  );
  const [first] = funding;
  const laterTotal = funding.slice(1).some((r) => r.key === "totalFunding");
  if (first?.key !== "totalFunding" || !laterTotal || rows.some((r) => r.key === "allocation"))
    return [...rows];
  return rows.map((r) => (r === first ? { ...r, key: "allocation" } : r));
}

/**
 * One block's rows between its heading and `end` (inclusive); `forced` rows (0-based, by key) are the
 * ones the user pointed at, taken whatever their labels say.
 */
function locateBlock(
  sheet: LabelledSheet,
  heading: Heading,
  end: number,
  area: CellRange,
  years: readonly YearColumn[],
  forced: Partial<Record<BlockRowKey, number>> = {}
): BlockPlan {
  const rows: CellRange = { ...area, top: heading.row + 1, bottom: end };
  const table = readTable(sheet, years, BLOCK_ROW_MEANINGS, rows, forced);
  // A block's rows are one group: rows after its in-year result (and its cumulative position) belong to
  // whatever follows the block.
  const inYearAt = table.all.findIndex((r) => r.key === "inYear" && r.hasFigures);
  const own =
    inYearAt < 0
      ? table.all
      : table.all.slice(0, inYearAt + 2).filter((r, i) => i <= inYearAt || r.key === "cumulative");
  const { taken, deductions, lines, subtotals, totalAt } = blockParts(allocationFirst(own));
  return {
    sheet: sheet.name,
    block: heading.block,
    years,
    headingRow: heading.row,
    heading: heading.text.trim(),
    allocation: taken.allocation,
    deductions,
    totalFunding: taken.totalFunding,
    movements: taken.movements,
    otherFunding: taken.otherFunding,
    expenditure: own[totalAt]?.row,
    expenditureLines: lines,
    subtotals,
    inYear: taken.inYear,
    cumulative: taken.cumulative,
    ambiguous: table.ambiguous.filter((a) => own.some((r) => r.row === a.row)),
  };
}

/** Rows the user pointed at in one block: its heading and its rows, 0-based sheet rows. */
export interface MappedBlockRows {
  readonly heading?: number;
  readonly rows: Partial<Record<BlockRowKey, number>>;
}

/** The headings found, with the ones the user pointed at in place of (or added to) them. */
function withMappedHeadings(
  sheet: LabelledSheet,
  found: readonly Heading[],
  area: CellRange,
  forced: Partial<Record<DsgBlock, MappedBlockRows>>
): Heading[] {
  const mapped: Heading[] = [];
  for (const block of DSG_BLOCKS) {
    const row = forced[block]?.heading;
    if (row === undefined || row < area.top || row > area.bottom) continue;
    const text = sheet.values[row - sheet.top]?.find(
      (value): value is string => typeof value === "string" && value.trim() !== ""
    );
    mapped.push({ block, row, text: text ?? BLOCK_NAMES[block] });
  }
  const kept = found.filter(
    (heading) => !mapped.some((m) => m.block === heading.block || m.row === heading.row)
  );
  return [...kept, ...mapped].sort((a, b) => a.row - b.row);
}

/**
 * The DSG blocks found in `area` of a Financial summary sheet (the whole used range when omitted), in
 * sheet order, with their rows read under `years`. A block runs from its heading to the next block's
 * heading, and ends with its in-year result, so rows of a following section are never taken for the
 * last block's. Returns an empty list when no block heading is found. `forced` holds the headings and
 * rows the user pointed at, by block.
 */
export function locateBlocks(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  area?: Partial<CellRange>,
  forced: Partial<Record<DsgBlock, MappedBlockRows>> = {}
): BlockPlan[] {
  if (years.length === 0) return [];
  const searched = searchArea(sheet, area);
  const headings = withMappedHeadings(
    sheet,
    blockHeadings(sheet, searched, firstColumn(years), years[0]?.row),
    searched,
    forced
  );
  return headings.map((heading, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].row - 1 : searched.bottom;
    return locateBlock(sheet, heading, end, searched, years, forced[heading.block]?.rows);
  });
}
