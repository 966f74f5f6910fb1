/**
 * `npm start`: builds the add-in, then
 *  - on Windows and macOS sideloads it into desktop Excel (office-addin-debugging starts the dev server and
 *    opens Excel; extra arguments are passed on, e.g. `npm start -- web --document <url>`);
 *  - elsewhere (Linux, where desktop Excel does not exist) serves dist/ on port 3000, opens the workbench in the
 *    browser when there is a desktop (not in CI; `--no-open` to skip), and says how to open the
 *    workbench and how to load the add-in in Excel on the web.
 * `npm run workbench` (`--workbench`) always builds and serves.
 */
import { spawn, spawnSync } from "node:child_process";
import { serveFromCommandLine } from "./serve.mjs";

const args = process.argv.slice(2);
const workbench = args.includes("--workbench");
const passOn = args.filter((a) => a !== "--workbench" && a !== "--no-open");
const sideload = !workbench && (process.platform === "win32" || process.platform === "darwin");

/** Runs a command with the terminal attached, and stops with its status if it fails. */
function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("npm", ["run", "build:dev"]);
if (sideload) {
  run("npx", ["office-addin-debugging", "start", "manifest.xml", ...passOn]);
} else {
  const server = await serveFromCommandLine(passOn);
  openInBrowser(`${server.url}workbench.html`);
}

/**
 * Opens the workbench in the desktop's browser. Only where there is a desktop to open it on: not in CI,
 * not over ssh without a display, and not with --no-open. If no opener exists, the printed address is enough.
 */
function openInBrowser(url) {
  const opener = { darwin: ["open"], win32: ["explorer.exe"] }[process.platform] ?? ["xdg-open"];
  const desktop =
    process.platform !== "linux" || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!desktop || process.env.CI || args.includes("--no-open")) return;
  const child = spawn(opener[0], [url], { stdio: "ignore", detached: true });
  child.on("error", () => {});
  child.unref();
}
