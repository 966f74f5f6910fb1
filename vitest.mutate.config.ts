// The tests that npm run mutate (StrykerJS) runs against each mutant of src/core, src/validation and
// src/templates: the unit, property and example tests of those folders and of the functions over the core.
// Browser, CLI, add-in bundle and reader tests are left out: they kill no mutant of these folders and
// would only lengthen every run. The random real-wording plans (realWordingProperty) are left out as well:
// they take ~10 s a run, cover every rule, and the targeted tests beside each rule are the ones that kill.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/core/**/*.test.ts",
      "src/validation/**/*.test.ts",
      "src/templates/**/*.test.ts",
      "test/core/**/*.test.ts",
      "test/validation/**/*.test.ts",
      "test/templates/**/*.test.ts",
      "test/functions/properties.test.ts",
    ],
    exclude: ["test/validation/realWordingProperty.test.ts"],
    setupFiles: ["test/setup/customFunctionsGlobal.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
