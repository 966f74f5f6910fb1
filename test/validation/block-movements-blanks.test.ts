import { describe, expect, it } from "vitest";
import { blockMovements } from "../../src/validation/rules/block-movements";
import { locateTemplate } from "../../src/templates/locate";
import { sheetFromRows } from "../support/sheets";
import type { Workbook } from "../../src/workbook/workbook";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

const FOLLOW = "Every transfer out of one block must appear as a transfer into another.";

/** The test plan without the central school services and early years blocks (sheet rows 16-26). */
function twoBlocks(changes: Change[] = []): Workbook {
  const rows = planWorkbook(changes).sheets[0].values.map((r) => [...r]);
  rows.splice(16, 11);
  return { sheets: [sheetFromRows(SHEET, rows, "0.000")] };
}

describe("block-movements with blank or nil movements", () => {
  it("should net the movements from the first block that shows one", () => {
    // The schools block leaves its 2025-26 transfer out blank: the high needs block's transfer in is unmatched.
    expect(runRule(blockMovements, planWorkbook([[AT.schoolsMovements, 1, null]]))).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.hnbMovements, 1),
        message: `Block movements for 2025-26 do not net to zero: they add up to £1.550m (High needs block £1.550m). ${FOLLOW}`,
        expected: 0,
        actual: 1.55,
      },
    ]);
  });

  it("should leave a nil movement out of the list of blocks", () => {
    const found = runRule(blockMovements, planWorkbook([[AT.schoolsMovements, 1, 0]]));
    expect(found.map((f) => [f.address, f.message])).toEqual([
      [
        yearCell(AT.schoolsMovements, 1),
        `Block movements for 2025-26 do not net to zero: they add up to £1.550m (High needs block £1.550m). ${FOLLOW}`,
      ],
    ]);
  });

  it("should pass a year with no movements at all", () => {
    const none: Change[] = [
      [AT.schoolsMovements, 1, null],
      [AT.hnbMovements, 1, null],
    ];
    expect(runRule(blockMovements, planWorkbook(none))).toEqual([]);
  });
});

describe("block-movements needs two blocks", () => {
  it("should run on a plan of two blocks, and not on the high needs block alone", () => {
    const two = locateTemplate(twoBlocks());
    expect(two.financial?.blocks?.map((b) => b.block)).toEqual(["schools", "high-needs"]);
    expect(blockMovements.needs!(two).every((n) => n.found)).toBe(true);
    expect(
      runRule(blockMovements, twoBlocks([[AT.hnbMovements, 1, 1.65]])).map((f) => f.actual)
    ).toEqual([expect.closeTo(0.1, 9)]);
    const rows = planWorkbook().sheets[0].values.map((r) => [...r]);
    rows.splice(10, 17);
    const alone = locateTemplate({ sheets: [sheetFromRows(SHEET, rows, "0.000")] });
    expect(alone.financial?.blocks?.map((b) => b.block)).toEqual(["high-needs"]);
    expect(blockMovements.needs!(alone).every((n) => n.found)).toBe(false);
  });
});
