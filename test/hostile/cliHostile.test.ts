/**
 * Hostile files through the real dsg-validate bundle: for each, exit status 2 and the sentence on stderr
 * that names the file and says why; the large ones answered at once and within 200 MB; and a batch in
 * which hungry and hostile files sit beside good ones, under a capped heap, still reporting the good ones.
 * The bundle is built into this test's own folder (the CLI tests build theirs in parallel).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { slowWorkbook } from "../cli/slowWorkbook";
import { HOSTILE_FILES, writeHostileFiles } from "./hostileFiles";
import {
  FORTY_SHEETS_ONE_PART,
  LARGE_HOSTILE_FILES,
  MEMORY_HUNGRY,
  STYLED_EMPTY,
  ZIP_BOMB,
} from "./largeHostileFiles";

const dir = mkdtempSync(join(tmpdir(), "dsg-hostile-cli-"));
const at = (name: string) => join(dir, name);
const BUNDLE = at("dsg-validate.cjs");
/** Prints the process's peak RSS (KB) on stderr as it exits; loaded with --require before the bundle. */
const RSS_REPORT = at("rss.cjs");
const CLEAN = at("clean plan.xlsx");
const CLEAN_COPY = at("clean plan copy.xlsx");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  rssMb: number;
}

function dsgValidate(args: readonly string[], nodeOptions: readonly string[] = []): Run {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [...nodeOptions, "--require", RSS_REPORT, BUNDLE, ...args],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }
  );
  const rss = /^RSS (\d+)\n/m.exec(run.stderr);
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr.replace(/^RSS \d+\n/m, ""),
    seconds: (performance.now() - started) / 1000,
    rssMb: rss ? Number(rss[1]) / 1024 : NaN,
  };
}

beforeAll(async () => {
  await build({
    entryPoints: ["src/cli/main.ts"],
    outfile: BUNDLE,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
  writeFileSync(
    RSS_REPORT,
    'process.on("exit", () => process.stderr.write(`RSS ${process.resourceUsage().maxRSS}\\n`));\n'
  );
  copyFileSync("examples/dsg-management-plan.xlsx", CLEAN);
  copyFileSync("examples/dsg-management-plan.xlsx", CLEAN_COPY);
  for (const file of LARGE_HOSTILE_FILES) writeFileSync(at(file.file), file.build());
  await writeHostileFiles(dir, (file) => file.expect === "error");
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The files the old reader took minutes or gigabytes over: answered at once, in little memory. */
const BOUNDED = [ZIP_BOMB, STYLED_EMPTY, FORTY_SHEETS_ONE_PART];

describe("dsg-validate on hostile files", () => {
  it.each(LARGE_HOSTILE_FILES.map((f) => [f.file, f] as const))(
    "should refuse %s with status 2 and say why on stderr",
    (name, file) => {
      const run = dsgValidate([at(name)]);
      expect(run.stderr).toMatch(
        new RegExp(`^dsg-validate: ${at(name).replace(/[.\\]/g, "\\$&")}: `)
      );
      expect(run.stderr).toMatch(file.message);
      // Named once, on stderr; the report only counts it.
      expect(run.stdout).not.toContain(at(name));
      expect(run.stdout).toMatch(/^Checked 1 file: .*, 1 could not be read\./);
      expect(run.status).toBe(2);
    }
  );

  it.each(BOUNDED.map((f) => [f.file] as const))(
    "should answer %s within a second of reading and 200 MB of memory",
    async (name) => {
      const started = performance.now();
      await expect(readXlsxFile(at(name))).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(1000);
      const run = dsgValidate([at(name)]);
      expect(run.rssMb).toBeLessThan(200);
      expect(run.status).toBe(2);
    }
  );

  // (.xls files are turned away by their name before reading, with the same advice.)
  it.each(
    HOSTILE_FILES.filter((f) => f.expect === "error" && f.file.endsWith(".xlsx")).map(
      (f) => [f.file, f] as const
    )
  )("should refuse %s with status 2 and a sentence about the file", (name, file) => {
    const run = dsgValidate([at(name)]);
    expect(run.status).toBe(2);
    // The message is the reader's, shown as text: control characters as visible symbols.
    const shown = run.stderr.replace(/\u241b/g, "\u001b");
    expect(shown).toMatch(file.message!);
    expect(run.seconds).toBeLessThan(20);
  });

  it("should never print a control character from a sheet name to the terminal", () => {
    const run = dsgValidate([at("control-characters.xlsx")]);
    expect(run.stderr).toContain('the sheet "\u241b[2J" cannot be read');
    expect(run.stderr + run.stdout).not.toContain("\u001b");
  });

  it("should keep the JSON exact: the sheet name's escape character as \\u001b", () => {
    const run = dsgValidate(["--json", at("control-characters.xlsx")]);
    expect(run.stdout).toContain('the sheet \\"\\u001b[2J\\" cannot be read');
    expect(JSON.parse(run.stdout).files[0].error).toContain('"\u001b[2J"');
  });

  it("should report the good files of a batch under a 1 GB heap, and each hungry or hostile one as its own status-2 message", () => {
    const bad = [ZIP_BOMB, FORTY_SHEETS_ONE_PART, MEMORY_HUNGRY, STYLED_EMPTY];
    const files = [CLEAN, ...bad.map((f) => at(f.file)), CLEAN_COPY, at("row-1e300.xlsx")];
    const run = dsgValidate(files, ["--max-old-space-size=1024"]);
    expect(run.status).toBe(2);
    for (const good of [CLEAN, CLEAN_COPY])
      expect(run.stdout).toContain(`${good}\n  Template: DSG deficit management plan`);
    for (const file of bad) expect(run.stderr).toMatch(file.message);
    expect(run.stderr.trim().split("\n")).toHaveLength(bad.length + 1);
  }, 60_000);

  it("should report a file that needs more than --max-memory as its own message and still check the others", () => {
    const large = at("two million cells.xlsx");
    writeFileSync(large, slowWorkbook(200_000));
    const run = dsgValidate([CLEAN, large, CLEAN_COPY, "--max-memory", "64"]);
    expect(run.stderr).toMatch(
      new RegExp(`^dsg-validate: ${large}: .*needs more than 64 MB of memory to check`)
    );
    expect(run.stdout).toContain(`${CLEAN}\n  Template: DSG deficit management plan`);
    expect(run.stdout).toContain(`${CLEAN_COPY}\n  Template: DSG deficit management plan`);
    expect(run.status).toBe(2);
  }, 60_000);

  it.each([
    [
      "a timeout past node's timers",
      ["--timeout", "3000000"],
      /--timeout needs a number of seconds above 0 up to 86,400, not "3000000"/,
    ],
    [
      "a memory ceiling too small",
      ["--max-memory", "1"],
      /--max-memory needs a number of MB from 64 to 16,384/,
    ],
  ])("should refuse %s with status 2 before checking anything", (_, args, message) => {
    const run = dsgValidate([CLEAN, ...args]);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe("");
    expect(run.status).toBe(2);
  });
});
