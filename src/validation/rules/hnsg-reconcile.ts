import { Decimal } from "decimal.js";
import { allOf, endOfYearRows, financialPart, financialYearsInOrder } from "../needs";
import { defineRule, type RuleReport } from "../rule";
import { formatMoney, shownDecimals } from "../money";
import { allowance } from "../tolerance";
import { figure } from "../../templates/figures";
import { isBlank } from "../../templates/governance/fieldCell";
import type { LocatedCell } from "../../templates/located";
import { quoteSheetName, a1 } from "../../workbook/address";
import { WRITE_OFF_SHEET_NAME } from "../../templates/writeOff/writeOffLabels";
import { financialYearLabel } from "../../core/years";
import { grantSettings, highNeedsDeficit } from "./hnsg-split";

/** Where a figure of the plan is, as a message names it ("'Financial summary'!G54"). */
const placeOf = (sheet: string, cell: LocatedCell) =>
  `${quoteSheetName(sheet)}!${a1(cell.row, cell.col)}`;

/** True when the cell holds what a claim would use: a figure or a formula. */
const used = (cell: LocatedCell | undefined) =>
  cell !== undefined && (cell.formula !== null || typeof cell.value === "number");

/**
 * The High Needs Stability Grant writes off 90% of the high-needs deficit at 31 March 2026, and the DfE
 * compares the s251 outturn, the draft and published DSG note, the S151 assurance, RO data and the
 * accounts, using the lowest figure where the council cannot explain the differences (GOV.UK explanatory
 * note, 9 February 2026). An unexplained difference therefore costs 90% of itself; other blocks'
 * overspends are excluded, and a council with no deficit at the end of 2025-26 does not qualify.
 */
export const hnsgReconcile = defineRule({
  id: "hnsg-reconcile",
  severity: "warning",
  title: "Write-off figures reconcile with the plan",
  description:
    "On the write-off reconciliation sheet (the pane's Add write-off reconciliation adds it), each source's deficit " +
    "at 31 March 2026 (s251 outturn, DSG note draft and published, S151 assurance, RO, accounts) is compared with " +
    "the plan's own. The DfE uses the lowest figure the council cannot explain, so a source that differs by more " +
    "than rounding with no explanation is a warning that says what the difference would cost at the write-off " +
    "share (90%). The part not eligible should not be larger than the other blocks' cumulative overspend the plan " +
    "shows (a warning: the excess loses its grant unless it is equal pay or another non-high-needs charge the plan " +
    "does not show). Where the plan shows a surplus at 31 March 2026 the council does not qualify, and an eligible " +
    "figure on the sheet gets a note. The grant the sheet shows must be the share of the eligible figure it shows. " +
    "The share and the cut-off year are the hnsg-split check's settings.",
  defaults: {},
  needs: allOf(
    endOfYearRows("carriedForward"),
    financialYearsInOrder,
    financialPart(
      `the sheet '${WRITE_OFF_SHEET_NAME}' (Add write-off reconciliation in the pane adds it)`,
      (template) => template.writeOff
    )
  ),
  usesTolerance: true,
  check({ template, options }) {
    const reconciliation = template.writeOff;
    if (!reconciliation) return [];
    const { writeOffPercent, cutOffYear } = grantSettings(template, options);
    const plan = highNeedsDeficit(template, cutOffYear);
    if (!plan) return [];
    const share = new Decimal(writeOffPercent).dividedBy(100);
    const end = `31 March ${cutOffYear + 1}`;
    const planPlace = placeOf(plan.sheet, plan.cell);
    const at = (cell: LocatedCell) => ({
      sheet: reconciliation.sheet,
      row: cell.row,
      col: cell.col,
    });
    // Shown to the decimals the figures show, so 90% of a shown difference reads as 90% of it.
    const money = (value: Decimal, cells: readonly LocatedCell[]) =>
      formatMoney(value, template.unit, shownDecimals(cells));

    if (!plan.deficit.isPositive() || plan.deficit.isZero()) {
      const eligible = reconciliation.eligible?.cell;
      if (!used(eligible)) return [];
      const shows = plan.deficit.isZero()
        ? "no deficit"
        : `a surplus of ${money(plan.deficit.negated(), [plan.cell])}`;
      return [
        {
          message:
            `The plan shows ${shows} at ${end} (${planPlace}), so the council does not qualify for the High Needs ` +
            `Stability Grant: only a deficit in the DSG unusable reserve at the end of ${financialYearLabel(cutOffYear)} ` +
            "is written off, and the eligible figure on this sheet is not eligible.",
          severity: "info",
          at: at(eligible!),
          actual: plan.deficit.toNumber(),
        },
      ];
    }

    const reports: RuleReport[] = [];
    for (const source of reconciliation.sources) {
      const value = figure(source.figure);
      if (value === undefined) continue;
      const cells = [source.figure, plan.cell];
      const gap = value.minus(plan.deficit);
      if (gap.abs().lte(allowance(cells, options))) continue;
      if (source.explanation && !isBlank(source.explanation.value)) continue;
      const side = gap.isNegative() ? "below" : "above";
      const cost = gap.abs().times(share);
      reports.push({
        message:
          `The ${source.label} shows ${money(value, cells)} at ${end}, ${money(gap.abs(), cells)} ${side} the plan's ` +
          `${money(plan.deficit, cells)} (${planPlace}), with no explanation. The DfE uses the lowest figure it cannot ` +
          `reconcile: at ${writeOffPercent}%, the difference is ${money(cost, cells)} of grant. Explain it beside ` +
          "the figure or correct the figure.",
        at: at(source.figure),
        expected: plan.deficit.toNumber(),
        actual: value.toNumber(),
      });
    }

    // The grant the sheet shows is the share of the eligible figure it shows ("HNSG write-off (90%)" typed at 80%).
    const [eligibleCell, grantCell] = [reconciliation.eligible?.cell, reconciliation.grant?.cell];
    const [eligible, grant] = [figure(eligibleCell), figure(grantCell)];
    if (eligibleCell && grantCell && eligible !== undefined && grant !== undefined) {
      const cells = [eligibleCell, grantCell];
      const expected = eligible.times(share);
      if (grant.minus(expected).abs().gt(allowance(cells, options)))
        reports.push({
          message:
            `The High Needs Stability Grant on this sheet is ${money(grant, cells)}, but ${writeOffPercent}% of the ` +
            `eligible ${money(eligible, cells)} is ${money(expected, cells)}: correct the grant, or the eligible figure.`,
          at: at(grantCell),
          expected: expected.toNumber(),
          actual: grant.toNumber(),
        });
    }

    const ineligibleCell = reconciliation.ineligible?.cell;
    const ineligible = figure(ineligibleCell);
    const shown = Decimal.max(0, plan.otherBlocks);
    if (ineligibleCell && ineligible !== undefined) {
      const cells = [ineligibleCell, plan.cell];
      const excess = ineligible.minus(shown);
      if (excess.gt(allowance(cells, options)))
        reports.push({
          message:
            `The part not eligible is ${money(ineligible, cells)}, more than the ${money(shown, cells)} of other ` +
            `blocks' cumulative overspend the plan shows to ${end}. At ${writeOffPercent}%, the excess of ` +
            `${money(excess, cells)} costs ` +
            `${money(excess.times(share), cells)} of grant unless it is equal pay or another non-high-needs ` +
            "charge: say which, or bring the part down to what the plan shows.",
          at: at(ineligibleCell),
          expected: shown.toNumber(),
          actual: ineligible.toNumber(),
        });
    }
    return reports;
  },
});
