// @ts-check
/**
 * Mutation testing: `npm run mutate` (StrykerJS with the vitest runner). Not part of `npm test`.
 *
 * Scope: src/core, src/validation and src/templates (tests excluded). One folder at a time:
 *   npm run mutate -- --mutate 'src/core/**\/*.ts' --mutate '!src/**\/*.test.ts'
 * The tests run against each mutant are those of vitest.mutate.config.ts. Reports go to
 * reports/mutation/ (git-ignored). Concurrency 1 by default, as the machine has 2 shared cores;
 * pass `--concurrency 2` when it is free.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutate.config.ts" },
  mutate: ["src/core/**/*.ts", "src/validation/**/*.ts", "src/templates/**/*.ts", "!src/**/*.test.ts"],
  coverageAnalysis: "perTest",
  // Static mutants (module-level constants: tables, regular expressions built at import) would each need
  // every test file run again, which would take the run past its budget; Stryker reports them as ignored.
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 5000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  ignorePatterns: ["dist", "coverage", "test/output", "reports", "examples/snapshots", "*.log"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 85, break: null },
};
