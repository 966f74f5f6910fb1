/**
 * Finding the children and young people (EHCP) tables by their labels. The management plan puts them on
 * one "CYP summary" sheet (a heading per placement type, its two tables below) or on one sheet per
 * placement type; councils insert rows, move tables and write census years as `2024` or `Jan 2024`.
 */
import type { CellRange, CellValue, Sheet, Workbook } from "../../workbook/workbook";
import { cellValue } from "../../workbook/workbook";
import {
  findLabels,
  findSheetByName,
  labelSet,
  normaliseLabel,
  startsWithWords,
  textCellsIn,
  type LabelSet,
} from "../labels";
import type { LocatedRow, YearColumn } from "../located";
import { readRow } from "../rows";
import { findYearHeader, type YearHeader } from "../yearHeader";
import { EHCPS_BY_AGE, EHCPS_BY_NEED } from "../profiles/headings";
import {
  AGE_GROUPS,
  EHCP_LABELS,
  PLACEMENTS,
  PRIMARY_NEEDS,
  type LabelledKey,
  type PlacementType,
} from "./ehcpLabels";
import type { CountTable, EhcpFlows, EhcpTables, LaWideFlows, PlacementTables } from "./ehcpModel";

/** True when the words are the name, or start or end with it as whole words. */
function isNamedBy(words: string, name: string): boolean {
  return (
    words === name ||
    startsWithWords(words, name) ||
    (words.endsWith(name) && words[words.length - name.length - 1] === " ")
  );
}

/**
 * The placement a heading or sheet name names: the longest full name it is, starts with or ends with
 * ("Number of EHCPs by age group - NMSS or independent"), or an exact short form ("NMSS"). A sentence that
 * merely mentions a placement in its middle is not a heading.
 */
export function placementNamed(text: string): LabelledKey<PlacementType> | undefined {
  // Splitting a sheet into areas asks this of every row's first text, and the rows repeat their labels
  // from one placement's tables to the next, so each distinct text is looked up once (bounded).
  if (namedPlacements.has(text)) return namedPlacements.get(text);
  const placement = placementIn(normaliseLabel(text));
  if (namedPlacements.size >= NAMED_PLACEMENTS_LIMIT) namedPlacements.clear();
  namedPlacements.set(text, placement);
  return placement;
}

const namedPlacements = new Map<string, LabelledKey<PlacementType> | undefined>();
const NAMED_PLACEMENTS_LIMIT = 10_000;

function placementIn(words: string): LabelledKey<PlacementType> | undefined {
  let best: { placement: LabelledKey<PlacementType>; length: number } | undefined;
  for (const placement of PLACEMENTS) {
    for (const name of placement.names) {
      if (isNamedBy(words, name) && name.length > (best?.length ?? 0))
        best = { placement, length: name.length };
    }
    if (best === undefined && placement.short.includes(words)) return placement;
  }
  return best?.placement;
}

/**
 * True for a count row's full label (an age group or need by its full name, a total by age or need, a
 * flow): a row so labelled is data, never a year header. Short forms ("ASD") and the all-placements
 * total are matched as whole cells only and do not count here.
 */
function isCountRowLabel(value: CellValue): boolean {
  return typeof value === "string" && queriesFor(normaliseLabel(value)).some((q) => !q.exact);
}

function isDataRow(sheet: Sheet, header: YearHeader): boolean {
  const firstYear = firstYearCol(header);
  for (let col = sheet.left; col < firstYear; col++)
    if (isCountRowLabel(cellValue(sheet, header.row, col))) return true;
  return false;
}

/** Every census-year header row of the sheet, top to bottom (a table may have its own or share one above). */
function censusHeaders(sheet: Sheet): YearHeader[] {
  const headers: YearHeader[] = [];
  for (let top = sheet.top; ;) {
    const header = findYearHeader(sheet, "census", { top });
    if (header === undefined) return headers;
    if (!isDataRow(sheet, header)) headers.push(header);
    top = header.row + 1;
  }
}

