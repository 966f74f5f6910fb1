/**
 * Shared set-up for the browser tests: the built add-in (dist/) served on the loopback interface by the
 * project's own static server, and Debian's Chromium driven by playwright-core. No browser is ever
 * downloaded and nothing is fetched from outside the machine.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
export const OUTPUT = path.join(ROOT, "test/output");

/** Flags that keep Chromium from reaching out to Google's services or needing a sandbox or a GPU. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

interface Server {
  url: string;
  close(): Promise<void>;
}

export interface Session {
  readonly context: BrowserContext;
  readonly baseUrl: string;
  /** Every URL any page of the session asked for. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Builds dist/ when a test file runs on its own (`npm test` builds first). */
function ensureBuild(): void {
  if (existsSync(path.join(DIST, "workbench.html")) && existsSync(path.join(DIST, "taskpane.html")))
    return;
  execFileSync("npx", ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
}

/** Starts the static server on a free port and one browser for the whole test file. */
export async function openSession(): Promise<Session> {
  ensureBuild();
  // A variable path keeps TypeScript from demanding types for the plain-JavaScript server module.
  const serverModule = pathToFileURL(path.join(ROOT, "scripts/serve.mjs")).href;
  const { startServer } = (await import(serverModule)) as {
    startServer(options: object): Promise<Server>;
  };
  const server = await startServer({ dir: DIST, port: 0, protocol: "http" });
  // A fresh profile each run: no cached pages, cookies or settings from anything else.
  const profile = mkdtempSync(path.join(tmpdir(), "dsg-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
  });
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  return {
    context,
    baseUrl: server.url,
    requests,
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any script error in the page, which would otherwise only show in the browser console. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}
