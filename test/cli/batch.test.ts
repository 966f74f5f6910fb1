/**
 * dsg-validate over a batch, through the real bundle on real .xlsx files: the notes shared by several files
 * printed once at the end, the totals line, --errors-only and --summary, colour on a terminal only, folders
 * checked recursively, and the machine formats (JSON's summary, JUnit XML read by a JUnit parser, SARIF 2.1.0
 * valid against the OASIS schema (errata 01, test/fixtures/sarif-schema-2.1.0.json, from oasis-tcs/sarif-spec),
 * CSV as RFC 4180 with formula injection guarded). The expected text is built from the
 * JSON of the same files, so it pins the report's layout whatever the rules' wording becomes.
 */
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = resolve("bin/dsg-validate.cjs");
const dir = mkdtempSync(join(tmpdir(), "dsg-validate-batch-"));
const PLAN = "plan.xlsx";
const FAULTY = "roll-forward.xlsx";
const WARNED = "sv-limits.xlsx";
const BUDGET = "household budget.xlsx";

interface Finding {
  rule: string;
  severity: "error" | "warning" | "info";
  sheet: string;
  address: string;
  message: string;
}
interface Checked {
  file: string;
  template: { id: string; name: string; unit: { label: string }; sign: string } | null;
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
  checks: { ran: number; of: number; notRun: { rule: string; title: string; needs: string[] }[] };
}
interface Report {
  files: (Checked | { file: string; error: string })[];
  summary: Record<string, unknown>;
}

function dsgValidate(args: readonly string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "", ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const json = (...files: string[]) => JSON.parse(dsgValidate(["--json", ...files]).stdout) as Report;

/** Runs the command on a pseudo-terminal (util-linux `script`), as a user at a terminal would. */
function onTerminal(args: readonly string[], env: Record<string, string> = {}) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
  const run = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, TERM: "xterm-256color", NO_COLOR: "", ...env },
  });
  return run.stdout.replace(/\r\n/g, "\n");
}

const place = (f: Finding) =>
  !f.sheet
    ? "Workbook"
    : `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(f.sheet) ? f.sheet : `'${f.sheet}'`}!${f.address}`;
