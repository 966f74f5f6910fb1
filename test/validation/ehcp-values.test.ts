import { describe, expect, it } from "vitest";
import { ehcpValues } from "../../src/validation/rules/ehcp-values";
import type { PlacementTables } from "../../src/templates/ehcp/ehcpModel";
import {
  censusYears,
  ehcpTemplate,
  placement,
  row,
  runRule,
  type PlacementFigures,
} from "./ehcpSupport";

// Sheet rows from 5: ages (5-7), age total (8), needs (9-11), need total (12); years 2022-2024 in C-E.
const consistent: PlacementFigures = {
  byAge: { "under-5": [10, 11, 12], "5-to-10": [40, 42, 45], "11-to-15": [30, 33, 35] },
  ageTotal: [80, 86, 92],
  byNeed: { ASD: [30, 32, 35], SEMH: [20, 22, 24], SLCN: [30, 32, 33] },
  needTotal: [80, 86, 92],
};

const run = (
  placements: PlacementTables[],
  laWide?: Parameters<typeof ehcpTemplate>[0]["laWide"]
) => runRule(ehcpValues, ehcpTemplate({ sheet: "CYP summary", placements, laWide }));

describe("ehcp-values", () => {
  it("should check the total rows' counts too", () => {
    const reports = run([
      placement({ ...consistent, ageTotal: [80, 86.5, 92], needTotal: [80, 86, -92] }),
    ]);
    expect(reports.map((r) => r.message)).toEqual([
      "Mainstream schools or academies 2023: 'Total number by age group' (86.5) is not a whole number.",
      "Mainstream schools or academies 2024: 'Total number of EHCPs by primary need' (-92) is negative; counts must be 0 or more.",
    ]);
    expect(reports.map((r) => r.actual)).toEqual([86.5, -92]);
  });

  it("should check a placement without total rows, or without an age table", () => {
    const noTotals = placement({ ...consistent, ageTotal: undefined, needTotal: undefined });
    expect(run([noTotals])).toEqual([]);
    const needsOnly = {
      ...placement({ ...consistent, byNeed: { ASD: [30, -1, 35] } }),
      byAge: undefined,
    };
    expect(run([needsOnly]).map((r) => r.at)).toEqual([{ sheet: "CYP summary", row: 9, col: 3 }]);
  });

  it("should tell where an under-16 count in the post-16 placement belongs", () => {
    const post16 = placement({
      placement: "post-16",
      name: "Post 16 and further education",
      byAge: { "11-to-15": [2, 0, null], "16-to-19": [15, 16, 18] },
    });
    expect(run([post16])).toEqual([
      {
        message:
          "Post 16 and further education 2022: 2 plans in the '11-to-15' row, but a post-16 placement only has " +
          "the 16 to 19 and 20 to 25 age groups. Move these plans to their placement.",
        at: { sheet: "CYP summary", row: 5, col: 2 },
        expected: 0,
        actual: 2,
      },
    ]);
  });

  it("should check the LA-wide flows and total for all placements", () => {
    const laWide = {
      sheet: "CYP summary",
      years: censusYears(2022, 2023, 2024),
      total: row("CYP summary", 39, "Total EHCPs", [100, 108.5, 116]),
      newPlans: row("CYP summary", 40, "New EHCPs", [null, 12, -15]),
      ceasedPlans: row("CYP summary", 41, "Ceased EHCPs", [null, 4, 7]),
    };
    expect(run([placement(consistent)], laWide).map((r) => r.message)).toEqual([
      "All placements 2024: 'New EHCPs' (-15) is negative; counts must be 0 or more.",
      "All placements 2023: 'Total EHCPs' (108.5) is not a whole number.",
    ]);
  });
});
