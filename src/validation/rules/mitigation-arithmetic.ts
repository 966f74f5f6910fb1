import { cumulativeMitigationsSign, mitigationsSign } from "../../templates/financial/sign";
import { allOf, financialSection, financialYearsInOrder } from "../needs";
import { defineRule, type RuleReport, type ValidationOptions } from "../rule";
import { moneyOf, weigh, type Equation, type Term } from "../balance";
import type { LocatedRow, MoneyUnit, SignConvention } from "../../templates/located";
import { savingsShownNegative } from "../../templates/financial/mitigations";
import type { Mitigations } from "../../templates/financial/mitigationsModel";
import { figureValue } from "../../templates/figures";

interface YearCheck {
  readonly section: Mitigations;
  readonly i: number;
  readonly unit: MoneyUnit;
  /** How the in-year rows show deficits, and how the cumulative rows do. */
  readonly sign: SignConvention;
  readonly cumulativeSign: SignConvention;
  readonly options: ValidationOptions;
}

/** A report at the equation's reported cell when it does not balance. */
function mismatch(
  equation: Equation | undefined,
  what: string,
  check: YearCheck
): RuleReport | undefined {
  const weighed = equation && weigh(equation, check.options);
  if (!equation || !weighed || weighed.holds) return undefined;
  const money = moneyOf(weighed, check.unit);
  const cell = equation.reported;
  return {
    message: `${what}: ${money(weighed.reported)} is shown but ${money(weighed.expected)} is expected (difference ${money(weighed.gap)}).`,
    at: { sheet: check.section.sheet, row: cell.row, col: cell.col },
    expected: weighed.expected.toNumber(),
    actual: weighed.reported.toNumber(),
  };
}

/** The row's figure under year `i` as a term, or none when the row or its figure is missing. */
function term(row: LocatedRow | undefined, i: number, weight: 1 | -1, name: string): Term[] {
  const cell = row?.cells[i];
  return cell && figureValue(cell) !== undefined ? [{ cell, weight, name }] : [];
}

/** Total mitigations = the sum of the mitigation lines. */
function totalOfLines(check: YearCheck): RuleReport | undefined {
  const { section, i } = check;
  const reported = section.total?.cells[i];
  const lines = lineTerms(section, i, 1);
  if (!reported || lines.length === 0) return undefined;
  return mismatch(
    { reported, terms: lines },
    `Total mitigations for ${section.years[i].label} do not equal the sum of the ${lines.length} mitigation lines`,
    check
  );
}

/** Every mitigation line's cell under year `i`: a blank is 0, text stops the check (bad-value reports it). */
function lineTerms(section: Mitigations, i: number, weight: 1 | -1): Term[] {
  return section.lines.map((line) => ({ cell: line.cells[i], weight, name: line.label }));
}

/**
 * The year's savings, taken away from a deficit: its total mitigations when shown, else its lines. With
 * deficits shown negative a saving makes the figure less negative, so it is added.
 */
function savings({ section, i, sign }: YearCheck): Term[] {
  // Savings shown as negative numbers are taken the other way round.
  const standard: 1 | -1 = sign === "deficit-negative" ? 1 : -1;
  const weight: 1 | -1 = savingsShownNegative(section) ? (-standard as 1 | -1) : standard;
  return section.total
    ? term(section.total, i, weight, "total mitigations")
    : lineTerms(section, i, weight);
}

/** Mitigated in-year deficit = unmitigated − total mitigations (savings are positive). */
function mitigatedInYear(check: YearCheck): RuleReport | undefined {
  const { section, i } = check;
  const reported = section.mitigated?.cells[i];
  const unmitigated = term(section.unmitigated, i, 1, "unmitigated in-year deficit");
  const saved = savings(check);
  if (!reported || unmitigated.length === 0 || saved.length === 0) return undefined;
  return mismatch(
    { reported, terms: [...unmitigated, ...saved] },
    `Mitigated in-year deficit for ${section.years[i].label} is not the unmitigated deficit less total mitigations`,
    check
  );
}

/**
 * The cumulative rows move apart by each year's mitigations: mitigated = unmitigated − (last year's
 * unmitigated − last year's mitigated) − the year's savings. Comparing year on year keeps savings made
 * before the first year shown out of it.
 */
function mitigatedCumulative(check: YearCheck): RuleReport | undefined {
  const { section, i } = check;
  const { unmitigatedCumulative: before, mitigatedCumulative: after } = section;
  if (i === 0 || !before || !after) return undefined;
  const reported = after.cells[i];
  const terms = [
    ...term(before, i, 1, "unmitigated cumulative deficit"),
    ...term(before, i - 1, -1, "last year's unmitigated cumulative deficit"),
    ...term(after, i - 1, 1, "last year's mitigated cumulative deficit"),
  ];
  const saved = savings({ ...check, sign: check.cumulativeSign });
  if (!reported || terms.length < 3 || saved.length === 0) return undefined;
  return mismatch(
    { reported, terms: [...terms, ...saved] },
    `Mitigated cumulative deficit for ${section.years[i].label} does not move with the year's mitigations`,
    check
  );
}

/**
 * V10 (domain A9): the mitigated position is the unmitigated position less the savings listed, year by
 * year and cumulatively, and the total of mitigations is the sum of its lines.
 */
export const mitigationArithmetic = defineRule({
  id: "mitigation-arithmetic",
  severity: "error",
  title: "Mitigations add up",
  description:
    "In the mitigations section, for each year: total mitigations must equal the sum of the mitigation lines; the " +
    "mitigated in-year deficit must equal the unmitigated in-year deficit less total mitigations (savings are " +
    "positive); and where cumulative rows are shown, the gap between the unmitigated and mitigated cumulative deficit " +
    "must grow by each year's total mitigations. Rounded figures may differ by half a unit of their last shown " +
    "decimal each. The finding points at the total, mitigated or mitigated cumulative cell that disagrees.",
  defaults: {},
  usesTolerance: true,
  needs: allOf(
    financialSection("Mitigations", (t) => t.financial?.mitigations),
    financialYearsInOrder
  ),
  confirmsLayout: true,
  check({ template, options }) {
    const section = template.financial?.mitigations;
    if (!section) return [];
    const reports: RuleReport[] = [];
    section.years.forEach((_, i) => {
      const unit = section.unit ?? template.unit;
      // Mitigations worded "surplus/(deficit)" under a plan of deficits show their positions the other way round.
      const sign = mitigationsSign(template.financial, template.sign);
      const cumulativeSign = cumulativeMitigationsSign(template.financial, template.sign);
      const check: YearCheck = { section, i, unit, sign, cumulativeSign, options };
      // A total that disagrees with its lines is the one finding for the year: the rows computed from it
      // would only repeat the same gap.
      const total = totalOfLines(check);
      const dependent = total ? [total] : [mitigatedInYear(check), mitigatedCumulative(check)];
      for (const report of dependent) if (report) reports.push(report);
    });
    return reports;
  },
});
