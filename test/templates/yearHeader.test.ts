import { describe, expect, it } from "vitest";
import { columnKind, findYearHeader, parseYearHeading } from "../../src/templates/yearHeader";
import { sheetFromRows } from "../support/sheets";
import { labelSheet } from "../../src/templates/labels";

describe("parseYearHeading", () => {
  it.each([
    ["2024-25", 2024],
    ["2024/25", 2024],
    ["2024-2025", 2024],
    ["2024 to 2025", 2024],
    ["FY24/25", 2024],
    ["2023-24 Outturn", 2023],
    ["Forecast 2025/26", 2025],
    ["2024-25\n(Budget)", 2024],
    ["Month 9 forecast 2024/25", 2024],
    ["Q3 forecast 2024/25", 2024],
    ["P9 forecast 2024-25", 2024],
    ["Latest forecast 2024-25", 2024],
    ["Revised budget 2025/26", 2025],
    ["2024/25 (M9)", 2024],
    ["2024/25 Forecast (Q2)", 2024],
    ["Forecast at P9 2024/25", 2024],
    ["Outturn 23/24", 2023],
    ["SV Year 1 2024/25", 2024],
    ["Year 1\n2024/25", 2024],
    ["Outturn 2023/24 (s251)", 2023],
    ["Mitigated forecast 2024/25", 2024],
    ["Year ending March 2025", 2024],
    ["Year ended 31 March 2025", 2024],
    ["31 March 2025", 2024],
    ["As at 31st March 2025", 2024],
    ["March 2025", 2024],
    ["Mar-25", 2024],
    ["31/03/2025", 2024],
    ["Forecast 31.03.26", 2025],
    ["FY25", 2024],
    ["FY 2026", 2025],
    ["Forecast FY27", 2026],
    ["FY", null],
    ["31 May 2025", null],
    ["Total", null],
    ["Total 2024-29", null],
    ["Month 9", null],
    [2024, null],
  ] as const)("should read financial heading %j as %j", (value, expected) => {
    expect(parseYearHeading(value, "financial")).toBe(expected);
  });

  it.each([
    [2024, 2024],
    ["2024", 2024],
    ["Jan 2024", 2024],
    ["January 2025 (forecast)", 2025],
    [2024.5, null],
    // The January census of an academic year falls in its second calendar year.
    ["2024-25", 2025],
    ["2023/24", 2024],
    ["2023-2024", 2024],
    ["Jan-25", 2025],
    ["Jan 25", 2025],
    ["January-2025", 2025],
    ["Jan 2025", 2025],
    ["Jan-25 (actual)", 2025],
    ["Census 2025", 2025],
    ["January 2025 census", 2025],
    ["SEN2 2025", 2025],
    ["2025 (Jan)", 2025],
    ["Jan.2025", 2025],
    ["Jan 2025 - actual", 2025],
    ["Academic year 2023/24", 2024],
    ["2024/25 (Jan)", 2025],
    ["Jan 2024/25", 2025],
    ["2025*", 2025],
    ["Age 5-10", null],
    ["Under 5", null],
    ["Item 25", null],
    ["2024-26", null],
  ] as const)("should read census heading %j as %j", (value, expected) => {
    expect(parseYearHeading(value, "census")).toBe(expected);
  });
});

describe("parseYearHeading with a date format", () => {
  it.each([
    [45292, "mmm-yy", 2024],
    [45658, "dd/mm/yyyy", 2025],
    [45292, "[$-809]mmm yyyy;@", 2024],
    [2024, "General", 2024],
    [2024, "0", 2024],
  ] as const)("should read census %j shown as %j as %j", (value, format, expected) => {
    expect(parseYearHeading(value, "census", format)).toBe(expected);
  });

  it.each([
    [45747, "dd-mmm-yy", 2024], // 31 March 2025 ends 2024-25
    [45748, "mmm-yy", 2025], // 1 April 2025 starts 2025-26
    [2024, "General", null],
    [45424, "dd/mm/yyyy", null], // 12 May 2024: a date on the sheet, not a year heading
  ] as const)("should read financial %j shown as %j as %j", (value, format, expected) => {
    expect(parseYearHeading(value, "financial", format)).toBe(expected);
  });
});

describe("columnKind", () => {
  it.each([
    ["Actual", "actual"],
    ["2023-24 Outturn", "actual"],
    ["Forecast", "forecast"],
    ["Budget", "forecast"],
    ["2024-25", undefined],
    [12, undefined],
  ] as const)("should read %j as %j", (value, expected) => {
    expect(columnKind(value)).toBe(expected);
  });
});

