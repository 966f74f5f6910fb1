/**
 * Benchmark: `npm run bench` (or `npx tsx bench/validator.ts`, from the repository root). Prints, for a full-size plan (ten years,
 * seven placement types, thirty expenditure lines): the time to read the .xlsx, the time to validate it
 * after reading and their ratio; then the wall time of the command line on one plan and on 150 copies.
 * Targets: validating adds < 20% to reading, one plan end to end < 1 s, 150 files < 60 s. Prints figures
 * only; asserts nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fullSizePlan } from "../examples/examples";
import { readXlsxFile } from "../src/workbook/xlsxReader";
import { writeXlsxBuffer } from "../src/workbook/xlsxWriter";
import { validateWorkbook } from "../src/validation/validate";

// npm runs scripts from the repository root; `npm run bench` runs this file bundled into dist/bench.
const ROOT = process.cwd();
const CLI = join(ROOT, "bin", "dsg-validate.cjs");
const COPIES = 150;
// The first call pays for JIT compilation; the steady state (what 150 files in one process see) is measured
// after a warm-up, as the median of many runs.
const WARM_UP = 300;
const RUNS = 200;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (value: number) => `${value.toFixed(1)} ms`;

/**
 * Times `run` once cold, then WARM_UP times untimed, then RUNS times; returns the first and the warm median.
 * Each run gets its own input from `prepare`, made outside the timer, so that nothing a run leaves behind
 * keyed by its input (a cache of what it saw) makes the next run cheaper than a new council's file would be.
 */
async function time<I, T>(
  prepare: () => Promise<I> | I,
  run: (input: I) => Promise<T> | T
): Promise<{ cold: number; warm: number; result: T }> {
  const timed = async () => {
    const input = await prepare();
    const start = process.hrtime.bigint();
    const result = await run(input);
    return { result, took: ms(start) };
  };
  const { result, took: cold } = await timed();
  for (let i = 0; i < WARM_UP; i++) await timed();
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await timed()).took);
  return { cold, warm: median(warm), result };
}

function runCli(files: readonly string[]): {
  seconds: number;
  status: number | null;
  stderr: string;
} {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    seconds: ms(start) / 1000,
    status: result.status,
    stderr: result.stderr.trim().split("\n")[0] ?? "",
  };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "dsg-bench-"));
  try {
    const plan = join(dir, "full-size-plan.xlsx");
    await writeFile(plan, await writeXlsxBuffer(fullSizePlan()));
    console.log(
      "Full-size plan: 10 financial years, 10 census years, 7 placement types, 30 high needs expenditure lines."
    );

    const read = await time(
      () => plan,
      (file) => readXlsxFile(file)
    );
    console.log(
      `Read .xlsx:        first ${show(read.cold)}, then median ${show(read.warm)} of ${RUNS}`
    );

    // A fresh read for every run: validating the same snapshot again would not be a new file.
    const checked = await time(() => readXlsxFile(plan), validateWorkbook);
    console.log(
      `Validate:          first ${show(checked.cold)}, then median ${show(checked.warm)} of ${RUNS} (${checked.result.findings.length} findings)`
    );
    console.log(
      `Validate / read:   ${((checked.warm / read.warm) * 100).toFixed(0)}% (target < 20%)`
    );

    if (!existsSync(CLI)) {
      console.log(`Command line:      skipped: ${CLI} is not built yet (npm run build:cli).`);
      return;
    }
    const one = runCli([plan]);
    console.log(
      `CLI, one plan:     ${one.seconds.toFixed(2)} s wall, exit ${one.status} (target < 1 s)${one.status === 2 ? `: ${one.stderr}` : ""}`
    );
    const copies = await Promise.all(
      Array.from({ length: COPIES }, async (_, i) => {
        const copy = join(dir, `plan-${String(i + 1).padStart(3, "0")}.xlsx`);
        await copyFile(plan, copy);
        return copy;
      })
    );
    const many = runCli(copies);
    console.log(
      `CLI, ${COPIES} plans:    ${many.seconds.toFixed(2)} s wall, exit ${many.status} (target < 60 s)${many.status === 2 ? `: ${many.stderr}` : ""}`
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