/**
 * One row an area may hold: its labels, whether only the whole cell may match (short forms, "Total"),
 * and its number, by which an area keeps its first hit (a list slot is cheaper than a Map entry).
 */
interface RowQuery {
  readonly labels: LabelSet;
  readonly exact: boolean;
  readonly id: number;
}

let queryCount = 0;

function rowQuery(labels: LabelSet, exact: boolean): RowQuery {
  return { labels, exact, id: queryCount++ };
}

function queriesOf<K extends string>(keys: readonly LabelledKey<K>[]) {
  return keys.map((key) => ({
    key: key.key,
    names: rowQuery(key.names, false),
    short: rowQuery(key.short, true),
  }));
}

// Every row the locator looks for, made once. An area is read in one pass over its text cells, each cell
// classified once against all of these, rather than searched again for each label list (it was the
// largest single cost of validating a full-size plan: 7 placements × 20 age, need, total and flow rows).
const AGE_ROWS = queriesOf(AGE_GROUPS);
const NEED_ROWS = queriesOf(PRIMARY_NEEDS);
const ROWS = {
  ageTotal: rowQuery(EHCP_LABELS.ageTotal, false),
  needTotal: rowQuery(EHCP_LABELS.needTotal, false),
  newPlans: rowQuery(EHCP_LABELS.newPlans, false),
  ceasedPlans: rowQuery(EHCP_LABELS.ceasedPlans, false),
  requests: rowQuery(EHCP_LABELS.requests, false),
  allTotal: rowQuery(EHCP_LABELS.allTotal, true),
} satisfies Record<string, RowQuery>;
const ALL_QUERIES: readonly RowQuery[] = [
  ...[...AGE_ROWS, ...NEED_ROWS].flatMap((row) => [row.names, row.short]),
  ...Object.values(ROWS),
];

/** Each normalised label → the queries it answers and whether only as the whole cell. */
const QUERIES_BY_LABEL = new Map<string, { query: RowQuery; exact: boolean }[]>();
for (const query of ALL_QUERIES) {
  for (const label of query.labels) {
    const entries = QUERIES_BY_LABEL.get(label) ?? [];
    entries.push({ query, exact: query.exact });
    QUERIES_BY_LABEL.set(label, entries);
  }
}

const NO_QUERIES: readonly RowQuery[] = [];
// Placement tables repeat the same labels, so each distinct text is classified once (bounded, like the
// label cache, so a long-running task pane does not keep every text it has seen).
const classified = new Map<string, readonly RowQuery[]>();
const CLASSIFIED_LIMIT = 10_000;

/**
 * The queries a cell's normalised text answers, as `labelMatches` would: the whole text, or (unless the
 * query is exact) any run of its leading words.
 */
function queriesFor(text: string): readonly RowQuery[] {
  const known = classified.get(text);
  if (known !== undefined) return known;
  const found: RowQuery[] = [];
  const add = (label: string, whole: boolean) => {
    for (const entry of QUERIES_BY_LABEL.get(label) ?? [])
      if ((whole || !entry.exact) && !found.includes(entry.query)) found.push(entry.query);
  };
  if (text !== "") {
    for (let space = text.indexOf(" "); space > 0; space = text.indexOf(" ", space + 1))
      add(text.slice(0, space), false);
    add(text, true);
  }
  const result = found.length === 0 ? NO_QUERIES : found;
  if (classified.size >= CLASSIFIED_LIMIT) classified.clear();
  classified.set(text, result);
  return result;
}

function firstYearCol(header: YearHeader): number {
  let first = Infinity;
  for (const year of header.years) first = Math.min(first, year.col);
  return first;
}

/** Reads labelled rows of one area under the nearest census header above each label. */
class AreaReader {
  /** The first usable label cell of each query (by its id), in reading order. */
  private readonly hits: ({ row: number; col: number } | undefined)[] = [];
  /** The first year column of each header, asked for every label cell. */
  private readonly firstYears: number[];

