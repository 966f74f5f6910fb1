/**
 * The two plans the examples are built from: the Wiltshire-based sample plan and a full-size plan for
 * benchmarks. Source of the Wiltshire figures: test/fixtures/wiltshire-2024-08-forecast.json.
 */
import { S251_LINES, type PlanInput } from "./planFigures";

/**
 * Wiltshire's August 2024 forecast (2023-24 to 2028-29) with two invented earlier actual years. The in-year
 * deficits carry a fourth decimal chosen so that the carried-forward formulas reproduce every published
 * three-decimal figure (28.706, 61.184, 77.319, 99.198, 99.926, 34.509): the published table was computed
 * from unrounded figures, and so is ours.
 */
export const WILTSHIRE_PLAN: PlanInput = {
  laName: "Wiltshire",
  laCode: "865",
  firstYear: 2021,
  actualYears: 3,
  broughtForward: 8.0,
  inYear: [10.6, 16.614, 20.2924, 39.1774, 41.28, 28.579, 7.428, -0.1944],
  dfePayments: [0, 0, -26.8, -6.7, -6.7, -6.7, -6.7, -13.4],
  laContributions: [0, 0, 0, 0, -18.445, 0, 0, -51.822],
  allocations: {
    schools: [290, 298, 305, 312, 320, 328, 336, 344],
    cssb: [3.1, 3.2, 3.25, 3.3, 3.35, 3.4, 3.45, 3.5],
    earlyYears: [30.5, 31.2, 32.8, 35.0, 37.5, 39.0, 40.0, 41.0],
    // 2025-26 £80.301m is +7.9% on 2024-25, later years +3% (the fixture's stated assumptions).
    highNeeds: [58.0, 63.5, 69.0, 74.42, 80.301, 82.71, 85.191, 87.747],
  },
  otherBlockResults: {
    schools: [0.12, -0.2, 0.05, 0, 0, 0, 0, 0],
    cssb: [-0.04, 0.02, -0.03, 0, 0, 0, 0, 0],
    earlyYears: [0.3, 0.25, 0.4, 0.2, 0.1, 0.05, 0, 0],
  },
  // At most 0.5% of the schools block, so schools forum approval suffices (no disapplication).
  schoolsTransfer: [0, 0, 0, 1.0, 1.5, 1.5, 1.5, 1.5],
  // Health contributions to joint placements grow in the later years (keeps spend per EHCP steady).
  highNeedsOtherFunding: [0.4, 0.45, 0.5, 0.5, 0.5, 3.0, 8.0, 10.0],
  expenditureLines: S251_LINES,
  mitigations: [
    {
      label: "Early intervention and inclusion in mainstream",
      savings: [0, 0, 0, 0.8, 2.1, 3.4, 4.6, 5.5],
    },
    { label: "More local special school places", savings: [0, 0, 0, 0.5, 1.6, 3.0, 4.2, 5.0] },
    { label: "Preparing for adulthood pathways", savings: [0, 0, 0, 0.2, 0.6, 1.1, 1.5, 1.8] },
    {
      label: "Commissioning and top-up banding review",
      savings: [0, 0, 0, 0.4, 0.9, 1.3, 1.6, 1.8],
    },
  ],
  safetyValve: {
    firstYear: 2023,
    limits: [30.0, 62.5, 79.0, 100.5, 101.0, 36.0],
    total: 67.0,
    status: ["received", "received", "expected", "expected", "expected", "expected"],
  },
  unitCost: 18_500,
  unitCostGrowth: 0.022,
  signOff: {
    by: "Andy Brown, Corporate Director Resources (S151 officer)",
    date: "2024-09-20",
    forum: "2024-10-03",
  },
};

const prepend = <T>(before: readonly T[], values: readonly T[]) => [...before, ...values];

/** Thirty high needs expenditure lines: each s251 line split by phase. */
const FULL_SIZE_LINES = S251_LINES.flatMap(([label, share]) =>
  (["early years and primary", "secondary", "post-16"] as const).map(
    (phase, i) => [`${label} - ${phase}`, share * [0.4, 0.4, 0.2][i]] as const
  )
);

/**
 * A plan of the largest size the validator should expect: ten financial years, ten census years, all
 * seven placement types and thirty high needs expenditure lines (for benchmarks).
 */
export const FULL_SIZE_PLAN: PlanInput = {
  ...WILTSHIRE_PLAN,
  laName: "Benchmarkshire",
  laCode: "999",
  firstYear: 2019,
  actualYears: 5,
  broughtForward: 0.5,
  inYear: prepend([3.2, 4.3], WILTSHIRE_PLAN.inYear),
  dfePayments: prepend([0, 0], WILTSHIRE_PLAN.dfePayments),
  laContributions: prepend([0, 0], WILTSHIRE_PLAN.laContributions),
  allocations: {
    schools: prepend([275, 282], WILTSHIRE_PLAN.allocations.schools),
    cssb: prepend([3.0, 3.05], WILTSHIRE_PLAN.allocations.cssb),
    earlyYears: prepend([28.8, 29.6], WILTSHIRE_PLAN.allocations.earlyYears),
    highNeeds: prepend([50.0, 54.0], WILTSHIRE_PLAN.allocations.highNeeds),
  },
  otherBlockResults: {
    schools: prepend([0.05, 0.1], WILTSHIRE_PLAN.otherBlockResults.schools),
    cssb: prepend([0, 0], WILTSHIRE_PLAN.otherBlockResults.cssb),
    earlyYears: prepend([0.1, 0.2], WILTSHIRE_PLAN.otherBlockResults.earlyYears),
  },
  schoolsTransfer: prepend([0.5, 0.5], WILTSHIRE_PLAN.schoolsTransfer),
  highNeedsOtherFunding: prepend([0.3, 0.35], WILTSHIRE_PLAN.highNeedsOtherFunding),
  expenditureLines: FULL_SIZE_LINES,
  mitigations: WILTSHIRE_PLAN.mitigations.map((m) => ({
    ...m,
    savings: prepend([0, 0], m.savings),
  })),
};
