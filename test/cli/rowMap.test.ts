/**
 * dsg-validate on plans a council worded its own way: the line saying how many checks ran and which did
 * not (with what they needed), the layout-not-confirmed warning, in text and JSON; and `--map`, which
 * makes the council's plan check exactly like the plan in the DfE wording, refuses a bad map file with
 * status 2, and warns about a mapped row that cannot be used.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import {
  COUNCIL_WORDING,
  FINANCIAL_SUMMARY,
  councilWordingPlan,
  relabelRow,
} from "../../src/workbench/councilWording";

const dir = mkdtempSync(join(tmpdir(), "dsg-row-map-"));
const at = (name: string) => join(dir, name);
const CLEAN = at("dfe-wording.xlsx");
const COUNCIL = at("council-wording.xlsx");
const UNREAD_PAYMENTS = at("unread-payments.xlsx");
const MAP = at("council-map.json");

const PLAN = JSON.parse(
  readFileSync("examples/snapshots/dsg-management-plan.json", "utf8")
) as Workbook;
const council = councilWordingPlan(PLAN);
const carriedForwardRow = council.rows.carriedForward as number;
// The payments row with its label cleared: no wording can be read as it (the locator now reads council
// wordings of the payments such as 'Paid by the Department for Education' as further movements), so the roll-forward fails
// wherever a payment was made.
const unlabelledPayments = relabelRow(
  PLAN,
  FINANCIAL_SUMMARY,
  COUNCIL_WORDING.dfePayments.template,
  ""
);

interface Checked {
  file: string;
  findings: { rule: string; severity: string; sheet: string; address: string; message: string }[];
  summary: { error: number; warning: number; info: number };
  checks: { ran: number; of: number; notRun: { rule: string; title: string; needs: string[] }[] };
}

function dsgValidate(...args: string[]) {
  const run = spawnSync(process.execPath, ["bin/dsg-validate.cjs", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const json = (...args: string[]) =>
  (JSON.parse(dsgValidate("--json", ...args).stdout) as { files: Checked[] }).files;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ["scripts/buildCli.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  writeFileSync(CLEAN, await writeXlsxBuffer(PLAN));
  writeFileSync(COUNCIL, await writeXlsxBuffer(council.workbook));
  writeFileSync(UNREAD_PAYMENTS, await writeXlsxBuffer(unlabelledPayments.workbook));
  writeFileSync(
    MAP,
    JSON.stringify({
      version: 1,
      rows: [
        { sheet: "Financial summary", row: carriedForwardRow, as: "endOfYear.carriedForward" },
      ],
    })
  );
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("dsg-validate: how many checks ran", () => {
  it("should say in the text how many checks ran and list each one that did not, with what it needed", () => {
    const run = dsgValidate(COUNCIL);
    const lines = run.stdout.split("\n");
    const ranLine = lines.findIndex((line) => / checks ran/.test(line));
    expect(ranLine).toBe(3);
    expect(lines[ranLine]).toMatch(/^ {2}(\d+) of (\d+) checks ran; \d+ need rows? .*not found:$/);
    expect(lines).toContain(
      "    roll-forward (Cumulative deficit rolls forward) needs row 'Cumulative deficit carried forward' of 'Summary of end of year positions'"
    );
    const [checked] = json(COUNCIL);
    const [, ran, of, notRun] = /(\d+) of (\d+) checks ran; (\d+)/.exec(lines[ranLine]) ?? [];
    expect([Number(ran), Number(of), Number(notRun)]).toEqual([
      checked.checks.ran,
      checked.checks.of,
      checked.checks.notRun.length,
    ]);
    expect(run.status).toBe(checked.summary.error > 0 ? 1 : 0);
  });

  it("should give the count and every check that did not run in the JSON, keeping the other fields", () => {
    const [checked] = json(COUNCIL);
    expect(Object.keys(checked)).toEqual(["file", "template", "findings", "summary", "checks"]);
    expect(checked.checks.ran + checked.checks.notRun.length).toBe(checked.checks.of);
    expect(checked.checks.notRun).toContainEqual({
      rule: "roll-forward",
      title: "Cumulative deficit rolls forward",
      needs: ["row 'Cumulative deficit carried forward' of 'Summary of end of year positions'"],
    });
    expect(checked.findings.map((f) => f.rule)).toContain("checks-not-run");
  });

  it("should give one layout-not-confirmed warning for a row that fails in most years, in text and JSON", () => {
    const [checked] = json(UNREAD_PAYMENTS);
    const layout = checked.findings.filter((f) => f.rule === "layout-not-confirmed");
    expect(layout).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Financial summary",
        address: "E54:J54",
        message: expect.stringMatching(
          /^The check "Cumulative deficit rolls forward" fails in 6 of 8 years on row 54/
        ),
      }),
    ]);
    expect(checked.findings.filter((f) => f.rule === "roll-forward")).toEqual([]);
    const run = dsgValidate(UNREAD_PAYMENTS);
    expect(run.stdout).toMatch(
      /\n {2}'Financial summary'!E54:J54 +Warning +The check "Cumulative deficit rolls forward" fails in 6 of 8 years .*\[layout-not-confirmed\]\n/
    );
    expect(run.status).toBe(0);
  });
});

describe("dsg-validate --map", () => {
  it("should check the council's plan with its map exactly as the plan in the DfE wording", () => {
    const [clean, mapped] = [json(CLEAN)[0], json("--map", MAP, COUNCIL)[0]];
    expect(mapped.findings).toEqual(clean.findings);
    expect(mapped.checks).toEqual(clean.checks);
    expect(mapped.checks.notRun.map((c) => c.rule)).not.toContain("roll-forward");
    const text = dsgValidate("--map", MAP, COUNCIL);
    expect(text.status).toBe(0);
    expect(text.stdout.replace(COUNCIL, "")).toBe(dsgValidate(CLEAN).stdout.replace(CLEAN, ""));
  });

  it("should take the map for the payments row too, and the layout warning goes", () => {
    const map = at("payments-map.json");
    const { row } = unlabelledPayments;
    writeFileSync(
      map,
      JSON.stringify({
        version: 1,
        rows: [{ sheet: "Financial summary", row, as: COUNCIL_WORDING.dfePayments.as }],
      })
    );
    expect(json("--map", map, UNREAD_PAYMENTS)[0].findings).toEqual(json(CLEAN)[0].findings);
  });

  it("should warn about a mapped row that is empty, and still check the rest", () => {
    const map = at("stale-map.json");
    writeFileSync(
      map,
      `{ "version": 1, "rows": [ { "sheet": "Financial summary", "row": ${carriedForwardRow + 1}, "as": "endOfYear.carriedForward" } ] }`
    );
    const [checked] = json("--map", map, COUNCIL);
    expect(checked.findings).toContainEqual({
      rule: "row-map",
      severity: "warning",
      sheet: "Financial summary",
      address: `B${carriedForwardRow + 1}`,
      message: expect.stringMatching(
        /is mapped as 'Cumulative deficit carried forward'.*it is empty/
      ),
    });
    expect(checked.checks.notRun.map((c) => c.rule)).toContain("roll-forward");
  });

  it.each([
    ["a file that is not there", "missing.json", null, [": no such file"]],
    ["a file that is not JSON", "not-json.json", "rows: 54", [": The row map is not valid JSON ("]],
    [
      "a map of another version",
      "v2.json",
      '{ "version": 2, "rows": [] }',
      [": The row map is version 2; this checker reads version 1."],
    ],
    [
      "a map with bad entries",
      "bad-rows.json",
      '{ "version": 1, "rows": [ { "sheet": "Financial summary", "row": -3, "as": "endOfYear.carriedForward" }, { "sheet": "Financial summary", "row": 54, "as": "carried" } ] }',
      [': rows[0]: "row" must be the row number Excel shows', ': rows[1]: "as" must say what'],
    ],
  ])(
    "should refuse %s with status 2, naming the file and each problem",
    (_, name, text, problems) => {
      const file = at(name);
      if (text !== null) writeFileSync(file, text);
      const run = dsgValidate("--map", file, COUNCIL);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trim().split("\n");
      expect(lines).toHaveLength(problems.length);
      lines.forEach((line, i) =>
        expect(line.startsWith(`dsg-validate: ${file}${problems[i]}`)).toBe(true)
      );
    }
  );

  it("should refuse --map without a file name", () => {
    const run = dsgValidate(COUNCIL, "--map");
    expect(run).toMatchObject({ status: 2, stderr: "dsg-validate: --map needs a value.\n" });
  });
});
