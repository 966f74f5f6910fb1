/**
 * The figures behind the sample management plans, chosen so that every relationship the validator checks
 * holds: blocks sum to the DSG total, each block's in-year result is expenditure less funding, movements
 * net to zero, the cumulative deficit rolls forward, EHCP tables add up and stock changes by new − ceased.
 * Money is in £m with four decimals (the sheets display three), in the deficit-positive convention.
 */
import Decimal from "decimal.js";

export type BlockId = "schools" | "cssb" | "earlyYears" | "highNeeds";

export const BLOCK_LABELS: Record<BlockId, string> = {
  schools: "Schools block",
  cssb: "Central school services block",
  earlyYears: "Early years block",
  highNeeds: "High needs block",
};

export const PLACEMENTS = [
  "Mainstream schools or academies",
  "Resourced provision or SEN units",
  "Maintained special schools or special academies",
  "NMSS or independent",
  "Hospital schools or alternative provision",
  "Post 16 and further education",
  "Other placements or direct payments",
] as const;

/** Share of all EHCPs in each placement type (same order as PLACEMENTS); fixed so the mix never jumps. */
const PLACEMENT_SHARES = [38, 6, 24, 9, 3, 15, 5];
export const AGE_BANDS = ["Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25"] as const;
const AGE_SHARES = [4, 36, 42, 15, 3];
/** The post-16 table has only the last two age rows (templates.md). */
export const POST16_PLACEMENT = "Post 16 and further education";
const POST16_AGE_SHARES = [0, 0, 0, 75, 25];
export const PRIMARY_NEEDS = [
  "ASD",
  "HI",
  "MLD",
  "MSI",
  "PD",
  "PMLD",
  "SEMH",
  "SLCN",
  "SLD",
  "SPLD",
  "VI",
  "OTH",
  "UKN",
] as const;
const NEED_SHARES = [32, 2, 8, 0.5, 3, 1.5, 17, 16, 5, 4, 1, 3, 7];

/** The s251 high needs expenditure lines listed above the HNB total, with their share of HNB spend (%). */
export const S251_LINES: readonly (readonly [string, number])[] = [
  ["High needs place funding", 18],
  ["Top-up funding - maintained schools", 14],
  ["Top-up funding - academies, free schools and colleges", 20],
  ["Top-up funding - independent and non-maintained providers", 22],
  ["SEN support services", 5],
  ["Hospital education services", 1.5],
  ["Alternative provision", 6],
  ["Support for inclusion", 4],
  ["Direct payments", 1.5],
  ["Therapies and other health-related services", 8],
];

/** What a plan is built from: the DSG totals per year and the assumptions that spread them over blocks. */
export interface PlanInput {
  readonly laName: string;
  readonly laCode: string;
  /** Start year of the first financial year (2021 for 2021-22). */
  readonly firstYear: number;
  /** How many of the years are actual outturn (the rest are forecasts). */
  readonly actualYears: number;
  /** Cumulative deficit brought forward into the first year. */
  readonly broughtForward: number;
  /** Total DSG in-year deficit per year (before Safety Valve and local contributions). */
  readonly inYear: readonly number[];
  /** DfE deficit (Safety Valve) payments per year, as negative movements. */
  readonly dfePayments: readonly number[];
  /** Local authority general fund contributions per year, as negative movements. */
  readonly laContributions: readonly number[];
  readonly allocations: Readonly<Record<BlockId, readonly number[]>>;
  /** In-year result of the three blocks other than high needs (high needs takes the remainder). */
  readonly otherBlockResults: Readonly<Record<Exclude<BlockId, "highNeeds">, readonly number[]>>;
  /** Transfer out of the schools block into the high needs block each year (a positive amount). */
  readonly schoolsTransfer: readonly number[];
  readonly highNeedsOtherFunding: readonly number[];
  readonly expenditureLines: readonly (readonly [string, number])[];
  readonly mitigations: readonly { readonly label: string; readonly savings: readonly number[] }[];
  readonly safetyValve?: {
    readonly firstYear: number;
    /** Cumulative deficit limit per agreement year, net of Safety Valve payments. */
    readonly limits: readonly number[];
    readonly total: number;
    readonly status: readonly string[];
  };
  /** EHCPs are derived from high needs spend at this cost per plan (£) in the first year. */
  readonly unitCost: number;
  readonly unitCostGrowth: number;
  readonly signOff: { readonly by: string; readonly date: string; readonly forum: string };
}

/** Everything the sheets show, derived from a PlanInput. */
export interface PlanFigures {
  readonly input: PlanInput;
  readonly years: readonly number[];
  readonly highNeedsResult: readonly number[];
  readonly blockExpenditure: Readonly<Record<BlockId, readonly number[]>>;
  /** High needs expenditure line values: one array per line, per year. */
  readonly lineValues: readonly (readonly number[])[];
  readonly unmitigated: readonly number[];
  /** Census years (January) paired with the financial years: census Y goes with FY (Y−1)-Y. */
  readonly censusYears: readonly number[];
  /** EHCPs per placement, per census year. */
  readonly ehcps: readonly (readonly number[])[];
  readonly newPlans: readonly number[];
  readonly ceasedPlans: readonly number[];
  readonly assessmentRequests: readonly number[];
}

