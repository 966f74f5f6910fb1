import { defineRule, type RuleReport } from "../rule";
import { anyEndOfYearRow } from "../needs";
import type {
  LocatedCell,
  LocatedRow,
  LocatedTemplate,
  SignConvention,
} from "../../templates/located";
import {
  figureWithWrongSign,
  rollYears,
  type YearRoll,
} from "../../templates/financial/endOfYearArithmetic";
import {
  cumulativeMitigationsSign,
  limitSign,
  rowSign,
  signBalance,
} from "../../templates/financial/sign";
import { saysLess } from "../../templates/financial/endOfYearRows";
import { withinTolerance } from "../tolerance";
import type { ValidationOptions } from "../rule";
import { cellLocation, rowName, yearOf } from "../at";
import { paymentsAddedAsTyped } from "../paymentsAddedAsTyped";

const nonZero = (cell: LocatedCell) => typeof cell.value === "number" && cell.value !== 0;
const signOf = (cell: LocatedCell) => Math.sign(cell.value as number);
const conventionWords = (sign: SignConvention) =>
  sign === "deficit-positive" ? "positive" : "negative";

/**
 * Payments and contributions reduce the deficit, so they are shown with the opposite sign to deficits
 * (negative where deficits are positive, as in Wiltshire's table). Points at the first figure shown with
 * the deficits' sign.
 */
function movementWithDeficitSign(
  row: LocatedRow,
  sign: SignConvention,
  yearLabel: (i: number) => string
): RuleReport | undefined {
  const deficitSign = sign === "deficit-positive" ? 1 : -1;
  const odd = row.cells.find((cell) => nonZero(cell) && signOf(cell) === deficitSign);
  if (odd === undefined) return undefined;
  return {
    message:
      `${rowName(row)} for ${yearLabel(row.cells.indexOf(odd))} is ${odd.value}, a ${conventionWords(sign)} number like the deficits. ` +
      `Payments and contributions reduce the deficit, so where deficits are ${conventionWords(sign)} they should be ` +
      `${sign === "deficit-positive" ? "negative" : "positive"}.`,
    at: cellLocation(row, odd),
  };
}

/**
 * True when every payment and contribution figure has the deficits' sign: the sheet's own way of showing
 * what reduces the deficit ("Safety Valve funding received" as 4.5, taken away by the carried-forward
 * formula). The roll-forward takes them away whatever their sign, so only a row at odds with the others
 * is a sign typed the wrong way.
 */
function reductionsShownLikeDeficits(rows: readonly LocatedRow[], sign: SignConvention): boolean {
  const deficitSign = sign === "deficit-positive" ? 1 : -1;
  return rows.every((row) =>
    row.cells.every((cell) => !nonZero(cell) || signOf(cell) === deficitSign)
  );
}

/** A row of deficit levels (cumulative, limits) whose figures mostly have the opposite sign to the sheet's convention. */
function oppositeRow(row: LocatedRow, sign: SignConvention): RuleReport | undefined {
  const expected = sign === "deficit-positive" ? 1 : -1;
  if (Math.sign(signBalance([row])) !== -expected) return undefined;
  const first = row.cells.find((cell) => nonZero(cell) && signOf(cell) === -expected)!;
  return {
    message:
      `${rowName(row)} shows deficits as ${conventionWords(sign === "deficit-positive" ? "deficit-negative" : "deficit-positive")} ` +
      `numbers, but the rest of the sheet shows them as ${conventionWords(sign)} numbers: use one sign convention throughout.`,
    at: cellLocation(row, first),
  };
}

/**
 * A block's DSG funding (or its recoupment) with one year's sign unlike all its other years' (−2,714 among 2,600 and 2,800): the
 * funding available, the block's result and the DSG total follow it by formula, so no sum shows the slip.
 */
