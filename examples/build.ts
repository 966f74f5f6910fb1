/**
 * Regenerates the sample workbooks: `npx tsx examples/build.ts` (or `npm run examples`).
 * Writes examples/<name>.xlsx and examples/snapshots/<name>.json for every example, and examples/faults.json
 * (what each faulty copy breaks and where the finding should point) and examples/notes.json (the advisory
 * notes the consistent samples should give); the output depends
 * only on the code and the fixtures (fixed dates, stable order).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeXlsxBuffer } from "../src/workbook/xlsxWriter";
import { advisoryNotes, buildExamples, faultyExamples } from "./examples";
import { snapshotJson } from "./snapshot";
import { withFormulaValues } from "../src/workbook/formulaValues";

const EXAMPLES_DIR = __dirname;

async function main(): Promise<void> {
  const examples = buildExamples();
  for (const { name, workbook } of examples) {
    const xlsx = join(EXAMPLES_DIR, `${name}.xlsx`);
    const json = join(EXAMPLES_DIR, "snapshots", `${name}.json`);
    await mkdir(dirname(xlsx), { recursive: true });
    await mkdir(dirname(json), { recursive: true });
    await writeFile(xlsx, await writeXlsxBuffer(workbook));
    // The snapshot is the workbook as the file reads: formulas saved without a value worked out.
    await writeFile(json, snapshotJson(withFormulaValues(workbook)));
  }
  const faults = faultyExamples().map(({ entry }) => entry);
  await writeFile(join(EXAMPLES_DIR, "faults.json"), `${JSON.stringify(faults, null, 2)}\n`);
  await writeFile(
    join(EXAMPLES_DIR, "notes.json"),
    `${JSON.stringify(advisoryNotes(), null, 2)}\n`
  );
  console.log(`Wrote ${examples.length} example workbooks and their snapshots under examples/.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
