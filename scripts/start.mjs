/**
 * `npm start`: builds the add-in, then
 *  - on Windows and macOS sideloads it into desktop Excel (office-addin-debugging starts the dev server and
 *    opens Excel; extra arguments are passed on, e.g. `npm start -- web --document <url>`);
 *  - elsewhere (Linux, where desktop Excel does not exist) serves dist/ on port 3000 and says how to open the
 *    workbench and how to load the add-in in Excel on the web.
 * `npm run workbench` (`--workbench`) always builds and serves.
 */
import { spawnSync } from "node:child_process";
import { serveFromCommandLine } from "./serve.mjs";

const args = process.argv.slice(2);
const workbench = args.includes("--workbench");
const passOn = args.filter((a) => a !== "--workbench");
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
  await serveFromCommandLine(passOn);
}
