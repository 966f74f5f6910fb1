/**
 * Finding the children and young people (EHCP) tables by their labels. The management plan puts them on
 * one "CYP summary" sheet (a heading per placement type, its two tables below) or on one sheet per
 * placement type; councils insert rows, move tables and write census years as `2024` or `Jan 2024`.
 */
import type { CellRange, CellValue } from "../../workbook/workbook";
import type { LabelledSheet, LabelledWorkbook } from "../labels";
import { cellValue } from "../../workbook/workbook";
import { findLabels, findSheetByName, labelSet, textCellsIn } from "../labels";
import { labelWords, readLabel, type Meaning } from "../meaning";
import type { LocatedRow, YearColumn } from "../located";
import { readRow } from "../rows";
import { findYearHeader, type YearHeader } from "../yearHeader";
import { EHCPS_BY_AGE, EHCPS_BY_NEED } from "../profiles/headings";
import { countIn } from "./ehcpFigures";
import {
  AGE_GROUPS,
  ALL_PLACEMENTS,
  BARE_TOTALS,
  EHCP_LABELS,
  EHCP_ROWS,
  PLACEMENTS,
  PRIMARY_NEEDS,
  type AgeGroup,
  type EhcpRowKey,
  type PlacementType,
  type PrimaryNeed,
} from "./ehcpLabels";
import type {
  CountTable,
  EhcpFlows,
  EhcpTables,
  LaWideFlows,
  PlacementTables,
  TablesOf,
} from "./ehcpModel";

/**
 * The placement a heading or sheet name names ("Non-maintained special schools or independent (NMSS or
 * independent) placements", "Number of EHCPs by age group - NMSS or independent", "NMSS"); undefined for
 * anything else, and for a heading two placements fit equally.
 */
export function placementNamed(text: string): Meaning<PlacementType> | undefined {
  // A heading names; a sentence that mentions a placement ("Fewer plans moved to NMSS or independent
  // schools this year") has words no heading needs.
  const { words } = labelWords(text);
  if (words.filter((word) => !HEADING_WORDS.has(word)).length > MAX_OTHER_HEADING_WORDS)
    return undefined;
  const reading = readLabel(text, PLACEMENTS);
  return reading.kind === "taken" ? PLACEMENT_BY_KEY.get(reading.key) : undefined;
}

const PLACEMENT_BY_KEY = new Map(PLACEMENTS.map((placement) => [placement.key, placement]));

// The words placement headings are made of: the placements' own, and those of the tables' titles.
const HEADING_WORDS = new Set([
  ...PLACEMENTS.flatMap((p) => [
    ...labelWords(p.name).words,
    ...p.means.flatMap((m) => labelWords(m.replace(/\|/g, " ")).words),
  ]),
  ...labelWords(
    "Number of EHCPs by age group primary need placements placement type settings schools academies units other all maintained table data"
  ).words,
]);
const MAX_OTHER_HEADING_WORDS = 2;

/** Every row an EHCP table can hold: age groups, primary needs, totals and flows. */
type RowKey = `age:${AgeGroup}` | `need:${PrimaryNeed}` | EhcpRowKey;

const ROW_MEANINGS: readonly Meaning<RowKey>[] = [
  ...AGE_GROUPS.map((m) => ({ ...m, key: `age:${m.key}` as const })),
  ...PRIMARY_NEEDS.map((m) => ({ ...m, key: `need:${m.key}` as const })),
  ...EHCP_ROWS,
];

/** What a label means as a row of the EHCP tables, if anything. */
function rowKeyOf(text: string): RowKey | undefined {
  const reading = readLabel(text, ROW_MEANINGS);
  return reading.kind === "taken" ? reading.key : undefined;
}

/**
 * What the labels of one workbook's EHCP sheets mean, each distinct text read once: the placement
 * tables repeat the same age, need and total labels, placement after placement.
 */
class Readings {
  private readonly rowKeys = new Map<string, RowKey | undefined>();
  private readonly placements = new Map<string, Meaning<PlacementType> | undefined>();
  private readonly bareTotals = new Map<string, boolean>();

  rowKey(text: string): RowKey | undefined {
    if (!this.rowKeys.has(text)) this.rowKeys.set(text, rowKeyOf(text));
    return this.rowKeys.get(text);
  }

  /** True for a total row that does not say which table it totals ("Total", "Total EHCPs"). */
  isBareTotal(text: string): boolean {
    if (!this.bareTotals.has(text))
      this.bareTotals.set(text, readLabel(text, BARE_TOTALS).kind === "taken");
    return this.bareTotals.get(text) === true;
  }

