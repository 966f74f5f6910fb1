import { Decimal } from "decimal.js";
import { allOf, financialSection, financialYearsInOrder } from "../needs";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { allowance, withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import type { LocatedCell, LocatedRow, YearColumn } from "../../templates/located";
import { safetyValvePayments } from "../../templates/financial/endOfYearRows";
import {
  instalmentStatus,
  type SafetyValveAgreement,
} from "../../templates/financial/safetyValveModel";
import { figure, figureValue, isNotApplicable } from "../../templates/figures";
import { exactSum } from "../../core/units";
import { roundedTerms } from "../../templates/financial/figures";

function isBlank(cell: LocatedCell | undefined): boolean {
  return cell === undefined || cell.value === null || cell.value === "";
}

/** True when a payment is within its own cell's rounding (a nil shown as 0.000), so not an instalment. */
function negligible(cell: LocatedCell, options: ValidationOptions): boolean {
  return figure(cell)!
    .abs()
    .lte(allowance(roundedTerms([cell]), options));
}

/**
 * An instalment marked received ("Received", "Paid 25/03/2025") in a year whose DfE payment row shows
 * nothing: the summary leaves out money the council has had, or the status is wrong.
 */
function receivedWithoutPayment(
  agreement: SafetyValveAgreement,
  years: readonly YearColumn[],
  rows: readonly LocatedRow[],
  options: ValidationOptions
): RuleReport[] {
  return (agreement.status?.cells ?? []).flatMap((cell, i): RuleReport[] => {
    if (typeof cell.value !== "string" || instalmentStatus(cell.value) !== "received") return [];
    const t = years.findIndex((year) => year.label === agreement.years[i].label);
    if (t < 0) return [];
    const payments = rows.map((row) => row.cells[t]);
    const paid = payments.some(
      (payment) =>
        payment !== undefined && figureValue(payment) !== undefined && !negligible(payment, options)
    );
    if (
      paid ||
      payments.some(
        (payment) =>
          payment !== undefined && !isBlank(payment) && figureValue(payment) === undefined
      )
    )
      return [];
    return [
      {
        message:
          `The instalment for ${years[t].label} is marked "${cell.value.trim()}", but the summary shows no DfE ` +
          "payment that year: enter the instalment received, or correct its status.",
        at: { sheet: agreement.sheet, row: cell.row, col: cell.col },
      },
    ];
  });
}

/** Labels of the years the agreement covers: those with a limit or an instalment status. */
function agreementYears(agreement: SafetyValveAgreement): Set<string> {
  const limits = [agreement.cumulativeLimit, agreement.inYearLimit];
  const hasStatus = (i: number) => {
    const value = agreement.status?.cells[i]?.value;
    return typeof value === "string"
      ? instalmentStatus(value) !== "none"
      : !isBlank(agreement.status?.cells[i]);
  };
  return new Set(
    agreement.years
      .filter((_, i) => limits.some((row) => row && !isBlank(row.cells[i])) || hasStatus(i))
      .map((y) => y.label)
  );
}

/**
 * V18 (domain §3.2–3.3): the DfE pays a Safety Valve agreement's total in instalments over the agreement's
 * years, so the plan's DfE payments must fall within those years and add up to the total, and each
 * instalment's status must be one the monitoring uses.
 */
export const svInstalments = defineRule({
  id: "sv-instalments",
  severity: "warning",
  title: "Safety Valve instalments match the agreement",
  description:
    "Where the plan shows a Safety Valve agreement, the DfE deficit payments in the summary of end of year positions " +
    "are its instalments. The rule warns when an instalment falls in a year outside the agreement (the years with a " +
    "limit or an instalment status), when the instalments shown do not add up to the agreement total, and when an " +
    "instalment status is not received, expected, at risk, withheld or suspended, or says received in a year whose " +
    "DfE payment is nil. A shortfall against the total that an instalment marked withheld may explain is a note. " +
    "Payments made before the first " +
    "year shown cannot be counted, so show every year of the agreement.",
  defaults: {},
  usesTolerance: true,
  needs: allOf(
    financialSection("Safety Valve agreement", (t) => t.financial?.safetyValve),
    financialYearsInOrder
  ),
  check({ template, options }) {
    const financial = template.financial;
    const agreement = financial?.safetyValve;
    if (!financial || !agreement) return [];
    const reports: RuleReport[] = [];
    const rows = safetyValvePayments(financial.endOfYear);
    const cells = rows.flatMap((row) => row.cells);
    const money = (value: Decimal) => formatMoney(value, template.unit, shownDecimals(cells));
    const covered = agreementYears(agreement);

    agreement.status?.cells.forEach((cell, i) => {
      if (typeof cell.value !== "string" || instalmentStatus(cell.value) !== undefined) return;
      reports.push({
        message:
          `The instalment status for ${agreement.years[i].label} is "${cell.value.trim()}": use received, expected, ` +
          `at risk, withheld or suspended.`,
        at: { sheet: agreement.sheet, row: cell.row, col: cell.col },
      });
    });

    if (rows.length === 0) return reports;
    reports.push(...receivedWithoutPayment(agreement, financial.years, rows, options));
    // The payments are added exactly (core exactSum), each as a DfE payment whatever sign it is shown with.
    const paid: number[] = [];
    // An agreement table often starts at the current year while the summary shows instalments already
    // received: only an instalment after the table's first year and outside its years is out of place.
    const firstCovered = agreement.years.find((y) => covered.has(y.label))?.start ?? -Infinity;
    for (const payments of rows)
      financial.years.forEach((year, i) => {
        const cell = payments.cells[i];
        const plain = figureValue(cell);
        if (plain === undefined || negligible(cell, options)) return;
        paid.push(Math.abs(plain));
        if (covered.size === 0 || covered.has(year.label) || year.start < firstCovered) return;
        const payment = figure(cell)!.abs();
        reports.push({
          message:
            `A Safety Valve instalment of ${money(payment)} is shown in ${year.label}, outside the agreement's years ` +
            `(${[...covered].join(", ")}): move it to an agreement year or add that year's limit and status.`,
          at: { sheet: payments.sheet, row: cell.row, col: cell.col },
          expected: 0,
          actual: payment.toNumber(),
        });
      });

    const totalCell = agreement.agreementTotal?.cell;
    const plainTotal = figureValue(totalCell);
    if (!totalCell || plainTotal === undefined) return reports;
    // A payment that is not a number ("4.5" typed as text) is bad-value's finding: without it the sum of the
    // instalments is not what the sheet means, so it is not compared with the total.
    const unreadable = cells.some(
      (cell) => figureValue(cell) === undefined && !isBlank(cell) && !isNotApplicable(cell.value)
    );
    if (unreadable) return reports;
    const terms = roundedTerms([totalCell, ...cells]);
    const sum = exactSum(paid);
    const total = figure(totalCell)!.abs();
    const gap = total.minus(sum);
    if (withinTolerance(gap, terms, options)) return reports;
    // Fewer instalments than the total where the statuses say one was withheld: the status explains it.
    const withheld = agreement.years.filter((_, i) => {
      const value = agreement.status?.cells[i]?.value;
      const status = typeof value === "string" ? instalmentStatus(value) : undefined;
      return status === "withheld" || status === "suspended";
    });
    const explained = gap.isPositive() && withheld.length > 0;
    reports.push({
      message:
        `The Safety Valve instalments shown add up to ${money(sum)} but the agreement total is ${money(total)}: ` +
        `difference ${money(gap)}. ` +
        (explained
          ? `The instalment marked withheld or suspended in ${withheld.map((y) => y.label).join(" and ")} may account for it.`
          : "Check each year's DfE payment, including any withheld or re-phased instalment."),
      ...(explained && { severity: "info" as const }),
      at: { sheet: agreement.sheet, row: totalCell.row, col: totalCell.col },
      expected: sum.toNumber(),
      actual: total.toNumber(),
    });
    return reports;
  },
});
