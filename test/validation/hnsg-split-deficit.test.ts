import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../src/workbook/workbook";
import { SOURCE_ROW, samplePlan, withReconciliation } from "../support/writeOff";
import { hnsgSplit } from "../../src/validation/rules/hnsg-split";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

const SPLIT =
  "A High Needs Stability Grant of 90% of the eligible £26.700m would write off £24.030m and leave £2.870m " +
  "with the council.";

describe("hnsg-split: the deficit the grant is worked out on", () => {
  it("should say nothing of other blocks when none was in deficit", () => {
    const [note] = runRule(hnsgSplit, planWorkbook([[AT.earlyYearsInYear, 0, 0]]));
    expect(note.message).toMatch(
      /^The DSG deficit carried forward at 31 March 2026 \(end of 2025-26\) is £26\.900m\. A High Needs Stability Grant of 90% of the eligible £26\.900m /
    );
  });

  it("should count a blank in-year result of another block as nothing", () => {
    const [note] = runRule(hnsgSplit, planWorkbook([[AT.earlyYearsInYear, 1, null]]));
    expect(note.message).toContain(`of which £0.200m comes from other blocks' in-year deficits`);
    expect(note.message).toContain(SPLIT);
  });

  it("should read a block that shows its deficits as negative numbers the other way round", () => {
    // The early years block shows funding less expenditure: -0.2 is a deficit of 0.2, 0.1 a surplus.
    const [note] = runRule(
      hnsgSplit,
      planWorkbook([
        [AT.earlyYearsInYear, 0, -0.2],
        [AT.earlyYearsInYear, 2, 0.1],
      ])
    );
    expect(note.message).toContain(`of which £0.200m comes from other blocks' in-year deficits`);
    expect(note.message).toContain(SPLIT);
  });

  it("should fall back to the DSG carried forward when the high needs cumulative figure is text", () => {
    const row = AT.hnbInYear + 1;
    const found = runRule(
      hnsgSplit,
      planWorkbook([
        [row, -1, "Cumulative deficit carried forward"],
        [row, 0, 30],
        [row, 1, "tbc"],
      ])
    );
    expect(found.map((f) => f.address)).toEqual([yearCell(AT.carriedForward, 1)]);
    expect(found[0]).toMatchObject({ sheet: SHEET, actual: 26.9 });
  });
});

describe("hnsg-split naming a negative source", () => {
  let plan: Workbook;
  beforeAll(async () => {
    plan = await samplePlan();
  });

  it("should say how to correct a surplus typed for a deficit", () => {
    const [note] = runRule(
      hnsgSplit,
      withReconciliation(plan, { [SOURCE_ROW.revenueOutturn]: { figure: -77.319 } })
    );
    expect(note.message).toMatch(
      /On 'DSG write-off reconciliation' the RO \(revenue outturn\) shows -£77\.319m, a surplus: if that is a deficit typed with the wrong sign, correct it, since the DfE uses the lowest figure\.$/
    );
  });
});
