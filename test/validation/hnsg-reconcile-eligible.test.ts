import { beforeAll, describe, expect, it } from "vitest";
import { hnsgReconcile } from "../../src/validation/rules/hnsg-reconcile";
import { locateTemplate } from "../../src/templates/locate";
import { labelWorkbook } from "../../src/templates/labels";
import { ruleSettings } from "../../src/validation/settings";
import type { Workbook } from "../../src/workbook/workbook";
import { samplePlan, withReconciliation } from "../support/writeOff";
import { AT, planWorkbook, runRule } from "./financialSupport";

const INELIGIBLE_ROW = 13;
const ELIGIBLE_ROW = 14;
const surplus = () => planWorkbook([[AT.carriedForward, 1, -1.25]]);

describe("hnsg-reconcile where the plan shows no deficit", () => {
  it("should note an eligible figure typed as a number, and say it is a note", () => {
    const workbook = withReconciliation(surplus(), { [ELIGIBLE_ROW]: { value: 5 } });
    const reports = hnsgReconcile.check({
      workbook: labelWorkbook(workbook),
      template: locateTemplate(workbook),
      settings: ruleSettings(hnsgReconcile, undefined, {}),
      options: {},
    });
    expect(reports.map((r) => [r.severity, r.actual])).toEqual([["info", -1.25]]);
  });

  it("should say the plan shows no deficit when it carries forward nothing", () => {
    // The sheet as written for a plan in surplus, beside the plan carrying forward exactly 0.
    const nil = {
      sheets: [
        planWorkbook([[AT.carriedForward, 1, 0]]).sheets[0],
        withReconciliation(surplus()).sheets[1],
      ],
    };
    const [note] = runRule(hnsgReconcile, nil);
    expect(note.message).toMatch(
      /^The plan shows no deficit at 31 March 2026 \('Financial summary'!D8\), so the council does not qualify/
    );
  });

  it("should not take text in the eligible cell for a claimed figure", () => {
    expect(
      runRule(hnsgReconcile, withReconciliation(surplus(), { [ELIGIBLE_ROW]: { value: "n/a" } }))
    ).toEqual([]);
  });
});

describe("hnsg-reconcile on the sample plan", () => {
  let plan: Workbook;
  beforeAll(async () => {
    plan = await samplePlan();
  });

  it("should not weigh a part not eligible that is left blank", () => {
    expect(
      runRule(hnsgReconcile, withReconciliation(plan, { [INELIGIBLE_ROW]: { value: "" } }))
    ).toEqual([]);
  });
});