  constructor(
    private readonly sheet: Sheet,
    private readonly headers: readonly YearHeader[],
    area: CellRange
  ) {
    this.firstYears = headers.map(firstYearCol);
    // A label counts only left of its header's years, so columns from the rightmost first year on
    // cannot hold one and are not read.
    let labelRight = -Infinity;
    for (const first of this.firstYears) labelRight = Math.max(labelRight, first - 1);
    for (const { row, col, normalised } of textCellsIn(sheet, {
      ...area,
      right: Math.min(area.right, labelRight),
    })) {
      const queries = queriesFor(normalised);
      if (queries.length === 0 || !this.isLabelCell(row, col)) continue;
      for (const query of queries) this.hits[query.id] ??= { row, col };
    }
  }

  /** A label counts only with a census header above it whose years all lie to its right. */
  private isLabelCell(row: number, col: number): boolean {
    const above = this.indexAbove(row);
    return above >= 0 && this.firstYears[above] > col;
  }

  private indexAbove(row: number): number {
    let i = this.headers.length - 1;
    while (i >= 0 && this.headers[i].row >= row) i--;
    return i;
  }

  headerAbove(row: number): YearHeader | undefined {
    const above = this.indexAbove(row);
    return above < 0 ? undefined : this.headers[above];
  }

  /** The first row in the area the query labels. */
  row(query: RowQuery): LocatedRow | undefined {
    const hit = this.hits[query.id];
    const header = hit && this.headerAbove(hit.row);
    return hit && header && readRow(this.sheet, hit.row, hit.col, header.years);
  }

  keyed<K extends string>(keys: ReturnType<typeof queriesOf<K>>) {
    // A loop rather than flatMap: it runs for every placement's age and need rows.
    const rows: { key: K; row: LocatedRow }[] = [];
    for (const key of keys) {
      const row = this.row(key.names) ?? this.row(key.short);
      if (row !== undefined) rows.push({ key: key.key, row });
    }
    return rows;
  }

  table<K extends string>(
    keys: ReturnType<typeof queriesOf<K>>,
    total: RowQuery
  ): CountTable<K> | undefined {
    const rows = this.keyed(keys);
    const totalRow = this.row(total);
    return rows.length === 0 && totalRow === undefined ? undefined : { rows, total: totalRow };
  }

  flows(): EhcpFlows | undefined {
    const flows = {
      newPlans: this.row(ROWS.newPlans),
      ceasedPlans: this.row(ROWS.ceasedPlans),
      requests: this.row(ROWS.requests),
    };
    return Object.values(flows).some((r) => r !== undefined) ? flows : undefined;
  }
}

/** A run of rows belonging to one placement, or to the whole local authority (`placement` undefined). */
interface Area extends CellRange {
  readonly placement?: LabelledKey<PlacementType>;
}

// Long enough for "Number of EHCPs by age group - Maintained special schools or special academies".
const MAX_HEADING_LENGTH = 100;

function hasTextLeftOf(sheet: Sheet, row: number, col: number): boolean {
  const values = sheet.values[row - sheet.top];
  for (let c = sheet.left; c < col; c++)
    if (typeof values[c - sheet.left] === "string") return true;
  return false;
}

/** Splits a CYP summary sheet at its placement (and LA-wide) headings; rows above the first are LA-wide. */
function areasOf(sheet: Sheet, bottom: number, right: number): Area[] {
  const headings: { row: number; placement?: LabelledKey<PlacementType> }[] = [];
  // LA-wide headings are looked up once in the sheet's label index rather than matched row by row.
  const laWide = findLabels(sheet, EHCP_LABELS.allPlacements);
  let next = 0;
  let previousRow = -1;
  // The index's text cells, rather than every cell of every row: most cells hold figures.
  for (const { row, col, text } of textCellsIn(sheet)) {
    if (row === previousRow) continue;
    previousRow = row;
    // A heading is the row's first text, and short: a note beside the figures that mentions a placement
    // ("growth in mainstream schools or academies ...") must not split the sheet. The index leaves out
    // texts of punctuation alone, so one of those may come first.
    if (text.length > MAX_HEADING_LENGTH || hasTextLeftOf(sheet, row, col)) continue;
    const placement = placementNamed(text);
    while (next < laWide.length && laWide[next].row < row) next++;
    const isLaWide = laWide[next]?.row === row && laWide[next].col === col;
    if (placement !== undefined || isLaWide) headings.push({ row, placement });
  }
  const starts = [{ row: sheet.top, placement: undefined }, ...headings];
  return starts.map((start, i) => ({
    placement: start.placement,
    top: start.row,
    left: sheet.left,
    bottom: (starts[i + 1]?.row ?? bottom + 1) - 1,
    right,
  }));
}

