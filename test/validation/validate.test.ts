import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/validation/validate";
import { defineRule, type Rule } from "../../src/validation/rule";
import { RULES } from "../../src/validation/rules";
import { sheetFromRows } from "../support/sheets";
import type { Sheet } from "../../src/workbook/workbook";
import { consistent, summaryWorkbook } from "./engineSupport";

const plan = summaryWorkbook(consistent());

function fakeRule(
  id: string,
  severity: Rule["severity"],
  check: Rule["check"],
  defaults: Record<string, number> = {}
): Rule {
  return defineRule({ id, severity, title: id, description: id, defaults, check });
}

describe("validateWorkbook", () => {
  it("should report the template, unit and sign it checked the workbook as", () => {
    expect(validateWorkbook(plan).template).toEqual({
      id: "dsg-management-plan",
      name: "DSG deficit management plan",
      unit: { label: "£m", pounds: 1_000_000 },
      sign: "deficit-positive",
    });
  });

  it("should turn a rule that throws into an internal-error finding and still run the others", () => {
    const rules = [
      fakeRule("boom", "warning", () => {
        throw new Error("no cells");
      }),
      fakeRule("fine", "info", () => [{ message: "ran" }]),
    ];
    const findings = validateWorkbook(plan, {}, rules).findings;
    expect(findings.map((f) => f.rule)).toEqual(["internal-error", "fine"]);
    expect(findings[0]).toMatchObject({ severity: "error", sheet: "", address: "" });
    expect(findings[0].message).toContain(
      '"boom" (boom) stopped with an internal error (no cells)'
    );
  });

  it("should turn a locator that throws into one internal-error finding", () => {
    const broken = {
      ...plan.sheets[0],
      values: [["Financial summary", 1], null],
    } as unknown as Sheet;
    const result = validateWorkbook({ sheets: [broken] });
    expect(result.template).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: "internal-error",
        severity: "error",
        sheet: "",
        address: "",
      }),
    ]);
    expect(result.findings[0].message).toMatch(
      /^Finding the template's sheets and sections stopped with an internal error \(.+\), so no checks ran\./
    );
  });

  it("should sort by severity, then sheet order, row and column, and format addresses", () => {
    const second = sheetFromRows("Second", [["x"]]);
    const workbook = { sheets: [...plan.sheets, second] };
    const at = (sheet: string, row: number, col: number) => ({
      message: `${sheet}${row}${col}`,
      at: { sheet, row, col },
    });
    const rules = [
      fakeRule("w", "warning", () => [at("Financial summary", 1, 1)]),
      fakeRule("e", "error", () => [
        at("Second", 0, 0),
        at("Financial summary", 8, 2),
        at("Financial summary", 8, 1),
      ]),
      fakeRule("r", "error", () => [
        { message: "range", at: { sheet: "Second", row: 2, col: 1, bottom: 2, right: 4 } },
      ]),
    ];
    const findings = validateWorkbook(workbook, {}, rules).findings;
    expect(findings.map((f) => `${f.severity} ${f.sheet}!${f.address}`)).toEqual([
      "error Financial summary!B9",
      "error Financial summary!C9",
      "error Second!A1",
      "error Second!B3:E3",
      "warning Financial summary!B2",
    ]);
  });

  it("should apply the user's threshold overrides to declared thresholds only", () => {
    const rule = fakeRule(
      "limit",
      "warning",
      ({ settings }) => [{ message: JSON.stringify(settings) }],
      { percent: 0.5 }
    );
    const run = (thresholds: Record<string, Record<string, number>>) =>
      validateWorkbook(plan, { thresholds }, [rule]).findings[0].message;
    expect(run({})).toBe('{"percent":0.5}');
    expect(run({ limit: { percent: 1, typo: 3 } })).toBe('{"percent":1}');
  });

  it("should run only template-recognised on a workbook that matches no template", () => {
    const other = {
      sheets: [
        sheetFromRows("Cost centres", [
          ["Cost centre", "Budget"],
          ["A100", 5],
        ]),
      ],
    };
    const result = validateWorkbook(other);
    expect(result.template).toBeNull();
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      rule: "template-recognised",
      severity: "error",
      sheet: "",
      address: "",
    });
    expect(result.findings[0].message).toMatch(
      /^This workbook does not look like a DfE template\. The closest is the .+ missing: /
    );
  });

  it("should register every rule once, each with a title, a description and defaults", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      "template-recognised",
      "bad-value",
      "year-sequence",
      "sign-convention",
      "roll-forward",
      "opening-balance",
      "hardcoded-total",
      "balance-not-cleared",
    ]) {
      expect(ids).toContain(id);
    }
    RULES.forEach((rule) => {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.description.length).toBeGreaterThan(80);
    });
  });
});

