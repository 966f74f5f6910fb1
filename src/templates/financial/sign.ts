/**
 * Which way round a sheet shows deficits. The DfE template does not fix it: Wiltshire shows its
 * deficit as positive numbers, other councils as negative ones. The cumulative rows decide (a council
 * with a management plan carries a deficit), helped by the payments that reduce it; when they are
 * balanced the roll-forward decides.
 */
import { Decimal } from "decimal.js";
import type { LocatedRow, SignConvention, YearColumn } from "../located";
import type { EndOfYearPositions } from "./endOfYearModel";
import { rollYears } from "./endOfYearArithmetic";
import { saysLess } from "./endOfYearRows";

/** Count of positive minus count of negative figures in the rows (blanks, zeros and text ignored). */
export function signBalance(rows: readonly (LocatedRow | undefined)[]): number {
  let balance = 0;
  for (const row of rows) {
    for (const cell of row?.cells ?? []) {
      if (typeof cell.value === "number" && cell.value !== 0) balance += Math.sign(cell.value);
    }
  }
  return balance;
}

/** Sum of the absolute roll-forward gaps under a convention: the smaller fits the sheet better. */
function misfit(
  positions: EndOfYearPositions,
  years: readonly YearColumn[],
  sign: SignConvention
): Decimal {
  return rollYears(positions, years, sign).reduce(
    (sum, roll) => sum.plus(roll.gap.abs()),
    new Decimal(0)
  );
}

/**
 * The sign convention of the end-of-year positions: the majority sign of the brought- and carried-forward
 * rows, with payments and contributions counted the other way; when that is balanced, whichever
 * convention makes the roll-forward hold; then the majority sign of the in-year row (deficit-positive
 * when nothing tells).
 */
export function detectSign(
  positions: EndOfYearPositions | undefined,
  years: readonly YearColumn[]
): SignConvention {
  if (positions === undefined) return "deficit-positive";
  // Payments and contributions reduce the deficit, so they count with the opposite sign; a row that
  // says "Less: …" shows them as positive whatever the convention, so it tells nothing.
  const levels = signBalance([positions.broughtForward, positions.carriedForward]);
  const movements = [positions.dfePayments, positions.laContribution].filter(
    (row) => row !== undefined && !saysLess(row)
  );
  const balance = levels - signBalance(movements);
  if (balance !== 0) return balance > 0 ? "deficit-positive" : "deficit-negative";
  const positiveMisfit = misfit(positions, years, "deficit-positive");
  const negativeMisfit = misfit(positions, years, "deficit-negative");
  if (!positiveMisfit.eq(negativeMisfit))
    return positiveMisfit.lt(negativeMisfit) ? "deficit-positive" : "deficit-negative";
  return signBalance([positions.inYear]) < 0 ? "deficit-negative" : "deficit-positive";
}
