/**
 * The validator over the sample workbooks of examples/: the consistent ones give no errors, the locator
 * variants (rows inserted, block moved, columns shifted, other year formats, £000, deficits negative)
 * give the same findings as the plan they vary, and each faulty copy for an engine rule is caught where
 * examples/faults.json says.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  faultyExamples,
  managementPlan,
  safetyValveReturn,
  VARIANTS,
  wiltshireSummaryTable,
} from "../../examples/examples";
import { validateWorkbook, type ValidationResult } from "../../src/validation/validate";

const ENGINE_RULES = [
  "template-recognised",
  "bad-value",
  "year-sequence",
  "sign-convention",
  "roll-forward",
  "opening-balance",
  "hardcoded-total",
  "balance-not-cleared",
];
const errors = (result: ValidationResult) => result.findings.filter((f) => f.severity === "error");
const ruleList = (result: ValidationResult) =>
  result.findings.map((f) => `${f.severity} ${f.rule}`);

describe("the consistent examples", () => {
  let plan: ValidationResult;
  beforeAll(() => {
    plan = validateWorkbook(managementPlan());
  });

  it("should recognise the plan and give it no error findings", () => {
    expect(plan.template).toMatchObject({
      id: "dsg-management-plan",
      unit: { label: "£m" },
      sign: "deficit-positive",
    });
    expect(errors(plan)).toEqual([]);
  });

  it("should recognise the Safety Valve return and give it no error findings", () => {
    const result = validateWorkbook(safetyValveReturn());
    expect(result.template?.id).toBe("safety-valve-return");
    expect(errors(result)).toEqual([]);
  });

  it("should give the Wiltshire table no error findings", () => {
    expect(errors(validateWorkbook(wiltshireSummaryTable()))).toEqual([]);
  });

  it.each(Object.keys(VARIANTS))(
    "should give the %s variant the same findings as the plan",
    (name) => {
      const result = validateWorkbook(VARIANTS[name as keyof typeof VARIANTS]());
      expect(result.template?.id).toBe("dsg-management-plan");
      expect(ruleList(result)).toEqual(ruleList(plan));
    }
  );

  it("should report the detected unit and sign of the variants", () => {
    expect(validateWorkbook(VARIANTS.thousands()).template?.unit.label).toBe("£000");
    expect(validateWorkbook(VARIANTS["deficits-negative"]()).template?.sign).toBe(
      "deficit-negative"
    );
  });
});

describe("the faulty examples for the engine's rules", () => {
  const cases = faultyExamples().filter(({ entry }) => ENGINE_RULES.includes(entry.rule));

  it.each(cases.map((c) => [c.entry.rule, c] as const))(
    "should catch the %s fault where faults.json says",
    (_, { workbook, entry }) => {
      const findings = validateWorkbook(workbook).findings;
      expect(findings).toContainEqual(
        expect.objectContaining({
          rule: entry.rule,
          severity: entry.severity,
          sheet: entry.sheet,
          address: entry.address,
        })
      );
      const otherErrors = findings.filter((f) => f.severity === "error" && f.rule !== entry.rule);
      expect(otherErrors).toEqual([]);
    }
  );
});

describe("the Safety Valve return's finance summary", () => {
  it("should be checked by the deficit rules like the plan's end of year positions", () => {
    const workbook = safetyValveReturn();
    const sheets = workbook.sheets.map((sheet) => {
      if (sheet.name !== "Finance summary") return sheet;
      const values = sheet.values.map((row) => [...row]);
      values[11][3] = 32; // D12: 2025-26 carried forward, 31.5 in the consistent return
      return { ...sheet, values };
    });
    const findings = validateWorkbook({ sheets }).findings.filter((f) => f.severity === "error");
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.address}`)).toEqual([
      "opening-balance Finance summary!E7",
      "roll-forward Finance summary!D12",
    ]);
  });
});
