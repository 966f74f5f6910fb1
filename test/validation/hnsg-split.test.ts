import { beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../src/workbook/workbook";
import { SOURCE_ROW, samplePlan, withReconciliation, type Filled } from "../support/writeOff";
import { hnsgSplit } from "../../src/validation/rules/hnsg-split";
import { AT, SHEET, planWorkbook, runRule, yearCell } from "./financialSupport";

describe("hnsg-split", () => {
  it("should note the split of the deficit at 31 March 2026, leaving other blocks' deficits out", () => {
    expect(runRule(hnsgSplit, planWorkbook())).toEqual([
      {
        sheet: SHEET,
        address: yearCell(AT.carriedForward, 1),
        message:
          "The DSG deficit carried forward at 31 March 2026 (end of 2025-26) is £26.900m, of which £0.200m comes from other " +
          "blocks' in-year deficits in the years shown and is not eligible. A High Needs Stability Grant of 90% of the " +
          "eligible £26.700m would write off £24.030m and leave £2.870m with the council. Check the eligible figure against " +
          "s251, the DSG note and the accounts: the DfE uses the lowest.",
        actual: 26.9,
      },
    ]);
  });

  it("should use the high needs block's own cumulative deficit when the plan shows one", () => {
    const row = AT.hnbInYear + 1;
    const withCumulative = planWorkbook([
      [row, -1, "Cumulative deficit carried forward"],
      [row, 0, 30],
      [row, 1, 40.5],
    ]);
    expect(runRule(hnsgSplit, withCumulative)).toEqual([
      {
        sheet: SHEET,
        address: yearCell(row, 1),
        message:
          "The high needs block's cumulative deficit at 31 March 2026 is £40.500m. A High Needs Stability Grant of 90% of " +
          "the eligible £40.500m would write off £36.450m and leave £4.050m with the council. Check the eligible figure " +
          "against s251, the DSG note and the accounts: the DfE uses the lowest.",
        actual: 40.5,
      },
    ]);
  });

  it("should take the write-off share and cut-off year from its settings", () => {
    const options = { thresholds: { "hnsg-split": { writeOffPercent: 50, cutOffYear: 2026 } } };
    const [note] = runRule(hnsgSplit, planWorkbook(), options);
    expect(note.address).toBe(yearCell(AT.carriedForward, 2));
    expect(note.message).toContain(
      "A High Needs Stability Grant of 50% of the eligible £30.100m would write off £15.050m"
    );
  });

  it("should say nothing when there is no deficit or no 2025-26 column", () => {
    expect(runRule(hnsgSplit, planWorkbook([[AT.carriedForward, 1, -1]]))).toEqual([]);
    expect(
      runRule(hnsgSplit, planWorkbook(), { thresholds: { "hnsg-split": { cutOffYear: 2030 } } })
    ).toEqual([]);
  });
});

describe("hnsg-split with the write-off reconciliation sheet", () => {
  let plan: Workbook;
  beforeAll(async () => {
    plan = await samplePlan();
  });
  const note = (filled: Filled) => runRule(hnsgSplit, withReconciliation(plan, filled))[0].message;

  it("should name the source that sets the lowest figure, the first of equal ones", () => {
    expect(
      note({
        [SOURCE_ROW.s251]: { figure: 77.319 },
        [SOURCE_ROW.s151]: { figure: 76.9 },
        [SOURCE_ROW.accounts]: { figure: 76.9 },
      })
    ).toMatch(
      /leave £\d+\.\d{3}m with the council\. On 'DSG write-off reconciliation' the S151 assurance sets the lowest figure, £76\.900m \(the lowest of 3 sources\): the DfE uses it unless the council explains the differences\.$/
    );
    expect(note({ [SOURCE_ROW.dsgNoteDraft]: { figure: 77.319 } })).toContain(
      "the DSG note (draft accounts) sets the lowest figure, £77.319m (the only source filled in)"
    );
  });

  it("should name a negative figure rather than guess the lowest", () => {
    expect(note({ [SOURCE_ROW.revenueOutturn]: { figure: -77.319 } })).toContain(
      "On 'DSG write-off reconciliation' the RO (revenue outturn) shows -£77.319m, a surplus"
    );
  });

  it("should keep its advice to check the sources while none is filled in", () => {
    expect(note({})).toMatch(
      /Check the eligible figure against s251, the DSG note and the accounts: the DfE uses the lowest\.$/
    );
  });
});
