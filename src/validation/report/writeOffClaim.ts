/**
 * The write-off claim at a glance, for the pane beside the position panel: the eligible figure, the High
 * Needs Stability Grant on it, what the council keeps when the statutory override ends (31 March 2028) and
 * the cost of carrying the deficit each year, each with where its figures come from. Read from the
 * locator's model (the plan, and the reconciliation sheet when the workbook has one) and worked by the
 * same core functions as DSG.ELIGIBLE, DSG.HNSG, DSG.EXPOSURE and DSG.CARRYCOST, in decimal.js.
 */
import { Decimal } from "decimal.js";
import type { Workbook } from "../../workbook/workbook";
import type { LocatedCell, LocatedTemplate, MoneyUnit } from "../../templates/located";
import { locatedPlan, type LocatedPlan } from "./locatedPlan";
import { figure } from "../../templates/figures";
import { asDeficit } from "../../templates/financial/figures";
import { a1, quoteSheetName } from "../../workbook/address";
import { eligibleDeficit, exposure, highNeedsStabilityGrant, lowestFigure } from "../../core/hnsg";
import { filledSources, type FilledSource } from "../../templates/writeOff/locateWriteOff";
import { carryingCost } from "../../core/carryingCost";
import { highNeedsDeficit } from "../rules/hnsg-split";
import { formatMoney, shownDecimals } from "../money";
import type { ValidationOptions } from "../rule";
import {
  laterYears,
  rowRange,
  writeOffSheetContent,
  type WriteOffSettings,
  type WriteOffSheetContent,
} from "./writeOffSheet";

/** One figure of the claim, in the plan's unit, and where it comes from in words. */
export interface ClaimFigure {
  readonly value: number;
  readonly source: string;
}

export interface CarryingCostYear {
  readonly label: string;
  readonly cost: number;
}

export interface WriteOffClaim {
  readonly unit: MoneyUnit;
  readonly decimals: number;
  /** "31 March 2026". */
  readonly date: string;
  readonly percent: number;
  /** Absent, with the grant and what is kept, when `problem` says why they cannot be worked out. */
  readonly eligible?: ClaimFigure;
  readonly grant?: ClaimFigure;
  readonly kept?: ClaimFigure;
  /** A figure on the reconciliation the claim cannot be worked from, and what to do about it. */
  readonly problem?: string;
  /** Each year's cost, empty until a rate is given; `source` says where the rate is or how to give one. */
  readonly carryingCost: { readonly years: readonly CarryingCostYear[]; readonly source: string };
}

const cellPlace = (sheet: string, cell: LocatedCell) =>
  `${quoteSheetName(sheet)}!${a1(cell.row, cell.col)}`;

/**
 * The claim for a located plan, or null when the plan shows no deficit at the end of the cut-off year
 * (a council without one does not qualify) or its figures cannot be read.
 */
export function writeOffClaim(
  template: LocatedTemplate,
  settings: WriteOffSettings
): WriteOffClaim | null {
  const plan = highNeedsDeficit(template, settings.cutOffYear);
  if (!plan || !plan.deficit.isPositive() || plan.deficit.isZero()) return null;
  const sheet = template.writeOff;
  const here = (cell: LocatedCell) => cellPlace(sheet!.sheet, cell);
  const unit = template.unit;
  const money = (value: Decimal) => value.toNumber();
  const decimals = shownDecimals([plan.cell]);

  // The figures the DfE compares: the sources filled in on the sheet, else the plan's own.
  const filled = filledSources(sheet);
  const figures = filled.length > 0 ? filled.map((f) => f.value) : [plan.deficit];
  const ineligibleCell = sheet?.ineligible?.cell;
  const typedIneligible = figure(ineligibleCell);
  const ineligible = typedIneligible ?? Decimal.max(0, Decimal.min(plan.otherBlocks, plan.deficit));
  const typedShare = figure(sheet?.share?.cell);
  const share =
    typedShare !== undefined && !typedShare.isNegative() && typedShare.lte(1)
      ? typedShare
      : new Decimal(settings.writeOffPercent).dividedBy(100);
  const percent = share.times(100).toNumber();
  const date = `31 March ${settings.cutOffYear + 1}`;
  const carrying = carryingCostOf(
    template,
    sheet === undefined ? undefined : here,
    sheet?.rate?.cell
  );
  const problem = figuresProblem(filled, figures, ineligible, ineligibleCell, here, (value) =>
    formatMoney(value, unit, decimals)
  );
  if (problem) return { unit, decimals, date, percent, problem, carryingCost: carrying };
  const eligible = eligibleDeficit(figures, ineligible);
  if (!eligible.ok) return null;
  const lowest = eligible.value.plus(ineligible);
  const grant = highNeedsStabilityGrant(eligible.value, share);
  const later = laterYears(template, settings.cutOffYear);
  const added = (later?.carried ?? []).map((cell, t) => {
    const closing = figure(cell);
    const opening = figure(later!.brought[t]);
    return closing === undefined || opening === undefined
      ? new Decimal(0)
      : asDeficit(closing.minus(opening), template.sign);
  });
  const kept = exposure(lowest, added, share, ineligible);
  if (!grant.ok || !kept.ok) return null;

  const planPlace = cellPlace(plan.sheet, plan.cell);
  const lowestOf =
    filled.length > 0
      ? `the lowest of the ${filled.length === 1 ? "1 source" : `${filled.length} sources`} on ` +
        `'${sheet!.sheet}', ${lowestName(filled, here)}`
      : `the plan's deficit at ${date} (${planPlace}), until the sources are filled in`;
  const lessIneligible = ineligible.isZero()
    ? ""
    : typedIneligible !== undefined
      ? `, less the part not eligible (${here(ineligibleCell!)})`
      : ", less the other blocks' in-year deficits the plan shows";
  const keptSource =
    `the ${new Decimal(100).minus(percent).toString()}% not written off` +
    (ineligible.isZero() ? "" : " and the part not eligible") +
    (later
      ? `, plus what the plan adds to the deficit to 31 March 2028 (${rowRange(later.sheet, later.carried)} ` +
        `less ${rowRange(later.sheet, later.brought)})`
      : "");

  return {
    unit,
    decimals,
    date,
    percent,
    eligible: { value: money(eligible.value), source: lowestOf + lessIneligible },
    grant: {
      value: money(grant.value),
      source:
        `${percent}% of the eligible figure` +
        (typedShare !== undefined && sheet?.share ? ` (share from ${here(sheet.share.cell)})` : ""),
    },
    kept: { value: money(kept.value), source: keptSource },
    carryingCost: carrying,
  };
}

