/**
 * Writes the pairs of plan versions for `dsg-validate compare` (`npm run examples:versions`): the plan as
 * taken to the September forum, and each December version, under examples/versions/. The output depends
 * only on the code: rebuilding changes nothing.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { versionFiles } from "./versions";

async function main(): Promise<void> {
  const files = versionFiles();
  for (const [name, workbook] of files)
    await writeFile(join(__dirname, name), await writeXlsxBuffer(workbook()));
  console.log(`Wrote ${files.size} plan versions under examples/versions/.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
