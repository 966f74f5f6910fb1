/**
 * Recognition and locating: which template profile a workbook matches, then every section the rules
 * read, found by labels (never by cell address) so inserted rows and moved tables do not matter.
 */
import { emptySheet, type Workbook } from "../workbook/workbook";
import type { LocatedTemplate, MoneyUnit, Recognition, SignConvention } from "./located";
import {
  findSheetByName,
  hasHeaderRow,
  labelSet,
  normaliseLabel,
  labelSheet,
  textCellsIn,
  labelWorkbook,
  type LabelledSheet,
  type LabelledWorkbook,
} from "./labels";
import { hasSectionHeading, hasSectionHeadingAfterName } from "./sections";
import { PROFILES, profileById, type Marker, type TemplateProfile } from "./profiles";
import {
  detectUnit,
  endOfYearPositionsOn,
  hasEndOfYear,
  locateFinancialSummary,
  rollsForward,
  sheetsWithEndOfYear,
} from "./financial/locateFinancial";
import type { FinancialSummary } from "./financial/financialModel";
import type { EndOfYearPositions } from "./financial/endOfYearModel";
import { detectSign, inYearSignFromBlocks, withInYearSign } from "./financial/sign";
import { unitByLabel } from "./financial/unit";
import { locateEhcp } from "./ehcp/locateEhcp";
import { locateSvReturn } from "./svReturn/locateSvReturn";
import { readUpdateLabel } from "./svReturn/svWording";
import {
  SV_DETAILED_UPDATE,
  SV_HEADLINES,
  SV_ON_TRACK,
  SV_RAG_LEGEND,
  SV_RISK_REGISTER,
} from "./profiles/headings";
import { locateGovernance } from "./governance/locateGovernance";
import { locateWriteOff } from "./writeOff/locateWriteOff";
import type { RowMapping } from "./rowMap";
import { byLater, bySent, bySetAside, isSetAside, namesAPeriod } from "./sheetOrder";
import { formulasReading, sheetsReadBy } from "./sheetLinks";

function markerName(marker: Marker): string {
  return `${marker.kind} '${marker.name}'`;
}

function hasMarker(workbook: LabelledWorkbook, marker: Marker, endOfYearFound: boolean): boolean {
  if (marker.holdsEndOfYear && endOfYearFound) return true;
  if (marker.kind === "sheet")
    return findSheetByName(workbook.sheets, marker.synonyms) !== undefined;
  return workbook.sheets.some(
    (sheet) =>
      hasSectionHeading(sheet, marker.synonyms) ||
      (marker.afterName === true && hasSectionHeadingAfterName(sheet, marker.synonyms)) ||
      (marker.headerRows ?? []).some((columns) => hasHeaderRow(sheet, columns))
  );
}

/**
 * How well the workbook matches one profile: recognised when it has the profile's minimum share of
 * markers, or all of its required ones. `endOfYearFound` says the locator found the end of year
 * positions, which stands for the markers that usually hold them.
 */
export function scoreProfile(
  workbook: LabelledWorkbook,
  profile: TemplateProfile,
  forced = false,
  endOfYearFound = false
): Recognition {
  const found: string[] = [];
  const missing: string[] = [];
  const missingRequired: string[] = [];
  for (const marker of profile.markers) {
    if (hasMarker(workbook, marker, endOfYearFound)) {
      found.push(markerName(marker));
    } else {
      missing.push(markerName(marker));
      if (marker.required) missingRequired.push(markerName(marker));
    }
  }
  const score = profile.markers.length === 0 ? 0 : found.length / profile.markers.length;
  // A workbook holding every part the checks need is checkable even if it has few of the other sheets
  // (a council may send the Financial summary sheet on its own).
  const hasRequired = profile.markers.some((m) => m.required) && missingRequired.length === 0;
  return {
    recognised: forced || hasRequired || score >= profile.minimumScore,
    score,
    found,
    missing,
    missingRequired,
    forced,
  };
}

/**
 * The profile the workbook matches best (the forced one when `templateId` names a profile), with how
 * well it matched: a recognised profile before one that is not, then the higher share of markers found.
 * Ties go to the profile listed first. `endOfYearFound` (searched for when not given) says whether
 * some sheet holds end of year positions.
 */
export function recogniseTemplate(
  workbook: Workbook,
  templateId?: string,
  endOfYearFound?: boolean
): { profile: TemplateProfile; recognition: Recognition } {
  return recogniseLabelled(labelWorkbook(workbook), templateId, endOfYearFound);
}

function recogniseLabelled(
  workbook: LabelledWorkbook,
  templateId?: string,
  endOfYearFound = hasEndOfYear(workbook)
): { profile: TemplateProfile; recognition: Recognition } {
  const forced = templateId === undefined ? undefined : profileById(templateId);
  if (forced)
    return { profile: forced, recognition: scoreProfile(workbook, forced, true, endOfYearFound) };
  const scored = PROFILES.map((profile) => ({
    profile,
    recognition: scoreProfile(workbook, profile, false, endOfYearFound),
  }));
  const rank = ({ recognition }: (typeof scored)[number]) =>
    (recognition.recognised ? 1 : 0) + recognition.score;
  return scored.reduce((best, next) => (rank(next) > rank(best) ? next : best));
}

