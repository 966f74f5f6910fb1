/**
 * How fast the DSG functions answer when Excel calls them: time per call through the adapters
 * (any[][] in, as Excel passes ranges), on the Wiltshire 6-year forecast, a 50-year series and a
 * 20 × 50 caseload matrix, next to a plain-`number` loop doing the same sums in the same run.
 * Then the worst case of each function over a fast-check search of 50-period inputs with figures of
 * any number of decimals (typed figures to 15 places, and any finite double: 1.5e-300, 2e300), where
 * whole units pass their budget and Bounds answer.
 * Prints figures only: timings vary by machine, so nothing here passes or fails.
 *
 *   npx tsx bench/functions.ts
 */
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as dsg from "../src/functions/functions";
import { financialYearLabel } from "../src/core/years";

// Excel's CustomFunctions global, as the tests install it.
(globalThis as Record<string, unknown>).CustomFunctions ??= {
  Error: class extends Error {
    constructor(
      public code: string,
      message?: string
    ) {
      super(message);
    }
  },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
};

type Grid = any[][];

/** A deterministic series of £m figures to 3 decimal places (no randomness: runs compare). */
function figures(length: number, scale: number, offset = 0): number[] {
  return Array.from(
    { length },
    (_, i) => Math.round((Math.sin(i * 1.7 + offset) * scale + scale / 3) * 1000) / 1000
  );
}
const row = (values: readonly unknown[]): Grid => [[...values]];

function inputs(years: number) {
  const inYear = figures(years, 30);
  return {
    inYear,
    inYearRow: row(inYear),
    payments: row(figures(years, 5).map((v) => -Math.abs(v))),
    contributions: row(figures(years, 8, 1).map((v) => -Math.abs(v))),
    closing: row(figures(years, 60, 2)),
    sources: row(figures(years, 60, 2).map(Math.abs)),
    labels: row(Array.from({ length: years }, (_, i) => financialYearLabel(2024 + i))),
    balancing: row(inYear.map((v, i) => (i >= years / 2 ? -Math.abs(v) : Math.abs(v)))),
    statuses: row(Array.from({ length: years }, (_, i) => (i % 5 === 4 ? "at risk" : "expected"))),
    rates: row(Array.from({ length: years }, (_, i) => 0.02 + (i % 3) / 100)),
    academic: row(figures(years + 1, 12)),
  };
}

const caseload: Grid = Array.from({ length: 20 }, (_, p) =>
  figures(50, 40, p).map((v) => Math.round(Math.abs(v)))
);
const unitCost: Grid = figures(20, 50_000).map((v) => [Math.abs(v)]);

/**
 * CPU microseconds per call: repeat until 150 ms of CPU time have been used, after a warm-up so the JIT
 * has settled. CPU time rather than wall-clock time, so a busy machine (CI, other jobs) does not
 * inflate the figures.
 */
function microseconds(call: () => unknown): number {
  for (let i = 0; i < 200; i++) call();
  let calls = 0;
  const start = process.cpuUsage();
  let used = 0;
  while (used < 150_000) {
    for (let i = 0; i < 50; i++) call();
    calls += 50;
    const { user, system } = process.cpuUsage(start);
    used = user + system;
  }
  return used / calls;
}

// The same sums in plain floating point, for scale.
const plain = {
  cumulative: (opening: number, inYear: number[], p: number[], c: number[]) => {
    const out = new Array<number>(inYear.length);
    let previous = opening;
    for (let t = 0; t < inYear.length; t++)
      out[t] = previous = previous + inYear[t] - Math.abs(p[t]) - Math.abs(c[t]);
    return out;
  },
  uplift: (base: number, rates: number[]) => rates.map((r) => (base *= 1 + r)),
  cost: (load: number[][], unit: number[], rate: number) => {
    const out = new Array<number>(load[0].length).fill(0);
    let index = 1;
    for (let t = 0; t < out.length; t++) {
      if (t > 0) index *= 1 + rate;
      for (let p = 0; p < load.length; p++) out[t] += load[p][t] * unit[p];
      out[t] *= index;
    }
    return out;
  },
};

