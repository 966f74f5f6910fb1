import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ehcpTotals } from "../../src/validation/rules/ehcp-totals";
import { ehcpValues } from "../../src/validation/rules/ehcp-values";
import { ehcpStockFlow } from "../../src/validation/rules/ehcp-stock-flow";
import { unitCostJump } from "../../src/validation/rules/unit-cost-jump";
import type { PlacementTables } from "../../src/templates/ehcp/ehcpModel";
import type { LocatedTemplate } from "../../src/templates/located";
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

const post16: PlacementFigures = {
  placement: "post-16",
  name: "Post 16 and further education",
  top: 20,
  byAge: { "16-to-19": [15, 16, 18], "20-to-25": [5, 6, 6] },
  ageTotal: [20, 22, 24],
  byNeed: { ASD: [10, 11, 12], MLD: [10, 11, 12] },
  needTotal: [20, 22, 24],
};

function tables(...placements: PlacementTables[]): LocatedTemplate {
  return ehcpTemplate({ sheet: "CYP summary", placements });
}

const at = (report: { at?: { sheet: string; row: number; col: number } }) =>
  report.at && [report.at.sheet, report.at.row, report.at.col];

describe("ehcp-totals", () => {
  it("should pass consistent tables", () => {
    expect(runRule(ehcpTotals, tables(placement(consistent), placement(post16)))).toEqual([]);
  });

  it("should not add up a year where a count is text (a suppressed '*'), which bad-value reports", () => {
    const suppressed = { ...consistent, byNeed: { ...consistent.byNeed, ASD: ["*", 32, 35] } };
    expect(runRule(ehcpTotals, tables(placement(suppressed)))).toEqual([]);
  });

  it.each([
    [
      "an age total that is not the sum of its rows",
      { ageTotal: [80, 87, 92] },
      8,
      3,
      "total by age group (87)",
    ],
    [
      "a need total that is not the sum of its rows",
      { needTotal: [80, 86, 90] },
      12,
      4,
      "total by primary need (90)",
    ],
    [
      "age and need totals that disagree while each adds up",
      {
        byNeed: { ASD: [30, 32, 36], SEMH: [20, 22, 24], SLCN: [30, 32, 33] },
        needTotal: [80, 86, 93],
      },
      12,
      4,
      "total by age group (92) does not equal the total by primary need (93)",
    ],
  ])("should report %s at the total cell", (_, change, sheetRow, col, words) => {
    const reports = runRule(ehcpTotals, tables(placement({ ...consistent, ...change })));
    expect(reports).toHaveLength(1);
    expect(at(reports[0])).toEqual(["CYP summary", sheetRow, col]);
    expect(reports[0].message).toContain("Mainstream schools or academies");
    expect(reports[0].message).toContain(words);
  });

  it("should allow rounding per row only when the setting asks for it", () => {
    const rounded = tables(
      placement({ ...consistent, ageTotal: [80, 87, 92], needTotal: [80, 87, 92] })
    );
    expect(runRule(ehcpTotals, rounded)).toHaveLength(2);
    expect(runRule(ehcpTotals, rounded, { roundingPerRow: 1 })).toEqual([]);
  });
});

describe("ehcp-values", () => {
  it("should pass whole, non-negative counts", () => {
    expect(runRule(ehcpValues, tables(placement(consistent), placement(post16)))).toEqual([]);
  });

  it.each([
    [
      "a negative count",
      { byAge: { ...consistent.byAge, "under-5": [10, -1, 12] } },
      5,
      3,
      "is negative",
    ],
    ["a fractional count", { newPlans: [null, 10.5, 12] }, 13, 3, "not a whole number"],
  ])("should report %s at that cell", (_, change, sheetRow, col, words) => {
    const reports = runRule(ehcpValues, tables(placement({ ...consistent, ...change })));
    expect(reports.map(at)).toEqual([["CYP summary", sheetRow, col]]);
    expect(reports[0].message).toContain(words);
  });

  it("should report a plan in an under-16 row of the post-16 placement", () => {
    const faulty = placement({ ...post16, byAge: { "11-to-15": [0, null, 3], ...post16.byAge } });
    const reports = runRule(ehcpValues, tables(faulty));
    expect(reports.map(at)).toEqual([["CYP summary", 20, 4]]);
    expect(reports[0].message).toMatch(
      /^Post 16 and further education 2024: 3 plans in the '11-to-15' row/
    );
  });

  it("should report a negative count in an under-16 post-16 row once", () => {
    const faulty = placement({
      ...post16,
      byAge: { "11-to-15": [-2, null, null], ...post16.byAge },
    });
    expect(runRule(ehcpValues, tables(faulty)).map((r) => r.message)).toEqual([
      "Post 16 and further education 2022: '11-to-15' (-2) is negative; counts must be 0 or more.",
    ]);
  });
});

