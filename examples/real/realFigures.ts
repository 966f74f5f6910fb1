/**
 * The figures behind the real-wording plans, in whole pounds with deficits positive (payments and
 * contributions negative), generated from a seed so that every relationship the validator checks holds:
 * per block, expenditure less funding after deductions and transfers is the in-year result; transfers
 * net to zero and stay within 0.5% of the schools block; the cumulative deficit rolls forward; high needs
 * funding grows 2-8% a year; EHCPs follow high needs spend at a steadily rising cost per plan, split by
 * placement, age group and primary need so both tables add up to the same total.
 */
import { apportion } from "../planFigures";

export type RealBlock = "schools" | "cssb" | "earlyYears" | "highNeeds";
export const REAL_BLOCKS: readonly RealBlock[] = ["schools", "cssb", "earlyYears", "highNeeds"];

/** A small deterministic random source (mulberry32): the same seed gives the same plan everywhere. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  /** A number in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** A number in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
  /** A whole number in [low, high]. */
  int(low: number, high: number): number {
    return Math.floor(this.between(low, high + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One expenditure line: its label (s251 wording) and its amount per year. */
export interface RealLine {
  readonly label: string;
  /** The s251 line code, e.g. "1.2.1", shown when a style asks for codes. */
  readonly code?: string;
  readonly values: readonly number[];
}

export interface RealBlockFigures {
  /** DSG funding before deductions. */
  readonly gross: readonly number[];
  /** Academy recoupment (schools) or directly funded high needs places (high needs): amounts deducted, positive. */
  readonly deduction: readonly number[] | null;
  /** Transfers between blocks, positive into the block. */
  readonly transfers: readonly number[];
  readonly lines: readonly RealLine[];
}

/** EHCPs of one placement type at each January census. */
export interface RealPlacementCounts {
  /** Age group × census year ("Under 5" … "Age 20 to 25"; the post-16 placement has zeros under 16). */
  readonly byAge: readonly (readonly number[])[];
  /** Primary need × census year, in the template's order. */
  readonly byNeed: readonly (readonly number[])[];
}

export interface RealFigures {
  readonly laName: string;
  readonly laCode: string;
  /** Start of the first financial year (2021 for 2021-22). */
  readonly firstYear: number;
  readonly years: number;
  /** How many of the years are actual (s251 outturn); the rest are forecasts. */
  readonly actualYears: number;
  /** Cumulative deficit brought forward into the first year (£, deficit positive). */
  readonly broughtForward: number;
  readonly blocks: Readonly<Record<RealBlock, RealBlockFigures>>;
  /** Safety Valve payments (negative: they reduce the deficit), or null for a council without an agreement. */
  readonly safetyValve: readonly number[] | null;
  /** Local general fund contributions (negative), whole thousands. */
  readonly localContribution: readonly number[];
  /** EHCPs per placement type, in PLACEMENT order. */
  readonly ehcps: readonly RealPlacementCounts[];
  readonly signOff: {
    readonly name: string;
    readonly role: string;
    readonly date: string;
    readonly forum: string;
  };
}

/** The seven placement types of the template, in its order; the post-16 one is index 5. */
export const PLACEMENT_COUNT = 7;
export const POST16_INDEX = 5;
export const AGE_GROUP_COUNT = 5;
export const NEED_COUNT = 13;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** A block's funding after deductions. */
export function fundingAvailable(block: RealBlockFigures, i: number): number {
  return block.gross[i] - (block.deduction?.[i] ?? 0);
}

/** A block's in-year result (deficit positive): expenditure less funding available and transfers in. */
export function blockResult(block: RealBlockFigures, i: number): number {
  return sum(block.lines.map((l) => l.values[i])) - fundingAvailable(block, i) - block.transfers[i];
}

/** The DSG in-year deficit: the four blocks' results. */
export function inYearDeficit(figures: RealFigures, i: number): number {
  return sum(REAL_BLOCKS.map((b) => blockResult(figures.blocks[b], i)));
}

/** Cumulative deficit carried forward at the end of each year (£, deficit positive). */
export function carriedForward(figures: RealFigures): number[] {
  const out: number[] = [];
  let balance = figures.broughtForward;
  for (let i = 0; i < figures.years; i++) {
    balance +=
      inYearDeficit(figures, i) + (figures.safetyValve?.[i] ?? 0) + figures.localContribution[i];
    out.push(balance);
  }
  return out;
}

/** The high needs expenditure lines: labels in the s251 style, codes and typical shares of spend (%). */
export const HIGH_NEEDS_LINES: readonly (readonly [string, string, number])[] = [
  ["1.2.0", "High needs place funding – maintained schools and PRUs", 17],
  ["1.2.1", "Top-up funding – maintained schools", 13],
  ["1.2.2", "Top-up funding – academies, free schools and colleges", 19],
  ["1.2.3", "Independent special schools", 16],
  ["1.2.3", "Non-maintained special schools", 4],
  ["1.2.5", "SEN support services", 6],
  ["1.2.6", "Hospital education services", 1.5],
  ["1.2.7", "Alternative provision", 7],
  ["1.2.8", "Support for inclusion", 4.5],
  ["1.2.11", "Direct payments (SEN and disability)", 2],
  ["1.2.13", "Therapies and other health related services", 10],
];

/** Expenditure lines of the other blocks, with shares of their spend (%). */
export const OTHER_BLOCK_LINES: Readonly<
  Record<Exclude<RealBlock, "highNeeds">, readonly (readonly [string, number])[]>
> = {
  schools: [
    ["Individual schools budget (maintained schools and academies)", 97],
    ["Growth and falling rolls fund", 1.5],
    ["De-delegated services", 1.5],
  ],
  cssb: [
    ["Admissions", 20],
    ["Servicing of schools forums", 3],
    ["Statutory and regulatory duties", 55],
    ["Historic commitments", 22],
  ],
  earlyYears: [
    ["Funding for 2, 3 and 4 year olds and under 2s", 93],
    ["Early years pupil premium and disability access fund", 3],
    ["Central expenditure on early years", 4],
  ],
};

/** Share of EHCPs per placement type (template order), age shares per placement, need shares. */
const PLACEMENT_SHARES = [40, 6, 24, 9, 3, 14, 4];
const AGE_SHARES = [5, 38, 40, 15, 2];
const SPECIAL_AGE_SHARES = [3, 34, 43, 18, 2];
const POST16_AGE_SHARES = [0, 0, 0, 78, 22];
const NEED_SHARES = [31, 2, 9, 0.6, 3, 1.4, 17, 16, 5.5, 4, 1.2, 3.3, 6];

/** Options for a generated plan. */
export interface FigureOptions {
  readonly laName: string;
  readonly laCode: string;
  readonly firstYear?: number;
  readonly years?: number;
  readonly actualYears?: number;
  /** A Safety Valve agreement (payments from the first forecast year back one year). */
  readonly safetyValve?: boolean;
  /** A schools block transfer each year above 0.5% of the schools block after recoupment (but within 0.5% of the block before it). */
  readonly transferAboveNetHalfPercent?: boolean;
}

/** Rounds a pound figure to the nearest whole thousand, halves away from zero. */
export function toThousands(pounds: number): number {
  return Math.sign(pounds) * Math.round(Math.abs(pounds) / 1000);
}

/** Generates a consistent plan from a seed. */
export function generateFigures(seed: number, options: FigureOptions): RealFigures {
  const rng = new Rng(seed);
  const firstYear = options.firstYear ?? rng.int(2020, 2022);
  const years = options.years ?? rng.int(5, 8);
  const actualYears = options.actualYears ?? Math.min(years - 2, rng.int(2, 3));
  const idx = Array.from({ length: years }, (_, i) => i);
  const pounds = (x: number) => Math.round(x);
  const growing = (start: number, low: number, high: number) => {
    const out: number[] = [];
    let v = start;
    for (const i of idx) {
      if (i > 0) v *= 1 + rng.between(low, high);
      out.push(pounds(v));
    }
    return out;
  };

  const scale = rng.between(0.6, 2.2);
  const schoolsGross = growing(250e6 * scale, 0.02, 0.045);
  const recoupShare = rng.between(0.3, 0.75);
  const schoolsDeduction = schoolsGross.map((g) => pounds(g * recoupShare));
  const cssbGross = growing(2.4e6 * scale, 0.0, 0.03);
  const eyGross = growing(26e6 * scale, 0.02, 0.06);
  const hnGross = growing(55e6 * scale, 0.03, 0.075);
  const placeShare = rng.between(0.05, 0.12);
  const hnDeduction = hnGross.map((g) => pounds(g * placeShare));

  // Transfers from the schools block to high needs: within 0.5% of the schools block after recoupment,
  // or (when asked) above that but within 0.5% of the block before recoupment. Whole £10,000s.
  const transfers = idx.map((i) => {
    if (i === 0 && rng.chance(0.5)) return 0;
    const net = schoolsGross[i] - schoolsDeduction[i];
    const limit = options.transferAboveNetHalfPercent
      ? rng.between(0.005 * net * 1.2, 0.005 * schoolsGross[i] * 0.9)
      : rng.between(0.002, 0.0045) * net;
    return Math.floor(limit / 10_000) * 10_000;
  });

  // In-year high needs deficit: a share of funding that grows, then falls as the plan's mitigations work.
  const start = rng.between(0.03, 0.12);
  const peak = rng.int(1, Math.max(1, years - 3));
  const hnResult = idx.map((i) => {
    const share =
      i <= peak
        ? start * (1 + 0.25 * i)
        : start * (1 + 0.25 * peak) * Math.max(-0.15, 1 - (i - peak) / (years - peak - 0.5));
    return pounds(share * (hnGross[i] - hnDeduction[i]));
  });
  const smallResult = (gross: readonly number[], spread: number) =>
    idx.map((i) => (rng.chance(0.3) ? 0 : pounds(gross[i] * rng.between(-spread, spread))));
  const schoolsResult = smallResult(schoolsGross, 0.0015);
  const cssbResult = smallResult(cssbGross, 0.02);
  // The early years block has a result every year (a fault leaves it out of the DSG total).
  const eyResult = idx.map(
    (i) => pounds(eyGross[i] * rng.between(0.002, 0.012)) * (rng.chance(0.3) ? -1 : 1)
  );

  const spend = (funding: number[], transfer: number[], result: number[]) =>
    idx.map((i) => funding[i] + transfer[i] + result[i]);
  const split = (
    totals: readonly number[],
    lines: readonly (readonly [string, number])[],
    codes?: readonly string[]
  ): RealLine[] => {
    // Shares drift a little from year to year, as real spend does.
    const drift = lines.map(() => rng.between(-0.004, 0.004));
    const perYear = totals.map((total, i) =>
      apportion(
        total,
        lines.map(([, share], l) => Math.max(0.1, share * (1 + drift[l] * i))),
        0
      )
    );
    return lines.map(([label], l) => ({
      label,
      ...(codes ? { code: codes[l] } : {}),
      values: perYear.map((year) => year[l]),
    }));
  };
  const schoolsFunding = idx.map((i) => schoolsGross[i] - schoolsDeduction[i]);
  const hnFunding = idx.map((i) => hnGross[i] - hnDeduction[i]);
  const zero = idx.map(() => 0);
  const hnSpend = spend(hnFunding, transfers, hnResult);
  const blocks: Record<RealBlock, RealBlockFigures> = {
    schools: {
      gross: schoolsGross,
      deduction: schoolsDeduction,
      transfers: transfers.map((t) => -t),
      lines: split(
        spend(
          schoolsFunding,
          transfers.map((t) => -t),
          schoolsResult
        ),
        OTHER_BLOCK_LINES.schools
      ),
    },
    cssb: {
      gross: cssbGross,
      deduction: null,
      transfers: zero,
      lines: split(spend(cssbGross, zero, cssbResult), OTHER_BLOCK_LINES.cssb),
    },
    earlyYears: {
      gross: eyGross,
      deduction: null,
      transfers: zero,
      lines: split(spend(eyGross, zero, eyResult), OTHER_BLOCK_LINES.earlyYears),
    },
    highNeeds: {
      gross: hnGross,
      deduction: hnDeduction,
      transfers,
      lines: split(
        hnSpend,
        HIGH_NEEDS_LINES.map(([, label, share]) => [label, share] as const),
        HIGH_NEEDS_LINES.map(([code]) => code)
      ),
    },
  };

  const broughtForward = pounds(hnFunding[0] * rng.between(0.02, 0.4));
  const partial: RealFigures = {
    laName: options.laName,
    laCode: options.laCode,
    firstYear,
    years,
    actualYears,
    broughtForward,
    blocks,
    safetyValve: null,
    localContribution: zero,
    ehcps: [],
    signOff: { name: "", role: "", date: "", forum: "" },
  };
  // Safety Valve payments (whole £100,000s) from the last actual year, and a local contribution in one
  // forecast year (whole £1,000s), each a share of the deficit at the time so the balance stays above zero.
  const svRate = rng.between(0.15, 0.3);
  const localYear = rng.int(actualYears, years - 1);
  const localShare = rng.between(0.05, 0.2);
  const safetyValve: number[] = [];
  const localContribution: number[] = [];
  let balance = broughtForward;
  for (const i of idx) {
    balance += inYearDeficit(partial, i);
    const sv =
      options.safetyValve && i >= actualYears - 1
        ? -Math.floor((Math.max(0, balance) * svRate) / 100_000) * 100_000
        : 0;
    balance += sv;
    const local =
      i === localYear ? -Math.floor((Math.max(0, balance) * localShare) / 1000) * 1000 : 0;
    balance += local;
    safetyValve.push(sv || 0);
    localContribution.push(local || 0);
  }

  // EHCPs at the January census that ends each financial year: high needs spend over a cost per plan that
  // rises 1-4% a year, split by placement (shares drifting under a point a year), age group and need.
  const unitCost = rng.between(17_000, 26_000);
  const costGrowth = rng.between(0.01, 0.04);
  const totals = idx.map((i) => Math.round(hnSpend[i] / (unitCost * Math.pow(1 + costGrowth, i))));
  const placementDrift = PLACEMENT_SHARES.map(() => rng.between(-0.02, 0.02));
  const byPlacement = totals.map((total, i) =>
    apportion(
      total,
      PLACEMENT_SHARES.map((s, p) => s * (1 + placementDrift[p] * i)),
      0
    )
  );
  const ehcps = PLACEMENT_SHARES.map((_, p): RealPlacementCounts => {
    const ageShares =
      p === POST16_INDEX ? POST16_AGE_SHARES : p === 2 || p === 3 ? SPECIAL_AGE_SHARES : AGE_SHARES;
    const needShares = NEED_SHARES.map((s) => s * rng.between(0.7, 1.3));
    const byAgeYear = byPlacement.map((counts) => apportion(counts[p], ageShares, 0));
    const byNeedYear = byPlacement.map((counts) => apportion(counts[p], needShares, 0));
    return {
      byAge: ageShares.map((_, a) => byAgeYear.map((year) => year[a])),
      byNeed: needShares.map((_, k) => byNeedYear.map((year) => year[k])),
    };
  });
  const signOffYear = firstYear + actualYears;
  return {
    ...partial,
    safetyValve: options.safetyValve ? safetyValve : null,
    localContribution,
    ehcps,
    signOff: {
      name: rng.pick(["Sarah Ahmed", "David Price", "Helen Clarke", "Tom Okafor", "Priya Shah"]),
      role: rng.pick([
        "Director of Children's Services",
        "Section 151 officer",
        "Corporate Director of Resources (S151)",
      ]),
      date: `${signOffYear}-${rng.pick(["06", "07", "09", "10"])}-${String(rng.int(10, 28))}`,
      forum: `${signOffYear}-${rng.pick(["06", "07", "10"])}-${String(rng.int(10, 28))}`,
    },
  };
}