describe("findYearHeader", () => {
  const at = (sheet: ReturnType<typeof sheetFromRows>) =>
    findYearHeader(sheet, "financial")?.years.map((y) => `${y.row}:${y.label}@${y.col}`);

  it("should end the header where a table beside it repeats the years after a gap", () => {
    const sheet = sheetFromRows("Financial summary", [
      ["£m", "2023/24", "2024/25", "2025/26", null, "Variance 2023/24", "Variance 2024/25"],
      ["In-year deficit", 1, 2, 3, null, 0, 0],
    ]);
    expect(at(sheet)).toEqual(["0:2023-24@1", "0:2024-25@2", "0:2025-26@3"]);
  });

  it("should leave out a variance or previous-plan column beside its year", () => {
    const sheet = sheetFromRows("Financial summary", [
      ["£m", "2023/24", "2024/25", "Variance 2024/25", "Previous plan 2025/26", "2025/26"],
    ]);
    expect(at(sheet)).toEqual(["0:2023-24@1", "0:2024-25@2", "0:2025-26@5"]);
  });

  it("should not take a row of counts that fall between 1900 and 2100 for census years", () => {
    const sheet = sheetFromRows("EHCPs", [
      ["Number of EHCPs by placement type"],
      ["Mainstream schools (incl. academies)", 1901, 2021, 2128],
      ["Placement", 2023, 2024, 2025],
    ]);
    expect(findYearHeader(sheet, "census")?.row).toBe(2);
  });

  it("should keep a year repeated in the very next column, for year-sequence to report", () => {
    const sheet = sheetFromRows("Financial summary", [
      ["£m", "2023/24", "2024/25", "2024/25", "2026/27"],
    ]);
    expect(at(sheet)).toEqual(["0:2023-24@1", "0:2024-25@2", "0:2024-25@3", "0:2026-27@4"]);
  });

  it("should not take a row naming one year over every column for the header", () => {
    const sheet = sheetFromRows("Financial summary", [
      [null, null, "Forecast as at P6 2024/25", "Forecast as at P6 2024/25"],
      ["£m", "Outturn 2023/24", "2024/25", "2025/26"],
    ]);
    expect(at(sheet)).toEqual(["1:2023-24@1", "1:2024-25@2", "1:2025-26@3"]);
  });

  it("should take the header beside the labels over a side table's header a row higher", () => {
    const sheet = sheetFromRows("Financial summary", [
      [null, null, null, null, null, "2023/24", "2024/25"],
      ["£m", "2023/24", "2024/25", "2025/26"],
      ["In-year deficit", 1, 2, 3],
    ]);
    expect(at(sheet)).toEqual(["1:2023-24@1", "1:2024-25@2", "1:2025-26@3"]);
  });

  it("should find financial years in any accepted format with kinds from the same cell", () => {
    const sheet = sheetFromRows("Financial summary", [
      ["Financial summary", null, null, null],
      ["£m", "2023-24 Outturn", "2024/25 Forecast", "2025 to 2026 Forecast"],
      ["Cumulative deficit brought forward", 1, 2, 3],
    ]);
    const header = findYearHeader(sheet, "financial");
    expect(header?.row).toBe(1);
    expect(header?.years).toEqual([
      { label: "2023-24", start: 2023, col: 1, row: 1, kind: "actual" },
      { label: "2024-25", start: 2024, col: 2, row: 1, kind: "forecast" },
      { label: "2025-26", start: 2025, col: 3, row: 1, kind: "forecast" },
    ]);
  });

  it("should take kinds from a banner row above, continuing a banner across blank cells", () => {
    const sheet = sheetFromRows("Financial summary", [
      [null, "Actual", "Forecast", null, null],
      ["£000", "FY23/24", "FY24/25", "FY25/26", "FY26/27"],
    ]);
    expect(findYearHeader(sheet, "financial")?.years.map((y) => y.kind)).toEqual([
      "actual",
      "forecast",
      "forecast",
      "forecast",
    ]);
  });

  it("should leave out a year's budget column beside its forecast", () => {
    const sheet = sheetFromRows("Financial summary", [
      [null, "Outturn 2023/24", "Budget 2024/25", "Forecast 2024/25", "Forecast 2025/26"],
    ]);
    expect(findYearHeader(sheet, "financial")?.years.map((y) => `${y.label} ${y.col}`)).toEqual([
      "2023-24 1",
      "2024-25 3",
      "2025-26 4",
    ]);
  });

  it("should keep budget columns that are the only ones for their years", () => {
    const sheet = sheetFromRows("Financial summary", [[null, "Budget 2024/25", "Budget 2025/26"]]);
    expect(findYearHeader(sheet, "financial")?.years.map((y) => y.col)).toEqual([1, 2]);
  });

  it("should read a banner merged across columns", () => {
    const base = sheetFromRows("Financial summary", [
      [null, "Outturn", null, null],
      [null, "2022-23", "2023-24", "2024-25"],
    ]);
    const sheet = labelSheet({ ...base, merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] });
    expect(findYearHeader(sheet, "financial")?.years.map((y) => y.kind)).toEqual([
      "actual",
      "actual",
      undefined,
    ]);
  });

  it("should need at least two years on the row", () => {
    const sheet = sheetFromRows("Cover", [
      ["Plan for", "2024-25"],
      ["Updated", "2025-26"],
    ]);
    expect(findYearHeader(sheet, "financial")).toBeUndefined();
  });

  it("should accept census years as numbers or text and take the first such row", () => {
    const sheet = sheetFromRows("CYP summary", [
      ["Number of EHCPs by age group", null, null],
      [null, 2024, "Jan 2025"],
      ["Under 5", 2030, 2031],
    ]);
    expect(findYearHeader(sheet, "census")).toEqual({
      row: 1,
      years: [
        { label: "2024", start: 2024, col: 1, row: 1 },
        { label: "2025", start: 2025, col: 2, row: 1 },
      ],
    });
  });

  it("should search only within the given area", () => {
    const sheet = sheetFromRows("Financial summary", [
      [null, "2023-24", "2024-25"],
      [null, null, null],
      [null, "2030-31", "2031-32"],
    ]);
    expect(findYearHeader(sheet, "financial", { top: 1 })?.row).toBe(2);
  });
});
