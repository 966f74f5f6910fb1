/**
 * A located template as a flat list of rows to compare: each row named in the users' words, keyed by what
 * it means (not where it is), with its figures by year. Two versions of a plan are matched through these
 * keys, so rows inserted between versions or tables moved do not matter.
 */
import type { LocatedCell, LocatedRow, LocatedTemplate, YearColumn } from "../../templates/located";
import { normaliseLabel } from "../../templates/labels";
import { END_OF_YEAR_ROW } from "../../templates/financial/endOfYearLabels";
import { BLOCK_ROW_MEANINGS, type BlockRowKey } from "../../templates/financial/blocks";
import { BLOCK_NAMES } from "../../templates/financial/blocksModel";
import type { EndOfYearRowKey } from "../../templates/financial/endOfYearLabels";
import { AGE_GROUPS, PRIMARY_NEEDS } from "../../templates/ehcp/ehcpLabels";
import { rowName } from "../at";

/** The parts of a plan a comparison reports on, in the order a report takes them. */
export type Section =
  | "End of year positions"
  | "Funding blocks"
  | "Mitigations"
  | "Safety Valve agreement"
  | "EHCP numbers";

export const SECTIONS: readonly Section[] = [
  "End of year positions",
  "Funding blocks",
  "Mitigations",
  "Safety Valve agreement",
  "EHCP numbers",
];

/** One figure of a row: its cell, and the year it is under ("2026-27", or "2027" for a census year). */
export interface SeriesCell {
  readonly year: string;
  readonly cell: LocatedCell;
}

/** A row of one version, as compared. */
export interface Series {
  /** What the row is, the same in both versions whatever its label or address ("block.high-needs.expenditure"). */
  readonly key: string;
  readonly section: Section;
  /** The row in the users' words ("High needs block: Total expenditure", "Mitigation: More local places"). */
  readonly row: string;
  readonly sheet: string;
  /** Money (in the sheet's unit) or a count of plans; text rows (instalment status) are compared as text. */
  readonly kind: "money" | "count" | "text";
  /**
   * Money shown with the sheet's sign convention: a deficit row whose figures are negated when deficits
   * are shown negative, so both versions are compared with deficits positive.
   */
  readonly deficit: boolean;
  readonly cells: readonly SeriesCell[];
}

const END_OF_YEAR_KEYS: readonly EndOfYearRowKey[] = [
  "broughtForward",
  "inYear",
  "dfePayments",
  "laContribution",
  "adjustments",
  "carriedForward",
];

/** Block rows that are deficits (shown with the sign convention) rather than funding or spending. */
const DEFICIT_BLOCK_ROWS: ReadonlySet<BlockRowKey> = new Set(["inYear", "cumulative"]);

function cellsOf(row: LocatedRow, years: readonly YearColumn[]): SeriesCell[] {
  return row.cells.flatMap((cell, i) => (years[i] ? [{ year: years[i].label, cell }] : []));
}

/** Builds a list of series, giving a second row of the same key a number so both are kept. */
class SeriesList {
  readonly all: Series[] = [];
  private readonly seen = new Map<string, number>();

  add(
    key: string,
    section: Section,
    row: string,
    located: LocatedRow | undefined,
    years: readonly YearColumn[],
    kind: Series["kind"] = "money",
    deficit = false
  ): void {
    if (!located) return;
    const count = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, count);
    this.all.push({
      key: count === 1 ? key : `${key}#${count}`,
      section,
      row: count === 1 ? row : `${row} (${count})`,
      sheet: located.sheet,
      kind,
      deficit,
      cells: cellsOf(located, years),
    });
  }
}

const labelKey = (row: LocatedRow) => normaliseLabel(rowName(row));

function blockRowName(key: BlockRowKey): string {
  return BLOCK_ROW_MEANINGS.find((m) => m.key === key)?.name ?? key;
}

