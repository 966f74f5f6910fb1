/**
 * Which way round a sheet shows deficits. The DfE template does not fix it: Wiltshire shows its
 * deficit as positive numbers, other councils as negative ones. The cumulative rows decide (a council
 * with a management plan carries a deficit), helped by the payments that reduce it; when they are
 * balanced the roll-forward decides.
 */
import { Decimal } from "decimal.js";
import type { LocatedRow, SignConvention, YearColumn } from "../located";
import type { EndOfYearPositions } from "./endOfYearModel";
import type { BlockPlan } from "./blocksModel";
import type { FinancialSummary } from "./financialModel";
import { inYearSign, roundingAllowance } from "./figures";
import { rollYears } from "./endOfYearArithmetic";
import { saysLess } from "./endOfYearRows";
import { at, fundingLessDeductions, negated, sumOf } from "./terms";

// Labels that say which way round their figures are: "surplus/(deficit)" shows a surplus as a positive number and
// a deficit in brackets; "deficit/(surplus)", "(surplus)/deficit" and "over/(under) spend" show a deficit positive.
const DEFICIT_NEGATIVE =
  /\bsurplus\s*\/\s*\(\s*deficit\s*\)|\(\s*deficit\s*\)\s*\/\s*surplus\b|\bunder(?:spend)?\s*\/\s*\(\s*over|\(\s*over(?:spend)?\s*\)\s*\/\s*under/i;
const DEFICIT_POSITIVE =
  /\bdeficit\s*\/\s*\(\s*surplus\s*\)|\(\s*surplus\s*\)\s*\/\s*deficit\b|\bover(?:spend)?\s*\/\s*\(\s*under|\(\s*under(?:spend)?\s*\)\s*\/\s*over/i;

/**
 * The sign convention a row's label states ("In-year surplus/(deficit)": deficits negative), or the sheet's
 * when the label states none. A council may word the blocks' rows one way and its summary the other.
 */
export function rowSign(row: LocatedRow | undefined, sheet: SignConvention): SignConvention {
  const label = row?.label ?? "";
  if (DEFICIT_NEGATIVE.test(label)) return "deficit-negative";
  if (DEFICIT_POSITIVE.test(label)) return "deficit-positive";
  return sheet;
}

/**
 * The sign convention a row of Safety Valve limits shows deficits with. The agreement states its limits as
 * amounts ("a cumulative deficit not exceeding £84.5m"), so a sheet that shows deficits as negative numbers
 * may type them positive: a row of limits none of them negative, some positive, is such a row.
 */
export function limitSign(row: LocatedRow | undefined, sheet: SignConvention): SignConvention {
  if (sheet === "deficit-positive" || row === undefined) return sheet;
  const figures = row.cells.flatMap((cell) =>
    typeof cell.value === "number" && cell.value !== 0 ? [cell.value] : []
  );
  return figures.length > 0 && figures.every((value) => value > 0) ? "deficit-positive" : sheet;
}

/**
 * 1 when a row shows the same figures as another (the mitigated position is the plan's own), −1 when it
 * shows them the other way round, else 0; rows are matched year by year, by label, in any money unit.
 */
function followsRow(
  row: LocatedRow | undefined,
  years: readonly YearColumn[],
  other: LocatedRow | undefined,
  otherYears: readonly YearColumn[]
): number {
  const votes = [0, 0];
  years.forEach((year, i) => {
    const j = otherYears.findIndex((y) => y.label === year.label);
    const [a, b] = [figureAt(row, i), j < 0 ? 0 : figureAt(other, j)];
    if (a === 0 || b === 0) return;
    // The same figure in another money unit (a Mitigations sheet in £m beside a plan in £000) counts too.
    const ratio = Math.abs(a / b);
    const scaled = [1, 1e3, 1e-3, 1e6, 1e-6].some((scale) => Math.abs(ratio / scale - 1) <= 1e-3);
    if (scaled) votes[Math.sign(a) === Math.sign(b) ? 0 : 1]++;
  });
  return clearly(votes);
}

const turned = (sign: SignConvention): SignConvention =>
  sign === "deficit-positive" ? "deficit-negative" : "deficit-positive";

/** The plan row's convention when a mitigations row repeats its figures, turned when it repeats them negated. */
function followedSign(
  financial: FinancialSummary,
  row: LocatedRow | undefined,
  planRow: LocatedRow | undefined,
  planSign: SignConvention
): SignConvention | undefined {
  const follows = followsRow(row, financial.mitigations?.years ?? [], planRow, financial.years);
  return follows === 0 ? undefined : follows > 0 ? planSign : turned(planSign);
}

/**
 * The sign convention of the mitigations' in-year rows: the one their label states; else the plan's
 * in-year row's when the mitigated row repeats it (or its negative); else the majority sign of the
 * unmitigated row, as a plan shows an unmitigated deficit (a Mitigations sheet of positive deficits in a
 * plan that shows them negative elsewhere); else the sheet's.
 */
export function mitigationsSign(
  financial: FinancialSummary | undefined,
  sheet: SignConvention
): SignConvention {
  const m = financial?.mitigations;
  const unmitigated = m?.unmitigated ?? m?.mitigated;
  const stated = rowSign(unmitigated, sheet);
  if (stated !== sheet || !financial || !m) return stated;
  const positions = financial.endOfYear;
  const followed = followedSign(
    financial,
    m.mitigated,
    positions?.inYear,
    inYearSign(positions, sheet)
  );
  if (followed) return followed;
  const balance = signBalance([unmitigated]);
  if (balance !== 0) return balance > 0 ? "deficit-positive" : "deficit-negative";
  return sheet;
}

/**
 * The sign convention of the mitigations' cumulative rows: the one their label states; else the plan's
 * when the mitigated cumulative row repeats its carried forward (or its negative); else the sheet's.
 * Councils show the in-year rows as "surplus/(deficit)" beside cumulative deficits shown positive, so the
 * cumulative rows do not follow the in-year rows' convention.
 */
export function cumulativeMitigationsSign(
  financial: FinancialSummary | undefined,
  sheet: SignConvention
): SignConvention {
  const m = financial?.mitigations;
  const stated = rowSign(m?.mitigatedCumulative ?? m?.unmitigatedCumulative, sheet);
  if (stated !== sheet || !financial || !m) return stated;
  return (
    followedSign(financial, m.mitigatedCumulative, financial.endOfYear?.carriedForward, sheet) ??
    sheet
  );
}

/**
 * Count of positive minus count of negative figures in the rows (blanks, zeros and text ignored). A
 * figure within the last bits of the rows' largest is a zero that floating point left a sign on (a
 * deficit worked out to -8.9e-15 where the plan ends at £0).
 */
export function signBalance(rows: readonly (LocatedRow | undefined)[]): number {
  const figures = rows.flatMap((row) =>
    (row?.cells ?? []).flatMap((cell) => (typeof cell.value === "number" ? [cell.value] : []))
  );
  const zero = Math.max(0, ...figures.map(Math.abs)) * 2 ** -40;
  return figures.reduce(
    (balance, value) => balance + (Math.abs(value) > zero ? Math.sign(value) : 0),
    0
  );
}

/** How well the roll-forward fits under a convention: the years it holds in (to the figures' rounding), and the sum of the gaps. */
interface Fit {
  readonly holding: number;
  readonly gaps: Decimal;
  readonly years: number;
}

function fitOf(
  positions: EndOfYearPositions,
  years: readonly YearColumn[],
  sign: SignConvention
): Fit {
  const rolls = rollYears(positions, years, sign);
  return {
    holding: rolls.filter((roll) => roll.gap.abs().lte(roundingAllowance(roll.terms))).length,
    gaps: rolls.reduce((sum, roll) => sum.plus(roll.gap.abs()), new Decimal(0)),
    years: rolls.length,
  };
}

/** True when `a` fits better than `b`: more years holding, else smaller gaps (one wrong figure weighs one year). */
function fitsBetter(a: Fit, b: Fit): boolean {
  return a.holding > b.holding || (a.holding === b.holding && a.gaps.lt(b.gaps));
}

/** True when `a` plainly fits better than `b`: it holds in two years more, and in a third of the years more. */
function plainlyBetter(a: Fit, b: Fit): boolean {
  return a.holding - b.holding >= Math.max(2, Math.ceil(a.years / 3));
}

/**
 * The positions with the in-year row's own sign convention, when the blocks' arithmetic (`fromBlocks`) or
 * else its label states one unlike the sheet's ("In year DSG surplus/(deficit)" with deficits in brackets,
 * beside cumulative deficits shown positive) and the roll-forward fits better read that way. The DfE template labels rows "surplus/(deficit)" whichever
 * way round a council fills them, so the label alone does not decide.
 */
export function withInYearSign(
  positions: EndOfYearPositions,
  years: readonly YearColumn[],
  sheet: SignConvention,
  fromBlocks?: SignConvention
): EndOfYearPositions {
  const stated = fromBlocks ?? rowSign(positions.inYear, sheet);
  if (stated === sheet) return positions;
  const own = { ...positions, inYearSign: stated };
  return fitsBetter(fitOf(own, years, sheet), fitOf(positions, years, sheet)) ? own : positions;
}

const figureAt = (row: LocatedRow | undefined, i: number) => {
  const value = row?.cells[i]?.value;
  return typeof value === "number" ? value : 0;
};

/** 1 or −1 when one side has clearly more votes (a wrong figure or two among them), else 0. */
function clearly([agree, disagree]: readonly number[]): number {
  if (agree >= 2 * disagree + 2) return 1;
  if (disagree >= 2 * agree + 2) return -1;
  return 0;
}

/**
 * Which way round the summary's in-year row shows deficits, as the blocks' own arithmetic says: undefined
 * when the blocks do not tell. A block spending more than its funding available is in deficit, whatever its
 * label; its in-year result then shows which way round the block's row is, and the summary's in-year
 * figure, the blocks' sum or its negative, which way round the summary's is. Years whose movements or other
 * funding could turn a block's result are passed over.
 */
export function inYearSignFromBlocks(
  positions: EndOfYearPositions | undefined,
  years: readonly YearColumn[],
  blocks: readonly BlockPlan[] = []
): SignConvention | undefined {
  const votes = { block: [0, 0], summary: [0, 0] };
  years.forEach((year, t) => {
    let sum = 0;
    for (const block of blocks) {
      const i = block.years.findIndex((y) => y.label === year.label);
      if (i < 0 || !block.expenditure || !block.inYear) continue;
      const result = figureAt(block.inYear, i);
      sum += result;
      // Expenditure less the funding available, or less the DSG funding net of its deductions.
      if (!block.totalFunding && !block.allocation) continue;
      const funding = block.totalFunding
        ? [{ cell: at(block.totalFunding, i), weight: 1 as const, name: "funding available" }]
        : fundingLessDeductions(block, i);
      const overspend = sumOf([
        { cell: at(block.expenditure, i), weight: 1, name: "expenditure" },
        ...funding.map(negated),
      ])?.toNumber();
      if (overspend === undefined) continue;
      const beside =
        Math.abs(figureAt(block.movements, i)) + Math.abs(figureAt(block.otherFunding, i));
      if (result !== 0 && Math.abs(overspend) > beside)
        votes.block[Math.sign(result) === Math.sign(overspend) ? 0 : 1]++;
    }
    const total = figureAt(positions?.inYear, t);
    if (total !== 0 && sum !== 0) votes.summary[Math.sign(total) === Math.sign(sum) ? 0 : 1]++;
  });
  const verdict = clearly(votes.block) * clearly(votes.summary);
  return verdict === 0 ? undefined : verdict > 0 ? "deficit-positive" : "deficit-negative";
}

/**
 * The sign convention of the end-of-year positions. When the blocks say which way round the in-year row
 * is (`inYear`), whichever convention of the balances then makes the roll-forward hold (a council in
 * surplus shows every balance with one sign, which says nothing of the convention). Else the convention
 * the roll-forward holds under when it plainly fails under the other; else the majority sign of the
 * brought- and carried-forward rows, with payments and contributions counted the other way; when that is
 * balanced, whichever convention fits the roll-forward better; then the majority sign of the in-year row
 * (deficit-positive when nothing tells).
 */
export function detectSign(
  positions: EndOfYearPositions | undefined,
  years: readonly YearColumn[],
  inYear?: SignConvention
): SignConvention {
  if (positions === undefined) return "deficit-positive";
  if (inYear !== undefined) {
    const known = { ...positions, inYearSign: inYear };
    const positive = fitOf(known, years, "deficit-positive");
    const negative = fitOf(known, years, "deficit-negative");
    if (fitsBetter(positive, negative)) return "deficit-positive";
    if (fitsBetter(negative, positive)) return "deficit-negative";
  }
  const positive = fitOf(positions, years, "deficit-positive");
  const negative = fitOf(positions, years, "deficit-negative");
  // A roll-forward that holds one way round and plainly not the other decides: payments typed with the
  // deficits' sign, or a deficit cleared into surplus, would tip a count of signs the wrong way.
  if (plainlyBetter(positive, negative)) return "deficit-positive";
  if (plainlyBetter(negative, positive)) return "deficit-negative";
  const levels = signBalance([positions.broughtForward, positions.carriedForward]);
  const movements = [positions.dfePayments, positions.laContribution].filter(
    (row) => row !== undefined && !saysLess(row)
  );
  const balance = levels - signBalance(movements);
  if (balance !== 0) return balance > 0 ? "deficit-positive" : "deficit-negative";
  if (fitsBetter(positive, negative)) return "deficit-positive";
  if (fitsBetter(negative, positive)) return "deficit-negative";
  return signBalance([positions.inYear]) < 0 ? "deficit-negative" : "deficit-positive";
}
