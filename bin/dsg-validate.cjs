#!/usr/bin/env node
/**
 * dsg-validate: checks DfE DSG management plan and Safety Valve workbooks from the command line.
 * Runs the bundle that `npm run build:cli` writes (npm ci and npm install build it through `prepare`).
 */
const path = require("path");
const fs = require("fs");

const bundle = path.join(__dirname, "..", "dist", "cli", "dsg-validate.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "dsg-validate is not built yet: run `npm run build:cli` in the dsg-addin folder.\n"
  );
  process.exit(2);
}
require(bundle);
