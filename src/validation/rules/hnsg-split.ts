import { blockReading } from "../blockFunding";
import { Decimal } from "decimal.js";
import { allOf, endOfYearRows, financialYearsInOrder } from "../needs";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { ruleSettings } from "../settings";
import { profileById } from "../../templates/profiles";
import { formatMoney, shownDecimals } from "../money";
import { highNeedsStabilityGrant, lowestFigure } from "../../core/hnsg";
import { financialYearLabel } from "../../core/years";
import type { LocatedCell, LocatedTemplate } from "../../templates/located";
import { figure, figureValue } from "../../templates/figures";
import { exactSum } from "../../core/units";
import { asDeficit } from "../../templates/financial/figures";
import { filledSources } from "../../templates/writeOff/locateWriteOff";

/** The deficit at the cut-off, the cell it is read from, and the part known to come from other blocks. */
export interface HighNeedsDeficit {
  readonly deficit: Decimal;
  readonly cell: LocatedCell;
  readonly sheet: string;
  readonly otherBlocks: Decimal;
  readonly source: "high-needs" | "dsg";
}

/**
 * The high-needs deficit at the end of the cut-off year: the high needs block's own cumulative row when
 * the plan has one; otherwise the DSG carried forward less the other blocks' in-year deficits of the
 * years shown up to the cut-off (the grant excludes other blocks' overspends, domain A12).
 */
export function highNeedsDeficit(
  template: LocatedTemplate,
  cutOff: number
): HighNeedsDeficit | undefined {
  const financial = template.financial!;
  const hnb = financial.blocks?.find((block) => block.block === "high-needs");
  const own = hnb?.cumulative?.cells[hnb.years.findIndex((year) => year.start === cutOff)];
  const ownValue = figure(own);
  if (hnb && own && ownValue !== undefined) {
    return {
      deficit: asDeficit(ownValue, template.sign),
      cell: own,
      sheet: hnb.sheet,
      otherBlocks: new Decimal(0),
      source: "high-needs",
    };
  }
  const carried = financial.endOfYear?.carriedForward;
  const index = financial.years.findIndex((year) => year.start === cutOff);
  const closing = figure(carried?.cells[index]);
  if (!carried || closing === undefined) return undefined;
  // Added in whole units: a sum of the figures turned to deficits (a sign change is exact in doubles),
  // each block's by the sign its label states, else the sheet's.
  const inYears: number[] = [];
  for (const block of financial.blocks ?? []) {
    if (block.block === "high-needs") continue;
    const turn = blockReading(block, template.sign).sign === "deficit-negative" ? -1 : 1;
    block.years.forEach((year, t) => {
      const inYear = figureValue(block.inYear?.cells[t]);
      if (year.start <= cutOff && inYear !== undefined) inYears.push(turn * inYear);
    });
  }
  const otherBlocks = exactSum(inYears);
  return {
    deficit: asDeficit(closing, template.sign),
    cell: carried.cells[index],
    sheet: carried.sheet,
    otherBlocks,
    source: "dsg",
  };
}

/**
 * Which source on the write-off reconciliation sheet sets the lowest figure, as a sentence; undefined when
 * the workbook has no such sheet or none of its sources has a figure yet. A source whose figure is negative
 * (a surplus, or a deficit typed with the wrong sign) is named instead, since the lowest cannot be told.
 */
function lowestSource(
  template: LocatedTemplate,
  money: (value: Decimal) => string
): string | undefined {
  const reconciliation = template.writeOff;
  const filled = filledSources(reconciliation);
  if (!reconciliation || filled.length === 0) return undefined;
  const lowest = lowestFigure(filled.map((f) => f.value));
  const sheet = `'${reconciliation.sheet}'`;
  if (!lowest.ok) {
    const negative = filled.find((f) => f.value.isNegative())!;
    return (
      `On ${sheet} the ${negative.source.label} shows ${money(negative.value)}, a surplus: if that is a ` +
      "deficit typed with the wrong sign, correct it, since the DfE uses the lowest figure."
    );
  }
  const { source } = filled[lowest.value.position - 1];
  const others =
    filled.length === 1 ? "the only source filled in" : `the lowest of ${filled.length} sources`;
  return (
    `On ${sheet} the ${source.label} sets the lowest figure, ${money(lowest.value.value)} (${others}): ` +
    "the DfE uses it unless the council explains the differences."
  );
}

/**
 * V20 (domain §3.6): the High Needs Stability Grant writes off a share (90%) of the high-needs deficit held
 * at 31 March 2026; the rest, and any deficit from other blocks, stays with the council. The note shows
 * the split so the plan can say who funds what.
 */
export const hnsgSplit = defineRule({
  id: "hnsg-split",
  severity: "info",
  title: "High Needs Stability Grant split",
  description:
    "Shows the high-needs deficit at 31 March 2026 and how the High Needs Stability Grant would split it: the share " +
    "the government writes off (90%) and what stays with the council. The deficit is the high needs block's own " +
    "cumulative deficit when the plan shows one; otherwise the DSG deficit carried forward less the other blocks' " +
    "in-year deficits in the years shown, which the grant does not cover. The DfE compares s251, DSG note, assurance " +
    "and accounts figures and uses the lowest, so check the eligible figure; with the write-off reconciliation sheet " +
    "(Add write-off reconciliation in the pane) the note names the source that sets the lowest figure. The write-off percent and the last " +
    "eligible financial year (its start year) are settings.",
  defaults: { writeOffPercent: 90, cutOffYear: 2025 },
  needs: allOf(endOfYearRows("carriedForward"), financialYearsInOrder),
  check({ template, settings }) {
    if (!template.financial) return [];
    const found = highNeedsDeficit(template, settings.cutOffYear);
    if (!found || !found.deficit.isPositive()) return [];
    const ineligible = Decimal.max(0, Decimal.min(found.otherBlocks, found.deficit));
    const share = new Decimal(settings.writeOffPercent).dividedBy(100);
    const grant = highNeedsStabilityGrant(found.deficit, share, ineligible);
    if (!grant.ok) return [];
    const decimals = shownDecimals([found.cell]);
    const money = (value: Decimal) => formatMoney(value, template.unit, decimals);
    const left = found.deficit.minus(grant.value);
    const end = `31 March ${settings.cutOffYear + 1}`;
    const basis =
      found.source === "high-needs"
        ? `The high needs block's cumulative deficit at ${end} is ${money(found.deficit)}.`
        : `The DSG deficit carried forward at ${end} (end of ${financialYearLabel(settings.cutOffYear)}) is ` +
          `${money(found.deficit)}` +
          (ineligible.isZero()
            ? "."
            : `, of which ${money(ineligible)} comes from other blocks' in-year deficits in the years shown and is not eligible.`);
    const report: RuleReport = {
      message:
        `${basis} A High Needs Stability Grant of ${settings.writeOffPercent}% of the eligible ` +
        `${money(found.deficit.minus(ineligible))} would write off ${money(grant.value)} and leave ${money(left)} ` +
        `with the council. ${lowestSource(template, money) ?? "Check the eligible figure against s251, the DSG note and the accounts: the DfE uses the lowest."}`,
      at: { sheet: found.sheet, row: found.cell.row, col: found.cell.col },
      actual: asDeficit(found.deficit, template.sign).toNumber(),
    };
    return [report];
  },
});

/** The grant's share and cut-off year as this check runs with them, for the checks and panels that agree with it. */
export function grantSettings(
  template: LocatedTemplate,
  options: ValidationOptions
): { writeOffPercent: number; cutOffYear: number } {
  return ruleSettings(hnsgSplit, profileById(template.profileId)?.thresholds, options);
}
