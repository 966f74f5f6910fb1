import { describe, expect, it } from "vitest";
import {
  faultyExamples,
  managementPlan,
  safetyValveReturn,
  VARIANTS,
} from "../../examples/examples";
import { locateTemplate } from "../../src/templates/locate";
import { validateWorkbook } from "../../src/validation/validate";
import type { Workbook } from "../../src/workbook/workbook";

/** The rules built on the EHCP tables and the Safety Valve return's sections. */
const RULE_IDS = [
  "ehcp-totals",
  "ehcp-values",
  "ehcp-stock-flow",
  "unit-cost-jump",
  "sv-questions",
  "sv-assurance",
  "sv-signoff",
];

const workbooks: [string, () => Workbook][] = [
  ["the consistent plan", managementPlan],
  ["the consistent Safety Valve return", safetyValveReturn],
  ...Object.entries(VARIANTS),
];

describe("EHCP and Safety Valve return locators on the examples", () => {
  it("should find all seven placements with both tables in the plan", () => {
    const ehcp = locateTemplate(managementPlan()).ehcp;
    expect(ehcp?.placements).toHaveLength(7);
    for (const placement of ehcp?.placements ?? []) {
      expect([placement.name, placement.byAge?.total, placement.byNeed?.total]).not.toContain(
        undefined
      );
      expect(placement.byNeed?.rows).toHaveLength(13);
    }
    expect(ehcp?.laWide?.newPlans).toBeDefined();
  });

  it.each(Object.entries(VARIANTS))(
    "should find the seven placements' totals in the %s variant",
    (_, build) => {
      const placements = locateTemplate(build()).ehcp?.placements ?? [];
      expect(placements.filter((p) => p.byAge?.total && p.byNeed?.total)).toHaveLength(7);
    }
  );

  it("should find the overview, questions, conditions, risks and legend in the return", () => {
    const sv = locateTemplate(safetyValveReturn()).svReturn;
    expect(sv?.overview?.dateSubmitted).toBeDefined();
    expect(sv?.questions).toHaveLength(3);
    expect(sv?.conditions.length).toBeGreaterThanOrEqual(7);
    expect(sv?.risks.length).toBeGreaterThan(0);
    expect(sv?.legend.length).toBeGreaterThanOrEqual(4);
  });

  it.each(workbooks)("should raise no EHCP or return finding on %s", (_, build) => {
    const findings = validateWorkbook(build()).findings.filter((f) => RULE_IDS.includes(f.rule));
    expect(findings).toEqual([]);
  });
});

describe("EHCP and Safety Valve return rules on the faulty examples", () => {
  const faulty = faultyExamples().filter(({ entry }) => RULE_IDS.includes(entry.rule));

  it("should have a faulty example for every rule", () => {
    expect(faulty.map(({ entry }) => entry.rule).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(faulty.map(({ entry, workbook }) => [entry.rule, entry, workbook] as const))(
    "should report %s at the faulty cell",
    (rule, entry, workbook) => {
      const findings = validateWorkbook(workbook).findings.filter((f) => f.rule === rule);
      expect(findings.map((f) => [f.severity, f.sheet, f.address])).toEqual([
        [entry.severity, entry.sheet, entry.address],
      ]);
    }
  );

  it("should let the user's thresholds widen unit-cost-jump", () => {
    const jump = faulty.find(({ entry }) => entry.rule === "unit-cost-jump");
    const findings = (thresholds?: Record<string, Record<string, number>>) =>
      validateWorkbook(jump!.workbook, { thresholds }).findings.filter(
        (f) => f.rule === "unit-cost-jump"
      );
    expect(findings()).toHaveLength(1);
    expect(findings({ "unit-cost-jump": { costJumpPercent: 25 } })).toEqual([]);
  });
});
