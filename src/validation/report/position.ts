/**
 * The plan's position at a glance, for the task pane's position panel and the report sheet's chart: the
 * deficit carried forward each year as the sheet shows it (net of Safety Valve payments) and before those
 * payments (gross), the agreement's cumulative limit and the headroom against it, the in-year result, the
 * year the in-year position balances, and the High Needs Stability Grant split at the cut-off. Everything
 * is read from the locator's model of the workbook (the rows the checks read), never from cell addresses,
 * and worked in decimal.js so £99.926m against £101.0m is £1.074m of headroom, not £1.0739999….
 */
import { Decimal } from "decimal.js";
import type { Workbook } from "../../workbook/workbook";
import type { LocatedCell, LocatedTemplate, MoneyUnit } from "../../templates/located";
import type { LimitBasis } from "../../templates/financial/safetyValveModel";
import { locatedPlan } from "./locatedPlan";
import { figure, figureOrZero } from "../../templates/figures";
import { asDeficit, inYearSign } from "../../templates/financial/figures";
import { balanceYear } from "../../core/deficit";
import { highNeedsStabilityGrant } from "../../core/hnsg";
import { financialYearLabel } from "../../core/years";
import { highNeedsDeficit, hnsgSplit } from "../rules/hnsg-split";
import { shownDecimals } from "../money";
import type { ValidationOptions } from "../rule";

/** One year of the position; every figure is a deficit when positive, in the sheet's unit. */
export interface PositionYear {
  readonly label: string;
  readonly kind?: "actual" | "forecast";
  /** The deficit carried forward as the sheet shows it: after Safety Valve payments (net). */
  readonly net?: number;
  /** The same before the Safety Valve payments of the years shown (gross). */
  readonly gross?: number;
  /** The agreement's cumulative deficit limit for the year, when the plan shows one. */
  readonly limit?: number;
  /** Limit less the deficit it is measured against: positive is headroom, negative a breach. */
  readonly headroom?: number;
  /** The in-year deficit (positive) or surplus (negative), before payments and contributions. */
  readonly inYear?: number;
}

/** The High Needs Stability Grant at the cut-off: who funds the deficit held at the end of that year. */
export interface StabilityGrantSplit {
  /** "31 March 2026". */
  readonly date: string;
  /** The year ending on that date ("2025-26"). */
  readonly year: string;
  /** The DSG deficit carried forward at the date (or the high needs block's own cumulative deficit). */
  readonly deficit: number;
  /** The part of it from other blocks' in-year deficits, which the grant does not cover. */
  readonly ineligible: number;
  readonly percent: number;
  readonly writtenOff: number;
  /** What stays with the council: the deficit less the amount written off. */
  readonly kept: number;
}

export interface PlanPosition {
  readonly unit: MoneyUnit;
  /** Decimals the sheet shows its carried-forward figures with. */
  readonly decimals: number;
  readonly years: readonly PositionYear[];
  /** What the limit is measured against, when the plan has a Safety Valve agreement with limits. */
  readonly limitBasis: LimitBasis | null;
  /** The first year from which the in-year result is ≤ 0 in every year shown; null when it never is. */
  readonly balanceYear: string | null;
  readonly stabilityGrant: StabilityGrantSplit | null;
}

/** The settings of the High Needs Stability Grant: the hnsg-split rule's, so the panel and its note agree. */
export interface GrantSettings {
  readonly writeOffPercent: number;
  readonly cutOffYear: number;
}

const toNumber = (value: Decimal | undefined) => value?.toNumber();

/**
 * The deficit the grant is worked on at the end of the cut-off year and the part of it that is not eligible,
 * exactly as the hnsg-split note works them (its `highNeedsDeficit`), so the panel and the note agree.
 */
export function deficitAtCutOff(
  template: LocatedTemplate,
  cutOffYear: number
): { deficit: Decimal; ineligible: Decimal } | undefined {
  if (!template.financial) return undefined;
  const found = highNeedsDeficit(template, cutOffYear);
  if (!found) return undefined;
  const { deficit, otherBlocks } = found;
  return { deficit, ineligible: Decimal.max(0, Decimal.min(otherBlocks, deficit)) };
}