/** The placement's tables in its area, with the census years of its first row; undefined when it has none. */
function placementTables(
  sheet: Sheet,
  placement: LabelledKey<PlacementType>,
  reader: AreaReader
): PlacementTables | undefined {
  const byAge = reader.table(AGE_ROWS, ROWS.ageTotal);
  const byNeed = reader.table(NEED_ROWS, ROWS.needTotal);
  const flows = reader.flows();
  const first = [
    byAge?.rows[0]?.row,
    byAge?.total,
    byNeed?.rows[0]?.row,
    byNeed?.total,
    flows?.newPlans,
  ]
    .filter((r): r is LocatedRow => r !== undefined)
    .sort((a, b) => a.row - b.row)[0];
  const years: readonly YearColumn[] | undefined = first && reader.headerAbove(first.row)?.years;
  if (years === undefined) return undefined;
  return {
    placement: placement.key,
    name: placement.name,
    sheet: sheet.name,
    years,
    byAge,
    byNeed,
    flows,
  };
}

const EHCP_TITLES = labelSet([...EHCPS_BY_AGE, ...EHCPS_BY_NEED]);

/** True for a sheet that holds EHCP tables without being named for them (a council's own tab name). */
function hasEhcpTitles(sheet: Sheet): boolean {
  return findLabels(sheet, EHCP_TITLES).length > 0;
}

/** Finds the EHCP tables (CYP summary sheet, or one sheet per placement type); undefined when there are none. */
export function locateEhcp(workbook: Workbook): EhcpTables | undefined {
  const cyp = findSheetByName(workbook.sheets, EHCP_LABELS.cypSheet);
  const placements: PlacementTables[] = [];
  let laWide: LaWideFlows | undefined;
  for (const sheet of workbook.sheets) {
    const named = placementNamed(sheet.name);
    if (sheet !== cyp && named === undefined && !hasEhcpTitles(sheet)) continue;
    const bottom = sheet.top + sheet.values.length - 1;
    const right = sheet.left + (sheet.values[0]?.length ?? 0) - 1;
    const headers = censusHeaders(sheet);
    const areas: Area[] = named
      ? [{ placement: named, top: sheet.top, left: sheet.left, bottom, right }]
      : areasOf(sheet, bottom, right);
    for (const area of areas) {
      const reader = new AreaReader(sheet, headers, area);
      if (area.placement !== undefined) {
        const tables = placementTables(sheet, area.placement, reader);
        if (tables !== undefined) placements.push(tables);
      } else if (laWide === undefined) {
        laWide = laWideFlows(sheet, reader);
      }
    }
  }
  const sheet = placements[0]?.sheet ?? laWide?.sheet;
  return sheet === undefined ? undefined : { sheet, placements, laWide };
}

function laWideFlows(sheet: Sheet, reader: AreaReader): LaWideFlows | undefined {
  const flows = reader.flows();
  const total = reader.row(ROWS.allTotal);
  const first = [flows?.newPlans, flows?.ceasedPlans, flows?.requests, total].find(
    (r) => r !== undefined
  );
  const years = first && reader.headerAbove(first.row)?.years;
  return years === undefined ? undefined : { sheet: sheet.name, years, total, ...flows };
}