function fundingAgainstItsRow(
  row: LocatedRow,
  yearLabel: (i: number) => string
): RuleReport | undefined {
  const figures = row.cells.filter(nonZero);
  const balance = signBalance([row]);
  if (figures.length < 3 || Math.abs(balance) !== figures.length - 2) return undefined;
  const odd = figures.find((cell) => signOf(cell) !== Math.sign(balance))!;
  return {
    message:
      `${rowName(row)} for ${yearLabel(row.cells.indexOf(odd))} is ${odd.value}, with the opposite sign to its other ` +
      "years: check its sign, as the funding available and the block's result follow from it.",
    at: cellLocation(row, odd),
  };
}

const ALWAYS_DEDUCTED = /\brecoup|\bdirect(?:ly)?\s+fund|\bplace\s+funding\b/i;

/** Years whose roll-forward fails but holds once one figure's sign is turned round: that figure has the wrong sign. */
function flippedFigures(template: LocatedTemplate, options: ValidationOptions): RuleReport[] {
  const positions = template.financial?.endOfYear;
  const years = template.financial?.years ?? [];
  if (!positions) return [];
  const reports: RuleReport[] = [];
  const holds = (r: YearRoll) => withinTolerance(r.gap, r.terms, options);
  for (const roll of rollYears(positions, years, template.sign)) {
    if (holds(roll)) continue;
    const key = figureWithWrongSign(positions, years, template.sign, roll.index, holds);
    if (key === undefined) continue;
    const row = positions[key]!;
    const cell = row.cells[roll.index];
    reports.push({
      message:
        `${rowName(row)} for ${roll.year.label} (${cell.value}) has the opposite sign to the rest of the sheet: with ` +
        `${-(cell.value as number)} the cumulative deficit rolls forward. The sheet shows deficits as ${conventionWords(template.sign)} numbers.`,
      at: cellLocation(row, cell),
    });
  }
  return reports;
}

/**
 * Payments shown with the deficits' sign, as a sheet may show all of them, but added by the carried-forward
 * formula as typed, so that they raise the deficit (a lone Safety Valve payment of 2 where −2 was meant).
 */
function addedAsTyped(template: LocatedTemplate, options: ValidationOptions): RuleReport[] {
  const positions = template.financial?.endOfYear;
  if (!positions) return [];
  const years = template.financial?.years ?? [];
  return rollYears(positions, years, template.sign).flatMap((roll) =>
    paymentsAddedAsTyped(positions, roll, template.sign, options).map(({ row, cell }) => {
      const message = saysLess(row)
        ? `${rowName(row)} for ${roll.year.label} is ${cell.value}, a negative number on a row the carried forward ` +
          "takes away, so it raises the deficit. Enter the amount as a positive number."
        : `${rowName(row)} for ${roll.year.label} is ${cell.value}, a ${conventionWords(template.sign)} number like the ` +
          "deficits, and the carried forward adds it, so it raises the deficit. Payments and contributions reduce " +
          `the deficit: where deficits are ${conventionWords(template.sign)} they should be ` +
          `${template.sign === "deficit-positive" ? "negative" : "positive"}.`;
      return { message, at: cellLocation(row, cell) };
    })
  );
}

/**
 * True when the agreement's limits have the same sign as the plan's carried-forward balances in most years
 * both show: limits that follow a plan out of deficit into surplus are in the sheet's convention, however
 * many of their years are surplus.
 */
function limitFollowsPlan(template: LocatedTemplate): boolean {
  const limit = template.financial?.safetyValve?.cumulativeLimit;
  const years = template.financial?.safetyValve?.years ?? [];
  const plan = template.financial?.endOfYear?.carriedForward;
  const planYears = template.financial?.years ?? [];
  let [agree, differ] = [0, 0];
  limit?.cells.forEach((cell, i) => {
    const t = planYears.findIndex((year) => year.label === years[i]?.label);
    const balance = plan?.cells[t];
    if (t < 0 || !balance || !nonZero(cell) || !nonZero(balance)) return;
    if (signOf(cell) === signOf(balance)) agree++;
    else differ++;
  });
  return agree > differ;
}

