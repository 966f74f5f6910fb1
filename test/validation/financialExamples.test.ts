import { describe, expect, it } from "vitest";
import { faultyExamples, managementPlan, VARIANTS } from "../../examples/examples";
import { S251_LINES } from "../../examples/planFigures";
import { locateTemplate } from "../../src/templates/locate";
import { validateWorkbook } from "../../src/validation/validate";
import type { Workbook } from "../../src/workbook/workbook";

/** The rules built on the block, mitigation and Safety Valve sections. */
const RULE_IDS = [
  "block-total",
  "block-result",
  "block-movements",
  "schools-block-transfer",
  "outturn-agrees",
  "mitigation-arithmetic",
  "mitigation-direction",
  "funding-uplift",
  "sv-instalments",
  "sv-limits",
  "hnsg-split",
];

const plans: [string, () => Workbook][] = [
  ["the consistent plan", managementPlan],
  ...Object.entries(VARIANTS),
];

describe("block, mitigation and Safety Valve locators on the example plans", () => {
  it.each(plans)("should find every section of %s", (_, build) => {
    const financial = locateTemplate(build()).financial;
    const blocks = financial?.blocks ?? [];
    expect(blocks.map((b) => b.block).sort()).toEqual([
      "central-school-services",
      "early-years",
      "high-needs",
      "schools",
    ]);
    for (const block of blocks) {
      expect([
        block.block,
        block.allocation?.label,
        block.expenditure?.label,
        block.inYear?.label,
      ]).not.toContain(undefined);
    }
    expect(
      blocks.find((b) => b.block === "high-needs")?.expenditureLines.map((l) => l.label)
    ).toEqual(S251_LINES.map(([label]) => label));
    expect(financial?.mitigations?.lines.length).toBeGreaterThan(0);
    expect(financial?.mitigations?.mitigated).toBeDefined();
    expect(financial?.safetyValve?.agreementTotal?.cell.value).toBeGreaterThan(0);
  });

  it.each(plans)("should leave only the HNSG note on %s", (_, build) => {
    const findings = validateWorkbook(build()).findings.filter((f) => RULE_IDS.includes(f.rule));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["hnsg-split", "info"]]);
  });
});

describe("block, mitigation and Safety Valve rules on the faulty examples", () => {
  const faulty = faultyExamples().filter(({ entry }) => RULE_IDS.includes(entry.rule));

  it("should have a faulty example for every rule but the advisory note", () => {
    expect(faulty.map(({ entry }) => entry.rule).sort()).toEqual(
      RULE_IDS.filter((id) => id !== "hnsg-split").sort()
    );
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
});
