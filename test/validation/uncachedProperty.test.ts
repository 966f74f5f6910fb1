/**
 * A plan saved without its formulas' results (as openpyxl and exports save them) reads, once its formulas are
 * worked out, as the same plan saved by Excel: the same values, and the same findings, on random real-wording
 * plans with and without a seeded fault.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { realPlanArbitrary } from "../../examples/real/randomPlan";
import { validateWorkbook } from "../../src/validation/validate";
import { withFormulaValues } from "../../src/workbook/formulaValues";
import type { Workbook } from "../../src/workbook/workbook";

/** The workbook with every formula's saved result taken away. */
function withoutResults(workbook: Workbook): Workbook {
  return {
    sheets: workbook.sheets.map((sheet) => ({
      ...sheet,
      values: sheet.values.map((row, r) =>
        row.map((value, c) => (sheet.formulas[r][c] === null ? value : null))
      ),
    })),
  };
}

const findings = (workbook: Workbook) =>
  validateWorkbook(workbook)
    .findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.address}`)
    .sort();

describe("formulas saved without their results", () => {
  it("should be worked out to the results Excel saved, and give the same findings", () => {
    fc.assert(
      fc.property(realPlanArbitrary({ fault: "maybe" }), (plan) => {
        const worked = withFormulaValues(withoutResults(plan.workbook));
        worked.sheets.forEach((sheet, s) =>
          sheet.values.forEach((row, r) =>
            row.forEach((value, c) => {
              const saved = plan.workbook.sheets[s].values[r][c];
              if (typeof saved === "number" && typeof value === "number")
                expect(
                  Math.abs(value - saved),
                  `${plan.name} ${sheet.name} ${r},${c}`
                ).toBeLessThan(1e-9 * Math.max(1, Math.abs(saved)));
              else expect(value, `${plan.name} ${sheet.name} ${r},${c}`).toEqual(saved);
            })
          )
        );
        expect(findings(worked), plan.name).toEqual(findings(plan.workbook));
      }),
      { numRuns: 30 }
    );
  });
});
