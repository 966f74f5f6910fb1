/**
 * block-result over the ways a block shows its funding: funding available (before or after block
 * movements), DSG funding less recoupment, other funding, or no funding row at all; and the expenditure
 * lines' total in a year some lines leave blank.
 */
import { describe, expect, it } from "vitest";
import { blockResult } from "../../src/validation/rules/block-result";
import { locateTemplate } from "../../src/templates/locate";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

type Line = [label: string, ...figures: CellValue[]];

/** The test plan with its high needs block (sheet rows 27-33) replaced by these lines. */
function withHighNeeds(lines: readonly Line[]): Workbook {
  const rows = planWorkbook().sheets[0].values.map((r) => [...r]);
  const block = lines.map(([label, ...figures]) => [null, label, ...figures]);
  rows.splice(27, 7, ["High needs block"], ...block);
  return { sheets: [sheetFromRows(SHEET, rows, "0.000")] };
}

/** The sheet row (0-based) of the block's line at position `i` of the lines given. */
const lineRow = (i: number) => 28 + i;

const EXPENDITURE: Line = ["Total expenditure", 80.3, 85.45, 88];
const HNB = "High needs block in-year result for 2025-26 is £19.500m, but expenditure less funding";

describe("block-result: the funding a block had", () => {
  // Funding available 60 / 64 / 68, movements 1.5 / 1.55 / 1.6, other funding 0.5 a year.
  const available: Line[] = [
    ["Total funding available", 60, 64, 68],
    ["Block movements", 1.5, 1.55, 1.6],
    ["Other funding", 0.5, 0.5, 0.5],
    EXPENDITURE,
    ["In-year surplus/(deficit)", 18.3, 19.4, 17.9],
  ];

  it("should take funding available, block movements and other funding from expenditure", () => {
    expect(runRule(blockResult, withHighNeeds(available))).toEqual([]);
    const wrong = available.map((l, i): Line => (i === 4 ? [l[0], 18.3, 19.5, 17.9] : l));
    expect(runRule(blockResult, withHighNeeds(wrong))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(lineRow(4), 1),
        message: `${HNB} (funding available, block movements and other funding) is £19.400m: difference £0.100m.`,
        expected: 19.4,
        actual: 19.5,
      },
    ]);
  });

  it("should not count the movements twice when the funding available already includes them", () => {
    // DSG 74 less recoupment 10 is 64; funding available after the 1.55 transfer in is 65.55.
    const after: Line[] = [
      ["DSG allocation", 70, 74, 78],
      ["Academy recoupment", -10, -10, -10],
      ["Block movements", 1.5, 1.55, 1.6],
      ["Total funding available", 61.5, 65.55, 69.6],
      EXPENDITURE,
      ["In-year surplus/(deficit)", 18.8, 19.9, 18.4],
    ];
    expect(runRule(blockResult, withHighNeeds(after))).toEqual([]);
    const wrong = after.map((l, i): Line => (i === 5 ? [l[0], 18.8, 19.5, 18.4] : l));
    expect(runRule(blockResult, withHighNeeds(wrong)).map((f) => f.message)).toEqual([
      `${HNB} (funding available after block movements) is £19.900m: difference -£0.400m.`,
    ]);
  });

  it("should take recoupment from the DSG funding, whichever sign it is shown with", () => {
    const gross: Line[] = [
      ["DSG allocation", 70, 74, 78],
      ["Academy recoupment", 10, 10, 10],
      ["Block movements", 1.5, 1.55, 1.6],
      EXPENDITURE,
      ["In-year surplus/(deficit)", 18.8, 19.9, 18.4],
    ];
    expect(runRule(blockResult, withHighNeeds(gross))).toEqual([]);
    const wrong = gross.map((l, i): Line => (i === 4 ? [l[0], 18.8, 19.5, 18.4] : l));
    expect(runRule(blockResult, withHighNeeds(wrong)).map((f) => f.message)).toEqual([
      `${HNB} (DSG funding less recoupment and deductions and block movements) is £19.900m: difference -£0.400m.`,
    ]);
  });

  it("should not check a block that shows no funding", () => {
    const unfunded: Line[] = [EXPENDITURE, ["In-year surplus/(deficit)", 1, 2, 3]];
    expect(runRule(blockResult, withHighNeeds(unfunded))).toEqual([]);
  });

  it("should say the sign is reversed when a sheet showing deficits negative shows one positive", () => {
    const plan = planWorkbook().sheets[0];
    const negated = plan.values.map((cells, row) =>
      cells.map((v) =>
        (row <= AT.carriedForward || row === AT.earlyYearsInYear || row === AT.hnbInYear) &&
        typeof v === "number"
          ? row === AT.hnbInYear && v === 9.9
            ? v
            : -v
          : v
      )
    );
    const [finding] = runRule(blockResult, { sheets: [{ ...plan, values: negated }] });
    expect(finding.message).toBe(
      "High needs block in-year result for 2025-26 is £9.900m, but expenditure less funding (DSG funding and " +
        "block movements) is -£9.900m: difference £19.800m. The sign is reversed: the sheet shows deficits as " +
        "negative numbers."
    );
  });
});

describe("block-result: expenditure lines", () => {
  it("should count a blank line as nothing when the others have figures", () => {
    const blank: Change[] = [[AT.hnbPlaceFunding, 1, null]];
    expect(runRule(blockResult, planWorkbook(blank))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.hnbExpenditure, 1),
        message:
          "High needs block total expenditure for 2025-26 (£85.450m) does not equal the sum of its 2 expenditure " +
          "lines (£64.450m): difference £21.000m.",
        expected: 64.45,
        actual: 85.45,
      },
    ]);
  });

  it("should not add up the lines of a year where every line is blank", () => {
    const blank: Change[] = [
      [AT.hnbPlaceFunding, 1, null],
      [AT.hnbPlaceFunding + 1, 1, null],
    ];
    expect(runRule(blockResult, planWorkbook(blank))).toEqual([]);
  });
});

describe("block-result needs", () => {
  it("should run where a block shows both its expenditure and its in-year result", () => {
    expect(blockResult.needs!(locateTemplate(planWorkbook())).every((n) => n.found)).toBe(true);
  });

  it("should not run where no block shows its expenditure", () => {
    const rows = planWorkbook().sheets[0].values.map((r) => [...r]);
    rows.splice(
      10,
      24,
      ["High needs block"],
      [null, "DSG allocation", 70, 74, 78],
      [null, "In-year surplus/(deficit)", 8.8, 9.9, 8.4]
    );
    const template = locateTemplate({ sheets: [sheetFromRows(SHEET, rows, "0.000")] });
    expect(template.financial?.blocks?.map((b) => [b.block, !!b.inYear, !!b.expenditure])).toEqual([
      ["high-needs", true, false],
    ]);
    expect(blockResult.needs!(template).every((n) => n.found)).toBe(false);
  });
});
