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
const RUNS = 500;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (value: number) => `${value.toFixed(2)} ms`;

/**
 * Reads the plan and validates what was read, as dsg-validate does for each file, timing the two apart:
 * once cold, WARM_UP times untimed, then RUNS times. Both are timed in the same runs, so a busy moment on
 * the machine weighs on them alike; and every validation gets a fresh read, so nothing it keeps from one
 * snapshot makes the next cheaper than a new council's file would be.
 */
async function timeReadAndValidate(file: string) {
  const once = async () => {
    let start = process.hrtime.bigint();
    const workbook = await readXlsxFile(file);
    const read = ms(start);
    start = process.hrtime.bigint();
    const { findings } = validateWorkbook(workbook);
    return { read, validate: ms(start), findings: findings.length };
  };
  const cold = await once();
  for (let i = 0; i < WARM_UP; i++) await once();
  const warm: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await once());
  return {
    cold,
    read: median(warm.map((run) => run.read)),
    validate: median(warm.map((run) => run.validate)),
  };
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

    const { cold, read, validate } = await timeReadAndValidate(plan);
    console.log(
      `Read .xlsx:        first ${show(cold.read)}, then median ${show(read)} of ${RUNS}`
    );
    console.log(
      `Validate:          first ${show(cold.validate)}, then median ${show(validate)} of ${RUNS} (${cold.findings} findings; target ≤ 10 ms)`
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
      `CLI, ${COPIES} plans:    ${many.seconds.toFixed(2)} s wall, exit ${many.status} (target ≤ 10 s)${many.status === 2 ? `: ${many.stderr}` : ""}`
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
