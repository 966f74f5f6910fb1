/**
 * `npm run bench`: bundles each benchmark with esbuild and runs it with node, so it times the code the way
 * it ships (dsg-validate and the add-in are bundles too). Run through tsx instead, every call between two
 * modules also pays for tsx's module wrappers, which the shipped bundles do not have.
 */
import { spawnSync } from "node:child_process";
import { bundleForNode } from "./buildCli.mjs";

for (const name of ["functions", "validator", "reader", "office"]) {
  const outfile = `dist/bench/${name}.cjs`;
  await bundleForNode(`bench/${name}.ts`, outfile);
  console.log(`\n${outfile}`);
  const run = spawnSync(process.execPath, [outfile], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
