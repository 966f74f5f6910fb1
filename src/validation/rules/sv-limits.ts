import { Decimal } from "decimal.js";
import { allOf, endOfYearRows, financialSection, financialYearsInOrder } from "../needs";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { allowance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";
import { rollForward } from "../../core/deficit";
import type {
  LocatedCell,
  LocatedRow,
  LocatedTemplate,
  SignConvention,
} from "../../templates/located";
import { limitSign } from "../../templates/financial/sign";
import type { EndOfYearPositions } from "../../templates/financial/endOfYearModel";
import { figure, figureOrZero } from "../../templates/figures";
import { asDeficit, inYearSign, roundedTerms } from "../../templates/financial/figures";

/** The deficit a cumulative limit is measured against, each year, with the cells it is computed from. */
interface Measured {
  readonly value: Decimal;
  readonly terms: readonly LocatedCell[];
}

// A further payment row of the agreement ("Safety Valve instalment 2", "DfE contribution").
const SAFETY_VALVE_WORDS = /\b(?:safety\s*valve|sv|dfe)\b/i;

/**
 * The gross cumulative deficit: the roll-forward without Safety Valve payments (domain §3.3, Wiltshire's
 * target basis), from the first year's brought-forward; undefined where a figure is missing.
 */
function grossSeries(
  positions: EndOfYearPositions,
  template: LocatedTemplate,
  years: number
): (Measured | undefined)[] {
  const { broughtForward, inYear, laContribution, adjustments } = positions;
  const opening = figure(broughtForward?.cells[0]);
  if (!broughtForward || !inYear || opening === undefined) return [];
  const deficit = (cell: LocatedCell | undefined, sign = template.sign) => {
    const value = figureOrZero(cell);
    return value === undefined ? undefined : asDeficit(value, sign);
  };
  // Movements other than Safety Valve payments (a High Needs Stability Grant write-off, a contribution
  // from reserves) move the gross deficit too: only the agreement's own payments are added back.
  const others = (positions.otherMovements ?? []).filter(
    (other) => !SAFETY_VALVE_WORDS.test(other.row.label)
  );
  const reducing = others.filter((other) => other.reduces).map((other) => other.row);
  const adding = others.filter((other) => !other.reduces).map((other) => other.row);
  const series = [];
  for (let t = 0; t < years; t++) {
    const sum = (rows: readonly (LocatedRow | undefined)[], absolute: boolean) =>
      rows.reduce<Decimal | undefined>((total, row) => {
        const value = deficit(row?.cells[t]);
        return total === undefined || value === undefined
          ? undefined
          : total.plus(absolute ? value.abs() : value);
      }, new Decimal(0));
    const row = [
      deficit(inYear.cells[t], inYearSign(positions, template.sign)),
      sum([laContribution, ...reducing], true),
      sum([adjustments, ...adding], false),
    ];
    if (row.some((v) => v === undefined) || figure(inYear.cells[t]) === undefined) break;
    series.push(row as Decimal[]);
  }
  // Contributions reduce the deficit whatever their sign (core convention); adjustments carry theirs.
  const rolled = rollForward({
    opening: asDeficit(opening, template.sign),
    inYear: series.map(([inYearDeficit]) => inYearDeficit),
    contributions: series.map(([, contribution]) => contribution),
    adjustments: series.map(([, , adjustment]) => adjustment),
  });
  if (!rolled.ok) return [];
  const terms: LocatedCell[] = [broughtForward.cells[0]];
  return rolled.value.map((value, t) => {
    terms.push(
      ...[inYear, laContribution, adjustments, ...reducing, ...adding].flatMap((row) =>
        row ? [row.cells[t]] : []
      )
    );
    return { value, terms: [...terms] };
  });
}

interface Breach {
  readonly year: string;
  readonly measured: Measured;
  readonly limitCell: LocatedCell;
  /** How its row shows deficits (a sheet of negative deficits may type its limits as positive amounts). */
  readonly limitSign: SignConvention;
  readonly at: LocatedCell;
  readonly sheet: string;
  readonly what: string;
}

function breachReport(
  breach: Breach,
  template: LocatedTemplate,
  options: ValidationOptions
): RuleReport | undefined {
  const typed = figure(breach.limitCell);
  if (typed === undefined) return undefined;
  const limit = asDeficit(typed, breach.limitSign);
  const over = breach.measured.value.minus(limit);
  if (over.lte(allowance(roundedTerms([breach.limitCell, ...breach.measured.terms]), options)))
    return undefined;
  const money = (value: Decimal) =>
    formatMoney(value, template.unit, shownDecimals([breach.limitCell, ...breach.measured.terms]));
  return {
    message:
      `The ${breach.year} forecast ${breach.what} (${money(breach.measured.value)}) exceeds the Safety Valve ` +
      `agreement's limit of ${money(limit)} by ${money(over)}: the DfE may withhold ` +
      `instalments. Explain the variance and the recovery actions.`,
    at: { sheet: breach.sheet, row: breach.at.row, col: breach.at.col },
    expected: limit.toNumber(),
    actual: asDeficit(breach.measured.value, template.sign).toNumber(),
  };
}

/**
 * V19 (domain §3.1, §3.3): the agreement sets year-by-year limits on the in-year and cumulative deficit;
 * a forecast above a limit puts instalments at risk. A cumulative limit is net of Safety Valve payments
 * (the carried-forward figure) unless the agreement says gross (before them), as Wiltshire's does.
 */
export const svLimits = defineRule({
  id: "sv-limits",
  severity: "warning",
  title: "Forecast within the Safety Valve limits",
  description:
    "Where the plan shows a Safety Valve agreement, each forecast year's deficit is compared with the agreed limits: " +
    "the total in-year deficit with the agreed in-year deficit, and the cumulative deficit with the deficit limit. The " +
    "cumulative limit is net of Safety Valve payments (the carried-forward deficit) unless the agreement's limit basis " +
    "says gross, when the deficit is rolled forward from the first year shown without the Safety Valve payments. The " +
    "finding points at the forecast cell that breaches the limit and says by how much.",
  defaults: {},
  usesTolerance: true,
  needs: allOf(
    allOf(
      financialSection("Safety Valve agreement", (t) => t.financial?.safetyValve),
      endOfYearRows("carriedForward")
    ),
    financialYearsInOrder
  ),
  check({ template, options }) {
    const financial = template.financial;
    const agreement = financial?.safetyValve;
    const positions = financial?.endOfYear;
    if (!financial || !agreement || !positions) return [];
    const gross =
      agreement.basis === "gross" ? grossSeries(positions, template, financial.years.length) : [];
    const reports: RuleReport[] = [];
    financial.years.forEach((year, i) => {
      if (year.kind === "actual") return;
      const a = agreement.years.findIndex((y) => y.label === year.label);
      if (a < 0) return;
      const breaches: Breach[] = [];
      const inYearCell = positions.inYear?.cells[i];
      const inYear = figure(inYearCell);
      if (inYearCell && inYear !== undefined && agreement.inYearLimit) {
        const measured = {
          value: asDeficit(inYear, inYearSign(positions, template.sign)),
          terms: [inYearCell],
        };
        breaches.push({
          year: year.label,
          measured,
          limitCell: agreement.inYearLimit.cells[a],
          limitSign: limitSign(agreement.inYearLimit, template.sign),
          at: inYearCell,
          sheet: positions.sheet,
          what: "in-year deficit",
        });
      }
      const closingCell = positions.carriedForward?.cells[i];
      const closing = figure(closingCell);
      const measured =
        agreement.basis === "gross"
          ? gross[i]
          : closingCell && closing !== undefined
            ? { value: asDeficit(closing, template.sign), terms: [closingCell] }
            : undefined;
      if (closingCell && measured && agreement.cumulativeLimit) {
        const what =
          agreement.basis === "gross"
            ? "cumulative deficit before Safety Valve payments"
            : "cumulative deficit";
        breaches.push({
          year: year.label,
          measured,
          limitCell: agreement.cumulativeLimit.cells[a],
          limitSign: limitSign(agreement.cumulativeLimit, template.sign),
          at: closingCell,
          sheet: positions.sheet,
          what,
        });
      }
      for (const breach of breaches) {
        const report = breachReport(breach, template, options);
        if (report) reports.push(report);
      }
    });
    return reports;
  },
});
