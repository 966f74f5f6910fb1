/**
 * The validator on plans it has never seen: random figures in a random choice among the real wordings,
 * signs, units, rounding and layouts (examples/real/randomPlan.ts). A consistent plan gives no error and
 * no warning; a plan with one seeded fault gives exactly that fault's findings at their cells.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateWorkbook } from "../../src/validation/validate";
import { realPlanArbitrary, type RandomPlan } from "../../examples/real/randomPlan";

const RUNS = 60;

/** The errors and warnings, as "rule sheet!address". */
function serious(plan: RandomPlan): string[] {
  return validateWorkbook(plan.workbook)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.sheet}!${f.address}`)
    .sort();
}

describe("the validator on random real-wording plans", () => {
  it("should give no error or warning on a consistent plan", () => {
    fc.assert(
      fc.property(realPlanArbitrary(), (plan) => {
        expect(serious(plan), plan.name).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });

  it("should give exactly the seeded fault's findings at their cells", () => {
    fc.assert(
      fc.property(realPlanArbitrary({ fault: "random" }), (plan) => {
        const found = serious(plan);
        const key = (f: RandomPlan["expected"][number]) => `${f.rule} ${f.sheet}!${f.address}`;
        const required = plan.expected.filter((f) => !f.optional).map(key);
        const allowed = new Set(plan.expected.map(key));
        for (const finding of required) expect(found, plan.name).toContain(finding);
        expect(
          found.filter((f) => !allowed.has(f)),
          plan.name
        ).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  });
});
