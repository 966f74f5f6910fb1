/**
 * `dsg-validate compare` as users run it: the real bundle on the example versions under examples/versions/
 * (checked to be what the build script writes), its text, its JSON and its exit statuses.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION_PAIRS, versionFiles } from "../../examples/versions/versions";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";

const VERSIONS = "examples/versions";
const SEPTEMBER = `${VERSIONS}/plan-september.xlsx`;
const REPROFILED = `${VERSIONS}/plan-december-reprofiled.xlsx`;
const ROWS_INSERTED = `${VERSIONS}/plan-december-rows-inserted.xlsx`;

const dir = mkdtempSync(join(tmpdir(), "dsg-compare-"));

function dsgValidate(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/dsg-validate.cjs", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const build = spawnSync(process.execPath, ["scripts/buildCli.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the example versions", () => {
  it.each([...versionFiles().keys()])(
    "should regenerate examples/versions/%s byte for byte",
    async (name) => {
      const workbook = versionFiles().get(name)!();
      expect(
        Buffer.compare(await writeXlsxBuffer(workbook), readFileSync(join(VERSIONS, name)))
      ).toBe(0);
    }
  );
});

describe("dsg-validate compare", () => {
  it("should explain what moved in words a forum paper can quote, with status 0", () => {
    const run = dsgValidate("compare", SEPTEMBER, REPROFILED);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines.slice(0, 11)).toEqual([
      `Changes from ${SEPTEMBER} to ${REPROFILED}`,
      "DSG deficit management plan · figures in £m · deficits shown as positive numbers",
      "",
      "The cumulative deficit carried forward at the end of 2028-29 is up £4.200m, from £34.509m to £38.709m. " +
        "Carried forward changed in 3 years (2026-27, 2027-28, 2028-29). Also changed: 12 figures of the funding blocks " +
        "and 114 EHCP numbers.",
      "",
      "End of year positions",
      "  2026-27 carried forward up £4.200m, from £99.198m to £103.398m: in-year +£5.100m, Safety Valve −£0.900m",
      "  2026-27 in-year deficit up £5.100m, from £28.579m to £33.679m: High needs block +£5.100m",
      "  2027-28 carried forward up £4.200m, from £99.926m to £104.126m: brought forward +£4.200m",
      "  2028-29 carried forward up £4.200m, from £34.509m to £38.709m: brought forward +£4.200m",
      "",
    ]);
    expect(lines.at(-2)).toBe("135 figures differ in all; --json lists each with its cell.");
  });

  it("should give JSON of the documented shape, with the cells of the newer version", () => {
    const run = dsgValidate("compare", "--json", SEPTEMBER, ROWS_INSERTED);
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as Record<string, unknown> & {
      changes: Record<string, unknown>[];
    };
    expect(Object.keys(document)).toEqual(["old", "new", "changes", "summary"]);
    expect(document.old).toBe(SEPTEMBER);
    expect(document.new).toBe(ROWS_INSERTED);
    expect(document.changes).toHaveLength(135);
    expect(document.changes.find((c) => c.row === "DfE deficit payments")).toEqual({
      section: "End of year positions",
      row: "DfE deficit payments",
      year: "2026-27",
      sheet: "Financial summary",
      address: "H55",
      before: -6.7,
      after: -7.6,
      difference: -0.9,
    });
    expect(document.summary).toMatch(
      /^The cumulative deficit carried forward at the end of 2028-29 is up £4\.200m/
    );
  });

  it.each(VERSION_PAIRS.map((pair) => [pair.name, pair] as const))(
    "should compare the %s pair with status 0",
    (_, pair) => {
      const run = dsgValidate(
        "compare",
        join(VERSIONS, pair.olderFile),
        join(VERSIONS, pair.newerFile)
      );
      expect(run.status).toBe(0);
      expect(run.stderr).toBe("");
    }
  );

  it("should say so, with status 0, when nothing changed", () => {
    const run = dsgValidate("compare", SEPTEMBER, SEPTEMBER);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("No figure of the plan changed between the two versions.");
  });

  it("should refuse a file it cannot read, or that is not a DfE template, with status 2 and a message", () => {
    const notExcel = join(dir, "notes.xlsx");
    writeFileSync(notExcel, "not a workbook");
    const missing = dsgValidate("compare", SEPTEMBER, join(dir, "missing.xlsx"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`dsg-validate: ${join(dir, "missing.xlsx")}: no such file\n`);
    expect(missing.stdout).toBe("");
    const corrupt = dsgValidate("compare", notExcel, SEPTEMBER);
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr).toMatch(new RegExp(`^dsg-validate: ${notExcel}: .+\\n$`));
    const budget = dsgValidate(
      "compare",
      SEPTEMBER,
      "test/fixtures/wiltshire-2024-08-forecast.json"
    );
    expect(budget.status).toBe(2);
    expect(budget.stderr).toContain("not an .xlsx or .xlsm workbook");
  });

  it("should refuse a workbook that is no DfE template with status 2", async () => {
    const { sheetFromRows } = await import("../support/sheets");
    const budget = join(dir, "household budget.xlsx");
    writeFileSync(
      budget,
      await writeXlsxBuffer({
        sheets: [
          sheetFromRows("Budget", [
            ["Rent", 900],
            ["Food", 300],
          ]),
        ],
      })
    );
    const run = dsgValidate("compare", budget, SEPTEMBER);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `dsg-validate: ${budget}: it is not a recognised DfE template (no DSG management plan or Safety Valve return was found in it)\n`
    );
  });

  it.each([
    [
      ["compare", SEPTEMBER],
      "compare needs two workbooks, the older version then the newer, not 1.",
    ],
    [["compare", "--csv", SEPTEMBER, REPROFILED], "Unknown option --csv for compare."],
  ])("should refuse %j with status 2", (args, message) => {
    const run = dsgValidate(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("should be named in dsg-validate's own help", () => {
    expect(dsgValidate("--help").stdout).toContain(
      "dsg-validate compare <older.xlsx> <newer.xlsx> [--json]"
    );
  });

  it("should print its own help", () => {
    const run = dsgValidate("compare", "--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Usage: dsg-validate compare <older\.xlsx> <newer\.xlsx> \[--json\]/
    );
  });
});
