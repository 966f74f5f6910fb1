import { describe, expect, it } from "vitest";
import { schoolsBlockTransfer } from "../../src/validation/rules/schools-block-transfer";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

type Line = [label: string, ...figures: CellValue[]];

/** The test plan with its schools block (sheet rows 11-15) replaced by these lines. */
function withSchools(lines: readonly Line[]): Workbook {
  const rows = planWorkbook().sheets[0].values.map((r) => [...r]);
  const block = lines.map(([label, ...figures]) => [null, label, ...figures]);
  rows.splice(11, 5, ["Schools block"], ...block);
  return { sheets: [sheetFromRows(SHEET, rows, "0.000")] };
}

const MOVEMENTS: Line = ["Block movements", -1.5, -1.55, -3.2];
const tail =
  "above the 0.5% limit: a Secretary of State disapplication is needed. Record the request or decision in the plan.";

describe("schools-block-transfer: the base of the limit", () => {
  it("should measure against the funding before recoupment when the plan shows recoupment", () => {
    const found = runRule(
      schoolsBlockTransfer,
      withSchools([
        ["DSG allocation", 300, 310, 320],
        ["Academy recoupment", -100, -100, -100],
        MOVEMENTS,
        ["Expenditure", 198.5, 208.45, 216.8],
        ["In-year surplus/(deficit)", 0, 0, 0],
      ])
    );
    expect(found.map((f) => f.message)).toEqual([
      `Schools block transfers £3.200m out in 2026-27, 1.00% of the £320.000m schools block DSG funding before recoupment, ${tail}`,
    ]);
  });

  it("should say so when the plan shows only the funding available after recoupment", () => {
    const found = runRule(
      schoolsBlockTransfer,
      withSchools([
        ["Total funding available", 200, 210, 220],
        ["Block movements", -1, -1.05, -3.2],
        ["Expenditure", 198.5, 208.45, 216.8],
        ["In-year surplus/(deficit)", 0, 0, 0],
      ])
    );
    expect(found.map((f) => f.message)).toEqual([
      "Schools block transfers £3.200m out in 2026-27, 1.45% of the £220.000m schools block funding available " +
        `after recoupment (the plan shows no funding before it), ${tail}`,
    ]);
  });
});

describe("schools-block-transfer: figures it cannot judge, and rounding", () => {
  it("should not judge a movement or a funding figure that is text", () => {
    expect(runRule(schoolsBlockTransfer, planWorkbook([[AT.schoolsMovements, 2, "tbc"]]))).toEqual(
      []
    );
    expect(
      runRule(
        schoolsBlockTransfer,
        planWorkbook([
          [AT.schoolsAllocation, 2, "tbc"],
          [AT.schoolsMovements, 2, -3.2],
        ])
      )
    ).toEqual([]);
  });

  it("should allow the rounding of the movement and the funding at the limit", () => {
    // 0.5% of 320 is 1.6; two figures to 3 decimals allow 0.001.
    expect(
      runRule(schoolsBlockTransfer, planWorkbook([[AT.schoolsMovements, 2, -1.6009]]))
    ).toEqual([]);
    expect(
      runRule(schoolsBlockTransfer, planWorkbook([[AT.schoolsMovements, 2, -1.6011]])).map(
        (f) => f.address
      )
    ).toEqual([yearCell(AT.schoolsMovements, 2)]);
  });
});

describe("schools-block-transfer: a transfer out shown as a positive figure", () => {
  it.each(["Less: transfer to high needs block", "Transfer to high needs block"])(
    "should read '%s' 3.2 as £3.2m out of the schools block, and leave 'Transfers to/(from)' as written",
    (label) => {
      const schools = (movements: Line) =>
        withSchools([
          ["DSG allocation", 300, 310, 320],
          movements,
          ["Expenditure", 298.5, 308.45, 316.8],
          ["In-year surplus/(deficit)", 0, 0, 0],
        ]);
      const found = runRule(schoolsBlockTransfer, schools([label, 1.5, 1.55, 3.2]));
      expect(found.map((f) => f.message)).toEqual([
        `Schools block transfers £3.200m out in 2026-27, 1.00% of the £320.000m schools block DSG funding, ${tail}`,
      ]);
      expect(
        runRule(schoolsBlockTransfer, schools(["Transfers to/(from) high needs", 1.5, 1.55, 3.2]))
      ).toEqual([]);
    }
  );
});
