import { describe, expect, it } from "vitest";
import type { Finding } from "../finding";
import {
  checksLine,
  findingPlace,
  findingsAsText,
  groupFindings,
  notRunLines,
  summaryLine,
} from "./findingsText";

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

describe("checksLine", () => {
  const roll = {
    rule: "roll-forward",
    title: "Cumulative deficit rolls forward",
    needs: ["row 'Cumulative deficit carried forward' of 'Summary of end of year positions'"],
  };
  const ehcp = {
    rule: "ehcp-totals",
    title: "EHCP totals add up",
    needs: ["the tables 'Number of EHCPs by age group' and 'by primary need'"],
  };

  it.each([
    [{ ran: 27, of: 27, notRun: [] }, true, "27 of 27 checks ran"],
    [
      { ran: 26, of: 27, notRun: [roll] },
      true,
      "26 of 27 checks ran; 1 needs a row that was not found",
    ],
    [
      { ran: 24, of: 27, notRun: [roll, roll, roll] },
      true,
      "24 of 27 checks ran; 3 need rows that were not found",
    ],
    [
      { ran: 25, of: 27, notRun: [roll, ehcp] },
      true,
      "25 of 27 checks ran; 2 need rows or sections that were not found",
    ],
    [{ ran: 0, of: 0, notRun: [] }, true, "No checks ran"],
    [
      { ran: 0, of: 27, notRun: [] },
      false,
      "No checks ran: the workbook was not recognised as a DfE template",
    ],
  ])("should describe %o as %s", (checks, recognised, line) => {
    expect(checksLine(checks, recognised)).toBe(line);
  });

  it("should list each check that did not run with what it needed, in the copied text too", () => {
    const checks = { ran: 26, of: 27, notRun: [roll] };
    const line =
      "roll-forward (Cumulative deficit rolls forward) needs row 'Cumulative deficit carried forward' of 'Summary of end of year positions'";
    expect(notRunLines(checks)).toEqual([line]);
    expect(findingsAsText([], "DSG deficit management plan", checks).split("\n")).toEqual([
      "DSG check: DSG deficit management plan",
      "0 errors",
      "26 of 27 checks ran; 1 needs a row that was not found",
      `  ${line}`,
      "",
      "",
    ]);
  });
});
