import { defineRule } from "../rule";
import { endOfYearRows } from "../needs";
import { Decimal } from "decimal.js";
import {
  figureWithWrongSign,
  rollYears,
  type YearRoll,
} from "../../templates/financial/endOfYearArithmetic";
import type { EndOfYearPositions } from "../../templates/financial/endOfYearModel";
import { saysLess } from "../../templates/financial/endOfYearRows";
import { figure, figureValue } from "../../templates/figures";
import type { SignConvention } from "../../templates/located";
import type { ValidationOptions } from "../rule";
import { financialYearLabel } from "../../core/years";
import { withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";

/**
 * True when the year's gap is a payment or contribution typed with the deficits' sign and added as typed
 * (carried forward = brought forward + in-year + 4 where the payment should be −4): the gap is twice those
 * figures, and sign-convention reports the figure, so the carried forward is not reported again.
 */
function explainedBySign(
  positions: EndOfYearPositions,
  roll: YearRoll,
  sign: SignConvention,
  options: ValidationOptions
): boolean {
  const deficitSign = sign === "deficit-positive" ? 1 : -1;
  const typedWrong = [positions.dfePayments, positions.laContribution]
    .filter((row) => row !== undefined && !saysLess(row))
    .map((row) => row!.cells[roll.index])
    .filter((cell) => Math.sign(figureValue(cell) ?? 0) === deficitSign);
  if (typedWrong.length === 0) return false;
  const added = typedWrong.reduce((sum, cell) => sum.plus(figure(cell)!), new Decimal(0));
  return withinTolerance(roll.gap.minus(added.times(2)), roll.terms, options);
}

/** V01: each year's carried-forward deficit follows from its brought forward and the year's movements. */
export const rollForward = defineRule({
  id: "roll-forward",
  severity: "error",
  title: "Cumulative deficit rolls forward",
  description:
    "For each year of the summary of end of year positions, checks that the cumulative deficit carried forward equals the " +
    "deficit brought forward plus the in-year deficit, less DfE (Safety Valve) payments and local authority contributions, " +
    "plus any other adjustments. Published figures are rounded, so by default each figure may be out by half a unit of the " +
    "decimals it shows; you can set your own tolerance. A gap usually means a typed-over total or a payment left out.",
  defaults: {},
  usesTolerance: true,
  needs: endOfYearRows("inYear", "carriedForward"),
  confirmsLayout: true,
  check({ template, options }) {
    const positions = template.financial?.endOfYear;
    if (positions === undefined) return [];
    const years = template.financial?.years ?? [];
    return (
      rollYears(positions, years, template.sign)
        .filter((roll) => !withinTolerance(roll.gap, roll.terms, options))
        .filter((roll) => !explainedBySign(positions, roll, template.sign, options))
        // A single figure typed with the other sign is sign-convention's finding, at that figure.
        .filter(
          (roll) =>
            figureWithWrongSign(positions, years, template.sign, roll.index, (r) =>
              withinTolerance(r.gap, r.terms, options)
            ) === undefined
        )
        .map((roll) => {
          const decimals = shownDecimals(roll.terms);
          const money = (value: Parameters<typeof formatMoney>[0]) =>
            formatMoney(value, template.unit, decimals);
          return {
            message:
              `Cumulative deficit for ${roll.year.label} does not roll forward from ${financialYearLabel(roll.year.start - 1)}: ` +
              `gap ${money(roll.gap.abs())}. Carried forward is ${money(roll.reported)}, but brought forward + in-year ` +
              `− DfE payments − contributions ± adjustments gives ${money(roll.expected)}.`,
            at: { sheet: positions.sheet, row: roll.closing.row, col: roll.closing.col },
            expected: roll.expected.toNumber(),
            actual: roll.reported.toNumber(),
          };
        })
    );
  },
});
