/**
 * bad-value gives one finding per row, or per block of rows, with the same problem in the same columns:
 * a table typed as text in one year is one finding over its cells, pointing at the first of them.
 */
import { describe, expect, it } from "vitest";
import { locateEhcp } from "../../src/templates/ehcp/locateEhcp";
import { badValue } from "../../src/validation/rules/bad-value";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { ehcpTemplate, runRule } from "./ehcpSupport";

type Row = CellValue[];

/** Mainstream tables over three census years; `edit` changes the rows before the sheet is made. */
function reportsFor(edit: (rows: Row[]) => void) {
  const rows: Row[] = [
    ["Mainstream schools or academies"],
    ["Number of EHCPs by age group", 2023, 2024, 2025],
    ["Under 5", 10, 11, 12],
    ["Age 5 to 10", 40, 42, 45],
    ["Age 11 to 15", 30, 33, 35],
    ["Total number by Age Group", 80, 86, 92],
    ["Number of EHCPs by primary need", 2023, 2024, 2025],
    ["ASD", 50, 54, 57],
    ["SEMH", 30, 32, 35],
    ["Total number of EHCPs by primary need", 80, 86, 92],
  ];
  edit(rows);
  const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
  return runRule(badValue, ehcpTemplate(ehcp));
}

const asText = (rows: Row[], row: number, col: number) => (rows[row][col] = String(rows[row][col]));

describe("bad-value groups", () => {
  it.each(["*", "c", "[x]", "<5"])("should say a count shown as %j was held back", (mark) => {
    const [report] = reportsFor((rows) => (rows[3][2] = mark));
    expect(report.message).toContain("a count held back as in published statistics");
  });

  it("should report one cell as that cell", () => {
    const reports = reportsFor((rows) => asText(rows, 3, 2));
    expect(reports).toEqual([
      {
        message:
          "Mainstream schools or academies: Age 5 to 10 for 2024 is text ('42') where a number is expected: type the figure as a number.",
        at: { sheet: "CYP summary", row: 3, col: 2 },
      },
    ]);
  });

  it("should report a year of a table typed as text once, over its cells", () => {
    const reports = reportsFor((rows) => [2, 3, 4].forEach((r) => asText(rows, r, 2)));
    expect(reports).toEqual([
      {
        message:
          "Mainstream schools or academies: 3 figures from 'Under 5' to 'Age 11 to 15' for 2024 are " +
          "text where numbers are expected " +
          "('11', '42', '33'): type the figures as numbers.",
        at: { sheet: "CYP summary", row: 2, col: 2, bottom: 4, right: 2 },
      },
    ]);
  });

  it("should report a row typed as text in every year once", () => {
    const reports = reportsFor((rows) => [1, 2, 3].forEach((c) => asText(rows, 7, c)));
    expect(reports.map((r) => [r.message, r.at])).toEqual([
      [
        "Mainstream schools or academies: ASD for 2023 to 2025 are text where numbers are expected ('50', '54', '57'): type the figures as numbers.",
        { sheet: "CYP summary", row: 7, col: 1, bottom: 7, right: 3 },
      ],
    ]);
  });

  it("should report a block of rows and years as one finding", () => {
    const reports = reportsFor((rows) =>
      [7, 8].forEach((r) => [1, 2, 3].forEach((c) => asText(rows, r, c)))
    );
    expect(reports.map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: 7, col: 1, bottom: 8, right: 3 },
    ]);
    expect(reports[0].message).toMatch(
      /^Mainstream schools or academies: 6 figures from 'ASD' to 'SEMH' for 2023 to 2025 are text/
    );
  });

  it("should keep different problems and different tables apart", () => {
    const reports = reportsFor((rows) => {
      asText(rows, 2, 3);
      rows[3][3] = { error: "#REF!" };
      asText(rows, 7, 3); // the need table, below the age total
    });
    expect(reports.map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: 2, col: 3 },
      { sheet: "CYP summary", row: 3, col: 3 },
      { sheet: "CYP summary", row: 7, col: 3 },
    ]);
  });

  it("should report the same error in several cells of a row once", () => {
    const reports = reportsFor((rows) => {
      rows[5][1] = { error: "#REF!" };
      rows[5][3] = { error: "#REF!" };
    });
    expect(reports.map((r) => r.message)).toEqual([
      "Mainstream schools or academies: Total number by Age Group for 2023, 2025 show the error #REF!: correct the formulas or the cells they refer to.",
    ]);
  });
});