const money = (d: Decimal.Value) => new Decimal(d).toDecimalPlaces(4).toNumber();

/** Derives every displayed figure from the plan input. */
export function planFigures(input: PlanInput): PlanFigures {
  const years = input.inYear.map((_, i) => input.firstYear + i);
  const highNeedsResult = years.map((_, i) =>
    money(
      new Decimal(input.inYear[i])
        .minus(input.otherBlockResults.schools[i])
        .minus(input.otherBlockResults.cssb[i])
        .minus(input.otherBlockResults.earlyYears[i])
    )
  );
  const spend = (funding: number, movement: number, other: number, result: number) =>
    money(new Decimal(funding).plus(movement).plus(other).plus(result));
  const blockExpenditure: Record<BlockId, number[]> = {
    schools: years.map((_, i) =>
      spend(
        input.allocations.schools[i],
        -input.schoolsTransfer[i],
        0,
        input.otherBlockResults.schools[i]
      )
    ),
    cssb: years.map((_, i) =>
      spend(input.allocations.cssb[i], 0, 0, input.otherBlockResults.cssb[i])
    ),
    earlyYears: years.map((_, i) =>
      spend(input.allocations.earlyYears[i], 0, 0, input.otherBlockResults.earlyYears[i])
    ),
    highNeeds: years.map((_, i) =>
      spend(
        input.allocations.highNeeds[i],
        input.schoolsTransfer[i],
        input.highNeedsOtherFunding[i],
        highNeedsResult[i]
      )
    ),
  };
  const lineValues = transpose(
    blockExpenditure.highNeeds.map((total) =>
      apportion(
        total,
        input.expenditureLines.map(([, share]) => share),
        4
      )
    )
  );
  const totalSavings = years.map((_, i) =>
    input.mitigations.reduce((sum, m) => sum.plus(m.savings[i]), new Decimal(0))
  );
  const unmitigated = years.map((_, i) => money(totalSavings[i].plus(input.inYear[i])));
  const censusYears = years.map((y) => y + 1);
  const totals = years.map((_, i) =>
    Math.round(
      (blockExpenditure.highNeeds[i] * 1e6) /
        (input.unitCost * Math.pow(1 + input.unitCostGrowth, i))
    )
  );
  const ehcps = transpose(totals.map((total) => apportion(total, PLACEMENT_SHARES, 0)));
  const flows = stockFlows(totals);
  return {
    input,
    years,
    highNeedsResult,
    blockExpenditure,
    lineValues,
    unmitigated,
    censusYears,
    ehcps,
    ...flows,
    assessmentRequests: flows.newPlans.map((n) => Math.round(n * 1.4)),
  };
}

/** EHCPs in one placement and census year split by age band (post-16 only 16 to 19 and 20 to 25). */
export function ehcpsByAge(placement: string, count: number): number[] {
  return apportion(count, placement === POST16_PLACEMENT ? POST16_AGE_SHARES : AGE_SHARES, 0);
}

export function ehcpsByNeed(count: number): number[] {
  return apportion(count, NEED_SHARES, 0);
}

/**
 * New and ceased plans that explain each year's change in stock exactly (change = new − ceased), with
 * about 8% of last year's plans ceasing (more when the stock falls, so new plans stay above 5% of it); the first census year has no previous stock and gets typical flows.
 */
function stockFlows(totals: readonly number[]): { newPlans: number[]; ceasedPlans: number[] } {
  const ceasedPlans = totals.map((total, i) => {
    const previous = i === 0 ? total : totals[i - 1];
    const change = total - previous;
    return Math.max(Math.round(previous * 0.08), Math.round(previous * 0.05) - change);
  });
  const newPlans = totals.map(
    (total, i) => ceasedPlans[i] + total - (i === 0 ? Math.round(total * 0.95) : totals[i - 1])
  );
  return { newPlans, ceasedPlans };
}

/**
 * Splits a total into parts proportional to `shares`, rounded to `decimals`, so that the parts add up to
 * the total exactly (largest remainder method): the sample tables must add up to the unit.
 */
export function apportion(total: number, shares: readonly number[], decimals: number): number[] {
  const scale = new Decimal(10).pow(decimals);
  const units = new Decimal(total).times(scale).round();
  const sum = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => units.times(s).div(sum));
  const floors = exact.map((e) => e.floor());
  let left = units.minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
  const order = exact
    .map((e, i) => ({ i, rest: e.minus(floors[i]).toNumber() }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left -= 1;
  }
  return floors.map((f) => f.div(scale).toNumber());
}

function transpose(rows: readonly (readonly number[])[]): number[][] {
  return (rows[0] ?? []).map((_, c) => rows.map((row) => row[c]));
}
