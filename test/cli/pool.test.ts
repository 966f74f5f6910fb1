/**
 * The worker pool on its own, with a stand-in worker script that answers, hangs or crashes on request:
 * one stuck or crashing job must not hold up or lose the others.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInWorkers } from "../../src/cli/pool";

const dir = mkdtempSync(join(tmpdir(), "dsg-pool-"));
const script = join(dir, "worker.cjs");
// Speaks the pool's protocol ({index, job} in, {index, result} out) like serveJobs does.
writeFileSync(
  script,
  `const { parentPort, workerData, threadId } = require("node:worker_threads");
parentPort.on("message", ({ index, job }) => {
  if (job === "hang") return;
  if (job === "crash") process.exit(3);
  if (job === "throw") throw new Error("worker blew up");
  if (job === "hog") { const kept = []; for (;;) kept.push(new Array(1e5).fill(kept.length)); }
  parentPort.postMessage({ index, result: job + " done by " + workerData + " thread " + threadId });
});`
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(jobs: string[], size: number, timeoutMs = 2000) {
  return runInWorkers<string, string>(jobs, {
    script,
    workerData: "pool-test",
    size,
    timeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: 64 },
    onFailure: (job, why) =>
      `${job} failed: ${why.timedOut ? "timed out" : why.outOfMemory ? "out of memory" : why.error?.message}`,
  });
}

describe("runInWorkers", () => {
  it("should return results in job order", async () => {
    const results = await run(["a", "b", "c", "d", "e"], 2);
    expect(results.map((r) => r.split(" ")[0])).toEqual(["a", "b", "c", "d", "e"]);
    expect(results.every((r) => r.includes("done by pool-test"))).toBe(true);
  });

  it("should share the jobs between its workers", async () => {
    const results = await run(["a", "b", "c", "d"], 2);
    expect(new Set(results.map((r) => r.split("thread ")[1])).size).toBe(2);
  });

  it("should report a job that hangs as timed out and still finish the others", async () => {
    const started = Date.now();
    const results = await run(["a", "hang", "b", "c"], 2, 1000);
    expect(results).toEqual([
      expect.stringMatching(/^a done/),
      "hang failed: timed out",
      expect.stringMatching(/^b done/),
      expect.stringMatching(/^c done/),
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    ["exits", "crash", /crash failed: the worker stopped \(exit code 3\)/],
    ["throws", "throw", /throw failed: worker blew up/],
  ])(
    "should report a job whose worker %s and carry on with a new worker",
    async (_, job, message) => {
      const results = await run([job, "a", "b"], 1);
      expect(results[0]).toMatch(message);
      expect(results.slice(1)).toEqual([
        expect.stringMatching(/^a done/),
        expect.stringMatching(/^b done/),
      ]);
    }
  );

  it("should report a job that runs out of its worker's heap and still finish the others", async () => {
    const results = await run(["a", "hog", "b"], 2, 20_000);
    expect(results).toEqual([
      expect.stringMatching(/^a done/),
      "hog failed: out of memory",
      expect.stringMatching(/^b done/),
    ]);
  });

  it("should resolve at once with no jobs", async () => {
    expect(await run([], 4)).toEqual([]);
  });
});
