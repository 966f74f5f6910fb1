/**
 * The task pane's script stays small enough to load quickly in Excel's webview: 150 KB gzipped at most
 * (issue 12's budget, with the position chart's uPlot in it; the file reader Compare needs is loaded on demand
 * as dist/reader.js, so it is not counted). The size is measured on the built
 * dist/taskpane*.js, gzipped at the highest level as a web server would serve them.
 * Needs a build first: `npm test` runs `npm run build`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const DIST = path.resolve(__dirname, "../../dist");
const BUDGET_BYTES = 150 * 1024;

describe("the task pane script", () => {
  it("should be at most 150 KB gzipped", () => {
    if (!existsSync(path.join(DIST, "taskpane.js")))
      throw new Error("dist/taskpane.js is missing: run `npm run build` first.");
    const scripts = readdirSync(DIST).filter((name) => /^taskpane.*\.js$/.test(name));
    const gzipped = scripts.reduce(
      (sum, name) => sum + gzipSync(readFileSync(path.join(DIST, name)), { level: 9 }).length,
      0
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
