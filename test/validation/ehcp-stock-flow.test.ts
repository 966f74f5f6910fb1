import { describe, expect, it } from "vitest";
import { ehcpStockFlow } from "../../src/validation/rules/ehcp-stock-flow";
import {
  CONSISTENT_PLACEMENT,
  censusYears,
  ehcpTemplate,
  placement,
  row,
  runRule,
  type PlacementFigures,
} from "./ehcpSupport";

const consistent = CONSISTENT_PLACEMENT;

const run = (...figures: PlacementFigures[]) =>
  runRule(
    ehcpStockFlow,
    ehcpTemplate({ sheet: "CYP summary", placements: figures.map(placement) })
  );

const FOLLOW = "Check the flows, or note plans transferred in or out.";

describe("ehcp-stock-flow findings", () => {
  it("should say how far the plans rose and what the flows explain", () => {
    const reports = run({ ...consistent, ceasedPlans: [null, 4, 2] });
    expect(reports).toEqual([
      {
        message:
          "Mainstream schools or academies 2024: the number of EHCPs rises by 6 from 2023, but new (12) " +
          `minus ceased (2) plans is 10. ${FOLLOW}`,
        at: { sheet: "CYP summary", row: 13, col: 4 },
        expected: 6,
        actual: 10,
      },
    ]);
  });

  it("should say when the plans fell, and when they stayed the same, against the flows", () => {
    const fell = run({ ...consistent, ageTotal: [80, 86, 83] });
    expect(fell.map((r) => r.message)).toEqual([
      "Mainstream schools or academies 2024: the number of EHCPs falls by 3 from 2023, but new (12) " +
        `minus ceased (6) plans is 6. ${FOLLOW}`,
    ]);
    expect(fell[0]).toMatchObject({ expected: -3, actual: 6 });
    const same = run({ ...consistent, ageTotal: [80, 86, 86] });
    expect(same.map((r) => r.message)).toEqual([
      "Mainstream schools or academies 2024: the number of EHCPs stays the same from 2023, but new (12) " +
        `minus ceased (6) plans is 6. ${FOLLOW}`,
    ]);
  });

  it("should report a count that moved by new plus ceased plans (flows added the wrong way)", () => {
    // 86 + 12 + 6 = 104: the ceased plans were added, not taken away.
    expect(run({ ...consistent, ageTotal: [80, 86, 104] })).toHaveLength(1);
    // 86 − 12 − 6 = 68: the new plans were taken away.
    expect(run({ ...consistent, ageTotal: [80, 86, 68] })).toHaveLength(1);
  });

  it("should take differences that cancel out across placements for plans moved between them, said once", () => {
    // 2024: mainstream rises 2 more than its flows, special 2 fewer: two plans moved from special.
    const mainstream = { ...consistent, ageTotal: [80, 86, 94] };
    const special = {
      ...consistent,
      placement: "special" as const,
      name: "Special schools",
      top: 30,
      ageTotal: [80, 86, 90],
    };
    const reports = run(mainstream, special);
    expect(reports.map((r) => [r.severity, r.message.slice(0, 60)])).toEqual([
      ["info", "In 2024, the placements' numbers of EHCPs differ from their "],
    ]);
    // A difference the others do not cancel is still a warning.
    expect(run(mainstream, { ...special, ageTotal: [80, 86, 92] })).toHaveLength(1);
    expect(run(mainstream, { ...special, ageTotal: [80, 86, 92] })[0].severity).toBeUndefined();
  });

  it("should not compare census years that are not one after the other", () => {
    // 2023 → 2025 skips a census: the 2025 flows explain only 2024 → 2025, so nothing is compared.
    expect(run({ ...consistent, years: [2022, 2023, 2025], ageTotal: [80, 86, 120] })).toEqual([]);
  });

  it("should not check a year whose new or ceased plans, or whose count, is blank", () => {
    expect(run({ ...consistent, ageTotal: [80, 86, 120], newPlans: [null, 10, null] })).toEqual([]);
    expect(run({ ...consistent, ageTotal: [80, 86, 120], ceasedPlans: [null, 4, null] })).toEqual(
      []
    );
    const noCounts = { ...consistent, byAge: {}, byNeed: {}, ageTotal: undefined };
    expect(run({ ...noCounts, needTotal: [80, null, 120], newPlans: [null, 10, 12] })).toEqual([]);
  });

  it("should leave impossible negative flows to ehcp-values", () => {
    expect(run({ ...consistent, ageTotal: [80, 86, 120], ceasedPlans: [null, 4, -6] })).toEqual([]);
  });

  it("should not check a placement that gives new plans but no ceased plans", () => {
    expect(run({ ...consistent, ageTotal: [80, 86, 120], ceasedPlans: undefined })).toEqual([]);
  });

  it("should check the LA-wide flows against the LA-wide total row when the sheet has one", () => {
    const years = censusYears(2022, 2023, 2024);
    const laWide = (total: (number | null)[]) => ({
      sheet: "CYP summary",
      years,
      total: row("CYP summary", 39, "Total EHCPs", total),
      newPlans: row("CYP summary", 40, "New EHCPs", [null, 12, 15]),
      ceasedPlans: row("CYP summary", 41, "Ceased EHCPs", [null, 4, 7]),
    });
    const template = (total: (number | null)[]) =>
      ehcpTemplate({ sheet: "CYP summary", placements: [], laWide: laWide(total) });
    expect(runRule(ehcpStockFlow, template([100, 108, 116]))).toEqual([]);
    expect(runRule(ehcpStockFlow, template([100, 108, 117]))).toEqual([
      {
        message:
          "All placements 2024: the number of EHCPs rises by 9 from 2023, but new (15) minus ceased (7) " +
          `plans is 8. ${FOLLOW}`,
        at: { sheet: "CYP summary", row: 40, col: 4 },
        expected: 9,
        actual: 8,
      },
    ]);
    // A blank total is no count to check against.
    expect(runRule(ehcpStockFlow, template([100, null, 117]))).toEqual([]);
  });
});
