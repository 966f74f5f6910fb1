import { describe, expect, it } from "vitest";
import { locateTemplate } from "../../src/templates/locate";
import {
  compareVersions,
  reportSections,
  type Change,
  type Comparison,
} from "../../src/validation/compare/compare";
import {
  MITIGATION_MOVED,
  REPROFILED,
  VERSION_PAIRS,
  planVersion,
} from "../../examples/versions/versions";
import { WILTSHIRE_PLAN } from "../../examples/planInputs";
import { buildManagementPlan, DEFAULT_LAYOUT } from "../../examples/managementPlan";
import type { PlanInput } from "../../examples/planFigures";
import type { Workbook } from "../../src/workbook/workbook";
import { managementPlan, VARIANTS } from "../../examples/examples";

function compare(older: Workbook, newer: Workbook): Comparison {
  return compareVersions(locateTemplate(older), locateTemplate(newer));
}

function comparePair(name: string): Comparison {
  const pair = VERSION_PAIRS.find((p) => p.name === name)!;
  return compare(pair.older(), pair.newer());
}

const linesOf = (comparison: Comparison, section: string) =>
  comparison.lines.filter((line) => line.section === section).map((line) => line.text);

const inSection = (comparison: Comparison, section: string) =>
  comparison.changes.filter((change) => change.section === section);

/** A change of the end of year positions on the Financial summary. */
const eoy = (
  row: string,
  year: string,
  address: string,
  before: number,
  after: number,
  difference: number
): Change => ({
  section: "End of year positions",
  row,
  year,
  sheet: "Financial summary",
  address,
  before,
  after,
  difference,
});

const BF = "Cumulative deficit brought forward";
const IN_YEAR = "Total DSG in-year deficit";
const CF = "Cumulative deficit carried forward";

