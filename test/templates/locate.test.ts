import { describe, expect, it } from "vitest";
import { locateTemplate, recogniseTemplate } from "../../src/templates/locate";
import { locateEndOfYear } from "../../src/templates/financial/locateFinancial";
import { detectSign } from "../../src/templates/financial/sign";
import { findYearHeader } from "../../src/templates/yearHeader";
import { managementPlan, safetyValveReturn } from "../../examples/examples";
import { realSvExamples } from "../../examples/real/svReturns";
import { sheetFromRows } from "../support/sheets";
import { consistent, negated, summaryWorkbook, type Summary } from "../validation/engineSupport";

describe("recogniseTemplate", () => {
  it.each([
    ["the sample plan", managementPlan(), "dsg-management-plan", true],
    ["the sample Safety Valve return", safetyValveReturn(), "safety-valve-return", true],
    [
      "the Wiltshire Safety Valve return as published (no finance summary)",
      realSvExamples()[0].workbook,
      "safety-valve-return",
      true,
    ],
    [
      "the plan with the published return's page headings on a sheet of its own",
      {
        sheets: [
          ...managementPlan().sheets,
          sheetFromRows("Notes", [["Safety Valve programme overview"], ["Risks"], ["Headlines"]]),
        ],
      },
      "dsg-management-plan",
      true,
    ],
    [
      "a Financial summary sheet on its own",
      summaryWorkbook(consistent()),
      "dsg-management-plan",
      true,
    ],
    [
      "a workbook of another kind",
      { sheets: [sheetFromRows("Staffing", [["Post", "FTE"]])] },
      "dsg-management-plan",
      false,
    ],
  ] as const)("should take %s for %s (recognised: %s)", (_, workbook, id, recognised) => {
    const { profile, recognition } = recogniseTemplate(workbook);
    expect(profile.id).toBe(id);
    expect(recognition.recognised).toBe(recognised);
  });

  it("should list what was found and missing in users' words", () => {
    const { recognition } = recogniseTemplate(summaryWorkbook(consistent()));
    expect(recognition.found).toEqual([
      "sheet 'Financial summary'",
      "section 'Summary of end of year positions'",
    ]);
    expect(recognition.missing).toContain("sheet 'Cover'");
    expect(recognition.missingRequired).toEqual([]);
  });
});

describe("locateEndOfYear", () => {
  it("should find each row by its label within the section, leaving absent rows undefined", () => {
    const sheet = sheetFromRows("Finance", [
      [null, "2024-25", "2025-26"],
      ["Cumulative deficit carried forward", 1, 2],
      ["Summary of end of year positions"],
      ["Total DSG in-year deficit", 3, 4],
      ["Cumulative deficit carried forward", 5, 6],
    ]);
    const years = findYearHeader(sheet, "financial")!.years;
    const positions = locateEndOfYear(sheet, years, { top: 2 });
    expect(positions?.inYear?.row).toBe(3);
    expect(positions?.carriedForward?.row).toBe(4);
    expect(positions?.dfePayments).toBeUndefined();
  });

  it("should be undefined when none of the main rows is there", () => {
    const sheet = sheetFromRows("Finance", [
      [null, "2024-25", "2025-26"],
      ["Other adjustments", 1, 2],
    ]);
    expect(locateEndOfYear(sheet, findYearHeader(sheet, "financial")!.years)).toBeUndefined();
  });
});

describe("detectSign", () => {
  const positions = (summary: Summary) => locateTemplate(summaryWorkbook(summary)).financial!;
  const signOf = (summary: Summary) => {
    const financial = positions(summary);
    return detectSign(financial.endOfYear, financial.years);
  };

  it.each([
    ["deficits shown positive", consistent(), "deficit-positive"],
    ["deficits shown negative", negated(consistent()), "deficit-negative"],
    [
      "cumulative rows balanced, roll-forward holding with deficits negative",
      {
        ...negated(consistent()),
        broughtForward: [-10, 12, null],
        carriedForward: [-12, 15, null],
      },
      "deficit-negative",
    ],
  ] as const)("should detect %s", (_, summary, expected) => {
    expect(signOf(summary as Summary)).toBe(expected);
  });
});

describe("locateTemplate", () => {
  it.each([
    ["£m", "£m"],
    ["£'000", "£000"],
    ["(£k)", "£000"],
    ["£", "£"],
  ])("should read the unit marker %s as %s", (marker, label) => {
    expect(locateTemplate(summaryWorkbook(consistent(), marker)).unit.label).toBe(label);
  });

  it("should guess £m for a table without a marker whose figures have decimals", () => {
    const summary = { ...consistent(), broughtForward: [10.5, 12, 15] };
    expect(locateTemplate(summaryWorkbook(summary, "")).unit.label).toBe("£m");
  });

  it("should find the end of year positions on a sheet not named as the template names it", () => {
    const base = summaryWorkbook(consistent()).sheets[0];
    const workbook = {
      sheets: [sheetFromRows("Cover", [["Cover"]]), { ...base, name: "DSG 2024" }],
    };
    const template = locateTemplate(workbook, { template: "dsg-management-plan" });
    expect(template.financial?.sheet).toBe("DSG 2024");
    expect(template.financial?.endOfYear?.carriedForward?.row).toBe(8);
  });
});

describe("locateTemplate choices", () => {
  it("should take the user's unit and sign instead of detecting them", () => {
    const template = locateTemplate(summaryWorkbook(consistent()), {
      unit: "£000",
      sign: "deficit-negative",
    });
    expect(template.unit).toEqual({ label: "£000", pounds: 1000 });
    expect(template.sign).toBe("deficit-negative");
  });
});

describe("numbered row labels", () => {
  it("should find end-of-year rows whose labels carry a row number", () => {
    const base = summaryWorkbook(consistent()).sheets[0];
    const values = base.values.map((row, r) =>
      r >= 4 && typeof row[0] === "string" ? [`${r - 3}. ${row[0]}`, ...row.slice(1)] : row
    );
    const positions = locateTemplate({ sheets: [{ ...base, values }] }).financial?.endOfYear;
    expect(positions?.broughtForward?.label).toBe("1. Cumulative DSG deficit - brought forward");
    expect(positions?.carriedForward?.row).toBe(8);
  });
});