const LABEL = { error: "Error  ", warning: "Warning", info: "Note   " };
const ranLine = (c: Checked) => `${c.checks.ran} of ${c.checks.of} checks ran`;
const line = (f: Finding, width: number, indent: string) =>
  `${indent}${place(f).padEnd(width)}  ${LABEL[f.severity]}  ${f.message} [${f.rule}]`;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ["scripts/buildCli.mjs"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  copyFileSync("examples/dsg-management-plan.xlsx", join(dir, PLAN));
  copyFileSync("examples/faulty/roll-forward.xlsx", join(dir, FAULTY));
  copyFileSync("examples/faulty/sv-limits.xlsx", join(dir, WARNED));
  const budget = new ExcelJS.Workbook();
  budget.addWorksheet("Budget").addRows([
    ["Item", "Cost"],
    ["Rent", 900],
  ]);
  await budget.xlsx.writeFile(join(dir, BUDGET));
  writeFileSync(join(dir, "corrupt.xlsx"), "this is not a zip file");
  // A folder of returns: two workbooks at two depths, and what a folder walk must skip.
  for (const sub of ["returns/north", "returns/.git", "returns/empty"])
    mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(join(dir, PLAN), join(dir, "returns/plan 2.xlsx"));
  copyFileSync(join(dir, PLAN), join(dir, "returns/plan 10.xlsx"));
  copyFileSync(join(dir, FAULTY), join(dir, "returns/north/North.xlsm"));
  copyFileSync(join(dir, PLAN), join(dir, "returns/~$plan 2.xlsx"));
  copyFileSync(join(dir, PLAN), join(dir, "returns/.git/hidden.xlsx"));
  copyFileSync(join(dir, PLAN), join(dir, "returns/north/._North.xlsm"));
  writeFileSync(join(dir, "returns/notes.txt"), "not a workbook");
  // A link back up the tree: followed, it would never end.
  symlinkSync("..", join(dir, "returns/north/loop"));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("dsg-validate text report over a batch", () => {
  it("should print each file's own findings, the notes every file shares once at the end, and the totals", () => {
    const [plan, faulty] = json(PLAN, FAULTY).files as Checked[];
    const run = dsgValidate([PLAN, FAULTY]);
    // Both files are the same plan but for one figure: the checks not run and the notes that read the same
    // in both (the HNSG split, at least) are printed once, at the end.
    const key = (f: Finding) => JSON.stringify(f);
    const sharedNotes = plan.findings.filter(
      (f) =>
        f.severity === "info" &&
        f.rule !== "checks-not-run" &&
        faulty.findings.some((g) => key(g) === key(f))
    );
    expect(sharedNotes.map((f) => f.rule)).toContain("hnsg-split");
    const own = (c: Checked) =>
      c.findings.filter(
        (f) => f.rule !== "checks-not-run" && !sharedNotes.some((g) => key(g) === key(f))
      );
    const notRun = plan.checks.notRun.length;
    const block = (c: Checked) => {
      const width = Math.max(...own(c).map((f) => place(f).length));
      return [
        c.file,
        `  Template: ${c.template!.name} (dsg-management-plan) · figures in £m · deficits shown as positive numbers`,
        `  ${c.summary.error} ${c.summary.error === 1 ? "error" : "errors"} · ${c.summary.info} notes · ${c.checks.ran} of ${c.checks.of} checks ran ` +
          `(the ${notRun} not run and ${sharedNotes.length} ${sharedNotes.length === 1 ? "note" : "notes"} at the end: the same in other files)`,
        ...own(c).map((f) => line(f, width, "  ")),
      ].join("\n");
    };
    const width = Math.max(...sharedNotes.map((f) => place(f).length));
    expect(run.stdout).toBe(
      [
        block(plan),
        block(faulty),
        [
          "The same in several files:",
          "  In both files checked:",
          `    ${plan.checks.ran} of ${plan.checks.of} checks ran; ${notRun} need rows or sections that were not found:`,
          ...plan.checks.notRun.map(
            (n) => `      ${n.rule} (${n.title}) needs ${n.needs.join(" and ")}`
          ),
          ...sharedNotes.map((f) => line(f, width, "    ")),
        ].join("\n"),
        `Checked 2 files: 1 with errors, 0 with warnings only, 1 clean, 0 could not be read. Findings: 1 error, 0 warnings, ${plan.summary.info + faulty.summary.info} notes.`,
      ].join("\n\n") + "\n"
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
  });

  it("should keep a file's checks-not-run list in place when no other file shares it", () => {
    const [plan] = json(PLAN).files as Checked[];
    const run = dsgValidate([PLAN]);
    expect(run.stdout).toContain(
      `  0 errors · ${plan.summary.info} notes\n  ${plan.checks.ran} of ${plan.checks.of} checks ran; ${plan.checks.notRun.length} need rows or sections that were not found:\n    ${plan.checks.notRun[0].rule} (`
    );
    expect(run.stdout).not.toContain("The same in several files");
    expect(
      run.stdout.endsWith(
        `\nChecked 1 file: 0 with errors, 0 with warnings only, 1 clean, 0 could not be read. Findings: 0 errors, 0 warnings, ${plan.summary.info} notes.\n`
      )
    ).toBe(true);
  });

  it("should show only errors with --errors-only (and --quiet), naming unreadable files once on stderr, with the exit status unchanged", () => {
    const [plan, faulty, warned] = json(PLAN, FAULTY, WARNED).files as Checked[];
    const errors = faulty.findings.filter((f) => f.severity === "error");
    const width = Math.max(...errors.map((f) => place(f).length));
    const expected =
      [FAULTY, ...errors.map((f) => line(f, width, "  "))].join("\n") +
      "\n\nChecked 4 files: 1 with errors, 1 with warnings only, 1 clean, 1 could not be read. " +
      `Findings: 1 error, 1 warning, ${plan.summary.info + faulty.summary.info + warned.summary.info} notes.\n`;
    for (const flag of ["--errors-only", "--quiet"]) {
      const run = dsgValidate([flag, PLAN, FAULTY, WARNED, "corrupt.xlsx"]);
      expect(run.stdout).toBe(expected);
      expect(run.stderr).toMatch(/^dsg-validate: corrupt\.xlsx: .*not an Excel workbook.*\n$/i);
      expect(run.status).toBe(2);
    }
    expect(dsgValidate(["--quiet", PLAN, FAULTY]).status).toBe(1);
    expect(dsgValidate(["--quiet", PLAN, WARNED]).status).toBe(0);
  });

  it("should give one line a file with --summary", () => {
    const [plan, faulty] = json(PLAN, FAULTY).files as Checked[];
    const run = dsgValidate(["--summary", PLAN, FAULTY, BUDGET]);
    expect(run.stdout).toBe(
      [
        `${PLAN}: 0 errors · ${plan.summary.info} notes · ${ranLine(plan)}`,
        `${FAULTY}: 1 error · ${faulty.summary.info} notes · ${ranLine(faulty)}`,
        `${BUDGET}: 1 error · not recognised`,
        "",
        `Checked 3 files: 2 with errors, 0 with warnings only, 1 clean, 0 could not be read. Findings: 2 errors, 0 warnings, ${plan.summary.info + faulty.summary.info} notes.`,
        "",
      ].join("\n")
    );
    expect(run.status).toBe(1);
  });
});

describe("dsg-validate colour", () => {
  const RED_ERROR = "\u001b[31mError  \u001b[39m";

  it("should colour the report on a terminal: bold file names and totals, red errors, cyan notes", () => {
    const shown = onTerminal([FAULTY]);
    expect(shown).toContain(`\u001b[1m${FAULTY}\u001b[22m\n`);
    expect(shown).toContain(RED_ERROR);
    expect(shown).toContain("\u001b[36mNote   \u001b[39m");
    expect(shown).toContain("\u001b[1mChecked 1 file: ");
    expect(shown.endsWith("notes.\u001b[22m\n")).toBe(true);
  });

  it.each([
    ["NO_COLOR is set", [FAULTY], { NO_COLOR: "1" }],
    ["--no-color is given", ["--no-color", FAULTY], {}],
    ["the terminal is dumb", [FAULTY], { TERM: "dumb" }],
  ])("should not colour on a terminal when %s", (_, args, env) => {
    const shown = onTerminal(args, env);
    expect(shown).toContain(`${FAULTY}\n`);
    expect(shown).not.toContain("\u001b[");
  });

  it("should never colour when piped", () => {
    const run = dsgValidate([FAULTY], { TERM: "xterm-256color" });
    expect(run.stdout).toContain("Error  ");
    expect(run.stdout).not.toContain("\u001b");
  });
});

describe("dsg-validate folders", () => {
  it("should check every .xlsx and .xlsm under a folder, in name order, skipping hidden folders and files, ~$ lock files and links to folders", () => {
    const [plan, faulty] = json(PLAN, FAULTY).files as Checked[];
    const run = dsgValidate(["--summary", "returns"]);
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      `returns/plan 2.xlsx: 0 errors · ${plan.summary.info} notes · ${ranLine(plan)}`,
      `returns/plan 10.xlsx: 0 errors · ${plan.summary.info} notes · ${ranLine(plan)}`,
      `returns/north/North.xlsm: 1 error · ${faulty.summary.info} notes · ${ranLine(faulty)}`,
    ]);
    expect(run.stdout).toContain("\nChecked 3 files: 1 with errors,");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
  });

  it("should check a file named as well as under a folder named once", () => {
    const run = dsgValidate(["--summary", "returns/north/North.xlsm", "returns/north"]);
    expect(run.stdout).toContain("\nChecked 1 file: ");
  });

  it("should report a folder holding no workbook as not read, with status 2", () => {
    const run = dsgValidate(["returns/empty"]);
    expect(run.stderr).toBe(
      "dsg-validate: returns/empty: the folder holds no .xlsx or .xlsm workbook\n"
    );
    expect(run.stdout).toBe(
      "Checked 1 file: 0 with errors, 0 with warnings only, 0 clean, 1 could not be read. Findings: 0 errors, 0 warnings, 0 notes.\n"
    );
    expect(run.status).toBe(2);
  });
});

