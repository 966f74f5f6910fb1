import { describe, expect, it } from "vitest";
import { displayedDecimals, findRow, readRow } from "../../src/templates/rows";
import type { YearColumn } from "../../src/templates/located";
import { sheetFromRows } from "../support/sheets";

describe("displayedDecimals", () => {
  it.each([
    ["#,##0.000", 1, 3],
    ["0.0", 1, 1],
    ["#,##0", 1.5, 0],
    ["#,##0.00_);(#,##0.00)", 1, 2],
    ['"£"#,##0.0,,"m"', 1, -5],
    ["0%", 0.1, 2],
    ["[Red]0.00", 1, 2],
    ["General", 28.706, 3],
    ["General", 1200, 0],
    ["General", 0.1 + 0.2, 1], // General shows ten significant digits: 0.3
    ["@", 3.25, 2],
  ] as const)("should read format %j (value %j) as %j decimals", (format, value, expected) => {
    expect(displayedDecimals(format, value)).toBe(expected);
  });
});

describe("readRow / findRow", () => {
  const years: YearColumn[] = [
    { label: "2023-24", start: 2023, col: 2 },
    { label: "2024-25", start: 2024, col: 3 },
  ];
  const sheet = sheetFromRows(
    "Financial summary",
    [
      [null, "Notes", "2023-24", "2024-25"],
      [
        null,
        "Cumulative DSG deficit - brought forward (deficit at beginning of year)",
        35.214,
        { f: "=C3", v: 28.706, fmt: "0.000" },
      ],
      [null, "Comment", "Cumulative deficit brought forward", 1],
    ],
    "#,##0.0"
  );

  it("should read each cell under its year column with value, formula and decimals", () => {
    const row = readRow(sheet, 1, 1, years);
    expect(row).toMatchObject({ sheet: "Financial summary", row: 1, labelCol: 1 });
    expect(row.cells).toEqual([
      { row: 1, col: 2, value: 35.214, formula: null, decimals: 1 },
      { row: 1, col: 3, value: 28.706, formula: "=C3", decimals: 3 },
    ]);
  });

  it("should find a row by a synonym followed by an explanation", () => {
    expect(
      findRow(
        sheet,
        ["Cumulative deficit brought forward", "Cumulative DSG deficit - brought forward"],
        undefined,
        years
      )?.row
    ).toBe(1);
  });

  it("should not take text among the figures for a label", () => {
    expect(
      findRow(sheet, ["Cumulative deficit brought forward"], { top: 2 }, years)
    ).toBeUndefined();
  });
});
