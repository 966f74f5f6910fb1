/**
 * The DSG custom functions as Excel sees them. Each is a thin adapter: read the Excel values
 * (excelValues.ts), call the pure core (src/core), and spill the answer or raise the Excel error.
 *
 * The metadata generator reads the JSDoc below to build functions.json, and the webpack plugin appends
 * `CustomFunctions.associate(...)` to this file, so the tagged functions must stay top-level
 * `function` declarations here, with parameter types Excel understands (never Decimal). Parameter names
 * are what Excel's formula tooltip shows. Optional arguments arrive as `null`.
 */
import { balanceYear, residual as residualOf, rollForward, rollGaps } from "../core/deficit";
import { carryingCost } from "../core/carryingCost";
import { eligibleDeficit, exposure as exposureOf, highNeedsStabilityGrant } from "../core/hnsg";
import { academicToFinancial, cost as costOf, uplift as upliftOf } from "../core/moneyOverTime";
import { trajectory as trajectoryOf } from "../core/trajectory";
import { inAmounts } from "../core/units";
import { financialYearOfDate } from "../core/years";
import {
  deficitArguments,
  excel,
  filledSeries,
  grantArguments,
  matrix,
  optionalScalar,
  optionalSeries,
  orientationOf,
  rollForwardInput,
  scalar,
  series,
  spill,
  texts,
  toExcelNumber,
  unwrap,
} from "./excelValues";

/**
 * Rolls the cumulative DSG deficit forward and spills the carried-forward balance of each year (deficit positive).
 * @customfunction CUMULATIVE
 * @helpurl https://localhost:3000/help/cumulative.html
 * @param opening Deficit brought forward into the first year.
 * @param in_year In-year deficit of each year (surplus negative), before DfE payments and contributions: one row or column.
 * @param payments DfE deficit payments such as Safety Valve instalments, one per year; positive or negative, they reduce the deficit.
 * @param contributions Council general-fund contributions, one per year; positive or negative, they reduce the deficit.
 * @param adjustments Any other approved movement, one per year, added with its sign.
 * @returns The carried-forward deficit at the end of each year.
 */
export function cumulative(
  opening: number,
  in_year: any[][],
  payments?: any[][],
  contributions?: any[][],
  adjustments?: any[][]
): number[][] {
  return excel(() => {
    const { orientation, figures } = deficitArguments(
      opening,
      in_year,
      payments,
      contributions,
      adjustments
    );
    return inAmounts(figures, (amounts) =>
      spill(orientation, rollForward(rollForwardInput(amounts)))
    );
  });
}

/**
 * The deficit left for the council to fund at the end of the years given, after the DfE payments that will arrive and any contributions listed.
 * @customfunction RESIDUAL
 * @helpurl https://localhost:3000/help/residual.html
 * @param opening Deficit brought forward into the first year.
 * @param in_year In-year deficit of each year (surplus negative): one row or column.
 * @param payments DfE deficit payments (Safety Valve instalments), one per year; positive or negative, they reduce the deficit.
 * @param contributions Council general-fund contributions, one per year; leave out for the council's whole share.
 * @param payment_status Status of each instalment: received or expected (counted), at risk, withheld or suspended (not counted).
 * @returns The residual deficit (negative is a surplus).
 */
export function residual(
  opening: number,
  in_year: any[][],
  payments: any[][],
  contributions?: any[][],
  payment_status?: any[][]
): number {
  return excel(() => {
    const { figures } = deficitArguments(opening, in_year, payments, contributions);
    const paymentStatus =
      payment_status == null ? undefined : texts("payment_status", payment_status);
    return inAmounts(figures, (amounts) =>
      toExcelNumber(unwrap(residualOf({ ...rollForwardInput(amounts), paymentStatus })))
    );
  });
}

/**
 * The deficit the DfE would use for the High Needs Stability Grant: the lowest of the figures the sources show, less the part that is not eligible.
 * @customfunction ELIGIBLE
 * @helpurl https://localhost:3000/help/eligible.html
 * @param figures The deficit at 31 March 2026 as each source shows it (s251 outturn, DSG note, S151 assurance, RO, accounts): one row or column, every cell filled.
 * @param ineligible Part of the deficit that is not high-needs (other blocks, equal pay); default 0.
 * @returns The lowest figure less the ineligible part.
 */
export function eligible(figures: any[][], ineligible?: number): number {
  return excel(() => {
    const given = filledSeries("figures", figures).values;
    const excluded = optionalScalar("ineligible", ineligible);
    return inAmounts(
      [given, excluded === undefined ? undefined : [excluded]],
      ([sources, notEligible]) => toExcelNumber(unwrap(eligibleDeficit(sources!, notEligible?.[0])))
    );
  });
}

