/**
 * ehcp-placements-sum on a council's full-size plan (test/fixtures/council/, from the twenty-second outside
 * probe): seven placement types and an "All placements" table whose 2024 total is 7 above their sum.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { validateWorkbook } from "../../src/validation/validate";
import { locateTemplate } from "../../src/templates/locate";
import type { Workbook } from "../../src/workbook/workbook";

const FILE = join(
  __dirname,
  "..",
  "fixtures",
  "council",
  "plan-all-placements-above-sum-of-placement-types.xlsx"
);

const ofRule = (workbook: Workbook) =>
  validateWorkbook(workbook).findings.filter((f) => f.rule === "ehcp-placements-sum");

describe("ehcp-placements-sum", () => {
  it("warns where the all-placements total is not the placement types' sum, with both figures", async () => {
    const found = ofRule(await readXlsxBuffer(await readFile(FILE)));
    expect(found.map((f) => `${f.severity} ${f.sheet}!${f.address}`)).toEqual([
      "warning CYP summary!E11",
    ]);
    expect(found[0].message).toBe(
      "All placements 2024: the total (270) is not the sum of the placement types' totals (263): difference 7."
    );
  });

  it("says nothing once a placement type's total carries the 7", async () => {
    const workbook = await readXlsxBuffer(await readFile(FILE));
    const other = locateTemplate(workbook).ehcp!.placements.find((p) => p.placement === "other")!;
    const cell = other.byAge!.total!.cells[other.years.findIndex((y) => y.label === "2024")];
    const raised: Workbook = {
      ...workbook,
      sheets: workbook.sheets.map((s) =>
        s.name !== other.sheet
          ? s
          : {
              ...s,
              values: s.values.map((r, i) =>
                i !== cell.row - s.top
                  ? r
                  : r.map((v, j) => (j === cell.col - s.left ? (cell.value as number) + 7 : v))
              ),
              formulas: s.formulas.map((r, i) =>
                i !== cell.row - s.top ? r : r.map((f, j) => (j === cell.col - s.left ? null : f))
              ),
            }
      ),
    };
    expect(ofRule(raised)).toEqual([]);
  });
});