describe("compareVersions", () => {
  it("should find nothing between a plan and itself", () => {
    const comparison = compare(planVersion(WILTSHIRE_PLAN), planVersion(WILTSHIRE_PLAN));
    expect(comparison.changes).toEqual([]);
    expect(comparison.lines).toEqual([]);
    expect(comparison.summary).toBe("No figure of the plan changed between the two versions.");
  });

  it("should compare a plan in £000 with deficits negative to the same plan in £m, and find nothing", () => {
    const thousands = buildManagementPlan(WILTSHIRE_PLAN, {
      ...DEFAULT_LAYOUT,
      unit: "£000",
      sign: "deficit-negative",
    }).draft.toWorkbook();
    expect(compare(thousands, planVersion(WILTSHIRE_PLAN)).changes).toEqual([]);
  });

  it.each(Object.keys(VARIANTS))(
    "should find nothing between the plan and the same plan laid out differently (%s)",
    (name) => {
      expect(compare(managementPlan(), VARIANTS[name]()).changes).toEqual([]);
    }
  );

  describe("a re-profiled forecast", () => {
    const comparison = comparePair("reprofiled");

    it("should explain each year's carried forward by the rows that moved it", () => {
      expect(linesOf(comparison, "End of year positions")).toEqual([
        "2026-27 carried forward up £4.200m, from £99.198m to £103.398m: in-year +£5.100m, Safety Valve −£0.900m",
        "2026-27 in-year deficit up £5.100m, from £28.579m to £33.679m: High needs block +£5.100m",
        "2027-28 carried forward up £4.200m, from £99.926m to £104.126m: brought forward +£4.200m",
        "2028-29 carried forward up £4.200m, from £34.509m to £38.709m: brought forward +£4.200m",
      ]);
    });

    it("should list each figure of the end of year positions that moved, with its cell", () => {
      expect(inSection(comparison, "End of year positions")).toEqual([
        eoy(BF, "2027-28", "I49", 99.1978, 103.3978, 4.2),
        eoy(BF, "2028-29", "J49", 99.9258, 104.1258, 4.2),
        eoy(IN_YEAR, "2026-27", "H50", 28.579, 33.679, 5.1),
        eoy("DfE deficit payments", "2026-27", "H51", -6.7, -7.6, -0.9),
        eoy(CF, "2026-27", "H54", 99.1978, 103.3978, 4.2),
        eoy(CF, "2027-28", "I54", 99.9258, 104.1258, 4.2),
        eoy(CF, "2028-29", "J54", 34.5094, 38.7094, 4.2),
      ]);
    });

    it("should sum it up in a paragraph, and report spending and EHCPs in 2026-27 only", () => {
      expect(comparison.summary).toBe(
        "The cumulative deficit carried forward at the end of 2028-29 is up £4.200m, from £34.509m to £38.709m. " +
          "Carried forward changed in 3 years (2026-27, 2027-28, 2028-29). Also changed: 12 figures of the funding blocks " +
          "and 114 EHCP numbers."
      );
      expect(new Set(inSection(comparison, "Funding blocks").map((c) => c.year))).toEqual(
        new Set(["2026-27"])
      );
      expect(linesOf(comparison, "Funding blocks")).toContain(
        "High needs block: Total expenditure: 2026-27 +£5.100m (£115.739m to £120.839m)"
      );
      expect(linesOf(comparison, "EHCP numbers")[0]).toBe(
        "Mainstream schools or academies: EHCPs by age group, total: 2027 +94 (2,132 to 2,226)"
      );
      expect(comparison.yearsAdded).toEqual([]);
    });
  });

  it("should report a year added with its figures, and nothing else as changed", () => {
    const comparison = comparePair("year-added");
    expect(comparison.yearsAdded).toEqual(["2029-30"]);
    expect(comparison.yearsRemoved).toEqual([]);
    expect(linesOf(comparison, "Years")).toEqual([
      "2029-30 added: in-year deficit −£2.500m, carried forward £27.009m",
    ]);
    expect(comparison.summary).toBe(
      "The cumulative deficit carried forward at the end of 2028-29 is unchanged at £34.509m. The plan now runs " +
        "to 2029-30, with £27.009m carried forward at its end."
    );
    // Every change is a figure of the new year (or of the census year it brings): none had a value before.
    expect(comparison.changes.every((c) => c.before === null && c.difference === null)).toBe(true);
    expect(new Set(comparison.changes.map((c) => c.year))).toEqual(new Set(["2029-30", "2030"]));
    expect(inSection(comparison, "End of year positions")).toEqual([
      { ...eoy(BF, "2029-30", "K49", 0, 34.5094, 0), before: null, difference: null },
      { ...eoy(IN_YEAR, "2029-30", "K50", 0, -2.5, 0), before: null, difference: null },
      {
        ...eoy("Local authority contribution", "2029-30", "K52", 0, -5, 0),
        before: null,
        difference: null,
      },
      { ...eoy(CF, "2029-30", "K54", 0, 27.0094, 0), before: null, difference: null },
    ]);
  });

  it("should report a mitigation moved a year later, and the deficit it leaves", () => {
    const comparison = comparePair("mitigation-moved");
    expect(linesOf(comparison, "Mitigations")[0]).toBe(
      "Mitigation 'More local special school places' moved a year later: 2024-25 −£0.500m (£0.500m to £0.000m); " +
        "2025-26 −£1.100m (£1.600m to £0.500m); 2026-27 −£1.400m (£3.000m to £1.600m); 2027-28 −£1.200m " +
        "(£4.200m to £3.000m); 2028-29 −£0.800m (£5.000m to £4.200m)"
    );
    expect(linesOf(comparison, "End of year positions").slice(0, 3)).toEqual([
      "2024-25 carried forward up £0.500m, from £61.184m to £61.684m: in-year +£0.500m",
      "2024-25 in-year deficit up £0.500m, from £39.177m to £39.677m: High needs block +£0.500m",
      "2025-26 carried forward up £1.600m, from £77.319m to £78.919m: brought forward +£0.500m, in-year +£1.100m",
    ]);
    expect(comparison.summary).toContain("Mitigations: 1 moved a year.");
    expect(
      inSection(comparison, "Mitigations")
        .filter((c) => c.row === "Mitigation 'More local special school places'")
        .map((c) => [c.year, c.address, c.before, c.after, c.difference])
    ).toEqual([
      ["2024-25", "F59", 0.5, 0, -0.5],
      ["2025-26", "G59", 1.6, 0.5, -1.1],
      ["2026-27", "H59", 3, 1.6, -1.4],
      ["2027-28", "I59", 4.2, 3, -1.2],
      ["2028-29", "J59", 5, 4.2, -0.8],
    ]);
  });

  it("should match rows, not addresses: rows inserted give the same changes at the new cells", () => {
    const moved = comparePair("rows-inserted");
    const inPlace = comparePair("reprofiled");
    expect(moved.lines).toEqual(inPlace.lines);
    expect(moved.summary).toBe(inPlace.summary);
    const withoutAddress = (c: Change) => ({ ...c, address: "" });
    expect(moved.changes.map(withoutAddress)).toEqual(inPlace.changes.map(withoutAddress));
    // Four rows went in above the end of year positions (two in the high needs block, two above the table).
    expect(inSection(moved, "End of year positions").map((c) => c.address)).toEqual([
      "I53",
      "J53",
      "H54",
      "H55",
      "H58",
      "I58",
      "J58",
    ]);
  });

  it("should tell a mitigation added, removed, re-profiled within the same total, and changed in total", () => {
    const [early, places, adulthood, commissioning] = WILTSHIRE_PLAN.mitigations;
    const newer: PlanInput = {
      ...WILTSHIRE_PLAN,
      mitigations: [
        // 2026-27 and 2027-28 swapped: the same £ over the plan.
        { ...early, savings: [0, 0, 0, 0.8, 2.1, 4.6, 3.4, 5.5] },
        places,
        { ...adulthood, savings: adulthood.savings.map((s) => s * 2) },
        { label: "Transport policy review", savings: [0, 0, 0, 0, 0, 0.3, 0.6, 0.6] },
      ],
    };
    void commissioning;
    const comparison = compare(planVersion(WILTSHIRE_PLAN), planVersion(newer));
    const mitigationLines = linesOf(comparison, "Mitigations").filter((line) =>
      line.startsWith("Mitigation '")
    );
    expect(mitigationLines).toEqual([
      "Mitigation 'Early intervention and inclusion in mainstream' re-profiled, the same £16.400m over the plan: " +
        "2026-27 +£1.200m (£3.400m to £4.600m); 2027-28 −£1.200m (£4.600m to £3.400m)",
      "Mitigation 'Preparing for adulthood pathways' up £5.200m over the plan: 2024-25 +£0.200m (£0.200m to " +
        "£0.400m); 2025-26 +£0.600m (£0.600m to £1.200m); 2026-27 +£1.100m (£1.100m to £2.200m); 2027-28 " +
        "+£1.500m (£1.500m to £3.000m); 2028-29 +£1.800m (£1.800m to £3.600m)",
      "Mitigation 'Transport policy review' added: £0.300m in 2026-27, £0.600m in 2027-28, £0.600m in 2028-29",
      "Mitigation 'Commissioning and top-up banding review' removed: it showed £0.400m in 2024-25, £0.900m in " +
        "2025-26, £1.300m in 2026-27, £1.600m in 2027-28, £1.800m in 2028-29",
    ]);
    expect(comparison.summary).toContain(
      "Mitigations: 1 added, 1 removed, 1 re-profiled, 1 changed in total."
    );
  });

  it("should say what a changed block allocation does to the funding uplift", () => {
    const highNeeds = [...WILTSHIRE_PLAN.allocations.highNeeds];
    highNeeds[5] = 83.71;
    const newer: PlanInput = {
      ...WILTSHIRE_PLAN,
      allocations: { ...WILTSHIRE_PLAN.allocations, highNeeds },
    };
    const lines = linesOf(
      compare(planVersion(WILTSHIRE_PLAN), planVersion(newer)),
      "Funding blocks"
    );
    expect(lines.slice(0, 2)).toEqual([
      "High needs block: DSG funding: 2026-27 +£1.000m (£82.710m to £83.710m)",
      "High needs block: DSG funding uplift: 2026-27 3.0% to 4.2%; 2027-28 3.0% to 1.8%",
    ]);
  });

  it("should report the Safety Valve agreement's limits, total and instalment status as they changed", () => {
    const agreement = WILTSHIRE_PLAN.safetyValve!;
    const newer: PlanInput = {
      ...WILTSHIRE_PLAN,
      safetyValve: {
        ...agreement,
        limits: agreement.limits.map((limit, i) => (i === 3 ? 104.5 : limit)),
        total: 67.9,
        status: agreement.status.map((status, i) => (i === 2 ? "received" : status)),
      },
    };
    const comparison = compare(planVersion(WILTSHIRE_PLAN), planVersion(newer));
    expect(linesOf(comparison, "Safety Valve agreement")).toEqual([
      "Agreed cumulative deficit limit: 2026-27 +£4.000m (£100.500m to £104.500m)",
      "Instalment status: 2025-26 'expected' to 'received'",
      "Total DfE payments agreed: +£0.900m (£67.000m to £67.900m)",
    ]);
    expect(
      inSection(comparison, "Safety Valve agreement").map((c) => [
        c.row,
        c.year,
        c.before,
        c.after,
        c.difference,
      ])
    ).toEqual([
      ["Agreed cumulative deficit limit", "2026-27", 100.5, 104.5, 4],
      ["Instalment status", "2025-26", "expected", "received", null],
      ["Total DfE payments agreed", "", 67, 67.9, 0.9],
    ]);
  });

  it("should give the report's sections in order, each with its sentences", () => {
    const sections = reportSections(comparePair("reprofiled"));
    expect(sections.map((s) => s.heading)).toEqual([
      "End of year positions",
      "Funding blocks",
      "Mitigations",
      "EHCP numbers",
    ]);
    expect(reportSections(comparePair("year-added")).map((s) => s.heading)).toEqual([
      "Years added or removed",
    ]);
  });

  it("should keep the example inputs what their titles say", () => {
    expect(REPROFILED.inYear[5] - WILTSHIRE_PLAN.inYear[5]).toBeCloseTo(5.1, 10);
    expect(MITIGATION_MOVED.mitigations[1].savings).toEqual([0, 0, 0, 0, 0.5, 1.6, 3.0, 4.2]);
  });
});
