/**
 * Bundles dsg-validate (src/cli/main.ts) into dist/cli/dsg-validate.cjs with esbuild: `npm run build:cli`.
 * Everything is bundled, nothing left external (decimal.js, and JSZip and saxes under the reader): one file
 * that loads fast (bundling started twice as fast as loading the same modules from node_modules) and that
 * works copied on its own. The same file is the worker-thread script (see src/cli/main.ts).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const CLI_BUNDLE = `${root}dist/cli/dsg-validate.cjs`;

/** Bundles `entry` and everything it imports into one CommonJS file for node at `outfile`. */
export async function bundleForNode(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
}

/** Writes the bundle; resolves when it is on disk. */
export async function buildCli() {
  await bundleForNode(`${root}src/cli/main.ts`, CLI_BUNDLE);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
  } catch {
    // esbuild has printed the errors. `npm ci` runs this as `prepare` with --if-possible: a source tree that
    // does not compile must not stop the install; the bin then says the command is not built.
    const lenient = process.argv.includes("--if-possible");
    if (lenient)
      console.warn(
        "dsg-validate was not built (errors above); fix them and run npm run build:cli."
      );
    process.exit(lenient ? 0 : 1);
  }
}
