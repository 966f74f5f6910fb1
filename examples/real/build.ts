/**
 * Writes the real-wording test bed: `npx tsx examples/real/build.ts` (or `npm run examples:real`).
 * Every example becomes examples/real/<name>.xlsx, and examples/real/expected.json lists, per file,
 * `{file, consistent: true}` or the findings it must give ({file, rule, severity, sheet, address, fault}).
 * The output depends only on the code (fixed seeds, fixed dates, stable order): rebuilding changes nothing.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { expectedEntries, realExamples } from "./realExamples";

const REAL_DIR = __dirname;

async function main(): Promise<void> {
  const examples = realExamples();
  for (const { name, workbook } of examples) {
    const file = join(REAL_DIR, `${name}.xlsx`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, await writeXlsxBuffer(workbook));
  }
  await writeFile(
    join(REAL_DIR, "expected.json"),
    `${JSON.stringify(expectedEntries(examples), null, 2)}\n`
  );
  console.log(
    `Wrote ${examples.length} real-wording workbooks and expected.json under examples/real/.`
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
