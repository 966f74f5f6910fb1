/**
 * The write-off claim the pane shows, worked by hand on the Wiltshire sample plan
 * (examples/dsg-management-plan.xlsx): the deficit carried forward at 31 March 2026 is held as 77.3188 and
 * shown as £77.319m, the published figure; other blocks' in-year deficits to then are £1.170m; the plan
 * adds 99.1978 − 77.3188 = 21.879 in 2026-27 and 99.9258 − 99.1978 = 0.728 in 2027-28.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { workbookClaim } from "../../src/validation/report/writeOffClaim";
import type { Workbook } from "../../src/workbook/workbook";
import { SOURCE_ROW, samplePlan, withReconciliation } from "../support/writeOff";
import { AT, planWorkbook } from "./financialSupport";

const SHARE_ROW = 12;
const INELIGIBLE_ROW = 13;
const RATE_ROW = 18;

let plan: Workbook;
beforeAll(async () => {
  plan = await samplePlan();
});

describe("workbookClaim", () => {
  it("should take Wiltshire's published £77.319m through ELIGIBLE, HNSG and EXPOSURE from the sources", () => {
    const claim = workbookClaim(
      withReconciliation(plan, {
        [SOURCE_ROW.s251]: { figure: 77.319 },
        [SOURCE_ROW.dsgNotePublished]: { figure: 77.319 },
        [SOURCE_ROW.accounts]: { figure: 77.4 },
        [INELIGIBLE_ROW]: { value: 0 },
      })
    )!;
    expect(claim.eligible).toEqual({
      value: 77.319,
      source:
        "the lowest of the 3 sources on 'DSG write-off reconciliation', the s251 outturn ('DSG write-off reconciliation'!B5)",
    });
    // 0.9 × 77.319
    expect(claim.grant).toEqual({
      value: 69.5871,
      source: "90% of the eligible figure (share from 'DSG write-off reconciliation'!B13)",
    });
    // 0.1 × 77.319 + 21.879 + 0.728, as =DSG.EXPOSURE(77.319, {21.879, 0.728}) in the README
    expect(claim.kept).toEqual({
      value: 30.3389,
      source:
        "the 10% not written off, plus what the plan adds to the deficit to 31 March 2028 " +
        "('Financial summary'!H54:I54 less 'Financial summary'!H49:I49)",
    });
    expect(claim.carryingCost).toEqual({
      years: [],
      source: "Fill in the rate at 'DSG write-off reconciliation'!B19 to see this.",
    });
  });

  it("should use the plan's own figure less other blocks' deficits while there is no sheet", () => {
    const claim = workbookClaim(plan)!;
    expect(claim.date).toBe("31 March 2026");
    // 77.3188 − 1.17
    expect(claim.eligible).toEqual({
      value: 76.1488,
      source:
        "the plan's deficit at 31 March 2026 ('Financial summary'!G54), until the sources are filled in, " +
        "less the other blocks' in-year deficits the plan shows",
    });
    expect(claim.grant!.value).toBe(68.53392);
    // 0.1 × 76.1488 + 1.17 + 22.607
    expect(claim.kept!.value).toBe(31.39188);
    expect(claim.carryingCost.source).toBe(
      "Add the write-off reconciliation and fill in its rate to see this."
    );
  });

  it("should cost each year at the rate typed on the sheet", () => {
    const claim = workbookClaim(
      withReconciliation(plan, { [RATE_ROW]: { value: 0.05 }, [SHARE_ROW]: { value: 0.8 } })
    )!;
    expect(claim.percent).toBe(80);
    expect(claim.carryingCost.source).toBe(
      "5% a year ('DSG write-off reconciliation'!B19) on the average of each year's deficit brought forward " +
        "and carried forward ('Financial summary'!C54:J54)"
    );
    // 2021-22: (8 + 18.6) / 2 × 5% = 0.665; 2025-26: (61.1838 + 77.3188) / 2 × 5% = 3.462565
    expect(claim.carryingCost.years.map((y) => [y.label, y.cost])).toEqual([
      ["2021-22", 0.665],
      ["2022-23", 1.34535],
      ["2023-24", 1.59801],
      ["2024-25", 2.247255],
      ["2025-26", 3.462565],
      ["2026-27", 4.412915],
      ["2027-28", 4.97809],
      ["2028-29", 3.36088],
    ]);
  });

  it("should say how to see the carrying cost when the rate is not a rate", () => {
    const claim = workbookClaim(withReconciliation(plan, { [RATE_ROW]: { value: 5 } }))!;
    expect(claim.carryingCost).toEqual({
      years: [],
      source: "The rate at 'DSG write-off reconciliation'!B19 is not one from 0% to 100%.",
    });
  });

  it("should have no claim where the plan shows a surplus at 31 March 2026", () => {
    expect(workbookClaim(planWorkbook([[AT.carriedForward, 1, -1.25]]))).toBeNull();
  });

  it("should say which figure the claim cannot be worked from, rather than guess", () => {
    const negative = workbookClaim(
      withReconciliation(plan, {
        [SOURCE_ROW.s251]: { figure: 77.319 },
        [SOURCE_ROW.s151]: { figure: -76.9 },
      })
    )!;
    expect(negative.problem).toBe(
      "The S151 assurance shows -£76.900m ('DSG write-off reconciliation'!B8): type the deficit as a positive " +
        "figure, or leave the row blank."
    );
    expect(negative.eligible).toBeUndefined();
    const tooMuch = workbookClaim(
      withReconciliation(plan, {
        [SOURCE_ROW.s251]: { figure: 77.319 },
        [INELIGIBLE_ROW]: { value: 80 },
      })
    )!;
    expect(tooMuch.problem).toBe(
      "The part not eligible, £80.000m ('DSG write-off reconciliation'!B14), is not between nothing and the " +
        "lowest figure, £77.319m."
    );
    expect(
      workbookClaim(withReconciliation(plan, { [INELIGIBLE_ROW]: { value: -1 } }))!.problem
    ).toBe(
      "The part not eligible, -£1.000m ('DSG write-off reconciliation'!B14), is not between nothing and the " +
        "lowest figure, £77.319m (the plan's)."
    );
  });
});
