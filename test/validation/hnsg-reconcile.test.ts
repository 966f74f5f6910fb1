/**
 * hnsg-reconcile on the Wiltshire sample plan (examples/dsg-management-plan.xlsx: £77.319m carried forward at
 * 31 March 2026 in 'Financial summary'!G54, held as 77.3188, £1.170m of other blocks' in-year deficits to then) with the
 * reconciliation sheet the pane writes, figures typed in as a council would. Differences worked by hand.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { hnsgReconcile } from "../../src/validation/rules/hnsg-reconcile";
import { locateTemplate } from "../../src/templates/locate";
import type { Workbook } from "../../src/workbook/workbook";
import { SOURCE_ROW, samplePlan, withReconciliation, type Filled } from "../support/writeOff";
import { AT, planWorkbook, runRule } from "./financialSupport";

const SHEET = "DSG write-off reconciliation";
const INELIGIBLE_ROW = 13;
const ELIGIBLE_ROW = 14;

let plan: Workbook;
beforeAll(async () => {
  plan = await samplePlan();
});

const run = (filled: Filled, options = {}) =>
  runRule(
    hnsgReconcile,
    withReconciliation(plan, { [INELIGIBLE_ROW]: { value: 1.17 }, ...filled }),
    options
  );

describe("hnsg-reconcile", () => {
  it("should pass sources that agree with the plan's £77.319m, are within rounding or are not filled in", () => {
    expect(run({})).toEqual([]);
    expect(
      run({
        [SOURCE_ROW.s251]: { figure: 77.319 },
        [SOURCE_ROW.dsgNotePublished]: { figure: 77.3194 },
        [SOURCE_ROW.accounts]: { figure: 77.3185 },
      })
    ).toEqual([]);
  });

  it("should warn of a lower source with no explanation, naming it, the difference and 90% of it", () => {
    expect(run({ [SOURCE_ROW.s151]: { figure: 76.9 } })).toEqual([
      {
        sheet: SHEET,
        address: "B8",
        message:
          "The S151 assurance shows £76.900m at 31 March 2026, £0.419m below the plan's £77.319m ('Financial summary'!G54), " +
          "with no explanation. The DfE uses the lowest figure it cannot reconcile: at 90%, the difference is £0.377m " +
          "of grant. Explain it beside the figure or correct the figure.",
        expected: 77.3188,
        actual: 76.9,
      },
    ]);
  });

  it("should warn of a higher source too, and of each source that differs", () => {
    const found = run({
      [SOURCE_ROW.accounts]: { figure: 77.5 },
      [SOURCE_ROW.revenueOutturn]: { figure: 77.321 },
    });
    expect(found.map((f) => f.address)).toEqual(["B9", "B10"]);
    expect(found[0].message).toContain(
      "The RO (revenue outturn) shows £77.321m at 31 March 2026, £0.002m above"
    );
    expect(found[0].message).toContain("the difference is £0.002m of grant");
    expect(found[1].message).toContain("£0.181m above the plan's £77.319m");
    expect(found[1].message).toContain("the difference is £0.163m of grant");
  });

  it("should accept a difference the council explains, and one within the user's tolerance", () => {
    expect(
      run({ [SOURCE_ROW.s151]: { figure: 76.9, explanation: "Equal pay accrual moved out" } })
    ).toEqual([]);
    expect(run({ [SOURCE_ROW.revenueOutturn]: { figure: 77.321 } }, { tolerance: 0.005 })).toEqual(
      []
    );
  });

  it("should leave a figure typed as text to bad-value", () => {
    expect(run({ [SOURCE_ROW.s251]: { figure: "76.9" } })).toEqual([]);
  });

  it("should warn when the part not eligible is more than the other blocks' overspend the plan shows", () => {
    expect(run({ [INELIGIBLE_ROW]: { value: 1.17 } })).toEqual([]);
    expect(run({ [INELIGIBLE_ROW]: { value: 1.1705 } })).toEqual([]);
    expect(run({ [INELIGIBLE_ROW]: { value: 2 } })).toEqual([
      {
        sheet: SHEET,
        address: "B14",
        message:
          "The part not eligible is £2.000m, more than the £1.170m of other blocks' cumulative overspend the plan shows " +
          "to 31 March 2026. At 90%, the excess of £0.830m costs £0.747m of grant unless it is equal pay or another " +
          "non-high-needs charge: say which, or bring the part down to what the plan shows.",
        expected: 1.17,
        actual: 2,
      },
    ]);
  });

  it("should note an eligible figure where the plan shows a surplus at 31 March 2026", () => {
    const surplus = planWorkbook([[AT.carriedForward, 1, -1.25]]);
    expect(runRule(hnsgReconcile, withReconciliation(surplus))).toEqual([
      {
        sheet: SHEET,
        address: `B${ELIGIBLE_ROW + 1}`,
        message:
          "The plan shows a surplus of £1.250m at 31 March 2026 ('Financial summary'!D8), so the council does not " +
          "qualify for the High Needs Stability Grant: only a deficit in the DSG unusable reserve at the end of " +
          "2025-26 is written off, and the eligible figure on this sheet is not eligible.",
        actual: -1.25,
      },
    ]);
    // No eligible figure used: nothing to say.
    expect(
      runRule(hnsgReconcile, withReconciliation(surplus, { [ELIGIBLE_ROW]: { value: "" } }))
    ).toEqual([]);
  });

  it("should need the reconciliation sheet, and not run without it", () => {
    const needs = hnsgReconcile.needs!(locateTemplate(plan));
    expect(needs.find((n) => n.what.includes("write-off reconciliation"))?.found).toBe(false);
    expect(
      hnsgReconcile.needs!(locateTemplate(withReconciliation(plan))).every((n) => n.found)
    ).toBe(true);
    expect(runRule(hnsgReconcile, plan)).toEqual([]);
  });
});
