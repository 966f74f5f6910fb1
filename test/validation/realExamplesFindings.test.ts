/**
 * Every real-wording example (examples/real) through the validator, read back from its committed .xlsx
 * as the command line reads it: a consistent copy gives no error and no warning, and each faulty copy
 * gives its seeded findings at their cells and no other error or warning.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { validateWorkbook } from "../../src/validation/validate";
import { realExamples } from "../../examples/real/realExamples";

const REAL = join(__dirname, "..", "..", "examples", "real");

describe("the real-wording examples through the validator", () => {
  it.each(realExamples().map((example) => [example.name, example] as const))(
    "should give %s exactly its expected errors and warnings",
    async (name, example) => {
      const workbook = await readXlsxBuffer(await readFile(join(REAL, `${name}.xlsx`)));
      const result = validateWorkbook(workbook);
      const found = result.findings
        .filter((f) => f.severity !== "info")
        .map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.address}`);
      const key = (f: (typeof example.expected)[number]) =>
        `${f.rule} ${f.severity} ${f.sheet}!${f.address}`;
      const required = example.expected.filter((f) => !f.optional).map(key);
      expect(found.filter((f) => !example.expected.map(key).includes(f))).toEqual([]);
      expect(required.filter((f) => !found.includes(f))).toEqual([]);
      expect(result.template).not.toBeNull();
    }
  );
});