function stabilityGrant(
  template: LocatedTemplate,
  settings: GrantSettings
): StabilityGrantSplit | null {
  const found = deficitAtCutOff(template, settings.cutOffYear);
  if (!found || !found.deficit.isPositive() || found.deficit.isZero()) return null;
  const share = new Decimal(settings.writeOffPercent).dividedBy(100);
  const grant = highNeedsStabilityGrant(found.deficit, share, found.ineligible);
  if (!grant.ok) return null;
  return {
    date: `31 March ${settings.cutOffYear + 1}`,
    year: financialYearLabel(settings.cutOffYear),
    deficit: found.deficit.toNumber(),
    ineligible: found.ineligible.toNumber(),
    percent: settings.writeOffPercent,
    writtenOff: grant.value.toNumber(),
    kept: found.deficit.minus(grant.value).toNumber(),
  };
}

/**
 * The position of a located plan with end of year positions, or null when the workbook has no carried-forward
 * row to draw. Gross is the carried-forward figure plus the Safety Valve payments of the years shown up to
 * that year, so the gap between the two lines is exactly the payments; a year whose carried-forward cell is
 * not a figure has neither.
 */
export function planPosition(
  template: LocatedTemplate,
  settings: GrantSettings = hnsgSplit.defaults
): PlanPosition | null {
  const financial = template.financial;
  const positions = financial?.endOfYear;
  const carried = positions?.carriedForward;
  if (!financial || !positions || !carried) return null;
  const deficit = (cell: LocatedCell | undefined, sign = template.sign) => {
    const value = figure(cell);
    return value === undefined ? undefined : asDeficit(value, sign);
  };
  const agreement = financial.safetyValve;
  const limits = agreement?.cumulativeLimit;
  const basis = limits ? (agreement?.basis ?? "net") : null;

  let paid: Decimal | undefined = new Decimal(0);
  const years = financial.years.map((year, t): PositionYear => {
    const payment = figureOrZero(positions.dfePayments?.cells[t]);
    // Payments reduce the deficit whatever sign they are shown with (the core's convention).
    paid = payment === undefined || paid === undefined ? undefined : paid.plus(payment.abs());
    const net = deficit(carried.cells[t]);
    const gross = net !== undefined && paid !== undefined ? net.plus(paid) : undefined;
    const a = agreement?.years.findIndex((y) => y.label === year.label) ?? -1;
    const limit = a < 0 ? undefined : deficit(limits?.cells[a]);
    const measured = basis === "gross" ? gross : net;
    return {
      label: year.label,
      ...(year.kind && { kind: year.kind }),
      net: toNumber(net),
      gross: toNumber(gross),
      limit: toNumber(limit),
      headroom: toNumber(limit && measured && limit.minus(measured)),
      inYear: toNumber(deficit(positions.inYear?.cells[t], inYearSign(positions, template.sign))),
    };
  });

  const withInYear = years.filter((year) => year.inYear !== undefined);
  const balanced = balanceYear(
    withInYear.map((year) => year.label),
    withInYear.map((year) => new Decimal(year.inYear as number))
  );
  return {
    unit: template.unit,
    decimals: shownDecimals(carried.cells.filter((cell) => typeof cell.value === "number")),
    years,
    limitBasis: years.some((year) => year.limit !== undefined) ? basis : null,
    balanceYear: balanced.ok ? balanced.value : null,
    stabilityGrant: stabilityGrant(template, settings),
  };
}

/**
 * Locates the workbook as the validator does (same options: template, unit, sign, rows pointed at) and
 * returns its position, with the grant settings the hnsg-split check runs with; null when there is none.
 */
export function workbookPosition(
  workbook: Workbook,
  options: ValidationOptions = {}
): PlanPosition | null {
  const plan = locatedPlan(workbook, options);
  return plan && planPosition(plan.template, plan.settings);
}

/** One series of the position chart (the pane's and the report sheet's): its name and the figure it draws. */
export interface PositionSeries {
  readonly id: "net" | "gross" | "limit" | "inYear";
  readonly label: string;
  readonly value: (year: PositionYear) => number | undefined;
}

export const POSITION_SERIES: readonly PositionSeries[] = [
  { id: "net", label: "Deficit carried forward", value: (y) => y.net },
  { id: "gross", label: "Before Safety Valve payments", value: (y) => y.gross },
  { id: "limit", label: "Agreed limit", value: (y) => y.limit },
  { id: "inYear", label: "In-year result", value: (y) => y.inYear },
];

/**
 * The series a plan has figures for: the deficit before payments only where payments make it differ from
 * the carried-forward figure, the limit only with an agreement that sets one.
 */
export function seriesShown(position: PlanPosition): PositionSeries[] {
  const paid = position.years.some(
    (year) => year.gross !== undefined && year.net !== undefined && year.gross !== year.net
  );
  return POSITION_SERIES.filter(
    (series) =>
      position.years.some((year) => series.value(year) !== undefined) &&
      (series.id !== "gross" || paid)
  );
}
