import { describe, expect, it } from "vitest";
import { changed, consistent, findingsOf, type Summary } from "./engineSupport";
import { managementPlan } from "../../examples/examples";
import { validateWorkbook } from "../../src/validation/validate";
import type { Sheet } from "../../src/workbook/workbook";

describe("bad-value", () => {
  it.each([
    ["the consistent summary", consistent(), []],
    ["text in a figure", changed((s) => (s.inYear[1] = "n/a")), ["C6"]],
    ["an error value", changed((s) => (s.broughtForward[2] = { error: "#REF!" })), ["D5"]],
    ["a boolean", changed((s) => (s.payments[0] = true)), ["B7"]],
    ["a blank optional figure", changed((s) => (s.contribution[1] = null)), []],
    ["spaces only", changed((s) => (s.contribution[1] = "  ")), []],
    ["a dash for nil", changed((s) => (s.contribution[1] = "-")), []],
    [
      "formulas with no saved value (one finding for the row)",
      changed(
        (s) =>
          (s.carriedForward = [{ f: "=B5+B6+B7+B8", v: null }, 15, { f: "=D5+D6+D7+D8", v: null }])
      ),
      ["B9:D9"],
    ],
  ] as const)("should report %s", (_, summary, addresses) => {
    expect(findingsOf("bad-value", summary).map((f) => f.address)).toEqual(addresses);
  });

  it.each([
    [
      changed((s) => (s.inYear[1] = "n/a")),
      "In year DSG deficit for 2024-25 is text ('n/a') where a number is expected",
    ],
    [
      changed((s) => (s.broughtForward[2] = { error: "#DIV/0!" })),
      "Cumulative DSG deficit - brought forward for 2025-26 shows the error #DIV/0!",
    ],
    [
      changed((s) => (s.carriedForward[0] = { f: "=B5+B6", v: null })),
      "open and save the workbook in Excel so its formulas have values",
    ],
  ] as const)("should explain the problem in words (%#)", (summary, words) => {
    expect(findingsOf("bad-value", summary)[0].message).toContain(words);
  });
});

describe("hardcoded-total", () => {
  const formulas = (s: Summary) => {
    s.carriedForward = [
      { f: "=SUM(B5:B8)", v: 12 },
      { f: "=SUM(C5:C8)", v: 15 },
      { f: "=SUM(D5:D8)", v: 15 },
    ];
  };
  it.each([
    ["typed figures everywhere", consistent(), []],
    ["formulas everywhere", changed(formulas), []],
    [
      "a typed number between formulas",
      changed((s) => (formulas(s), (s.carriedForward[1] = 15))),
      ["C9"],
    ],
    [
      "a typed last forecast beside a formula",
      changed((s) => (formulas(s), (s.carriedForward[2] = 15))),
      ["D9"],
    ],
    [
      "a typed actual beside calculated forecasts",
      changed((s) => (formulas(s), (s.carriedForward[0] = 12))),
      [],
    ],
  ] as const)("should report %s", (_, summary, addresses) => {
    const findings = findingsOf("hardcoded-total", summary);
    expect(findings.map((f) => f.address)).toEqual(addresses);
    findings.forEach((f) => expect(f.severity).toBe("warning"));
  });
});