/**
 * A template whose finance figures are optional (the Safety Valve return) has them on a finance sheet,
 * under a finance heading, or on a sheet of their own by any name ("SV finance", "Q2 forecast"), but not
 * among its narrative: the tables of a page of conditions or risks ("Condition 1: ... a positive in-year
 * balance", with a forecast pasted beside it) are not a financial summary.
 */
function holdsFinance(
  profile: TemplateProfile,
  sheet: LabelledSheet,
  named: LabelledSheet | undefined
): boolean {
  const headed = (m: Marker) =>
    m.kind === "section" &&
    (hasSectionHeading(sheet, m.synonyms) ||
      (m.afterName === true && hasSectionHeadingAfterName(sheet, m.synonyms)));
  return (
    sheet === named ||
    profile.markers.some((m) => m.holdsEndOfYear && headed(m)) ||
    !profile.markers.some((m) => !m.holdsEndOfYear && headed(m))
  );
}

/**
 * True when a sheet of the return's narrative ends with a finance table of its own, below its conditions
 * or risks ("DSG deficit forecast" under the risk register): brought forward, in-year and carried forward
 * rows under years across, below every other part of the sheet. A forecast pasted into a condition's
 * commentary sits among the conditions.
 */
function rollsForwardBelow(sheet: LabelledSheet): boolean {
  const positions = endOfYearPositionsOn(sheet);
  if (!positions?.broughtForward || !positions.inYear || !positions.carriedForward) return false;
  const top = Math.min(positions.broughtForward.row, positions.inYear.row);
  const below = textCellsIn(sheet, { top: top + 1 });
  const narrative = labelSet(
    [SV_ON_TRACK, SV_HEADLINES, SV_DETAILED_UPDATE, SV_RISK_REGISTER, SV_RAG_LEGEND].flat()
  );
  return !below.some(
    (cell) => narrative.includes(cell.normalised) || readUpdateLabel(cell.text) !== undefined
  );
}

/**
 * The financial summary of the workbook, among the sheets with end of year positions: a live sheet named as
 * the profile's financial sheet ("Financial summary", "Financial Summary 7", "Financial summary 2025-26");
 * else the fullest (a dashboard or a narrative's rounded table of three rows repeats the plan's positions
 * without its blocks; a budget build's scenario table is no plan); then the later written, by the first year
 * it forecasts; then one not kept aside (hidden, "old",
 * "superseded"); then one named so; then the one more formulas on other sheets read from (a dashboard
 * links to the live plan, not to an old version); then the later version; else the first in tab order.
 * Without positions anywhere, whatever the financial sheet holds.
 */
function locateFinancial(
  workbook: LabelledWorkbook,
  profile: TemplateProfile,
  mappings?: readonly RowMapping[]
): { sheet: LabelledSheet; summary: FinancialSummary } | undefined {
  const named = findSheetByName(workbook.sheets, profile.financialSheets);
  const found = workbook.sheets
    .filter(
      (sheet) =>
        !profile.financeOptional || holdsFinance(profile, sheet, named) || rollsForwardBelow(sheet)
    )
    .flatMap((sheet) => {
      const summary = locateFinancialSummary(workbook, sheet, mappings);
      return summary?.endOfYear ? [{ sheet, summary }] : [];
    });
  // Named exactly ("Financial summary") before named with more after it ("Financial summary - DRAFT"). Positions
  // on a tab of their own whose blocks are on the sheet named exactly are that sheet's: a plan split in two.
  const isNamed = ({ sheet, summary }: (typeof found)[number]) =>
    sheet === named || summary.blocks?.some((block) => block.sheet === named?.name)
      ? 2
      : namedAfter(sheet.name, profile.financialSheets)
        ? 1
        : 0;
  const linkedTo = (sheet: LabelledSheet) => formulasReading(workbook.sheets, sheet);
  const liveNamed = (plan: (typeof found)[number]) => (isSetAside(plan.sheet) ? 0 : isNamed(plan));
  // A sheet of blocks whose only end of year row is their total in-year row is no plan of its own.
  const rolls = (plan: (typeof found)[number]) => (rollsForward(plan.summary.endOfYear) ? 1 : 0);
  const best = [...found].sort(
    (a, b) =>
      rolls(b) - rolls(a) ||
      liveNamed(b) - liveNamed(a) ||
      fullness(b.summary) - fullness(a.summary) ||
      vintage(b.summary) - vintage(a.summary) ||
      bySetAside(a.sheet, b.sheet) ||
      bySent(a.sheet, b.sheet) ||
      isNamed(b) - isNamed(a) ||
      linkedTo(b.sheet) - linkedTo(a.sheet) ||
      byLater(a.sheet, b.sheet)
  )[0];
  if (best) return best;
  const summary = named && locateFinancialSummary(workbook, named, mappings);
  return summary ? { sheet: named, summary } : undefined;
}

