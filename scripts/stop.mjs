/**
 * `npm stop`: on Windows and macOS unregisters the sideloaded add-in and ends the dev server
 * (office-addin-debugging stop); elsewhere ends the server that `npm start` / `npm run workbench` started.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import settings from "./serverSettings.cjs";
import { pidFile } from "./serve.mjs";

if (process.platform === "win32" || process.platform === "darwin") {
  const result = spawnSync("npx", ["office-addin-debugging", "stop", "manifest.xml"], {
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  process.exit(result.status ?? 1);
}

const file = pidFile(settings.DEV_PORT);
let pid;
try {
  pid = Number(readFileSync(file, "utf8"));
} catch {
  console.log("No add-in server is running.");
  process.exit(0);
}
try {
  process.kill(pid, "SIGTERM");
  console.log(`Stopped the add-in server (process ${pid}).`);
} catch {
  console.log("The add-in server had already stopped.");
}
rmSync(file, { force: true });