interface Case {
  name: string;
  run: (size: ReturnType<typeof inputs>) => unknown;
  plain?: (size: ReturnType<typeof inputs>) => unknown;
}

const flat = (grid: Grid) => grid[0] as number[];
const CASES: Case[] = [
  {
    name: "CUMULATIVE",
    run: (s) => dsg.cumulative(35.214, s.inYearRow, s.payments, s.contributions),
    plain: (s) => plain.cumulative(35.214, s.inYear, flat(s.payments), flat(s.contributions)),
  },
  {
    name: "RESIDUAL",
    run: (s) => dsg.residual(35.214, s.inYearRow, s.payments, s.contributions, s.statuses),
    plain: (s) =>
      plain.cumulative(35.214, s.inYear, flat(s.payments), flat(s.contributions)).at(-1),
  },
  {
    name: "ELIGIBLE",
    run: (s) => dsg.eligible(s.sources, 0),
    plain: (s) => Math.min(...flat(s.sources)),
  },
  { name: "HNSG", run: () => dsg.hnsg(99.926, 0.9, 1.5), plain: () => 0.9 * (99.926 - 1.5) },
  {
    name: "EXPOSURE",
    run: (s) => dsg.exposure(99.926, s.inYearRow, 0.9, 1.5),
    plain: (s) => 0.1 * (99.926 - 1.5) + 1.5 + s.inYear.reduce((a, b) => a + b, 0),
  },
  {
    name: "CARRYCOST",
    run: (s) => dsg.carrycost(35.214, s.closing, s.rates),
    plain: (s) =>
      flat(s.closing).map(
        (c, t, all) => (Math.max(0, (t === 0 ? 35.214 : all[t - 1]) + c) / 2) * flat(s.rates)[t]
      ),
  },
  {
    name: "ROLLGAP",
    run: (s) => dsg.rollgap(35.214, s.inYearRow, s.payments, s.contributions, s.closing),
    plain: (s) => plain.cumulative(35.214, s.inYear, flat(s.payments), flat(s.contributions)),
  },
  {
    name: "BALANCEYEAR",
    run: (s) => dsg.balanceyear(s.labels, s.balancing),
    plain: (s) => flat(s.balancing).reduce((last, v, i) => (v > 0 ? i : last), -1),
  },
  {
    name: "UPLIFT",
    run: (s) => dsg.uplift(80.301, s.rates),
    plain: (s) => plain.uplift(80.301, flat(s.rates)),
  },
  {
    name: "AYTOFY",
    run: (s) => dsg.aytofy(s.academic),
    plain: (s) => flat(s.academic).map((v, i, a) => (5 * (a[i - 1] ?? 0) + 7 * v) / 12),
  },
  {
    name: "FY",
    run: () => dsg.fy(46349),
    plain: () => new Date(Date.UTC(1899, 11, 30) + 46349 * 86_400_000).getUTCMonth(),
  },
  {
    name: "TRAJECTORY",
    run: (s) => dsg.trajectory(1576, s.inYear.length, [[0.01]], [[34]], [[10]], [[5]]),
    plain: (s) => s.inYear.reduce((stock) => stock * 1.01 + 34 - 10 - 5, 1576),
  },
];

const format = (value: number | undefined) =>
  (value === undefined ? "" : value < 10 ? value.toFixed(2) : value.toFixed(1)).padStart(10);
const six = inputs(6);
const fifty = inputs(50);

