/**
 * Finding the children and young people (EHCP) tables by their labels. The management plan puts them on
 * one "CYP summary" sheet (a heading per placement type, its two tables below) or on one sheet per
 * placement type; councils insert rows, move tables and write census years as `2024` or `Jan 2024`.
 */
import type { CellRange, Sheet, Workbook } from "../../workbook/workbook";
import { cellValue } from "../../workbook/workbook";
import {
  findLabels,
  findSheetByName,
  labelMatches,
  labelSet,
  normaliseLabel,
  startsWithWords,
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

/** Every label a count row may carry: a row whose label is one of these is data, never a year header. */
const ROW_LABELS: LabelSet = [
  ...[...AGE_GROUPS, ...PRIMARY_NEEDS].flatMap((k) => k.names),
  ...EHCP_LABELS.ageTotal,
  ...EHCP_LABELS.needTotal,
  ...EHCP_LABELS.newPlans,
  ...EHCP_LABELS.ceasedPlans,
  ...EHCP_LABELS.requests,
];

function isDataRow(sheet: Sheet, header: YearHeader): boolean {
  const firstYear = Math.min(...header.years.map((y) => y.col));
  for (let col = sheet.left; col < firstYear; col++)
    if (labelMatches(cellValue(sheet, header.row, col), ROW_LABELS)) return true;
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

/** Reads labelled rows of one area under the nearest census header above each label. */
class AreaReader {
  constructor(
    private readonly sheet: Sheet,
    private readonly headers: readonly YearHeader[],
    private readonly area: CellRange
  ) {}

  headerAbove(row: number): YearHeader | undefined {
    for (let i = this.headers.length - 1; i >= 0; i--)
      if (this.headers[i].row < row) return this.headers[i];
    return undefined;
  }

  /** The first row in the area labelled with one of the labels, left of its header's years. */
  row(labels: LabelSet, exact = false): LocatedRow | undefined {
    for (const hit of findLabels(this.sheet, labels, this.area, exact)) {
      const header = this.headerAbove(hit.row);
      if (header !== undefined && header.years.every((y) => y.col > hit.col)) {
        return readRow(this.sheet, hit.row, hit.col, header.years);
      }
    }
    return undefined;
  }

  keyed<K extends string>(keys: readonly LabelledKey<K>[]) {
    return keys.flatMap((key) => {
      const row = this.row(key.names) ?? this.row(key.short, true);
      return row === undefined ? [] : [{ key: key.key, row }];
    });
  }

  table<K extends string>(
    keys: readonly LabelledKey<K>[],
    total: LabelSet
  ): CountTable<K> | undefined {
    const rows = this.keyed(keys);
    const totalRow = this.row(total);
    return rows.length === 0 && totalRow === undefined ? undefined : { rows, total: totalRow };
  }

  flows(): EhcpFlows | undefined {
    const flows = {
      newPlans: this.row(EHCP_LABELS.newPlans),
      ceasedPlans: this.row(EHCP_LABELS.ceasedPlans),
      requests: this.row(EHCP_LABELS.requests),
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

function isText(value: unknown): value is string {
  return typeof value === "string";
}

/** Splits a CYP summary sheet at its placement (and LA-wide) headings; rows above the first are LA-wide. */
function areasOf(sheet: Sheet, bottom: number, right: number): Area[] {
  const headings: { row: number; placement?: LabelledKey<PlacementType> }[] = [];
  for (let row = sheet.top; row <= bottom; row++) {
    // A heading is the row's first text, and short: a note beside the figures that mentions a placement
    // ("growth in mainstream schools or academies ...") must not split the sheet.
    const first = sheet.values[row - sheet.top].find(isText);
    if (typeof first !== "string" || first.length > MAX_HEADING_LENGTH) continue;
    const placement = placementNamed(first);
    if (placement !== undefined || labelMatches(first, EHCP_LABELS.allPlacements))
      headings.push({ row, placement });
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
  const byAge = reader.table(AGE_GROUPS, EHCP_LABELS.ageTotal);
  const byNeed = reader.table(PRIMARY_NEEDS, EHCP_LABELS.needTotal);
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
  const total = reader.row(EHCP_LABELS.allTotal, true);
  const first = [flows?.newPlans, flows?.ceasedPlans, flows?.requests, total].find(
    (r) => r !== undefined
  );
  const years = first && reader.headerAbove(first.row)?.years;
  return years === undefined ? undefined : { sheet: sheet.name, years, total, ...flows };
}
