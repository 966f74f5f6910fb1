import { defineRule } from "../rule";
import { endOfYearRows } from "../needs";
import { figureWithWrongSign, rollYears } from "../../templates/financial/endOfYearArithmetic";
import { paymentsAddedAsTyped } from "../paymentsAddedAsTyped";
import { financialYearLabel } from "../../core/years";
import { withinTolerance } from "../tolerance";
import { formatMoney, shownDecimals } from "../money";

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
        .filter(
          (roll) => paymentsAddedAsTyped(positions, roll, template.sign, options).length === 0
        )
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