console.log("DSG functions: CPU microseconds per call through the Excel adapters (any[][] in)\n");
console.log(
  `${"function".padEnd(12)}${"6 years".padStart(10)}${"50 years".padStart(10)}${"plain 50".padStart(10)}${"× plain".padStart(10)}`
);
for (const c of CASES) {
  const small = microseconds(() => c.run(six));
  const large = microseconds(() => c.run(fifty));
  const baseline = c.plain === undefined ? undefined : microseconds(() => c.plain!(fifty));
  console.log(
    `${c.name.padEnd(12)}${format(small)}${format(large)}${format(baseline)}${format(baseline && large / baseline)}`
  );
}
const costTime = microseconds(() => dsg.cost(caseload, unitCost, [[0.022]]));
const costPlain = microseconds(() =>
  plain.cost(
    caseload as number[][],
    unitCost.map((r) => r[0] as number),
    0.022
  )
);
console.log(
  `${"COST".padEnd(12)}${"20 × 50 caseload:".padStart(20)}${format(costTime)}${format(costPlain)}${format(costTime / costPlain)}`
);

// The worst case over a search: each generated input is timed as the least of three calls (wall clock,
// as one call is shorter than the CPU clock's tick; a call the machine interrupts is not the input's
// cost), and the five slowest inputs are timed again over 150 ms of CPU each.
const anyDecimals = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
      fc.integer({ min: 0, max: 15 }),
      fc.integer({ min: -20, max: 20 })
    )
    .map(([units, places, shift]) => Number(`${units}e${shift - places}`)),
  fc.double({ noNaN: true, noDefaultInfinity: true })
);
const positive = anyDecimals.map(Math.abs);
const rate = anyDecimals.filter((r) => r > -1);
const fiftyOf = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.array(arbitrary, { minLength: 50, maxLength: 50 });
const rowOf = <T>(arbitrary: fc.Arbitrary<T>) => fiftyOf(arbitrary).map((values) => [values]);
const oneOrFifty = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof(
    arbitrary.map((value) => [[value]]),
    rowOf(arbitrary)
  );
const statuses = rowOf(fc.constantFrom("received", "expected", "at risk", "withheld"));
// opening, in_year, payments, contributions, and adjustments (CUMULATIVE) or closing (ROLLGAP).
const rollForwardArgs = fc.tuple(
  anyDecimals,
  rowOf(anyDecimals),
  rowOf(positive),
  rowOf(positive),
  rowOf(anyDecimals)
);
const labels50 = [Array.from({ length: 50 }, (_, i) => financialYearLabel(2024 + i))];

// Inputs known to be slow before (whole units of hundreds of places, the decimal.js fallback), searched too.
const issueCaseload = Array.from({ length: 10 }, (_, p) =>
  Array.from({ length: 49 }, (_, t) => 40 + ((p * 7 + t * 3) % 23))
);
const issueUnitCost = Array.from({ length: 10 }, (_, p) => [21_345.67 + p * 1_234.5]);