describe("ehcp-stock-flow", () => {
  it("should pass when new minus ceased explains each change", () => {
    expect(runRule(ehcpStockFlow, tables(placement(consistent)))).toEqual([]);
  });

  it("should point at the new plans cell of the year that does not follow", () => {
    const reports = runRule(
      ehcpStockFlow,
      tables(placement({ ...consistent, ceasedPlans: [null, 4, 2] }))
    );
    expect(reports.map(at)).toEqual([["CYP summary", 13, 4]]);
    expect(reports[0]).toMatchObject({ expected: 6, actual: 10 });
    expect(reports[0].message).toContain("2024");
  });

  it("should allow a gap when the setting raises it", () => {
    const faulty = tables(placement({ ...consistent, ceasedPlans: [null, 4, 2] }));
    expect(runRule(ehcpStockFlow, faulty, { allowedGap: 4 })).toEqual([]);
  });

  it("should check LA-wide flows against the placements added up", () => {
    const years = censusYears(2022, 2023, 2024);
    const laWide = {
      sheet: "CYP summary",
      years,
      newPlans: row("CYP summary", 40, "New EHCPs", [null, 12, 15]),
      ceasedPlans: row("CYP summary", 41, "Ceased EHCPs", [null, 4, 7]),
    };
    const flowless = { ...consistent, newPlans: undefined, ceasedPlans: undefined };
    const template = ehcpTemplate({
      sheet: "CYP summary",
      placements: [placement(flowless), placement(post16)],
      laWide,
    });
    expect(runRule(ehcpStockFlow, template)).toEqual([]);
    const broken = ehcpTemplate({
      sheet: "CYP summary",
      placements: [placement(flowless), placement(post16)],
      laWide: { ...laWide, newPlans: row("CYP summary", 40, "New EHCPs", [null, 13, 15]) },
    });
    expect(runRule(ehcpStockFlow, broken).map(at)).toEqual([["CYP summary", 40, 3]]);
  });
});

describe("unit-cost-jump", () => {
  // Financial years 2021-22 .. 2023-24 in columns C..E; census 2022 pairs with 2021-22.
  const financialYears = [2021, 2022, 2023].map((start, i) => ({
    label: `${start}-${(start + 1) % 100}`,
    start,
    col: 2 + i,
  }));
  const withSpend = (spend: number[], ...placements: PlacementTables[]): LocatedTemplate =>
    ehcpTemplate(
      { sheet: "CYP summary", placements },
      {
        financial: {
          sheet: "Financial summary",
          years: financialYears,
          blocks: [
            {
              sheet: "Financial summary",
              block: "high-needs",
              years: financialYears,
              headingRow: 20,
              heading: "High needs block",
              expenditure: { ...row("Financial summary", 24, "Expenditure", spend) },
              expenditureLines: [],
              subtotals: [],
              deductions: [],
            },
          ],
        },
      }
    );

  // 100 plans in total: 80 mainstream + 20 post-16 in 2022, 86 + 22 = 108 in 2023, 92 + 24 = 116 in 2024.
  const steady = [4.0, 4.32, 4.64];

  it("should pass a steady cost per EHCP and placement mix", () => {
    expect(
      runRule(unitCostJump, withSpend(steady, placement(consistent), placement(post16)))
    ).toEqual([]);
  });

  it("should point at the high needs expenditure of the financial year paired with the census", () => {
    const reports = runRule(
      unitCostJump,
      withSpend([4.0, 4.32, 6.0], placement(consistent), placement(post16))
    );
    expect(reports.map(at)).toEqual([["Financial summary", 24, 4]]);
    expect(reports[0].message).toMatch(
      /Cost per EHCP rises 29\.3% from £40,000 \(census 2023, 2022-23\)/
    );
  });

  it("should report a one-year spike once, at the year out of line", () => {
    const reports = runRule(
      unitCostJump,
      withSpend([4.0, 3.0, 4.64], placement(consistent), placement(post16))
    );
    expect(reports.map(at)).toEqual([["Financial summary", 24, 3]]);
    expect(reports[0].message).toContain("Cost per EHCP falls 30.6%");
  });

  it("should follow an overridden threshold", () => {
    const template = withSpend([4.0, 4.32, 6.0], placement(consistent), placement(post16));
    expect(runRule(unitCostJump, template, { costJumpPercent: 30 })).toEqual([]);
  });

  it("should report a placement share moving more than 5 points at its total cell", () => {
    const grown = {
      ...post16,
      ageTotal: [20, 22, 44],
      byAge: { "16-to-19": [15, 16, 38], "20-to-25": [5, 6, 6] },
    };
    const reports = runRule(
      unitCostJump,
      withSpend([4.0, 4.32, 5.44], placement(consistent), placement(grown))
    );
    expect(reports.map(at)).toEqual([
      ["CYP summary", 8, 4],
      ["CYP summary", 22, 4],
    ]);
    expect(reports[0].message).toMatch(
      /^Mainstream schools or academies: share of all EHCPs falls 12 percentage points, from 79\.6% in 2023 to 67\.6% in 2024/
    );
  });
});

describe("ehcp-totals on random tables", () => {
  const counts = fc.array(fc.nat(500), { minLength: 3, maxLength: 3 });
  const sum = (rows: number[][]) =>
    rows[0].map((_, i) => rows.reduce((total, r) => total + r[i], 0));

  it("should pass any table whose totals are the sums of its rows", () => {
    fc.assert(
      fc.property(counts, counts, counts, (under5, fiveTo10, elevenTo15) => {
        const total = sum([under5, fiveTo10, elevenTo15]);
        const figures = {
          byAge: { "under-5": under5, "5-to-10": fiveTo10, "11-to-15": elevenTo15 },
          ageTotal: total,
          byNeed: { ASD: total },
          needTotal: total,
        };
        expect(runRule(ehcpTotals, tables(placement(figures)))).toEqual([]);
      })
    );
  });

  it("should report a changed row's year at the age total, and nothing else", () => {
    fc.assert(
      fc.property(
        counts,
        counts,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 50 }),
        (a, b, year, change) => {
          const total = sum([a, b]);
          const changed = a.map((n, i) => (i === year ? n + change : n));
          const figures = {
            byAge: { "under-5": changed, "5-to-10": b },
            ageTotal: total,
            byNeed: { ASD: total },
            needTotal: total,
          };
          const reports = runRule(ehcpTotals, tables(placement(figures)));
          expect(reports.map(at)).toEqual([["CYP summary", 7, 2 + year]]);
        }
      )
    );
  });
});
