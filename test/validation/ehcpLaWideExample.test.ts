/**
 * examples/real/ehcp-la-wide-codes.xlsx, read back as the command line reads it: the local authority's
 * EHCP tables with no placement heading, SEN2 need codes, bare totals and academic-year census headers.
 * The EHCP checks run on it, and an age total 7 too high is found at its cell.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { validateWorkbook } from "../../src/validation/validate";
import type { Workbook } from "../../src/workbook/workbook";
import { a1 } from "../../src/workbook/address";

const FILE = join(__dirname, "..", "..", "examples", "real", "ehcp-la-wide-codes.xlsx");
const EHCP_CHECKS = ["ehcp-totals", "ehcp-values", "ehcp-stock-flow", "unit-cost-jump"];

/** The workbook with one cell of a sheet changed (a typed value in place of whatever was there). */
function withCell(
  workbook: Workbook,
  sheet: string,
  row: number,
  col: number,
  value: number
): Workbook {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) =>
      s.name !== sheet
        ? s
        : {
            ...s,
            values: s.values.map((r, i) =>
              i !== row - s.top ? r : r.map((v, j) => (j === col - s.left ? value : v))
            ),
            formulas: s.formulas.map((r, i) =>
              i !== row - s.top ? r : r.map((f, j) => (j === col - s.left ? null : f))
            ),
          }
    ),
  };
}

describe("the LA-wide EHCP example", () => {
  it("should run the EHCP checks and find nothing wrong", async () => {
    const result = validateWorkbook(await readXlsxBuffer(await readFile(FILE)));
    const notRun = result.checks.notRun.map((n) => n.rule);
    expect(EHCP_CHECKS.filter((rule) => notRun.includes(rule))).toEqual([]);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("should find an age total 7 too high at its cell", async () => {
    const workbook = await readXlsxBuffer(await readFile(FILE));
    const sheet = workbook.sheets.find((s) => s.name === "EHCP numbers")!;
    const row = sheet.values.findIndex((r) => r.includes("Total")) + sheet.top;
    const label = sheet.values[row - sheet.top].indexOf("Total") + sheet.left;
    const col = label + 3; // the third census year
    const before = sheet.values[row - sheet.top][col - sheet.left] as number;
    const result = validateWorkbook(withCell(workbook, "EHCP numbers", row, col, before + 7));
    expect(
      result.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.address])
    ).toEqual([["ehcp-totals", a1(row, col)]]);
  });
});