function financialSeries(template: LocatedTemplate, list: SeriesList): void {
  const financial = template.financial;
  if (!financial) return;
  const { years } = financial;
  const endOfYear = financial.endOfYear;
  if (endOfYear) {
    for (const key of END_OF_YEAR_KEYS)
      list.add(
        `endOfYear.${key}`,
        "End of year positions",
        END_OF_YEAR_ROW[key].name,
        endOfYear[key],
        years,
        "money",
        true
      );
    for (const other of endOfYear.otherMovements ?? [])
      list.add(
        `endOfYear.other.${labelKey(other.row)}`,
        "End of year positions",
        rowName(other.row),
        other.row,
        years,
        "money",
        true
      );
  }
  for (const block of financial.blocks ?? []) {
    const name = BLOCK_NAMES[block.block];
    const prefix = `block.${block.block}`;
    const add = (key: BlockRowKey, row: LocatedRow | undefined) =>
      list.add(
        `${prefix}.${key}`,
        "Funding blocks",
        `${name}: ${blockRowName(key)}`,
        row,
        block.years,
        "money",
        DEFICIT_BLOCK_ROWS.has(key)
      );
    add("allocation", block.allocation);
    for (const row of block.deductions)
      list.add(
        `${prefix}.deduction.${labelKey(row)}`,
        "Funding blocks",
        `${name}: ${rowName(row)}`,
        row,
        block.years
      );
    add("totalFunding", block.totalFunding);
    add("movements", block.movements);
    add("otherFunding", block.otherFunding);
    for (const row of block.expenditureLines)
      list.add(
        `${prefix}.line.${labelKey(row)}`,
        "Funding blocks",
        `${name}: ${rowName(row)}`,
        row,
        block.years
      );
    add("expenditure", block.expenditure);
    add("inYear", block.inYear);
    add("cumulative", block.cumulative);
  }
  const mitigations = financial.mitigations;
  if (mitigations) {
    const add = (key: string, row: LocatedRow | undefined, deficit: boolean) =>
      row &&
      list.add(
        `mitigations.${key}`,
        "Mitigations",
        rowName(row),
        row,
        mitigations.years,
        "money",
        deficit
      );
    add("unmitigated", mitigations.unmitigated, true);
    for (const row of mitigations.lines)
      list.add(
        `mitigation.${labelKey(row)}`,
        "Mitigations",
        `Mitigation '${rowName(row)}'`,
        row,
        mitigations.years
      );
    add("total", mitigations.total, false);
    add("mitigated", mitigations.mitigated, true);
    add("unmitigatedCumulative", mitigations.unmitigatedCumulative, true);
    add("mitigatedCumulative", mitigations.mitigatedCumulative, true);
  }
  const safetyValve = financial.safetyValve;
  if (safetyValve) {
    const section = "Safety Valve agreement";
    list.add(
      "safetyValve.cumulativeLimit",
      section,
      "Agreed cumulative deficit limit",
      safetyValve.cumulativeLimit,
      safetyValve.years,
      "money",
      true
    );
    list.add(
      "safetyValve.inYearLimit",
      section,
      "Agreed in-year deficit limit",
      safetyValve.inYearLimit,
      safetyValve.years,
      "money",
      true
    );
    list.add(
      "safetyValve.status",
      section,
      "Instalment status",
      safetyValve.status,
      safetyValve.years,
      "text"
    );
    const total = safetyValve.agreementTotal;
    if (total)
      list.all.push({
        key: "safetyValve.agreementTotal",
        section,
        row: "Total DfE payments agreed",
        sheet: total.sheet,
        kind: "money",
        deficit: false,
        cells: [{ year: "", cell: total.cell }],
      });
  }
}

function ehcpSeries(template: LocatedTemplate, list: SeriesList): void {
  for (const tables of template.ehcp?.placements ?? []) {
    const prefix = `ehcp.${tables.placement}`;
    const add = (key: string, what: string, row: LocatedRow | undefined) =>
      list.add(
        `${prefix}.${key}`,
        "EHCP numbers",
        `${tables.name}: ${what}`,
        row,
        tables.years,
        "count"
      );
    for (const { key, row } of tables.byAge?.rows ?? [])
      add(`age.${key}`, AGE_GROUPS.find((m) => m.key === key)?.name ?? key, row);
    add("age.total", "EHCPs by age group, total", tables.byAge?.total);
    for (const { key, row } of tables.byNeed?.rows ?? [])
      add(`need.${key}`, PRIMARY_NEEDS.find((m) => m.key === key)?.name ?? key, row);
    add("need.total", "EHCPs by primary need, total", tables.byNeed?.total);
    add("newPlans", "New EHCPs", tables.flows?.newPlans);
    add("ceasedPlans", "Ceased EHCPs", tables.flows?.ceasedPlans);
    add("requests", "Requests for needs assessment", tables.flows?.requests);
  }
  const laWide = template.ehcp?.laWide;
  if (laWide) {
    const add = (key: string, what: string, row: LocatedRow | undefined) =>
      list.add(
        `ehcp.la.${key}`,
        "EHCP numbers",
        `All placements: ${what}`,
        row,
        laWide.years,
        "count"
      );
    add("total", "EHCPs", laWide.total);
    add("newPlans", "New EHCPs", laWide.newPlans);
    add("ceasedPlans", "Ceased EHCPs", laWide.ceasedPlans);
    add("requests", "Requests for needs assessment", laWide.requests);
  }
}

/** Every row of the located template a comparison reads, in report order. */
export function templateSeries(template: LocatedTemplate): Series[] {
  const list = new SeriesList();
  financialSeries(template, list);
  ehcpSeries(template, list);
  return list.all;
}

/** The financial years of the plan's summary, left to right ("2024-25"). */
export function financialYears(template: LocatedTemplate): string[] {
  return (template.financial?.years ?? []).map((year) => year.label);
}
