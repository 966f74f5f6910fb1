/**
 * bad-value's wording for each kind of problem, and which cells it takes as one block: what a finance
 * lead reads to find and fix a cell that is not a number.
 */
import { describe, expect, it } from "vitest";
import { locateEhcp } from "../../src/templates/ehcp/locateEhcp";
import { badValue } from "../../src/validation/rules/bad-value";
import type { PlacementTables } from "../../src/templates/ehcp/ehcpModel";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { censusYears, ehcpTemplate, placement, row, runRule } from "./ehcpSupport";
import { AT, planWorkbook, runRule as runOnPlan, SHEET } from "./financialSupport";

type Row = (CellValue | { f: string; v: CellValue })[];

/** Mainstream tables over four census years; `edit` changes the rows before the sheet is made. */
function reportsFor(edit: (rows: Row[]) => void) {
  const rows: Row[] = [
    ["Mainstream schools or academies"],
    ["Number of EHCPs by age group", 2022, 2023, 2024, 2025],
    ["Under 5", 10, 11, 12, 13],
    ["Age 5 to 10", 40, 42, 45, 46],
    ["Age 11 to 15", 30, 33, 35, 36],
    ["Total number by Age Group", 80, 86, 92, 95],
    ["Number of EHCPs by primary need", 2022, 2023, 2024, 2025],
    ["ASD", 50, 54, 57, 60],
    ["SEMH", 30, 32, 35, 35],
    ["Total number of EHCPs by primary need", 80, 86, 92, 95],
  ];
  edit(rows);
  const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
  return runRule(badValue, ehcpTemplate(ehcp));
}

const messages = (edit: (rows: Row[]) => void) => reportsFor(edit).map((r) => r.message);
const ASD = "Mainstream schools or academies: ASD for";

describe("bad-value wording", () => {
  it("should name each error value in its own finding", () => {
    expect(
      messages((rows) => {
        rows[7][1] = { error: "#REF!" };
        rows[7][3] = { error: "#DIV/0!" };
      })
    ).toEqual([
      `${ASD} 2022 shows the error #REF!: correct the formula or the cell it refers to.`,
      `${ASD} 2024 shows the error #DIV/0!: correct the formula or the cell it refers to.`,
    ]);
  });

  it("should say a TRUE or FALSE is not a figure", () => {
    expect(messages((rows) => (rows[7][2] = true))).toEqual([
      `${ASD} 2023 is TRUE where a number is expected.`,
    ]);
    expect(messages((rows) => (rows[7][2] = false))).toEqual([
      `${ASD} 2023 is FALSE where a number is expected.`,
    ]);
    expect(
      messages((rows) => {
        rows[7][2] = true;
        rows[7][3] = false;
      })
    ).toEqual([`${ASD} 2023, 2024 are TRUE or FALSE where numbers are expected.`]);
  });

  it("should show text and held-back counts as typed, without the spaces around them", () => {
    expect(messages((rows) => (rows[7][2] = " 54 "))).toEqual([
      `${ASD} 2023 is text ('54') where a number is expected: type the figure as a number.`,
    ]);
    expect(messages((rows) => (rows[7][2] = " c "))).toEqual([
      `${ASD} 2023 is 'c', a count held back as in published statistics: the plan needs the count itself.`,
    ]);
    expect(
      messages((rows) => {
        rows[7][2] = "*";
        rows[7][3] = " [c] ";
      })
    ).toEqual([
      `${ASD} 2023, 2024 are counts held back as in published statistics ('*', '[c]'): the plan needs the counts themselves.`,
    ]);
  });

  it("should not take a blank cell or a nil dash for a bad value", () => {
    expect(
      reportsFor((rows) => {
        rows[7][2] = null;
        rows[7][3] = "-";
        rows[7][4] = "  ";
      })
    ).toEqual([]);
  });

  it("should show the first three texts of a row and say there are more", () => {
    expect(
      messages((rows) => [1, 2, 3, 4].forEach((c) => (rows[7][c] = `${rows[7][c]} `)))
    ).toEqual([
      `${ASD} 2022 to 2025 are text where numbers are expected ('50', '54', '57', …): type the figures as numbers.`,
    ]);
  });

  it("should list years that do not run on, and two years side by side, one by one", () => {
    expect(messages((rows) => [1, 3, 4].forEach((c) => (rows[7][c] = { error: "#N/A" })))).toEqual([
      `${ASD} 2022, 2024, 2025 show the error #N/A: correct the formulas or the cells they refer to.`,
    ]);
    expect(messages((rows) => [2, 3].forEach((c) => (rows[7][c] = { error: "#N/A" })))).toEqual([
      `${ASD} 2023, 2024 show the error #N/A: correct the formulas or the cells they refer to.`,
    ]);
  });

  it("should say how many formulas in a row have no saved value", () => {
    const one = reportsFor((rows) => (rows[5][2] = { f: "=SUM(C3:C5)", v: null }));
    expect(one).toEqual([
      {
        message:
          "Total number by Age Group has a formula with no saved value, so the figures cannot be checked: open " +
          "and save the workbook in Excel so its formulas have values.",
        at: { sheet: "CYP summary", row: 5, col: 2, bottom: 5, right: 2 },
      },
    ]);
    const three = reportsFor((rows) =>
      [1, 2, 4].forEach((c) => (rows[5][c] = { f: `=SUM(${"ABCDE"[c]}3:${"ABCDE"[c]}5)`, v: null }))
    );
    expect(three.map((r) => [r.message.slice(0, 48), r.at])).toEqual([
      [
        "Total number by Age Group has 3 formulas with no",
        { sheet: "CYP summary", row: 5, col: 1, bottom: 5, right: 4 },
      ],
    ]);
  });
});

