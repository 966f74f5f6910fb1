/**
 * Locating a financial summary: the year header, the money unit, then each section found by its heading
 * ("Summary of end of year positions", "Financial plan per funding block", "Mitigations", "Safety Valve
 * agreement"). The management plan's Financial summary sheet and the Safety Valve return's finance summary
 * share this locator, so the deficit rules apply to both.
 */
import { Decimal } from "decimal.js";
import type { CellRange } from "../../workbook/workbook";
import { cellNumberFormat, cellValue } from "../../workbook/workbook";
import type { LabelledSheet, LabelledWorkbook } from "../labels";
import type { LocatedCell, LocatedRow, MoneyUnit, YearColumn } from "../located";
import {
  findSheetByName,
  labelMatches,
  labelSet,
  normaliseLabel,
  searchArea,
  textCellsIn,
} from "../labels";
import { WRITE_OFF_HEADING } from "../writeOff/writeOffLabels";
import { findSection, type Section } from "../sections";
import { findYearHeader, yearsRepeatedBeside, type ColumnsBeside } from "../yearHeader";
import {
  END_OF_YEAR_POSITIONS,
  FINANCIAL_PLAN_PER_BLOCK,
  MITIGATIONS,
  SAFETY_VALVE_AGREEMENT,
} from "../profiles/headings";
import type { FinancialSummary } from "./financialModel";
import type { SafetyValveAgreement } from "./safetyValveModel";
import type { BlockPlan } from "./blocksModel";
import type { EndOfYearPositions } from "./endOfYearModel";
import { END_OF_YEAR_MEANINGS } from "./endOfYearLabels";
import { readTable, type TableReading } from "../tableRows";
import { labelWords, readLabel } from "../meaning";
import { keptTogether, otherMovements } from "./endOfYearRows";
import { findUnitMarker, guessUnit, unitFromFormat, unitOfPounds } from "./unit";
import { scalingCommas } from "../rows";
import { blockNamed, locateBlocks } from "./blocks";
import { locateMitigations } from "./mitigations";
import { hasFigure, isBreakdown } from "./lines";
import { locateSafetyValveAgreement } from "./safetyValve";
import { locateReferenceOutturn, type ReferenceOutturn } from "./reference";
import type { EndOfYearRowKey } from "./endOfYearLabels";
import { forcedBlockRows, forcedEndOfYearRows, type RowMapping } from "../rowMap";
import { byCurrency } from "../sheetOrder";

/** The year columns that apply in a section: its own header row when it has one, else the sheet's. */
function sectionYears(
  sheet: LabelledSheet,
  area: Partial<CellRange>,
  fallback: readonly YearColumn[]
): readonly YearColumn[] {
  const own = findYearHeader(sheet, "financial", area);
  if (own === undefined) return fallback;
  // A section's own header comes before its figures: one below them (a previous plan's table further
  // down) heads something else, and the section keeps the sheet's years.
  const top = Math.max(area.top ?? sheet.top, sheet.top);
  for (let row = top; row < own.row; row++) if (hasFigure(sheet, row, own.years)) return fallback;
  return own.years;
}

/**
 * True for an in-year row that names the DSG's total ("Total DSG in-year deficit"): without a brought or
 * carried forward row beside it, a plain "In-year deficit/(surplus)" is more likely one block's result.
 */
function namesTheDsg(inYear: LocatedRow | undefined): boolean {
  const words = inYear ? labelWords(inYear.label).words : [];
  return words.includes("dsg") || words.includes("total");
}

