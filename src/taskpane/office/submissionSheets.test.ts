import { describe, expect, it } from "vitest";
import { comparisonRows } from "./comparisonSheet";
import { freeSheetName } from "./prepareSubmission";
import { compareVersions } from "../../validation/compare/compare";
import { locateTemplate } from "../../templates/locate";
import { VERSION_PAIRS } from "../../../examples/versions/versions";

describe("freeSheetName", () => {
  it.each([
    [[], "DSG submission audit"],
    [["Financial summary"], "DSG submission audit"],
    [["DSG submission audit"], "DSG submission audit 2"],
    [["dsg submission AUDIT", "DSG submission audit 2"], "DSG submission audit 3"],
  ])("should name the audit sheet beside %j %s", (taken, name) => {
    expect(freeSheetName(taken)).toBe(name);
  });
});

describe("comparisonRows", () => {
  const pair = VERSION_PAIRS.find((p) => p.name === "reprofiled")!;
  const comparison = compareVersions(locateTemplate(pair.older()), locateTemplate(pair.newer()));
  const compared = {
    olderName: "=plan september.xlsx",
    template: {
      id: "dsg-management-plan",
      name: "DSG deficit management plan",
      unit: "£m",
      sign: "deficit-positive",
    },
    comparison,
  };
  const { rows, tableRow, boldRows } = comparisonRows(compared, new Date(Date.UTC(2026, 11, 7)));

  it("should give the heading, the summary and each section's sentences, then a row a change", () => {
    expect(rows[0][0]).toBe("DSG comparison");
    // A file name that starts like a formula stays text.
    expect(rows[2].slice(0, 2)).toEqual(["Older version", "'=plan september.xlsx"]);
    expect(rows[5].slice(0, 2)).toEqual(["Summary", comparison.summary]);
    expect(rows[7][0]).toBe("End of year positions");
    expect(rows[8].slice(0, 2)).toEqual([
      "",
      "2026-27 carried forward up £4.200m, from £99.198m to £103.398m: in-year +£5.100m, Safety Valve −£0.900m",
    ]);
    expect(rows[tableRow]).toEqual([
      "Section",
      "Row",
      "Year",
      "Sheet",
      "Cell",
      "Before",
      "After",
      "Difference",
    ]);
    expect(rows.length - tableRow - 1).toBe(comparison.changes.length);
    expect(rows[tableRow + 1]).toEqual([
      "End of year positions",
      "Cumulative deficit brought forward",
      "2027-28",
      "Financial summary",
      "I49",
      99.1978,
      103.3978,
      4.2,
    ]);
    expect(boldRows).toContain(tableRow);
    expect(rows.every((row) => row.length === 8)).toBe(true);
  });
});