describe("bad-value blocks", () => {
  /** One placement's age rows at the given sheet rows, with the given values in years 2022-2024. */
  function ageRows(at: readonly [number, CellValue[]][], name = "Mainstream schools or academies") {
    const groups = ["under-5", "5-to-10", "11-to-15", "16-to-19"] as const;
    const base = placement({ name });
    const p: PlacementTables = {
      ...base,
      years: censusYears(2022, 2023, 2024),
      byAge: {
        rows: at.map(([sheetRow, values], i) => ({
          key: groups[i],
          row: row("CYP summary", sheetRow, `Age row ${sheetRow}`, values),
        })),
      },
      byNeed: { rows: [] },
    };
    return p;
  }
  const run = (...placements: PlacementTables[]) =>
    runRule(badValue, ehcpTemplate({ sheet: "CYP summary", placements }));

  it("should join rows one blank row apart, not rows further apart", () => {
    const reports = run(
      ageRows([
        [5, [1, "x1", 3]],
        [7, [1, "x2", 3]],
        [10, [1, "x3", 3]],
      ])
    );
    expect(reports.map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: 5, col: 3, bottom: 7, right: 3 },
      { sheet: "CYP summary", row: 10, col: 3 },
    ]);
    expect(reports[0].message).toBe(
      "Mainstream schools or academies: 2 figures from 'Age row 5' to 'Age row 7' for 2023 are text where " +
        "numbers are expected ('x1', 'x2'): type the figures as numbers."
    );
  });

  it("should not join rows whose bad cells are in other years", () => {
    const wider = run(
      ageRows([
        [5, ["n/k", 2, 3]],
        [6, ["tbc", "tbc", 3]],
      ])
    );
    expect(wider.map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: 5, col: 2 },
      { sheet: "CYP summary", row: 6, col: 2, bottom: 6, right: 3 },
    ]);
    const shifted = run(
      ageRows([
        [5, ["tbc", "tbc", 3]],
        [6, ["tbc", 2, "tbc"]],
      ])
    );
    expect(shifted).toHaveLength(2);
  });

  it("should not join the last row of one placement with the first of the next", () => {
    const reports = run(
      ageRows([[5, [1, "tbc", 3]]]),
      ageRows([[6, [1, "tbc", 3]]], "Special schools")
    );
    expect(reports.map((r) => r.message)).toEqual([
      "Mainstream schools or academies: Age row 5 for 2023 is text ('tbc') where a number is expected: type the figure as a number.",
      "Special schools: Age row 6 for 2023 is text ('tbc') where a number is expected: type the figure as a number.",
    ]);
  });
});

describe("bad-value on the financial summary", () => {
  it("should name the row and year, with no placement before them", () => {
    expect(runOnPlan(badValue, planWorkbook([[AT.inYear, 1, "9.9m"]]))).toEqual([
      {
        sheet: SHEET,
        address: "D4",
        message:
          "Total DSG in-year deficit for 2025-26 is text ('9.9m') where a number is expected: type the figure as a number.",
      },
    ]);
  });

  it("should report a Safety Valve agreement total that is not a number", () => {
    const reports = runOnPlan(badValue, planWorkbook([[AT.agreementTotal, 0, "£15m"]]));
    expect(reports).toEqual([
      {
        sheet: SHEET,
        address: "C49",
        message:
          "Agreement total is text ('£15m') where a number is expected: type the figure as a number.",
      },
    ]);
  });
});
