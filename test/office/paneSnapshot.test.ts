/**
 * The pane's snapshot has number formats only where cells hold numbers (the reader asks Excel for no
 * others). These tests hold that the checks find the same on it as on the full snapshot: every example,
 * faulty example and real-world .xlsx in examples/, read through the stand-in host as the pane reads it.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildExamples, faultyExamples } from "../../examples/examples";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { readOfficeWorkbook } from "../../src/workbook/officeReader";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { validateWorkbook } from "../../src/validation/validate";
import type { Workbook } from "../../src/workbook/workbook";

let host: StandInHost | undefined;
afterEach(() => host?.uninstall());

async function throughPane(workbook: Workbook): Promise<Workbook> {
  host = installStandInExcel(workbook, globalThis, { platform: "OfficeOnline" });
  try {
    return await readOfficeWorkbook();
  } finally {
    host.uninstall();
    host = undefined;
  }
}

const REAL = join(__dirname, "../../examples/real");
const realFiles = readdirSync(REAL)
  .filter((name) => name.endsWith(".xlsx"))
  .map((name) => join(REAL, name));

describe("checks on the pane's snapshot", () => {
  it.each([
    ...buildExamples().map((e): [string, () => Promise<Workbook>] => [
      e.name,
      async () => e.workbook,
    ]),
    ...faultyExamples().map((e): [string, () => Promise<Workbook>] => [
      e.name,
      async () => e.workbook,
    ]),
    ...realFiles.map((file): [string, () => Promise<Workbook>] => [file, () => readXlsxFile(file)]),
  ])("should find the same in %s as on the full snapshot", async (_name, load) => {
    const workbook = await load();
    const pane = await throughPane(workbook);
    expect(validateWorkbook(pane).findings).toEqual(validateWorkbook(workbook).findings);
  });
});