/** V09: deficits shown with one sign throughout. */
export const signConvention = defineRule({
  id: "sign-convention",
  severity: "error",
  title: "One sign convention for deficits",
  description:
    "The DfE template lets a council show deficits as positive numbers (as Wiltshire does) or as negative numbers; the " +
    "validator detects which from the cumulative rows and reports it. This check finds figures that use the other " +
    "convention: a cumulative, limit or mitigated row with the opposite sign to the rest, a single in-year or cumulative " +
    "figure whose sign alone breaks the roll-forward, and Safety Valve payments or council contributions shown with the " +
    "same sign as deficits where others are shown with the opposite sign. A sheet that shows every payment and " +
    'contribution with the deficits\' sign ("Safety Valve funding received 4.5", taken away by the carried-forward ' +
    'formula), or under a label that says "Less:", is using its own convention, not a wrong sign. A block\'s DSG ' +
    "funding, academy recoupment or direct funding of places with one year's sign unlike its other years' is " +
    "reported too: the sums built on it by formula all agree.",
  defaults: {},
  usesTolerance: true,
  needs: anyEndOfYearRow,
  check({ template, options }) {
    const f = template.financial;
    if (!f) return [];
    const yearLabel = (i: number) => yearOf(f.years, i);
    const e = f.endOfYear;
    const reductions = [e?.dfePayments, e?.laContribution].filter(
      (row): row is LocatedRow => row !== undefined && !saysLess(row)
    );
    const odd = reductionsShownLikeDeficits(reductions, template.sign)
      ? []
      : reductions.map((row) => movementWithDeficitSign(row, template.sign, yearLabel));
    const cellKey = (r: RuleReport | undefined) => `${r?.at?.sheet}|${r?.at?.row}|${r?.at?.col}`;
    const oddCells = new Set(odd.map(cellKey));
    const movements = [
      ...odd,
      ...addedAsTyped(template, options).filter((r) => !oddCells.has(cellKey(r))),
    ];
    // Mitigations and blocks may show their rows their own way round, as their labels or figures say.
    // Balances that roll forward from the in-year figures are in the sheet's convention, whatever their
    // sign (a council in surplus shows them all the other way round from a deficit), and so are the
    // mitigations' cumulative rows beside them, which mitigation-arithmetic checks against the savings.
    const rolls = e ? rollYears(e, f.years, template.sign) : [];
    const rollsForward =
      rolls.filter((roll) => withinTolerance(roll.gap, roll.terms, options)).length >
      rolls.length / 2;
    const balances = rollsForward ? [] : [e?.broughtForward, e?.carriedForward];
    const levels = [
      ...balances.map((row) => [row, template.sign] as const),
      [
        limitFollowsPlan(template) ? undefined : f.safetyValve?.cumulativeLimit,
        limitSign(f.safetyValve?.cumulativeLimit, template.sign),
      ] as const,
      ...(rollsForward
        ? []
        : [f.mitigations?.unmitigatedCumulative, f.mitigations?.mitigatedCumulative]
      ).map((row) => [row, cumulativeMitigationsSign(f, template.sign)] as const),
      ...(f.blocks ?? []).map((b) => [b.cumulative, rowSign(b.cumulative, template.sign)] as const),
    ].flatMap(([row, sign]) => (row ? [oppositeRow(row, sign)] : []));
    // A block's DSG funding, and its academy recoupment or direct funding of places (always taken away,
    // so always one sign), with one year unlike the others.
    const funding = (f.blocks ?? []).flatMap((b) =>
      [b.allocation, ...b.deductions.filter((row) => ALWAYS_DEDUCTED.test(row.label))].map(
        (row) => row && fundingAgainstItsRow(row, (i) => yearOf(b.years, i))
      )
    );
    const reports = [...movements, ...levels, ...funding].filter(
      (r): r is RuleReport => r !== undefined
    );
    // A row already reported as a whole is not reported again figure by figure.
    const rowKey = (r: RuleReport) => `${r.at?.sheet}|${r.at?.row}`;
    const seen = new Set(reports.map(rowKey));
    return [...reports, ...flippedFigures(template, options).filter((r) => !seen.has(rowKey(r)))];
  },
});