  placement(text: string): Meaning<PlacementType> | undefined {
    if (!this.placements.has(text)) this.placements.set(text, placementNamed(text));
    return this.placements.get(text);
  }

  /**
   * True for a count row's label (an age group, a need, a total, a flow): a row so labelled is data,
   * never a year header.
   */
  isCountRowLabel(value: CellValue): boolean {
    return typeof value === "string" && this.rowKey(value) !== undefined;
  }
}

function isDataRow(sheet: LabelledSheet, header: YearHeader, readings: Readings): boolean {
  const firstYear = firstYearCol(header);
  for (let col = sheet.left; col < firstYear; col++)
    if (readings.isCountRowLabel(cellValue(sheet, header.row, col))) return true;
  return false;
}

/** Every census-year header row of the sheet, top to bottom (a table may have its own or share one above). */
function censusHeaders(sheet: LabelledSheet, readings: Readings): YearHeader[] {
  const headers: YearHeader[] = [];
  for (let top = sheet.top; ;) {
    const header = findYearHeader(sheet, "census", { top });
    if (header === undefined) return headers;
    if (!isDataRow(sheet, header, readings)) headers.push(header);
    top = header.row + 1;
  }
}

function firstYearCol(header: YearHeader): number {
  let first = Infinity;
  for (const year of header.years) first = Math.min(first, year.col);
  return first;
}

/** Reads labelled rows of one area under the nearest census header above each label. */
class AreaReader {
  /** The usable label cells of each row meaning, in reading order. */
  private readonly hits = new Map<RowKey, { row: number; col: number }[]>();
  /** The first year column of each header, asked for every label cell. */
  private readonly firstYears: number[];
  /** Label cells of total rows that do not say which table they total, in reading order. */
  private readonly bareTotals: { row: number; col: number }[] = [];
  /** Rows with a label (any text left of the years), to tell a total right under a table. */
  private readonly labelled = new Set<number>();
  /** Label cells no row meaning fits, by row: inside a table, rows the total adds but no check can. */
  private readonly unknown = new Map<number, { row: number; col: number }>();

