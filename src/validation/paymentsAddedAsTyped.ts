/**
 * Payments and contributions typed with the deficits' sign and added as typed: the carried forward is
 * brought forward + in-year + 4 where the payment should be −4, so the year's gap is twice those figures
 * (or, under "Less:", a payment typed −4 and taken away).
 * roll-forward leaves such a year to sign-convention, which reports the figures themselves.
 */
import { Decimal } from "decimal.js";
import type { YearRoll } from "../templates/financial/endOfYearArithmetic";
import type { EndOfYearPositions } from "../templates/financial/endOfYearModel";
import { saysLess } from "../templates/financial/endOfYearRows";
import { figure, figureValue } from "../templates/figures";
import type { LocatedCell, LocatedRow, SignConvention } from "../templates/located";
import type { ValidationOptions } from "./rule";
import { withinTolerance } from "./tolerance";

/**
 * The year's payment and contribution cells whose sign, taken as typed, makes its whole gap; else none. A
 * row shows them with the other sign to deficits, or as positive amounts under "Less:", where the carried
 * forward takes them away; one typed the other way raises the deficit by twice its size.
 */
export function paymentsAddedAsTyped(
  positions: EndOfYearPositions,
  roll: YearRoll,
  sign: SignConvention,
  options: ValidationOptions
): { row: LocatedRow; cell: LocatedCell }[] {
  const deficitSign = sign === "deficit-positive" ? 1 : -1;
  const reducing = [
    positions.dfePayments,
    positions.laContribution,
    ...(positions.otherMovements ?? []).filter((m) => m.reduces).map((m) => m.row),
  ];
  const typedWrong = reducing.flatMap((row) => {
    const cell = row?.cells[roll.index];
    const value = figureValue(cell) ?? 0;
    const wrong = row !== undefined && saysLess(row) ? value < 0 : Math.sign(value) === deficitSign;
    return wrong && row && cell ? [{ row, cell }] : [];
  });
  if (typedWrong.length === 0) return [];
  const raised = typedWrong.reduce(
    (sum, { cell }) => sum.plus(figure(cell)!.abs()),
    new Decimal(0)
  );
  return withinTolerance(roll.gap.minus(raised.times(2 * deficitSign)), roll.terms, options)
    ? typedWrong
    : [];
}