describe("year-sequence", () => {
  it.each([
    ["consecutive years", consistent(), []],
    ["years written 2024/25", changed((s) => (s.years = ["2023/24", "2024/25", "2025/26"])), []],
    ["a missing year", changed((s) => (s.years = ["2023-24", "2025-26", "2026-27"])), ["C3"]],
    ["a repeated year", changed((s) => (s.years = ["2023-24", "2024-25", "2024-25"])), ["D3"]],
    [
      "a heading that is not a year among the years",
      changed((s) => (s.years = ["2023-24", "2024-2S", "2025-26"])),
      ["C3"],
    ],
    ["a mistyped last heading", changed((s) => (s.years = ["2023-24", "2024-25", "2025"])), ["D3"]],
    [
      "nothing in headings that say when a forecast was made",
      changed(
        (s) => (s.years = ["Outturn 2023/24", "Month 9 forecast 2024/25", "Budget (Q3) 2025/26"])
      ),
      [],
    ],
    [
      "an actual year after a forecast",
      changed((s) => (s.kinds = ["Forecast", "Actual", null])),
      ["C3"],
    ],
  ] as const)("should report %s", (_, summary, addresses) => {
    expect(findingsOf("year-sequence", summary).map((f) => f.address)).toEqual(addresses);
  });

  it("should say which year is missing", () => {
    const [finding] = findingsOf(
      "year-sequence",
      changed((s) => (s.years = ["2023-24", "2025-26", "2026-27"]))
    );
    expect(finding.message).toBe(
      "Financial years jump from 2023-24 to 2025-26 in column C: 2024-25 is missing."
    );
  });
});

describe("year-sequence beside the years", () => {
  // The management plan's financial summary, with one more column after its last year.
  const withColumnAfterYears = (heading: string) => {
    const plan = managementPlan();
    const summary = plan.sheets.find((sheet) => sheet.name === "Financial summary")!;
    const header = summary.values.findIndex((row) =>
      row.some((v) => typeof v === "string" && /^\d{4}-\d{2}/.test(v))
    );
    const last = Math.max(
      ...summary.values[header].map((v, col) =>
        typeof v === "string" && /\d{4}-\d{2}/.test(v) ? col : -1
      )
    );
    const sheets = plan.sheets.map((sheet): Sheet => {
      if (sheet !== summary) return sheet;
      const values = sheet.values.map((row) => [...row, null]);
      values[header][last + 1] = heading;
      return { ...sheet, values };
    });
    return validateWorkbook({ sheets }).findings.filter((f) => f.rule === "year-sequence");
  };

  it.each([
    "Total 2024-29",
    "Change 2023-24 to 2028-29",
    "Notes",
    "% of total (2028-29)",
    "Share 2028-29",
    "Growth 2024-25 to 2028-29",
  ])("should take a column headed %j after the last year for what it is", (heading) => {
    expect(withColumnAfterYears(heading)).toEqual([]);
  });

  it("should take a budget column beside the last year's forecast for what it is", () => {
    expect(withColumnAfterYears("Budget 2028-29")).toEqual([]);
  });

  it("should still report a mistyped year after the last year", () => {
    expect(withColumnAfterYears("2030").map((f) => f.rule)).toEqual(["year-sequence"]);
  });
});

describe("year-sequence on census years", () => {
  it("should report a census heading that repeats the year before it", () => {
    const plan = managementPlan();
    const sheets = plan.sheets.map((sheet): Sheet => {
      if (sheet.name !== "CYP summary") return sheet;
      const values = sheet.values.map((row) => [...row]);
      values[4 - sheet.top][4 - sheet.left] = 2023; // E5: the 2024 heading of the first table
      return { ...sheet, values };
    });
    const findings = validateWorkbook({ sheets }).findings.filter(
      (f) => f.rule === "year-sequence"
    );
    expect(findings).toEqual([
      expect.objectContaining({
        sheet: "CYP summary",
        address: "E5",
        message:
          "Census year 2023 in column E repeats the year before it, where 2024 belongs: correct the heading.",
      }),
    ]);
  });
});

describe("year-sequence messages", () => {
  it("should say two headings are the wrong way round, not that a year is missing", () => {
    const found = findingsOf(
      "year-sequence",
      changed((s) => (s.years = ["2023-24", "2025-26", "2024-25"]))
    );
    expect(found.map((f) => [f.address, f.message])).toEqual([
      [
        "C3",
        "Financial years 2025-26 and 2024-25 in columns C and D are the wrong way round: years must increase by one from left to right.",
      ],
    ]);
  });
});