describe("template-recognised", () => {
  const ruleFindings = (workbook = plan, template?: string) =>
    validateWorkbook(workbook, template ? { template } : {}).findings.filter(
      (f) => f.rule === "template-recognised"
    );

  it("should be silent for a recognised workbook with the parts the checks need", () => {
    expect(ruleFindings()).toEqual([]);
  });

  it("should name an unknown forced template and the known ones", () => {
    expect(ruleFindings(plan, "dsg-plan")[0].message).toBe(
      "There is no template 'dsg-plan'. Choose one of dsg-management-plan and safety-valve-return, or leave the template on automatic."
    );
  });

  it("should say which required part is missing from a recognised workbook", () => {
    const names = [
      "Cover",
      "Introduction",
      "Narrative",
      "CYP summary",
      "Governance",
      "Stakeholder engagement",
    ];
    const workbook = { sheets: names.map((name) => sheetFromRows(name, [[name]])) };
    const [finding] = ruleFindings(workbook);
    expect(finding.message).toContain(
      "Checked as the DSG deficit management plan, but sheet 'Financial summary' and section 'Summary of end of year positions' were not found"
    );
  });

  it.each([
    [
      "the section heading is left out",
      (values: unknown[][]) => (values[3][0] = null),
      "Financial summary",
    ],
    ["the sheet is named otherwise", () => undefined, "DSG 2024-25"],
  ])("should be silent when the end-of-year rows are found though %s", (_, change, name) => {
    const sheet = plan.sheets[0];
    const values = sheet.values.map((row) => [...row]);
    change(values);
    const workbook = { sheets: [{ ...sheet, name, values }] };
    expect(ruleFindings(workbook)).toEqual([]);
    expect(validateWorkbook(workbook).template?.id).toBe("dsg-management-plan");
  });

  it("should say which end-of-year row was not found", () => {
    const sheet = plan.sheets[0];
    const values = sheet.values.map((row) => [...row]);
    values[8][0] = "Memorandum figures"; // the carried-forward label replaced by one that means nothing known
    const [finding] = ruleFindings({ sheets: [{ ...sheet, values }] });
    expect(finding.message).toBe(
      "Checked as the DSG deficit management plan, but the row 'Cumulative deficit carried forward' of the end of year positions " +
        "on sheet 'Financial summary' was not found, so the deficit checks that need it did not run. Check the row labels are worded as in the DfE template."
    );
  });

  it("should say when no financial year headings were found", () => {
    const sheet = plan.sheets[0];
    const values = sheet.values.map((row, r) => (r === 2 ? row.map(() => null) : [...row]));
    expect(ruleFindings({ sheets: [{ ...sheet, values }] })[0].message).toContain(
      "no row of financial year headings (such as 2024-25) was found"
    );
  });

  it("should check a workbook as the forced template even when it would not be recognised", () => {
    const other = { sheets: [sheetFromRows("Cost centres", [["Cost centre"]])] };
    expect(validateWorkbook(other, { template: "safety-valve-return" }).template?.id).toBe(
      "safety-valve-return"
    );
  });
});