  constructor(
    private readonly sheet: LabelledSheet,
    private readonly headers: readonly YearHeader[],
    area: CellRange,
    readings: Readings
  ) {
    this.firstYears = headers.map(firstYearCol);
    // A label counts only left of its header's years, so columns from the rightmost first year on
    // cannot hold one and are not read.
    let labelRight = -Infinity;
    for (const first of this.firstYears) labelRight = Math.max(labelRight, first - 1);
    for (const { row, col, text } of textCellsIn(sheet, {
      ...area,
      right: Math.min(area.right, labelRight),
    })) {
      if (!this.isLabelCell(row, col)) continue;
      this.labelled.add(row);
      const key = readings.rowKey(text);
      if (key === undefined) {
        if (readings.isBareTotal(text)) this.bareTotals.push({ row, col });
        else if (!this.unknown.has(row)) this.unknown.set(row, { row, col });
        continue;
      }
      const cells = this.hits.get(key);
      if (cells === undefined) this.hits.set(key, [{ row, col }]);
      else if (cells[cells.length - 1].row !== row) cells.push({ row, col });
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

  /** The first row in the area with this meaning. */
  row(key: RowKey): LocatedRow | undefined {
    const hit = this.hits.get(key)?.[0];
    return hit && this.rowAt(hit);
  }

  private rowAt(hit: { row: number; col: number }): LocatedRow | undefined {
    const header = this.headerAbove(hit.row);
    return header && readRow(this.sheet, hit.row, hit.col, header.years);
  }

  table<K extends string>(
    keys: readonly Meaning<K>[],
    prefix: "age" | "need",
    total: EhcpRowKey,
    catchAll?: K
  ): CountTable<K> | undefined {
    let rows: { key: K; row: LocatedRow }[] = [];
    const distinct = [...new Set(keys.map((meaning) => meaning.key))];
    for (const key of distinct) {
      const row = this.row(`${prefix}:${key}` as RowKey);
      if (row !== undefined) rows.push({ key, row });
    }
    const totalRow = this.row(total) ?? this.bareTotalUnder(rows.map((r) => r.row));
    const top = Math.min(...rows.map((r) => r.row.row));
    if (totalRow !== undefined && totalRow.row > top) {
      // A row below the total it follows is another table's (a second table of projections, say), read
      // because this one has no such row: it is not added into this total.
      rows = rows.filter((r) => r.row.row < totalRow.row);
      // The assessment catch-all may be two rows between the table's first row and its total ("NSA" and
      // "Awaiting assessment"), and the total adds both. Without a total below, where the table ends is
      // unclear, so only the first is taken.
      const more = catchAll && this.hits.get(`${prefix}:${catchAll}` as RowKey)?.slice(1);
      for (const hit of more ?? []) {
        const row = hit.row > top && hit.row < totalRow.row ? this.rowAt(hit) : undefined;
        if (catchAll && row !== undefined) rows.push({ key: catchAll, row });
      }
    }
    if (rows.length === 0 && totalRow === undefined) return undefined;
    const unread = totalRow === undefined ? [] : this.unreadBetween(top, totalRow.row);
    return unread.length === 0 ? { rows, total: totalRow } : { rows, total: totalRow, unread };
  }

  /** Rows with counts and a label no meaning fits, strictly between two rows of one table. */
  private unreadBetween(top: number, bottom: number): LocatedRow[] {
    const unread: LocatedRow[] = [];
    for (let row = top + 1; row < bottom; row++) {
      const hit = this.unknown.get(row);
      const sameTable =
        this.headerAbove(row) === this.headerAbove(top) && this.headerAbove(row + 1)?.row !== row;
      const located = hit && sameTable && this.rowAt(hit);
      // A row of nils cannot be what the total adds beyond the rows read.
      if (
        located &&
        located.cells.some((cell) => typeof cell.value === "number" && cell.value !== 0)
      )
        unread.push(located);
    }
    return unread;
  }

  /**
   * A bare "Total" (or "Total EHCPs") row right under the table's rows, with at most one blank row
   * between and the same census header above: the table's total. Anything labelled in between, or a
   * total further down, may total something else, so it is not taken.
   */
  private bareTotalUnder(rows: readonly LocatedRow[]): LocatedRow | undefined {
    if (rows.length === 0) return undefined;
    const last = Math.max(...rows.map((r) => r.row));
    const header = this.headerAbove(last);
    const hits = [...this.bareTotals, ...(this.hits.get("allTotal") ?? [])];
    const hit = hits.find((h) => h.row > last && h.row - last <= 2);
    if (hit === undefined || this.headerAbove(hit.row) !== header) return undefined;
    for (let between = last + 1; between < hit.row; between++)
      if (this.labelled.has(between)) return undefined;
    return this.rowAt(hit);
  }

  flows(): EhcpFlows | undefined {
    const flows = {
      newPlans: this.row("newPlans"),
      ceasedPlans: this.row("ceasedPlans"),
      requests: this.row("requests"),
    };
    if (!Object.values(flows).some((r) => r !== undefined)) return undefined;
    // Every ceased figure 0 or below, some below: the table shows them as reductions of the stock.
    const ceased = (flows.ceasedPlans?.cells ?? []).flatMap((cell) => countIn(cell) ?? []);
    const ceasedShownNegative = ceased.some((n) => n < 0) && ceased.every((n) => n <= 0);
    return ceasedShownNegative ? { ...flows, ceasedShownNegative } : flows;
  }
}

/** A run of rows belonging to one placement, or to the whole local authority (`placement` undefined). */
interface Area extends CellRange {
  readonly placement?: Meaning<PlacementType>;
}

// Long enough for "Number of EHCPs by age group - Maintained special schools or special academies".
const MAX_HEADING_LENGTH = 100;

/** True when the row holds a number right of the column: a row of figures, not a heading. */
function hasNumberRightOf(sheet: LabelledSheet, row: number, col: number): boolean {
  const values = sheet.values[row - sheet.top];
  for (let c = col + 1; c < sheet.left + values.length; c++)
    if (typeof values[c - sheet.left] === "number") return true;
  return false;
}

function hasTextLeftOf(sheet: LabelledSheet, row: number, col: number): boolean {
  const values = sheet.values[row - sheet.top];
  for (let c = sheet.left; c < col; c++)
    if (typeof values[c - sheet.left] === "string") return true;
  return false;
}

/** Splits a CYP summary sheet at its placement (and LA-wide) headings; rows above the first are LA-wide. */
function areasOf(
  sheet: LabelledSheet,
  bottom: number,
  right: number,
  readings: Readings,
  headers: readonly YearHeader[]
): Area[] {
  const headerRows = new Set(headers.map((header) => header.row));
  const found: { row: number; placement?: Meaning<PlacementType>; counts: boolean }[] = [];
  // Rows of a table with figures beside their labels (a spending line "Post-16 top-ups" read as an age
  // group is one): a placement's name among them is a row of that table, not a heading.
  const tableRows = new Set<number>();
  // LA-wide headings are looked up once in the sheet's label index rather than matched row by row.
  const laWide = findLabels(sheet, labelSet(EHCP_LABELS.allPlacements));
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
    const placement = readings.placement(text);
    while (next < laWide.length && laWide[next].row < row) next++;
    const isLaWide = laWide[next]?.row === row && laWide[next].col === col;
    // Counts beside it, not census years: a heading may carry its placement's totals, or be a row of a
    // table by placement type (see below).
    const counts = !headerRows.has(row) && hasNumberRightOf(sheet, row, col);
    if (counts) tableRows.add(row);
    // An age group with its counts ("Post-16 (16-19)") is a row of a table, not a placement's heading.
    if (counts && readings.rowKey(text)?.startsWith("age:")) continue;
    if (placement !== undefined || isLaWide) found.push({ row, placement, counts });
  }
  // Placements with counts on neighbouring rows are the rows of a table by placement type ("Number of
  // EHCPs by placement", its "Total - all placements"), not headings of their own tables.
  const inTable = (i: number) =>
    found[i].counts && [-1, 1].some((step) => tableRows.has(found[i].row + step));
  const headings = found.filter((_, i) => !inTable(i));
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
  sheet: LabelledSheet,
  placement: { readonly key: TablesOf; readonly name: string },
  reader: AreaReader
): PlacementTables | undefined {
  const byAge = reader.table(AGE_GROUPS, "age", "ageTotal");
  const byNeed = reader.table(PRIMARY_NEEDS, "need", "needTotal", "UKN");
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
function hasEhcpTitles(sheet: LabelledSheet): boolean {
  return findLabels(sheet, EHCP_TITLES).length > 0;
}

/**
 * True when an area holds a title of the EHCP tables ("Number of EHCPs by age group"): on a sheet found by
 * those titles (the financial summary with the EHCP tables below the plan), the rows above the first
 * placement heading are the plan's, and its "Post-16 top-ups" is a spending line, not an age group.
 */
function titled(sheet: LabelledSheet, area: Area): boolean {
  return findLabels(sheet, EHCP_TITLES).some(
    (hit) => hit.row >= area.top && hit.row <= area.bottom
  );
}

/** Finds the EHCP tables (CYP summary sheet, or one sheet per placement type); undefined when there are none. */
export function locateEhcp(workbook: LabelledWorkbook): EhcpTables | undefined {
  const cyp = findSheetByName(workbook.sheets, EHCP_LABELS.cypSheet);
  const placements: PlacementTables[] = [];
  let laWide: LaWideFlows | undefined;
  let allPlacements: PlacementTables | undefined;
  const readings = new Readings();
  for (const sheet of workbook.sheets) {
    const named = placementNamed(sheet.name);
    if (sheet !== cyp && named === undefined && !hasEhcpTitles(sheet)) continue;
    const bottom = sheet.top + sheet.values.length - 1;
    const right = sheet.left + (sheet.values[0]?.length ?? 0) - 1;
    const headers = censusHeaders(sheet, readings);
    const areas: Area[] = named
      ? [{ placement: named, top: sheet.top, left: sheet.left, bottom, right }]
      : areasOf(sheet, bottom, right, readings, headers);
    for (const area of areas) {
      const reader = new AreaReader(sheet, headers, area, readings);
      if (area.placement !== undefined) {
        const tables = placementTables(sheet, area.placement, reader);
        if (tables !== undefined) placements.push(tables);
      } else if (sheet === cyp || named !== undefined || titled(sheet, area)) {
        // Tables with no placement heading above them (under "All placements", "LA total", or no
        // heading at all) are the local authority's own, across all placements. The first such tables
        // are read; flows with no tables beside them stay LA-wide flows.
        const all =
          allPlacements === undefined ? placementTables(sheet, ALL_PLACEMENTS, reader) : undefined;
        if (all !== undefined && (all.byAge !== undefined || all.byNeed !== undefined)) {
          allPlacements = all;
          placements.push(all);
        } else if (laWide === undefined) {
          laWide = laWideFlows(sheet, reader);
        }
      }
    }
  }
  const sheet = placements[0]?.sheet ?? laWide?.sheet;
  return sheet === undefined ? undefined : { sheet, placements, laWide };
}

function laWideFlows(sheet: LabelledSheet, reader: AreaReader): LaWideFlows | undefined {
  const flows = reader.flows();
  const total = reader.row("allTotal");
  const first = [flows?.newPlans, flows?.ceasedPlans, flows?.requests, total].find(
    (r) => r !== undefined
  );
  const years = first && reader.headerAbove(first.row)?.years;
  return years === undefined ? undefined : { sheet: sheet.name, years, total, ...flows };
}