/**
 * True when the sheet's name starts with one of the names ("Financial Summary 7", "Fin summary v3"), but
 * not when what follows dates it ("Financial summary Sept 24"): a dated copy may be a snapshot.
 */
function namedAfter(name: string, names: readonly string[]): boolean {
  const own = normaliseLabel(name);
  return !namesAPeriod(name) && labelSet(names).some((wanted) => own.startsWith(`${wanted} `));
}

/**
 * When a plan was written, from its years: the first year it forecasts (the year after its last outturn).
 * Last year's copy kept beside the plan forecasts a year earlier. 0 when its headings do not say.
 */
function vintage(summary: FinancialSummary): number {
  const forecast = summary.years.find((year) => year.kind === "forecast");
  if (forecast) return forecast.start;
  const actuals = summary.years.filter((year) => year.kind === "actual");
  return actuals.length > 0 ? actuals[actuals.length - 1].start + 1 : 0;
}

/** How many of the end of year rows the positions hold. */
function endOfYearRowCount(positions: EndOfYearPositions | undefined): number {
  return Object.values(positions ?? {}).filter(
    (row) => typeof row === "object" && row !== null && "cells" in row
  ).length;
}

/**
 * How much of the plan a summary holds: its end of year rows and its blocks (on its sheet, or on a sheet of
 * their own that holds no positions of its own).
 */
function fullness(summary: FinancialSummary): number {
  return endOfYearRowCount(summary.endOfYear) + (summary.blocks?.length ?? 0);
}

/** What the user chose instead of letting the locator decide (task pane settings, CLI flags). */
export interface LocateChoices {
  readonly template?: string;
  readonly unit?: MoneyUnit["label"];
  readonly sign?: SignConvention;
  /** Rows the user pointed at (rowMap.ts), taken in place of what their labels say. */
  readonly rows?: readonly RowMapping[];
}

/**
 * Recognises the workbook's template and locates its sections, unless `choices` fix the template, unit
 * or sign convention. Always returns the closest profile's model; `recognition.recognised` says whether
 * the workbook really is that template.
 */
export function locateTemplate(workbook: Workbook, choices: LocateChoices = {}): LocatedTemplate {
  return locateLabelled(labelWorkbook(workbook), choices);
}

function locateLabelled(workbook: LabelledWorkbook, choices: LocateChoices): LocatedTemplate {
  const { profile, recognition } = recogniseLabelled(
    workbook,
    choices.template,
    hasEndOfYear(workbook, choices.rows)
  );
  const financial = locateFinancial(workbook, profile, choices.rows);
  const years = financial?.summary.years ?? [];
  // Sheets with positions of their own: copies for other scenarios or versions, not the checked sheets'
  // sections nor sheets that link to the checked one (a dashboard, a chart's source table).
  const checked = financial?.sheet.name.toLowerCase() ?? "";
  const otherPlans = financial
    ? sheetsWithEndOfYear(workbook, choices.rows)
        .filter(
          (sheet) =>
            sheet !== financial.sheet &&
            !sectionSheets(financial.summary).has(sheet.name) &&
            !sheetsReadBy(sheet).has(checked) &&
            // A chart's one series ("Cumulative deficit" on a "Graphs" tab) is no plan of its own.
            endOfYearRowCount(endOfYearPositionsOn(sheet)) >= 2
        )
        .map((sheet) => sheet.name)
    : [];
  const endOfYear = financial?.summary.endOfYear;
  const fromBlocks = inYearSignFromBlocks(endOfYear, years, financial?.summary.blocks);
  const sign = choices.sign ?? detectSign(endOfYear, years, fromBlocks);
  return {
    profileId: profile.id,
    profileName: profile.name,
    unit: choices.unit
      ? unitByLabel(choices.unit)
      : detectUnit(financial?.sheet ?? workbook.sheets[0] ?? EMPTY_SHEET, financial?.summary),
    sign,
    financial:
      financial && endOfYear
        ? { ...financial.summary, endOfYear: withInYearSign(endOfYear, years, sign, fromBlocks) }
        : financial?.summary,
    ehcp: locateEhcp(workbook),
    svReturn: profile.id === "safety-valve-return" ? locateSvReturn(workbook) : undefined,
    governance: profile.id === "dsg-management-plan" ? locateGovernance(workbook) : undefined,
    writeOff: profile.id === "dsg-management-plan" ? locateWriteOff(workbook) : undefined,
    recognition,
    ...(otherPlans.length > 0 ? { otherPlans } : {}),
  };
}

/** The sheets the financial summary's sections were read from (blocks, mitigations, agreement on their own sheets). */
function sectionSheets(summary: FinancialSummary): Set<string> {
  return new Set([
    summary.sheet,
    ...(summary.blocks ?? []).map((b) => b.sheet),
    ...(summary.mitigations ? [summary.mitigations.sheet] : []),
    ...(summary.safetyValve ? [summary.safetyValve.sheet] : []),
  ]);
}

const EMPTY_SHEET: LabelledSheet = labelSheet(emptySheet(""));
