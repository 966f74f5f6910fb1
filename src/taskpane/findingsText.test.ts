import { describe, expect, it } from "vitest";
import type { Finding } from "../validation/finding";
import { findingPlace, findingsAsText, groupFindings, summaryLine } from "./findingsText";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "roll-forward",
  severity: "error",
  sheet: "Financial summary",
  address: "F24",
  message: "Does not roll forward.",
  ...over,
});

describe("summaryLine", () => {
  it.each([
    [{ error: 0, warning: 0, info: 0 }, "0 errors"],
    [{ error: 3, warning: 2, info: 1 }, "3 errors · 2 warnings · 1 note"],
    [{ error: 1, warning: 0, info: 2 }, "1 error · 2 notes"],
    [{ error: 0, warning: 1, info: 0 }, "0 errors · 1 warning"],
  ])("should describe %o as %s", (summary, text) => {
    expect(summaryLine(summary)).toBe(text);
  });
});

describe("findingPlace", () => {
  it.each([
    [finding({}), "'Financial summary'!F24"],
    [finding({ sheet: "EHCP", address: "C4:H4" }), "EHCP!C4:H4"],
    [finding({ sheet: "", address: "" }), "Workbook"],
  ])("should write the place of %o as %s", (f, place) => {
    expect(findingPlace(f)).toBe(place);
  });
});

describe("groupFindings", () => {
  it("should put errors first, then warnings, then notes, each split by sheet in order of appearance", () => {
    const groups = groupFindings([
      finding({ severity: "info", sheet: "B" }),
      finding({ severity: "error", sheet: "B" }),
      finding({ severity: "error", sheet: "A" }),
      finding({ severity: "error", sheet: "B", address: "G24" }),
    ]);
    expect(
      groups.map((g) => [g.severity, g.sheets.map((s) => [s.sheet, s.findings.length])])
    ).toEqual([
      [
        "error",
        [
          ["B", 2],
          ["A", 1],
        ],
      ],
      ["info", [["B", 1]]],
    ]);
  });
});

describe("findingsAsText", () => {
  it("should list each finding with its severity, place, message and rule under a summary line", () => {
    const text = findingsAsText(
      [finding({}), finding({ severity: "warning", rule: "funding-uplift", message: "Up 12%." })],
      "DSG deficit management plan"
    );
    expect(text.split("\n")).toEqual([
      "DSG check: DSG deficit management plan",
      "1 error · 1 warning",
      "",
      "Error\t'Financial summary'!F24\tDoes not roll forward. [roll-forward]",
      "Warning\t'Financial summary'!F24\tUp 12%. [funding-uplift]",
      "",
    ]);
  });

  it("should say so when no template was recognised", () => {
    expect(findingsAsText([], null)).toMatch(/^DSG check: template not recognised\n0 errors\n/);
  });
});
