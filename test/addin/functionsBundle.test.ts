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
  "COST",
  "CUMULATIVE",
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

  it("should find 2028-29 as Wiltshire's balance year", () => {
    const balanceYear = registered.get("BALANCEYEAR")!;
    expect(balanceYear([wiltshire.years], row("In year DSG deficit"))).toBe("2028-29");
  });
});