/**
 * The High Needs Stability Grant: the share of the high-needs deficit at the end of 2025-26 that the government writes off.
 * @customfunction HNSG
 * @helpurl https://localhost:3000/help/hnsg.html
 * @param deficit DSG deficit held at the end of 2025-26.
 * @param share Share of the eligible deficit written off, from 0 to 1 (default 0.9).
 * @param ineligible Part of the deficit that is not high-needs (other blocks, equal pay); default 0.
 * @returns The amount written off: share × (deficit − ineligible).
 */
export function hnsg(deficit: number, share?: number, ineligible?: number): number {
  return excel(() =>
    inAmounts(
      [[scalar("deficit", deficit)], ...grantArguments(share, ineligible)],
      ([held, written, notEligible]) =>
        toExcelNumber(unwrap(highNeedsStabilityGrant(held![0], written![0], notEligible?.[0])))
    )
  );
}

/**
 * What the council still carries when the statutory override ends: the deficit at 31 March 2026 less the grant, plus the in-year results after it.
 * @customfunction EXPOSURE
 * @helpurl https://localhost:3000/help/exposure.html
 * @param deficit DSG deficit held at 31 March 2026.
 * @param later_in_year In-year deficit of each year after 2025-26 up to the override's end (surplus negative): one row or column.
 * @param share Share of the eligible deficit written off, from 0 to 1 (default 0.9).
 * @param ineligible Part of the deficit that is not high-needs (other blocks, equal pay); default 0.
 * @returns (1 − share) × (deficit − ineligible) + ineligible + the sum of later_in_year.
 */
export function exposure(
  deficit: number,
  later_in_year: any[][],
  share?: number,
  ineligible?: number
): number {
  return excel(() => {
    const figures = [
      [scalar("deficit", deficit)],
      series("later_in_year", later_in_year).values,
      ...grantArguments(share, ineligible),
    ];
    return inAmounts(figures, ([held, later, written, notEligible]) =>
      toExcelNumber(unwrap(exposureOf(held![0], later!, written![0], notEligible?.[0])))
    );
  });
}

/**
 * The cost of carrying the deficit in each year: the average of the year's opening and closing deficit times the year's rate.
 * @customfunction CARRYCOST
 * @helpurl https://localhost:3000/help/carrycost.html
 * @param opening Deficit brought forward into the first year.
 * @param closing Carried-forward deficit at the end of each year (surplus negative): one row or column.
 * @param rate Yearly cost of carrying money as a fraction (0.05 is 5%): one rate, or one per year.
 * @returns The cost of each year; 0 in a year whose average balance is a surplus.
 */
export function carrycost(opening: number, closing: any[][], rate: any[][]): number[][] {
  return excel(() => {
    const balances = series("closing", closing);
    const figures = [[scalar("opening", opening)], balances.values, series("rate", rate).values];
    // Each year multiplies a balance by a rate.
    return inAmounts(
      figures,
      ([start, ends, rates]) => spill(balances.orientation, carryingCost(start![0], ends!, rates!)),
      2
    );
  });
}

/**
 * Checks a published deficit table in place: spills, for each year, the reported closing balance minus the recomputed one.
 * @customfunction ROLLGAP
 * @helpurl https://localhost:3000/help/rollgap.html
 * @param opening Deficit brought forward into the first year.
 * @param in_year In-year deficit of each year: one row or column.
 * @param payments DfE deficit payments, one per year (or 0 for none).
 * @param contributions Council contributions, one per year (or 0 for none).
 * @param closing Reported carried-forward deficit of each year.
 * @returns The gap of each year: 0 where the table adds up.
 */
export function rollgap(
  opening: number,
  in_year: any[][],
  payments: any[][],
  contributions: any[][],
  closing: any[][]
): number[][] {
  return excel(() => {
    const { orientation, figures } = deficitArguments(opening, in_year, payments, contributions);
    return inAmounts([...figures, series("closing", closing).values], (amounts) =>
      spill(orientation, rollGaps({ ...rollForwardInput(amounts), closing: amounts[5]! }))
    );
  });
}

/**
 * The first year from which the in-year result is a balance or surplus (≤ 0) in that year and every later year listed.
 * @customfunction BALANCEYEAR
 * @helpurl https://localhost:3000/help/balanceyear.html
 * @param years Financial-year labels such as 2024-25: one row or column.
 * @param in_year In-year deficit of each year (surplus negative).
 * @returns The year label, such as 2028-29.
 */
export function balanceyear(years: any[][], in_year: any[][]): string {
  return excel(() => {
    const labels = texts("years", years);
    return inAmounts([series("in_year", in_year).values], ([inYear]) =>
      unwrap(balanceYear(labels, inYear!))
    );
  });
}