describe("dsg-validate machine formats", () => {
  it("should give JSON a top-level summary of the batch", () => {
    const run = dsgValidate(["--format", "json", PLAN, FAULTY, WARNED, "corrupt.xlsx"]);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.summary).toEqual({
      files: 4,
      checked: 3,
      withErrors: 1,
      withWarningsOnly: 1,
      clean: 1,
      unreadable: 1,
      findings: { error: 1, warning: 1, info: expect.any(Number) },
    });
    expect(run.status).toBe(2);
  });

  it("should write JUnit XML a JUnit parser reads: a testsuite per file, a testcase per check, failures for errors", () => {
    const [, faulty] = json(PLAN, FAULTY).files as Checked[];
    const run = dsgValidate(["--format", "junit", PLAN, FAULTY, "corrupt.xlsx"]);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
    }).parse(run.stdout) as {
      testsuites: {
        tests: string;
        failures: string;
        errors: string;
        skipped: string;
        testsuite: {
          name: string;
          tests: string;
          failures: string;
          errors: string;
          skipped: string;
          testcase: {
            classname: string;
            name: string;
            failure?: { message: string; type: string; "#text": string };
            error?: { message: string; type: string };
            skipped?: { message: string };
            "system-out"?: string;
          }[];
        }[];
      };
    };
    const suites = parsed.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual([PLAN, FAULTY, "corrupt.xlsx"]);
    const faultySuite = suites[1];
    // template-recognised, the plan's 27 checks, and checks-not-run (the runner's note).
    expect(faultySuite.testcase).toHaveLength(2 + faulty.checks.of);
    const notRun = faulty.checks.notRun.length;
    expect(faultySuite).toMatchObject({
      tests: String(2 + faulty.checks.of),
      failures: "1",
      errors: "0",
      skipped: String(notRun),
    });
    const error = faulty.findings.find((f) => f.severity === "error")!;
    expect(faultySuite.testcase.find((t) => t.name === "roll-forward")).toEqual({
      classname: FAULTY,
      name: "roll-forward",
      time: "0",
      failure: {
        message: error.message,
        type: "error",
        "#text": `Error ${place(error)}: ${error.message}`,
      },
    });
    expect(faultySuite.testcase.find((t) => t.name === "outturn-agrees")?.skipped?.message).toMatch(
      /^needs /
    );
    expect(faultySuite.testcase.find((t) => t.name === "checks-not-run")?.["system-out"]).toMatch(
      new RegExp(`^Note Workbook: ${ranLine(faulty)}`)
    );
    expect(suites[2].testcase).toEqual([
      {
        classname: "corrupt.xlsx",
        name: "file-not-read",
        time: "0",
        error: { message: expect.stringMatching(/not an Excel workbook/i), type: "file-not-read" },
      },
    ]);
    // Both plans' checks and the unreadable file's one testcase; the faulty plan's one failing check.
    expect(parsed.testsuites).toMatchObject({
      tests: String(2 * (2 + faulty.checks.of) + 1),
      failures: "1",
      errors: "1",
      skipped: String(2 * notRun),
    });
    expect(run.status).toBe(2);
  });

  it("should write SARIF 2.1.0 valid against its schema: each finding's rule, level, the workbook path and the cell", () => {
    const [plan, faulty] = json(PLAN, FAULTY).files as Checked[];
    const run = dsgValidate(["--format=sarif", PLAN, FAULTY, "corrupt.xlsx"]);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      $schema: string;
      runs: {
        tool: {
          driver: {
            name: string;
            version: string;
            rules: {
              id: string;
              shortDescription: { text: string };
              defaultConfiguration: { level: string };
            }[];
          };
        };
        originalUriBaseIds: Record<string, { uri: string }>;
        results: {
          ruleId: string;
          ruleIndex?: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } };
            logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
          }[];
        }[];
      }[];
    };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const valid = ajv.compile(
      JSON.parse(readFileSync("test/fixtures/sarif-schema-2.1.0.json", "utf8"))
    );
    expect(valid(sarif), JSON.stringify(valid.errors)).toBe(true);
    // The schema does catch a wrong level.
    const wrong = structuredClone(sarif);
    (wrong.runs[0].results[0] as { level: string }).level = "info";
    expect(valid(wrong)).toBe(false);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [sarifRun] = sarif.runs;
    expect(sarifRun.tool.driver.name).toBe("dsg-validate");
    expect(sarifRun.originalUriBaseIds["%SRCROOT%"].uri).toBe(pathToFileURL(`${dir}/`).href);
    const { rules } = sarifRun.tool.driver;
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.shortDescription.text).not.toBe("");
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    for (const result of sarifRun.results) {
      expect(["error", "warning", "note"]).toContain(result.level);
      expect(result.message.text).not.toBe("");
      expect(rules[result.ruleIndex!].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.artifactLocation.uri).not.toBe("");
    }
    expect(sarifRun.results).toHaveLength(plan.findings.length + faulty.findings.length + 1);
    const error = faulty.findings.find((f) => f.severity === "error")!;
    expect(
      sarifRun.results.find((r) => r.level === "error" && r.ruleId === error.rule)
    ).toMatchObject({
      message: { text: error.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: FAULTY, uriBaseId: "%SRCROOT%" } },
          logicalLocations: [
            { name: error.address, fullyQualifiedName: place(error), kind: "element" },
          ],
        },
      ],
    });
    expect(sarifRun.results.filter((r) => r.ruleId === "hnsg-split").map((r) => r.level)).toEqual([
      "note",
      "note",
    ]);
    expect(sarifRun.results.at(-1)).toMatchObject({
      ruleId: "file-not-read",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "corrupt.xlsx" } } }],
    });
    // A path with a space is a URI reference, percent-encoded.
    const budget = JSON.parse(dsgValidate(["--format", "sarif", BUDGET]).stdout) as typeof sarif;
    expect(budget.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      "household%20budget.xlsx"
    );
  });

  it("should write CSV as RFC 4180 for Excel: a byte order mark, a header, CRLF line ends, quoted fields, one row a finding", () => {
    const [faulty] = json(FAULTY).files as Checked[];
    const run = dsgValidate(["--format", "csv", FAULTY, "corrupt.xlsx"]);
    const quoted = (text: string) =>
      /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    const rows = run.stdout.split("\r\n");
    // A byte order mark first, so Excel reads the £ signs as UTF-8.
    expect(rows[0]).toBe("\ufefffile,sheet,cell,severity,rule,message");
    expect(rows.slice(1, -2)).toEqual(
      faulty.findings.map((f) =>
        [FAULTY, f.sheet, f.address, f.severity, f.rule, f.message].map(quoted).join(",")
      )
    );
    expect(rows.at(-2)).toMatch(/^corrupt\.xlsx,,,error,file-not-read,.*not an Excel workbook/i);
    expect(rows.at(-1)).toBe("");
    expect(run.stdout.replace(/\r\n/g, "")).not.toContain("\n");
  });

  it("should keep a file name that a spreadsheet would take for a formula as text in the CSV", () => {
    for (const name of ["=HYPERLINK(1).xlsx", "+1.xlsx", "-1.xlsx", "@SUM.xlsx"])
      copyFileSync(join(dir, BUDGET), join(dir, name));
    const run = dsgValidate([
      "--format",
      "csv",
      "=HYPERLINK(1).xlsx",
      "+1.xlsx",
      "-1.xlsx",
      "@SUM.xlsx",
    ]);
    const files = run.stdout
      .split("\r\n")
      .slice(1, -1)
      .map((row) => row.slice(0, row.indexOf(",")));
    expect(files).toEqual(["'=HYPERLINK(1).xlsx", "'+1.xlsx", "'-1.xlsx", "'@SUM.xlsx"]);
  });
});