const EARLIER_PLAN =
  /\b(?:previous|prior|original|superseded|last year'?s)\b|\bagreed plan\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+\d{4}\s+plan\b/i;
const MITIGATED = /\bmitigated\b/i;
const UNMITIGATED = /\bunmitigated\b/i;
const MITIGATED_IN_YEAR =
  /^(?!.*\b(?:unmitigated|cumulative|before\s+mitigations?)\b)(?=.*\b(?:mitigated|after\s+mitigations?)\b).*\bin[\s-]?year\b/i;

/**
 * The rows of "Summary of end of year positions" in the area (the section when its heading is there);
 * undefined when neither the in-year, brought-forward nor carried-forward row is found. `forced` holds
 * the rows the user pointed at (0-based), taken in place of what the labels say.
 */
export function locateEndOfYear(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  area?: Partial<CellRange>,
  forced: Partial<Record<EndOfYearRowKey, number>> = {}
): EndOfYearPositions | undefined {
  if (years.length === 0) return undefined;
  const reading = readTable(sheet, years, END_OF_YEAR_MEANINGS, area, forced);
  const rows = { ...keptTogether(reading, new Set(Object.keys(forced) as EndOfYearRowKey[])) };
  // A table that shows the position after mitigation only (a Safety Valve return's finance table: "In-year
  // deficit (mitigated)") has that as its in-year row; beside an unmitigated one it is the plan's.
  rows.inYear ??= reading.all.find(
    (entry) =>
      entry.hasFigures && entry.key === undefined && MITIGATED_IN_YEAR.test(entry.row.label)
  )?.row;
  // The same for the year-end position: the mitigated one is the plan's, not the unmitigated one above it.
  if (rows.carriedForward && UNMITIGATED.test(rows.carriedForward.label))
    rows.carriedForward =
      reading.all.find(
        (entry) =>
          entry.hasFigures &&
          entry.key === "carriedForward" &&
          MITIGATED.test(entry.row.label) &&
          !UNMITIGATED.test(entry.row.label)
      )?.row ?? rows.carriedForward;
  // A previous plan's figures kept beside the live ones ("Cumulative DSG deficit - carry forward (January
  // 2024 agreed plan)", "Previous plan: carried forward"): the live row is the one that does not say so.
  for (const key of ["broughtForward", "carriedForward"] as const) {
    if (forced[key] !== undefined || !EARLIER_PLAN.test(rows[key]?.label ?? "")) continue;
    const live = reading.all.find(
      (e) => e.key === key && e.hasFigures && !EARLIER_PLAN.test(e.row.label)
    );
    if (live) rows[key] = live.row;
  }
  const others = otherMovements(reading, rows);
  const second = Object.keys(forced).length === 0 ? secondTable(sheet, reading, rows) : undefined;
  // The council's latest forecast below (or above) the agreed profile: the forecast is the plan to check.
  if (second?.live) {
    const live = locateEndOfYear(sheet, years, { ...area, top: second.top, bottom: second.bottom });
    return live && { ...live, otherTable: second.checkedInstead };
  }
  const positions: EndOfYearPositions = {
    sheet: sheet.name,
    ...rows,
    ...(others.length > 0 && { otherMovements: others }),
    ambiguous: reading.ambiguous,
    // One row of an earlier plan's carried forward kept below for comparison is no table of its own.
    ...(second &&
      second.rows > 1 && {
        otherTable: { top: second.top, bottom: second.bottom, heading: second.heading },
      }),
  };
  return positions.broughtForward || positions.carriedForward || namesTheDsg(positions.inYear)
    ? positions
    : undefined;
}

// Headings of a table of positions that is the council's own latest figures, and of one that is not.
const LIVE_TABLE = /\b(?:latest|current|revised|forecast|outturn|actual|mitigated|updated)\b/i;
const FIXED_TABLE =
  /\b(?:agreement|agreed|profile|original|baseline|unmitigated|previous|prior|target)\b/i;

/**
 * A second table of end of year positions on the sheet, apart from the rows chosen (its own brought or
 * carried forward row outside them), with the heading above it; `live` when that heading names the
 * council's latest figures ("Latest forecast (Q2 2024-25)") and the chosen table's names a fixed profile
 * ("Safety Valve agreement").
 */
function secondTable(
  sheet: LabelledSheet,
  reading: TableReading<EndOfYearRowKey>,
  rows: Partial<Record<EndOfYearRowKey, LocatedRow>>
):
  | {
      top: number;
      bottom: number;
      heading?: string;
      live: boolean;
      checkedInstead: { top: number; bottom: number; heading?: string };
      /** How many brought- and carried-forward rows the other table has. */
      rows: number;
    }
  | undefined {
  const chosen = [rows.broughtForward?.row, rows.carriedForward?.row].filter(
    (r): r is number => r !== undefined
  );
  if (chosen.length === 0) return undefined;
  const [from, to] = [Math.min(...chosen), Math.max(...chosen)];
  const outside = reading.all.filter(
    (e) =>
      e.hasFigures &&
      (e.key === "broughtForward" || e.key === "carriedForward") &&
      (e.row.row < from || e.row.row > to) &&
      // "of which: High Needs Block cumulative deficit" below the table breaks its balance down.
      !isBreakdown(e.row.label)
  );
  if (outside.length === 0) return undefined;
  const rowsOf = outside.map((e) => e.row.row);
  const after = rowsOf[0] > to;
  const top = after ? textRowAbove(sheet, Math.min(...rowsOf), to + 1) : sheet.top;
  const bottom = after ? Math.max(...rowsOf) + 1 : from - 1;
  const own = headingAbove(sheet, from, after ? sheet.top : Math.max(...rowsOf) + 1);
  const heading = headingAbove(sheet, Math.min(...rowsOf), after ? to + 1 : sheet.top);
  // A section of its own below the positions ("High Needs Stability Grant (HNSG)", "Mitigations") repeats a
  // balance for its own arithmetic: no second table of positions.
  if (heading !== undefined && labelMatches(heading, OTHER_SECTIONS)) return undefined;
  const live =
    after &&
    heading !== undefined &&
    LIVE_TABLE.test(heading) &&
    !FIXED_TABLE.test(heading) &&
    own !== undefined &&
    FIXED_TABLE.test(own);
  const checkedInstead = { top: from, bottom: to, ...(own !== undefined && { heading: own }) };
  return { top, bottom, heading, live, checkedInstead, rows: outside.length };
}

const OTHER_SECTIONS = labelSet([
  ...MITIGATIONS,
  ...SAFETY_VALVE_AGREEMENT,
  ...WRITE_OFF_HEADING,
  "High Needs Stability Grant",
  "HNSG",
  "Write-off",
  "DSG write-off",
]);

/** The text of the nearest row above `row` (not above `limit`) with text and no figures: a table's heading. */
function headingAbove(sheet: LabelledSheet, row: number, limit: number): string | undefined {
  for (let r = row - 1; r >= limit; r--) {
    const values = sheet.values[r - sheet.top] ?? [];
    if (values.some((v) => typeof v === "number")) return undefined;
    const text = values.find((v): v is string => typeof v === "string" && v.trim() !== "");
    if (text !== undefined) return text.trim();
  }
  return undefined;
}

/** The row of the heading above `row` (down to `limit`), or `row` itself when there is none. */
function textRowAbove(sheet: LabelledSheet, row: number, limit: number): number {
  for (let r = row - 1; r >= limit; r--) {
    const values = sheet.values[r - sheet.top] ?? [];
    if (values.some((v) => typeof v === "number")) return r + 1;
  }
  return limit;
}

/** A sheet whose name holds a heading's words after other words ("Management plan mitigations"). */
function sheetNamedWith(
  workbook: LabelledWorkbook,
  headings: readonly string[]
): LabelledSheet | undefined {
  const wanted = labelSet(headings);
  return workbook.sheets.find((s) => {
    const name = normaliseLabel(s.name);
    return wanted.some((heading) => name.endsWith(` ${heading}`));
  });
}

/** A section on the sheet, or a sheet of its own named like the section ("Mitigations"), with its area and years. */
function sectionOrSheet(
  workbook: LabelledWorkbook,
  sheet: LabelledSheet,
  headings: readonly string[],
  years: readonly YearColumn[]
): { sheet: LabelledSheet; area: Section | CellRange; years: readonly YearColumn[] } | undefined {
  const section = findSection(sheet, headings);
  if (section) return { sheet, area: section, years: sectionYears(sheet, section, years) };
  const own = findSheetByName(workbook.sheets, headings) ?? sheetNamedWith(workbook, headings);
  const ownYears = own && findYearHeader(own, "financial")?.years;
  if (own && ownYears) return { sheet: own, area: searchArea(own), years: ownYears };
  // The section under its heading on another sheet (the summary's positions on a sheet of their own,
  // the agreement left on the Financial summary sheet).
  for (const other of workbook.sheets) {
    const elsewhere = other === sheet ? undefined : findSection(other, headings);
    const header = elsewhere && findYearHeader(other, "financial")?.years;
    if (elsewhere && header)
      return { sheet: other, area: elsewhere, years: sectionYears(other, elsewhere, header) };
  }
  return undefined;
}

// A sheet may show the position before mitigation above the plan's own ("Summary of end of year positions
// - unmitigated", then "- mitigated"): the plan is the one the blocks and the agreement follow.
const BEFORE_MITIGATION = /\bunmitigated\b|\b(before|without|pre)[\s-]+mitigation/i;
const isThePlan = (heading: string) => !BEFORE_MITIGATION.test(heading);

/**
 * The end of year positions on a sheet with a row of financial years (undefined without one), in their
 * section when it has a heading, with the years they use. Recognition asks for them and locating the
 * summary uses them, so inside a validation they are found once per sheet (and set of mapped rows).
 */
function endOfYearOn(
  sheet: LabelledSheet,
  mappings?: readonly RowMapping[]
): { endOfYear?: EndOfYearPositions; years: readonly YearColumn[] } | undefined {
  const forced = forcedEndOfYearRows(mappings, sheet.name);
  const key = `end of year positions ${JSON.stringify(forced)}`;
  return sheet.once(key, () => {
    const header = findYearHeader(sheet, "financial");
    if (header === undefined) return undefined;
    const section = findSection(sheet, END_OF_YEAR_POSITIONS, undefined, undefined, isThePlan);
    const years = section ? sectionYears(sheet, section, header.years) : header.years;
    return { endOfYear: locateEndOfYear(sheet, years, section, forced), years };
  });
}

/** True when the positions carry a balance from year to year: a brought or a carried forward row. */
export function rollsForward(positions: EndOfYearPositions | undefined): boolean {
  return positions?.broughtForward !== undefined || positions?.carriedForward !== undefined;
}

/** The sheets of the workbook that hold end of year positions (rows found under financial years, or mapped there). */
export function sheetsWithEndOfYear(
  workbook: LabelledWorkbook,
  mappings?: readonly RowMapping[]
): LabelledSheet[] {
  return workbook.sheets.filter((sheet) => endOfYearOn(sheet, mappings)?.endOfYear !== undefined);
}

/** The end of year positions on a sheet, wherever they are on it (undefined without any). */
export function endOfYearPositionsOn(sheet: LabelledSheet): EndOfYearPositions | undefined {
  return endOfYearOn(sheet)?.endOfYear;
}

/**
 * True when some sheet of the workbook holds end of year positions (rows found under financial years,
 * or mapped there by the user).
 */
export function hasEndOfYear(
  workbook: LabelledWorkbook,
  mappings?: readonly RowMapping[]
): boolean {
  return workbook.sheets.some((sheet) => endOfYearOn(sheet, mappings)?.endOfYear !== undefined);
}

/**
 * The financial summary on `sheet`: undefined when the sheet has no row of financial years. Sections
 * that are not there are left undefined (blocks: an empty list becomes undefined too). `mappings` are
 * the rows the user pointed at.
 */
export function locateFinancialSummary(
  workbook: LabelledWorkbook,
  sheet: LabelledSheet,
  mappings?: readonly RowMapping[]
): FinancialSummary | undefined {
  const header = findYearHeader(sheet, "financial");
  const positions = endOfYearOn(sheet, mappings);
  if (header === undefined || positions === undefined) return undefined;
  const { endOfYear, years: endYears } = positions;
  // A section without a header of its own reads under the plan's years: the end of year positions', not a
  // table further up the sheet (a trend of earlier years above the plan).
  const planYears = endOfYear ? endYears : header.years;

  const blocks = blocksWithRows(sheet, planYears, mappings);
  const ownSheet = blocks.length > 0 ? [] : blocksOnOwnSheet(workbook, sheet, mappings);

  const mitigationsAt = sectionOrSheet(workbook, sheet, MITIGATIONS, planYears);
  const agreementAt = sectionOrSheet(workbook, sheet, SAFETY_VALVE_AGREEMENT, planYears);
  const beside = yearsRepeatedBeside(sheet, planYears, "financial");
  return {
    sheet: sheet.name,
    years: planYears,
    ...(beside && hasFiguresIn(sheet, endOfYear, beside) && { besideYears: beside }),
    endOfYear,
    blocks: blocks.length > 0 ? blocks : ownSheet.length > 0 ? ownSheet : undefined,
    mitigations: mitigationsAt ? mitigationsOn(sheet, mitigationsAt) : unheaded(sheet, planYears),
    safetyValve: agreementAt ? agreementOn(sheet, agreementAt) : agreementRows(sheet, planYears),
    reference: referenceRows(sheet, planYears),
  };
}

/** True when a carried- or brought-forward row of the positions has a figure in the columns. */
function hasFiguresIn(
  sheet: LabelledSheet,
  positions: EndOfYearPositions | undefined,
  columns: ColumnsBeside
): boolean {
  return [positions?.carriedForward, positions?.broughtForward].some((row) => {
    if (row === undefined) return false;
    for (let col = columns.left; col <= columns.right; col++)
      if (typeof cellValue(sheet, row.row, col) === "number") return true;
    return false;
  });
}

/**
 * The agreement's limits without a heading of their own, among the summary's rows ("Safety Valve agreement
 * deficit limit" under the roll-forward): only a limit row named as such makes them an agreement.
 */
function agreementRows(sheet: LabelledSheet, years: readonly YearColumn[]) {
  const found = locateSafetyValveAgreement(sheet, years, currentAgreement(sheet, years));
  return found?.cumulativeLimit || found?.inYearLimit ? found : undefined;
}

// An agreement varied since it was signed: "Revised Safety Valve agreement (March 2025)" over the original.
const AGREEMENT_HEADING = /\b(?:safety\s*valve|sv)\s+agreement\b/i;
const REVISED = /\b(?:revised|varied|updated|re-?profiled|current|latest|new)\b/i;

/**
 * The rows of the agreement in force where a sheet shows two (the original and a revised one, each under
 * its own heading): from the revised one's heading (else the last heading) down; the whole sheet otherwise.
 */
function currentAgreement(
  sheet: LabelledSheet,
  years: readonly YearColumn[]
): Partial<CellRange> | undefined {
  const headings = textCellsIn(sheet).filter(
    (c) => AGREEMENT_HEADING.test(c.text) && !hasFigure(sheet, c.row, years)
  );
  if (headings.length < 2) return undefined;
  const chosen = headings.find((h) => REVISED.test(h.text)) ?? headings[headings.length - 1];
  const next = headings.find((h) => h.row > chosen.row);
  return { top: chosen.row, ...(next && { bottom: next.row - 1 }) };
}

/**
 * Mitigations without a heading of their own, among the summary's rows: an unmitigated in-year row, the
 * mitigations, then the mitigated in-year row (a Safety Valve return's finance table). Both in-year rows
 * must be there, or there is no such table.
 */
function unheaded(sheet: LabelledSheet, years: readonly YearColumn[]) {
  const found = locateMitigations(sheet, years);
  if (!found?.unmitigated || !found.mitigated) return undefined;
  const [from, to] = [found.unmitigated.row, found.mitigated.row];
  // Only mitigations between them: a balance, a payment or a contribution there (a whole unmitigated
  // roll-forward above the mitigated one) makes them two tables of positions, not a mitigations table.
  const between =
    (found.lines.length > 0 || found.total !== undefined) &&
    to > from &&
    to - from <= MAX_UNHEADED_ROWS;
  const positions = (row: LocatedRow) =>
    readLabel(row.label, END_OF_YEAR_MEANINGS).kind !== "none" || BALANCE_WORDS.test(row.label);
  return between && !found.lines.some(positions) ? found : undefined;
}

// An unmitigated in-year row, a few mitigation lines and their total, then the mitigated row.
const MAX_UNHEADED_ROWS = 12;
const BALANCE_WORDS = /\b(?:cumulative|brought|carried|b\/f|c\/f|balance)\b/i;

/** The mitigations where they were found, with the unit of their own sheet when it states one. */
function mitigationsOn(
  summary: LabelledSheet,
  at: { sheet: LabelledSheet; area: Section | CellRange; years: readonly YearColumn[] }
) {
  const found = locateMitigations(at.sheet, at.years, at.area);
  if (found === undefined || at.sheet === summary) return found;
  const unit = statedUnit(at.sheet, at.years[0]?.row);
  return unit === undefined ? found : { ...found, unit };
}

/**
 * The Safety Valve agreement where it was found. On a sheet of its own that states another money unit
 * ("All figures in £m" beside a plan in £000), its limits and total are given in the summary's unit, as
 * every check compares them with the summary's figures.
 */
function agreementOn(
  summary: LabelledSheet,
  at: { sheet: LabelledSheet; area: Section | CellRange; years: readonly YearColumn[] }
): SafetyValveAgreement | undefined {
  const found = locateSafetyValveAgreement(at.sheet, at.years, at.area);
  if (found === undefined || at.sheet === summary) return found;
  const own = statedUnit(at.sheet, at.years[0]?.row);
  const plan = statedUnit(summary, findYearHeader(summary, "financial")?.row);
  return own && plan && own.pounds !== plan.pounds
    ? inUnit(found, own.pounds / plan.pounds)
    : found;
}

/** The agreement's limits and total multiplied by `factor` (from its own unit to the summary's). */
function inUnit(agreement: SafetyValveAgreement, factor: number): SafetyValveAgreement {
  const shift = Math.round(Math.log10(factor));
  const cell = (c: LocatedCell): LocatedCell =>
    typeof c.value === "number"
      ? {
          ...c,
          value: new Decimal(c.value).times(factor).toNumber(),
          decimals: Math.max(0, c.decimals - shift),
        }
      : c;
  const row = (r: LocatedRow | undefined) => r && { ...r, cells: r.cells.map(cell) };
  const total = agreement.agreementTotal;
  return {
    ...agreement,
    cumulativeLimit: row(agreement.cumulativeLimit),
    inYearLimit: row(agreement.inYearLimit),
    ...(total && { agreementTotal: { ...total, cell: cell(total.cell) } }),
  };
}

/** The DSG blocks on a sheet: in its "Financial plan per funding block" section when it has one. */
function blocksOn(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  mappings?: readonly RowMapping[]
): BlockPlan[] {
  const section = findSection(sheet, FINANCIAL_PLAN_PER_BLOCK);
  const blockYears = section ? sectionYears(sheet, section, years) : years;
  return locateBlocks(sheet, blockYears, section, forcedBlockRows(mappings, sheet.name));
}

/**
 * The blocks on a sheet of their own ("Funding blocks", "7.2 Financial plan", any name): the sheet named
 * like the section first, then the others in tab order; one with financial years and at least two
 * blocks, or one block under the section's heading or on the sheet named for it, so a sheet that merely
 * mentions a block is not taken for it.
 */
function blocksOnOwnSheet(
  workbook: LabelledWorkbook,
  summary: LabelledSheet,
  mappings?: readonly RowMapping[]
): BlockPlan[] {
  const named = findSheetByName(workbook.sheets, FINANCIAL_PLAN_PER_BLOCK);
  // The live copy first. A sheet that rolls positions forward of its own (an old version of the plan, a
  // scenario) holds that plan's blocks, not these; a blocks sheet's own total in-year row is no such roll.
  const others = [...workbook.sheets]
    .sort(byCurrency)
    .filter(
      (s) => s !== summary && s !== named && !rollsForward(endOfYearOn(s, mappings)?.endOfYear)
    );
  // One block a sheet ("Schools", "CSSB", "Early Years", "High Needs"): each sheet that holds one block
  // under the section's heading, or is named for its block, gives that block.
  const single: BlockPlan[] = [];
  for (const sheet of named && named !== summary ? [named, ...others] : others) {
    const header = findYearHeader(sheet, "financial");
    const blocks = header ? blocksWithRows(sheet, header.years, mappings) : [];
    if (blocks.length >= 2) return blocks;
    const titled = sheet === named || findSection(sheet, FINANCIAL_PLAN_PER_BLOCK) !== undefined;
    const [block] = blocks;
    const own = block !== undefined && (titled || blockNamed(sheet.name) === block.block);
    if (own && !single.some((b) => b.block === block.block)) single.push(block);
  }
  return single;
}

/** The blocks on a sheet that hold rows: block headings left with their rows moved elsewhere hold none. */
function blocksWithRows(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  mappings?: readonly RowMapping[]
): BlockPlan[] {
  return blocksOn(sheet, years, mappings).filter(
    (b) => b.allocation || b.totalFunding || b.expenditure || b.inYear
  );
}

/** The reference outturn rows of the sheet, when the user added any. */
function referenceRows(
  sheet: LabelledSheet,
  years: readonly YearColumn[]
): ReferenceOutturn | undefined {
  const reference = locateReferenceOutturn(sheet, years);
  return reference.inYear || reference.carriedForward ? reference : undefined;
}

/** Every number in the end-of-year rows, for guessing the unit when the sheet shows none. */
function endOfYearFigures(summary: FinancialSummary | undefined): number[] {
  const positions = summary?.endOfYear;
  const rows = [positions?.inYear, positions?.broughtForward, positions?.carriedForward];
  return rows
    .flatMap((row) => row?.cells ?? [])
    .flatMap((cell) => (typeof cell.value === "number" ? [cell.value] : []));
}

/**
 * The money unit of a financial summary sheet: the marker in its header area (from the top of the sheet
 * to the row below the first year header), else a guess from the size of its figures.
 */
export function detectUnit(sheet: LabelledSheet, summary: FinancialSummary | undefined): MoneyUnit {
  const marker =
    statedUnit(sheet, findYearHeader(sheet, "financial")?.row) ??
    formatUnit(sheet, summary?.endOfYear?.carriedForward);
  if (marker === undefined) return guessUnit(endOfYearFigures(summary));
  // Figures stored in pounds and shown in thousands by the format ("#,##0," under "£'000"): the unit
  // declared is what the sheet shows, the figures are a thousand (per comma) times smaller a unit.
  const scale = formatScale(sheet, summary?.endOfYear?.carriedForward);
  return (scale > 1 && unitOfPounds(marker.pounds / scale)) || marker;
}

/** The unit a sheet states in its header area: from its top to the row below its year header. */
function statedUnit(sheet: LabelledSheet, headerRow: number | undefined): MoneyUnit | undefined {
  return findUnitMarker(sheet, { bottom: (headerRow ?? sheet.top + 4) + 1 });
}

/** The unit a row's number format writes after its figures ('"£"#,##0"k"'), when it writes one. */
function formatUnit(sheet: LabelledSheet, row: LocatedRow | undefined): MoneyUnit | undefined {
  const cell = row?.cells.find((c) => typeof c.value === "number");
  return cell === undefined
    ? undefined
    : unitFromFormat(cellNumberFormat(sheet, cell.row, cell.col));
}

/** How many times a row's number format divides its figures for display (1,000 per scaling comma). */
function formatScale(sheet: LabelledSheet, row: LocatedRow | undefined): number {
  const cell = row?.cells.find((c) => typeof c.value === "number");
  return cell === undefined
    ? 1
    : 1000 ** scalingCommas(cellNumberFormat(sheet, cell.row, cell.col));
}
