/**
 * Benchmark of the .xlsx reader: `npm run bench` (bundled, as dsg-validate ships), or
 * `npx tsx bench/reader.ts`. Prints figures only; asserts nothing.
 *
 * 1. A generated workbook of the real template's size (./templateWorkbook.ts: 14 sheets, about 600,000
 *    cells, about 10 MB): the time to read it into the snapshot as the command line does (large sheets
 *    holding no word any section is found by passed over, src/workbook/passOver.ts), next to the time node's zlib takes only
 *    to inflate the parts the reader reads, and their ratio (target ≤ 2×), measured in the same run;
 *    then the first read in a fresh process (as the command line reads each file: once, before the JIT
 *    has warmed up) with its peak RSS, and the command line's wall time and peak RSS on it (target ≤ 300 MB).
 * 2. Validation time per cell on workbooks of the same layout from about 3,000 to 120,000 cells (the plan
 *    with fewer or more rows on the working sheets), each validated a few times on fresh reads: the median
 *    per cell, and each size's against the smallest's (target: flat, within ±30%).
 * 3. The large hostile files (test/hostile/largeHostileFiles.ts) through the command line: wall time,
 *    peak RSS, exit status and message (target: each answered in < 1 s with < 200 MB).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { readDirectory } from "../src/workbook/xlsxPackage";
import { readXlsxBuffer, readXlsxFile } from "../src/workbook/xlsxReader";
import { validateWorkbook } from "../src/validation/validate";
import { LARGE_HOSTILE_FILES } from "../test/hostile/largeHostileFiles";
import { templateLikeWorkbook } from "./templateWorkbook";
import { SECTIONS_ONLY } from "../src/cli/checkFile";

const ROOT = process.cwd();
const CLI = join(ROOT, "bin", "dsg-validate.cjs");
const RUNS = 9;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The parts the reader inflates: XML and relationships (not macros, images or other binaries). */
function readParts(data: Buffer): Buffer[] {
  return [...readDirectory(data).values()]
    .filter((entry) => /\.(xml|rels)$/.test(entry.name) && entry.method === 8)
    .map((entry) => data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
}

/** Runs `node <args>` and gives its wall time and peak RSS (the child reports it as it exits). */
function measured(args: readonly string[]): {
  seconds: number;
  rssMb: number;
  status: number | null;
  stdout: string;
  stderr: string;
} {
  // --require runs in the child before the script: it prints the process's peak RSS on exit.
  const report = join(tmpdir(), "dsg-bench-rss.cjs");
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["--require", report, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = ms(start) / 1000;
  const rss = /^RSS (\d+)$/m.exec(run.stderr);
  return {
    seconds,
    rssMb: rss ? Number(rss[1]) / 1024 : NaN,
    status: run.status,
    stdout: run.stdout,
    stderr:
      run.stderr
        .replace(/^RSS \d+\n?/m, "")
        .trim()
        .split("\n")[0] ?? "",
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === "--read-once") {
    const start = process.hrtime.bigint();
    await readXlsxFile(process.argv[3], undefined, SECTIONS_ONLY);
    console.log(`READ ${ms(start)}`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "dsg-bench-reader-"));
  await writeFile(
    join(tmpdir(), "dsg-bench-rss.cjs"),
    'process.on("exit", () => process.stderr.write(`RSS ${process.resourceUsage().maxRSS}\\n`));\n'
  );
  try {
    const { bytes, sheets, cells } = templateLikeWorkbook();
    const file = join(dir, "template-like.xlsx");
    await writeFile(file, bytes);
    const data = await readFile(file);
    const parts = readParts(data);
    const unzipped = parts.reduce((sum, part) => sum + inflateRawSync(part).length, 0);
    console.log(
      `Template-like workbook: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${sheets} sheets, ` +
        `${cells.toLocaleString("en-GB")} cells; the reader inflates ${(unzipped / 1024 / 1024).toFixed(1)} MB of XML.`
    );
    // Interleaved, so a busy moment on the machine weighs on both alike.
    const zlibTimes: number[] = [];
    const readTimes: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      let start = process.hrtime.bigint();
      for (const part of parts) inflateRawSync(part);
      const zlib = ms(start);
      start = process.hrtime.bigint();
      await readXlsxFile(file, undefined, SECTIONS_ONLY);
      const read = ms(start);
      if (i >= 2) (zlibTimes.push(zlib), readTimes.push(read));
    }
    const passed = (await readXlsxFile(file, undefined, SECTIONS_ONLY)).sheets.filter(
      (sheet) => sheet.passedOver
    );
    console.log(
      `Sheets passed over as the command line reads (no word any section is found by): ${passed.length} ` +
        `(${passed.map((sheet) => sheet.name).join(", ")}); the others are parsed into the snapshot.`
    );
    const zlib = median(zlibTimes);
    const read = median(readTimes);
    console.log(`zlib inflate only:   median ${zlib.toFixed(0)} ms of ${RUNS}`);
    console.log(
      `Read into snapshot:  median ${read.toFixed(0)} ms of ${RUNS} (${(read / zlib).toFixed(1)}× zlib; target ≤ 2×)`
    );
    const alone = measured([process.argv[1], "--read-once", file]);
    const first = Number(/^READ ([\d.]+)$/m.exec(alone.stdout)?.[1]);
    console.log(
      `Read, fresh process: ${first.toFixed(0)} ms (${(first / zlib).toFixed(1)}× zlib, the command line's case), ` +
        `peak RSS ${alone.rssMb.toFixed(0)} MB (target ≤ 300 MB)`
    );
    if (!existsSync(CLI)) {
      console.log(`Command line:        skipped: ${CLI} is not built yet (npm run build:cli).`);
      return;
    }
    const cli = measured([CLI, file]);
    console.log(
      `Command line:        ${cli.seconds.toFixed(2)} s wall, peak RSS ${cli.rssMb.toFixed(0)} MB, exit ${cli.status}`
    );

    await validationPerCell();

    console.log(
      "\nHostile files through the command line (target: each answered in < 1 s, < 200 MB):"
    );
    for (const hostile of LARGE_HOSTILE_FILES) {
      const path = join(dir, hostile.file);
      const built = hostile.build();
      await writeFile(path, built);
      const run = measured([CLI, path]);
      const message = run.stderr.slice(run.stderr.indexOf(": ", "dsg-validate: ".length) + 2);
      console.log(
        `  ${hostile.file.padEnd(28)} ${(built.length / 1024 / 1024).toFixed(1).padStart(5)} MB on disk  ` +
          `${run.seconds.toFixed(2)} s  ${run.rssMb.toFixed(0).padStart(4)} MB  exit ${run.status}  ${message.slice(0, 110)}`
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Cell counts the validation is timed at (the 3k to 120k, and two between). */
const VALIDATION_SIZES = [3_000, 12_000, 40_000, 120_000];

/** Times validation per cell on template-like workbooks of growing size (after one untimed warm-up each). */
async function validationPerCell(): Promise<void> {
  const smallest = templateLikeWorkbook(0).cells;
  const full = templateLikeWorkbook(1).cells;
  console.log(
    "\nValidation per cell, the same layout at growing sizes (target: flat within ±30%):"
  );
  let base = NaN;
  for (const target of VALIDATION_SIZES) {
    const scale = Math.max(0, (target - smallest) / (full - smallest));
    const { bytes, cells } = templateLikeWorkbook(scale);
    const runs = Math.max(5, Math.round(600_000 / cells));
    validateWorkbook(await readXlsxBuffer(bytes));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A fresh snapshot each time, so nothing validation keeps from one makes the next cheaper.
      const workbook = await readXlsxBuffer(bytes);
      const start = process.hrtime.bigint();
      validateWorkbook(workbook);
      times.push(ms(start));
    }
    const time = median(times);
    const perCell = (time * 1000) / cells;
    if (Number.isNaN(base)) base = perCell;
    console.log(
      `  ${cells.toLocaleString("en-GB").padStart(8)} cells: median ${time.toFixed(1).padStart(6)} ms of ${runs}, ` +
        `${perCell.toFixed(2)} µs a cell (${(perCell / base).toFixed(2)}× the smallest's)`
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
