// Lint: the Office add-ins recommended set (typescript-eslint + the Excel.run rules such as
// no-context-sync-in-loop and load-object-before-read) over our TypeScript sources.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default [
  { ignores: ["dist/", "node_modules/", "coverage/", "test/output/", "examples/snapshots/", "**/*.cjs", "**/*.mjs", "**/*.js", "**/*.d.mts", "**/.tmp*"] },
  ...officeAddins.configs.recommended,
  // The plugin's config names no parser with this eslint version; typescript-eslint's is the one it expects.
  { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    // TypeScript itself checks that names exist (including the Office, Excel and DOM globals) and that
    // nothing is declared twice; the base rules would flag function overload signatures.
    rules: { "no-undef": "off", "no-redeclare": "off" } },
];
