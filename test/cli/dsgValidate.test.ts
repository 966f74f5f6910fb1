/**
 * The real dsg-validate command (bin/dsg-validate.cjs running the esbuild bundle) on real .xlsx files:
 * what it prints, its JSON, and its exit statuses. The bundle is rebuilt first so the test never runs a
 * stale copy.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slowWorkbook } from "./slowWorkbook";

const dir = mkdtempSync(join(tmpdir(), "dsg-validate-"));
const at = (name: string) => join(dir, name);
/** A DfE management plan with no faults (examples/, built by the examples script). */
const CLEAN = at("clean plan.xlsx");
/** A workbook that is no DfE template: one error finding (template-recognised). */
const NOT_A_TEMPLATE = at("household budget.xlsx");
const CORRUPT = at("corrupt.xlsx");
const MISSING = at("missing.xlsx");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function dsgValidate(...args: string[]): Run {
  const run = spawnSync(process.execPath, ["bin/dsg-validate.cjs", ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonReport {
  files: (
    | { file: string; error: string }
    | {
        file: string;
        template: { id: string; name: string; unit: { label: string }; sign: string } | null;
        findings: {
          rule: string;
          severity: string;
          sheet: string;
          address: string;
          message: string;
        }[];
        summary: { error: number; warning: number; info: number };
        checks: {
          ran: number;
          of: number;
          notRun: { rule: string; title: string; needs: string[] }[];
        };
      }
  )[];
}

beforeAll(async () => {
  const build = spawnSync(process.execPath, ["scripts/buildCli.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);

  copyFileSync("examples/dsg-management-plan.xlsx", CLEAN);
  const budget = new ExcelJS.Workbook();
  budget.addWorksheet("Budget").addRows([
    ["Item", "Cost"],
    ["Rent", 900],
    ["Food", 300],
  ]);
  await budget.xlsx.writeFile(NOT_A_TEMPLATE);
  writeFileSync(CORRUPT, "this is not a zip file");
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("dsg-validate", () => {
  it("should pass a clean DfE management plan with status 0 and say which template it found", () => {
    const run = dsgValidate(CLEAN);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      CLEAN,
      expect.stringMatching(
        /^ {2}Template: .+ \(dsg-management-plan\) · figures in £(m|000)? · deficits shown as (positive|negative) numbers$/
      ),
      expect.stringMatching(/^ {2}0 errors/),
    ]);
    expect(run.status).toBe(0);
  });

  it("should list an error finding, where it points first, and exit with status 1", () => {
    const run = dsgValidate(NOT_A_TEMPLATE);
    expect(run.stdout).toContain(
      `${NOT_A_TEMPLATE}\n  Template: not recognised\n  1 error\n` +
        "  No checks ran: the workbook was not recognised as a DfE template\n  Workbook  Error    "
    );
    expect(run.stdout).toMatch(/\[template-recognised\]\n\nChecked 1 file: 1 with errors,/);
    expect(run.status).toBe(1);
  });

  it("should print the JSON report with one entry per file, in the order given", () => {
    const run = dsgValidate("--json", CLEAN, NOT_A_TEMPLATE, MISSING);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual([CLEAN, NOT_A_TEMPLATE, MISSING]);
    expect(report.files[0]).toMatchObject({
      template: {
        id: "dsg-management-plan",
        name: expect.any(String),
        unit: { label: expect.any(String) },
        sign: expect.any(String),
      },
      findings: expect.any(Array),
      summary: { error: 0, warning: expect.any(Number), info: expect.any(Number) },
    });
    expect(report.files[1]).toEqual({
      file: NOT_A_TEMPLATE,
      template: null,
      findings: [
        {
          rule: "template-recognised",
          severity: "error",
          sheet: "",
          address: "",
          message: expect.any(String),
        },
      ],
      summary: { error: 1, warning: 0, info: 0 },
      checks: { ran: 0, of: expect.any(Number), notRun: [] },
    });
    expect(report.files[2]).toEqual({ file: MISSING, error: "no such file" });
    expect(run.status).toBe(2);
  });

  it("should name each unreadable file once, on stderr, count it in the totals, and exit with status 2", () => {
    const run = dsgValidate(CLEAN, MISSING, CORRUPT, NOT_A_TEMPLATE);
    expect(run.stderr.trim().split("\n")).toEqual([
      `dsg-validate: ${MISSING}: no such file`,
      expect.stringMatching(new RegExp(`^dsg-validate: ${CORRUPT}: .*not an Excel workbook`, "i")),
    ]);
    expect(run.stdout).toContain(`${CLEAN}\n  Template:`);
    expect(run.stdout).toContain(`${NOT_A_TEMPLATE}\n  Template: not recognised\n  1 error`);
    expect(run.stdout).not.toContain(MISSING);
    expect(run.stdout).not.toContain(CORRUPT);
    expect(run.stdout).toMatch(/Checked 4 files: .*, 2 could not be read\. Findings: /);
    expect(run.status).toBe(2);
  });

  it("should find the planted fault in every faulty example, all checked in one parallel run, in order", () => {
    const faults = JSON.parse(readFileSync("examples/faults.json", "utf8")) as {
      file: string;
      rule: string;
      severity: string;
      sheet: string;
      address: string;
    }[];
    const files = faults.map((f) => f.file);
    const run = dsgValidate("--json", ...files);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => f.file)).toEqual(files);
    faults.forEach(({ file, rule, severity, sheet, address }, i) => {
      const checked = report.files[i];
      expect("findings" in checked && checked.findings, file).toContainEqual(
        expect.objectContaining({ rule, severity, sheet, address })
      );
    });
    expect(run.status).toBe(1);
  });

  it("should give up on a file that takes longer than --timeout and say so", () => {
    const slow = at("slow.xlsx");
    writeFileSync(slow, slowWorkbook(200_000));
    const started = Date.now();
    const run = dsgValidate(slow, "--timeout", "0.5");
    expect(run.stderr).toBe(
      `dsg-validate: ${slow}: still not read after 0.5 s, so it was skipped (is it very large, or not really a workbook?)\n`
    );
    expect(run.status).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it.each([
    ["an unknown option", ["--fix", CLEAN], /^dsg-validate: Unknown option --fix/],
    ["options but no files", ["--json"], /^dsg-validate: Give at least one .xlsx or .xlsm file/],
    [
      "a bad tolerance",
      [CLEAN, "--tolerance", "lots"],
      /^dsg-validate: --tolerance needs a number/,
    ],
    [
      "an unknown template",
      [CLEAN, "--template", "budget"],
      /^dsg-validate: There is no template 'budget'. Known templates: dsg-management-plan, safety-valve-return/,
    ],
  ])("should refuse %s with status 2 and a message on stderr", (_, args, message) => {
    const run = dsgValidate(...args);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(2);
  });

  it("should point to --help on stderr with status 2 when given no arguments", () => {
    expect(dsgValidate()).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "Usage: dsg-validate <file.xlsx|file.xlsm|folder>... [options]\nRun dsg-validate --help for the options.\n",
    });
  });

  it("should print usage for --help and the package version for --version", () => {
    expect(dsgValidate("--help")).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^Usage: dsg-validate <file\.xlsx\|file\.xlsm\|folder>\.\.\./),
    });
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(dsgValidate("--version")).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it("should run as `npx dsg-validate` from the repository (npm resolves the package's own bin)", () => {
    const run = spawnSync("npm", ["exec", "--offline", "--", "dsg-validate", "--version"], {
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
