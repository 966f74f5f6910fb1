/**
 * The deployment build: every dev URL (https://localhost:3000/) in manifest.xml and in the functions' help
 * links must point at the address given at build time, office.js must come from Microsoft's CDN, and
 * `build:prod` must refuse to run without an address.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DEV_URL = "https://localhost:3000/";
const DEPLOYMENT_URL = "https://example.org/dsg/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Runs the webpack CLI as `npm run build` does, without the environment's deployment URL. */
function webpack(...args: string[]) {
  const env = { ...process.env };
  delete env.DSG_ADDIN_URL;
  return spawnSync(
    process.execPath,
    ["node_modules/webpack/bin/webpack.js", "--mode", "production", ...args],
    {
      encoding: "utf8",
      env,
    }
  );
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe("production build", () => {
  const outDir = mkdtempSync(join(tmpdir(), "dsg-addin-build-"));
  const read = (file: string) => readFileSync(join(outDir, file), "utf8");

  beforeAll(() => {
    const build = webpack(
      "--env",
      "prod",
      "--env",
      `url=${DEPLOYMENT_URL}`,
      "--env",
      `outDir=${outDir}`
    );
    expect(build.status, build.stderr + build.stdout).toBe(0);
  }, 120_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("should point every manifest URL at the deployment and leave no localhost", () => {
    const source = readFileSync("manifest.xml", "utf8");
    const built = read("manifest.xml");
    expect(occurrences(source, DEV_URL)).toBeGreaterThan(5);
    expect(occurrences(built, DEPLOYMENT_URL)).toBe(occurrences(source, DEV_URL));
    expect(built).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("should point every function's help link at the deployment", () => {
    const metadata = JSON.parse(read("functions.json")) as {
      functions: { id: string; helpUrl?: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions) {
      expect(f.helpUrl?.startsWith(`${DEPLOYMENT_URL}help/`), `${f.id}: ${f.helpUrl}`).toBe(true);
    }
    expect(read("functions.json")).not.toContain("localhost");
  });

  it("should load office.js from Microsoft's CDN in the task pane", () => {
    const scripts = read("taskpane.html").match(/<script[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => tag.includes("office.js"))).toEqual([
      expect.stringContaining(OFFICE_JS_CDN),
    ]);
  });

  it.each([
    ["no address at all", [] as string[], /build:prod needs the address/],
    ["an http address", ["--env", "url=http://example.org/dsg/"], /must use https/],
    ["a localhost address", ["--env", "url=https://localhost:3000/"], /needs a public address/],
  ])("should refuse to build for deployment with %s", (_, extra, message) => {
    const build = webpack("--env", "prod", ...extra, "--env", `outDir=${join(outDir, "refused")}`);
    expect(build.status).not.toBe(0);
    expect(build.stderr + build.stdout).toMatch(message);
  });
});

describe("local build (dist/, written by npm run build)", () => {
  it("should keep the dev URLs and load office.js from the local npm copy", () => {
    expect(readFileSync("dist/manifest.xml", "utf8")).toBe(readFileSync("manifest.xml", "utf8"));
    const scripts = readFileSync("dist/taskpane.html", "utf8").match(/<script[^>]*>/g) ?? [];
    expect(scripts.filter((tag) => tag.includes("office.js"))).toEqual([
      expect.stringMatching(/src="?office-js\/office\.js/),
    ]);
  });
});