/** The source that sets the lowest figure and its cell ("the s251 outturn ('…'!B5)"), the first of equal ones. */
function lowestName(filled: readonly FilledSource[], here: (cell: LocatedCell) => string): string {
  const lowest = lowestFigure(filled.map((f) => f.value));
  const { source } = filled[lowest.ok ? lowest.value.position - 1 : 0];
  return `the ${source.label} (${here(source.figure)})`;
}

/**
 * Why the sources' figures cannot be worked into a claim, in words, or undefined: a figure below zero (a
 * surplus, or a deficit typed with the wrong sign), or a part not eligible below zero or above the lowest
 * figure. DSG.ELIGIBLE on the sheet gives #VALUE! for the same figures.
 */
function figuresProblem(
  filled: readonly FilledSource[],
  figures: readonly Decimal[],
  ineligible: Decimal,
  ineligibleCell: LocatedCell | undefined,
  here: (cell: LocatedCell) => string,
  money: (value: Decimal) => string
): string | undefined {
  const negative = filled.find((f) => f.value.isNegative());
  if (negative)
    return (
      `The ${negative.source.label} shows ${money(negative.value)} (${here(negative.source.figure)}): ` +
      "type the deficit as a positive figure, or leave the row blank."
    );
  if (!ineligibleCell) return undefined;
  const lowest = Decimal.min(...figures);
  if (ineligible.isNegative() || ineligible.gt(lowest))
    return (
      `The part not eligible, ${money(ineligible)} (${here(ineligibleCell)}), is not between nothing and the ` +
      `lowest figure, ${money(lowest)}${filled.length === 0 ? " (the plan's)" : ""}.`
    );
  return undefined;
}

/** The cost of carrying the plan's deficit each year at the rate typed on the sheet. */
function carryingCostOf(
  template: LocatedTemplate,
  here: ((cell: LocatedCell) => string) | undefined,
  rateCell: LocatedCell | undefined
): WriteOffClaim["carryingCost"] {
  const none = (source: string) => ({ years: [], source });
  if (here === undefined || rateCell === undefined)
    return none("Add the write-off reconciliation and fill in its rate to see this.");
  const rate = figure(rateCell);
  if (rate === undefined) return none(`Fill in the rate at ${here(rateCell)} to see this.`);
  const financial = template.financial;
  const positions = financial?.endOfYear;
  const carried = positions?.carriedForward;
  const opening = figure(positions?.broughtForward?.cells[0]);
  const closing = (carried?.cells ?? []).map((cell) => figure(cell));
  if (!financial || !carried || opening === undefined || closing.some((v) => v === undefined))
    return none("The plan's deficit brought forward and carried forward could not all be read.");
  const costs = carryingCost(
    asDeficit(opening, template.sign),
    closing.map((value) => asDeficit(value!, template.sign)),
    [rate]
  );
  if (!costs.ok) return none(`The rate at ${here(rateCell)} is not one from 0% to 100%.`);
  return {
    years: costs.value.map((cost, t) => ({
      label: financial.years[t].label,
      cost: cost.toNumber(),
    })),
    source:
      `${rate.times(100).toString()}% a year (${here(rateCell)}) on the average of each year's deficit ` +
      `brought forward and carried forward (${rowRange(carried.sheet, carried.cells)})`,
  };
}

/** Locates the workbook as the validator does and returns its claim, with hnsg-split's settings. */
export function workbookClaim(
  workbook: Workbook,
  options: ValidationOptions = {}
): WriteOffClaim | null {
  return workbookWriteOff(workbook, options).claim;
}

/**
 * What the pane needs for the write-off claim from one locating run: the sheet "Add write-off
 * reconciliation" would write, and the claim's figures. Both null when the workbook is not a recognised plan.
 */
export function workbookWriteOff(
  workbook: Workbook,
  options: ValidationOptions = {}
): { sheet: WriteOffSheetContent | null; claim: WriteOffClaim | null } {
  return writeOffOf(locatedPlan(workbook, options));
}

/** The write-off sheet and claim of a located plan (both null without one). */
export function writeOffOf(plan: LocatedPlan | null): {
  sheet: WriteOffSheetContent | null;
  claim: WriteOffClaim | null;
} {
  if (plan === null) return { sheet: null, claim: null };
  const { template, settings } = plan;
  return {
    sheet: template.financial ? writeOffSheetContent(template, settings) : null,
    claim: writeOffClaim(template, settings),
  };
}