/**
 * Spills an amount grown by each rate in turn: base×(1+r1), base×(1+r1)×(1+r2), …
 * @customfunction UPLIFT
 * @helpurl https://localhost:3000/help/uplift.html
 * @param base Amount in the base year.
 * @param rates Growth rates as fractions (0.03 is 3%): one per year, or one rate to repeat.
 * @param periods How many times to apply a single rate (default 1).
 * @returns The grown amount of each year.
 */
export function uplift(base: number, rates: any[][], periods?: number): number[][] {
  return excel(() => {
    const growth = series("rates", rates).values;
    const times = optionalScalar("periods", periods);
    // Each year multiplies the base by one more rate.
    const compounding = 1 + (growth.length === 1 ? (times ?? 1) : growth.length);
    return inAmounts(
      [[scalar("base", base)], growth],
      ([start, grownBy]) => spill(orientationOf(rates), upliftOf(start![0], grownBy!, times)),
      compounding
    );
  });
}

/**
 * High-needs cost per year: caseload times unit cost, with unit costs inflated from the second year on.
 * @customfunction COST
 * @helpurl https://localhost:3000/help/cost.html
 * @param caseload Number of placements: one row per placement type, one column per year.
 * @param unit_cost First-year cost of one placement of each type: one per row of caseload.
 * @param inflation Yearly rise in unit costs (0.022 is 2.2%): one rate, or one per year (the first year's is not used).
 * @returns The total cost of each year.
 */
export function cost(caseload: any[][], unit_cost: any[][], inflation?: any[][]): number[][] {
  return excel(() => {
    const placements = matrix("caseload", caseload);
    const figures = [
      series("unit_cost", unit_cost).values,
      optionalSeries("inflation", inflation),
      ...placements,
    ];
    // Each year's price index multiplies one more rate, then a count and a unit cost.
    return inAmounts(
      figures,
      ([unitCost, rates, ...counts]) =>
        spill(
          "row",
          costOf(
            counts.map((row) => row!),
            unitCost!,
            rates
          )
        ),
      placements[0].length + 2
    );
  });
}

/**
 * Converts academic-year amounts (September to August) into financial-year amounts (April to March).
 * @customfunction AYTOFY
 * @helpurl https://localhost:3000/help/aytofy.html
 * @param academic_year_values Amounts for consecutive academic years, earliest first: one row or column.
 * @param months_before_april Months of an academic year before the April that ends its first financial year (default 7, September to March).
 * @returns One financial-year amount per pair of academic years (one fewer value than given).
 */
export function aytofy(academic_year_values: any[][], months_before_april?: number): number[][] {
  return excel(() => {
    const years = series("academic_year_values", academic_year_values);
    const months = optionalScalar("months_before_april", months_before_april);
    return inAmounts([years.values], ([values]) =>
      spill(years.orientation, academicToFinancial(values!, months))
    );
  });
}

/**
 * The financial-year label (April to March) of a date, such as 2026-27.
 * @customfunction FY
 * @helpurl https://localhost:3000/help/fy.html
 * @param date An Excel date; 31 March belongs to the year that ends then.
 * @returns The financial year, such as 2026-27.
 */
export function fy(date: number): string {
  return excel(() => unwrap(financialYearOfDate(scalar("date", date))));
}

/**
 * Projects the number of EHCPs and spills the stock at the end of each period.
 * @customfunction TRAJECTORY
 * @helpurl https://localhost:3000/help/trajectory.html
 * @param start Number of plans at the start.
 * @param periods Number of periods (months or years) to project.
 * @param growth Growth rate of the stock per period (0.05 is 5%): one value or one per period.
 * @param new_plans New plans per period: one value or one per period.
 * @param ceased Ceased plans per period: one value or one per period.
 * @param mitigation Plans avoided by mitigation per period: one value or one per period.
 * @returns The number of plans at the end of each period.
 */
export function trajectory(
  start: number,
  periods: number,
  growth?: any[][],
  new_plans?: any[][],
  ceased?: any[][],
  mitigation?: any[][]
): number[][] {
  return excel(() => {
    const count = scalar("periods", periods);
    const figures = [
      [scalar("start", start)],
      optionalSeries("growth", growth),
      optionalSeries("new_plans", new_plans),
      optionalSeries("ceased", ceased),
      optionalSeries("mitigation", mitigation),
    ];
    // Each period multiplies the stock by one more growth factor.
    return inAmounts(
      figures,
      ([first, rates, added, lost, avoided]) =>
        spill(
          orientationOf(growth, new_plans, ceased, mitigation),
          trajectoryOf({
            start: first![0],
            periods: count,
            growth: rates,
            newPlans: added,
            ceased: lost,
            mitigation: avoided,
          })
        ),
      1 + count
    );
  });
}
