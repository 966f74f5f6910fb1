/**
 * The built dist/functions.js, run as Excel runs it: a script with a `CustomFunctions` global, whose
 * `associate` calls (appended by the metadata plugin) register every function. Catches functions that
 * compile but never register, and bundling mistakes the source-level tests cannot see.
 * Needs a build first: `npm test` runs `npm run build`.
 */
import { existsSync, readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";

const FUNCTION_IDS = [
  "AYTOFY",
  "BALANCEYEAR",
  "CARRYCOST",
  "COST",
  "CUMULATIVE",
  "ELIGIBLE",
  "EXPOSURE",
  "FY",
  "HNSG",
  "RESIDUAL",
  "ROLLGAP",
  "TRAJECTORY",
  "UPLIFT",
];

type CustomFunction = (...args: unknown[]) => unknown;

const wiltshire = JSON.parse(
  readFileSync("test/fixtures/wiltshire-2024-08-forecast.json", "utf8")
) as {
  years: string[];
  rows: Record<string, number[]>;
};

/** A fixture row by the start of its label, as one Excel row (a 1×n range). */
function row(labelStart: string): number[][] {
  const label = Object.keys(wiltshire.rows).find((l) => l.startsWith(labelStart));
  if (!label) throw new Error(`no fixture row starting "${labelStart}"`);
  return [wiltshire.rows[label]];
}

describe("dist/functions.js", () => {
  const registered = new Map<string, CustomFunction>();

  beforeAll(() => {
    if (!existsSync("dist/functions.js"))
      throw new Error("dist/functions.js is missing: run `npm run build` first.");
    const standIn = (globalThis as unknown as { CustomFunctions: object }).CustomFunctions;
    const CustomFunctions = {
      ...standIn,
      associate: (id: string, fn: CustomFunction) => registered.set(id, fn),
    };
    runInNewContext(
      readFileSync("dist/functions.js", "utf8"),
      { CustomFunctions },
      { filename: "functions.js" }
    );
  });

  it("should register every DSG function, and exactly those in functions.json", () => {
    const metadata = JSON.parse(readFileSync("dist/functions.json", "utf8")) as {
      functions: { id: string }[];
    };
    expect([...registered.keys()].sort()).toEqual(FUNCTION_IDS);
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(FUNCTION_IDS);
  });

  it("should roll the Wiltshire August 2024 forecast forward as the spec says", () => {
    const cumulative = registered.get("CUMULATIVE")!;
    const spilled = cumulative(
      wiltshire.rows[Object.keys(wiltshire.rows)[0]][0],
      row("In year DSG deficit"),
      row("Safety Valve programme contribution"),
      row("Local general fund contribution"),
      null
    ) as number[][];
    const expected = [28.706, 61.183, 77.318, 99.197, 99.925, 34.509];
    const closing = spilled.flat();
    expect(closing).toHaveLength(expected.length);
    closing.forEach((value, i) =>
      expect(Math.abs(value - expected[i]), `year ${i + 1}: ${value}`).toBeLessThan(1e-9)
    );
  });

  it("should take Wiltshire's deficit at 31 March 2026 (£77.319m) through ELIGIBLE, HNSG and EXPOSURE", () => {
    const carriedForward = row("Cumulative DSG deficit - carry forward")[0];
    const [, , deficit2026, deficit2027, deficit2028] = carriedForward;
    const eligible = registered.get("ELIGIBLE")!([[deficit2026]], null);
    expect(eligible).toBe(77.319);
    expect(registered.get("HNSG")!(eligible, null, null)).toBe(69.5871);
    const later = [
      [
        Number((deficit2027 - deficit2026).toFixed(3)),
        Number((deficit2028 - deficit2027).toFixed(3)),
      ],
    ];
    expect(registered.get("EXPOSURE")!(eligible, later, null, null)).toBe(30.3389);
    expect(() => registered.get("ELIGIBLE")!([[80], [null]], null)).toThrow(
      "figures: value 2 is blank"
    );
  });

  it("should cost carrying BCP's deficit from £63m to £91m at 5% as 3.85", () => {
    expect(registered.get("CARRYCOST")!(63, [[91]], [[0.05]])).toEqual([[3.85]]);
  });

  it("should find 2028-29 as Wiltshire's balance year", () => {
    const balanceYear = registered.get("BALANCEYEAR")!;
    expect(balanceYear([wiltshire.years], row("In year DSG deficit"))).toBe("2028-29");
  });
});