const SEARCH: {
  name: string;
  inputs: fc.Arbitrary<unknown[]>;
  call: (...args: any[]) => unknown;
  examples?: unknown[][];
}[] = [
  {
    name: "CUMULATIVE",
    inputs: rollForwardArgs,
    call: dsg.cumulative,
  },
  {
    name: "RESIDUAL",
    inputs: fc.tuple(anyDecimals, rowOf(anyDecimals), rowOf(positive), rowOf(positive), statuses),
    call: dsg.residual,
  },
  { name: "ELIGIBLE", inputs: fc.tuple(rowOf(positive), positive), call: dsg.eligible },
  {
    name: "HNSG",
    inputs: fc.tuple(positive, fc.double({ min: 0, max: 1, noNaN: true }), positive),
    call: dsg.hnsg,
  },
  {
    name: "EXPOSURE",
    inputs: fc.tuple(
      positive,
      rowOf(anyDecimals),
      fc.double({ min: 0, max: 1, noNaN: true }),
      positive
    ),
    call: dsg.exposure,
  },
  {
    name: "CARRYCOST",
    inputs: fc.tuple(anyDecimals, rowOf(anyDecimals), oneOrFifty(positive)),
    call: dsg.carrycost,
  },
  {
    name: "ROLLGAP",
    inputs: rollForwardArgs,
    call: dsg.rollgap,
  },
  {
    name: "BALANCEYEAR",
    inputs: fc.tuple(fc.constant(labels50), rowOf(anyDecimals)),
    call: dsg.balanceyear,
  },
  {
    name: "UPLIFT",
    inputs: fc.oneof(
      fc.tuple(anyDecimals, rowOf(rate)),
      fc.tuple(
        anyDecimals,
        rate.map((r) => [[r]]),
        fc.constant(50)
      )
    ),
    call: dsg.uplift,
    examples: [
      [80.301, [Array<number>(50).fill(-0.9999999)]],
      [1e-15, [Array<number>(50).fill(0.000123)]],
    ],
  },
  {
    name: "COST",
    inputs: fc.integer({ min: 1, max: 20 }).chain((placements) =>
      fc.tuple(
        fc.array(fiftyOf(positive), { minLength: placements, maxLength: placements }),
        fc.array(
          positive.map((c) => [c]),
          { minLength: placements, maxLength: placements }
        ),
        oneOrFifty(rate)
      )
    ),
    call: dsg.cost,
    examples: [[issueCaseload, issueUnitCost, [[0.03169063]]]],
  },
  {
    name: "AYTOFY",
    inputs: fc.tuple(rowOf(anyDecimals), fc.integer({ min: 0, max: 12 })),
    call: dsg.aytofy,
  },
  { name: "FY", inputs: fc.tuple(fc.integer({ min: 1, max: 2_958_465 })), call: dsg.fy },
  {
    name: "TRAJECTORY",
    inputs: fc.tuple(
      positive,
      fc.constant(50),
      oneOrFifty(rate),
      oneOrFifty(positive),
      oneOrFifty(positive),
      oneOrFifty(positive)
    ),
    call: dsg.trajectory,
  },
];

/** Whatever the call answers or raises (an Excel error is an answer too). */
function attempt(call: () => unknown): void {
  try {
    call();
  } catch {
    // #VALUE!, #N/A or #NUM!: timed like any answer.
  }
}

function leastOfThree(call: () => unknown): number {
  let least = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    attempt(call);
    least = Math.min(least, Number(process.hrtime.bigint() - start) / 1000);
  }
  return least;
}

const SEARCH_RUNS = 300;
console.log(
  `\nWorst case over a fast-check search of ${SEARCH_RUNS} inputs of 50 periods with figures of any decimals`
);
console.log(
  `${"function".padEnd(12)}${"worst µs".padStart(10)}  (CPU, the slowest of the five slowest inputs, re-timed)`
);
for (const { name, inputs, call, examples = [] } of SEARCH) {
  const timed: { input: unknown[]; time: number }[] = [];
  fc.assert(
    fc.property(inputs, (input) => {
      timed.push({ input, time: leastOfThree(() => call(...input)) });
    }),
    { numRuns: SEARCH_RUNS, seed: 20261207, examples: examples.map((input) => [input]) }
  );
  timed.sort((a, b) => b.time - a.time);
  const worst = Math.max(
    ...timed.slice(0, 5).map(({ input }) => microseconds(() => attempt(() => call(...input))))
  );
  console.log(`${name.padEnd(12)}${format(worst)}`);
}

// A yardstick for comparing machines: the same figures on a laptop and on a shared CI runner differ mostly by this.
const yardstick = microseconds(() => {
  let sum = 0;
  for (let i = 0; i < 10_000; i++) sum += i * 0.5;
  return sum;
});
console.log(`\nThis machine: 10,000 float additions take ${format(yardstick).trim()} µs of CPU.`);

const bundle = "dist/functions.js";
if (existsSync(bundle)) {
  const code = readFileSync(bundle);
  console.log(
    `${bundle}: ${(code.length / 1024).toFixed(1)} KB, ${(gzipSync(code).length / 1024).toFixed(1)} KB gzip`
  );
} else {
  console.log(`${bundle} not found: run npm run build first for its size`);
}
