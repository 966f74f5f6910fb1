import { describe, expect, it } from "vitest";
import { evaluateFormula, WorkbookDraft } from "../../examples/draft";
import type { CellValue } from "../../src/workbook/workbook";

/** A1:C2 of a tiny sheet: numbers, a text "tbc" and an error. */
const GRID: CellValue[][] = [
  [1.5, 2.25, "tbc"],
  [4, { error: "#REF!" }, null],
];
const lookup = (row: number, col: number) => GRID[row]?.[col] ?? null;

describe("evaluateFormula", () => {
  it.each([
    ["=A1+B1", 3.75],
    ["=SUM(A1:C1)", 3.75],
    ["=SUM(A1:A2,C2)", 5.5],
    ["=A2-(A1+B1)", 0.25],
    ["=-(A1+A2)", -5.5],
    ["=C2+1", 1],
    ["=A1+C1", { error: "#VALUE!" }],
    ["=SUM(A1:B2)", { error: "#REF!" }],
    ["=A1+B2", { error: "#REF!" }],
  ])("should evaluate %s to %j", (formula, expected) => {
    expect(evaluateFormula(formula, lookup)).toEqual(expected);
  });

  it("should add money in decimals, without binary rounding noise", () => {
    expect(evaluateFormula("=A1+B1", (_, col) => (col === 0 ? 0.1 : 0.2))).toBe(0.3);
  });
});

describe("WorkbookDraft", () => {
  it("should cache each formula's result and keep uncached formulas empty", () => {
    const draft = new WorkbookDraft();
    const sheet = draft.addSheet("Financial summary");
    sheet.set(0, 0, 2);
    sheet.set(0, 1, 3);
    sheet.set(0, 2, "=A1+B1");
    sheet.set(0, 3, "=C1+1");
    draft.cell({ sheet: "Financial summary", row: 0, col: 3 }).uncached = true;
    expect(draft.toWorkbook().sheets[0].values).toEqual([[2, 3, 5, null]]);
  });

  it("should move cells, merges and references down when rows are inserted", () => {
    const draft = new WorkbookDraft();
    const sheet = draft.addSheet("S");
    sheet.set(0, 0, "Title");
    sheet.merge(0, 0, 0, 1);
    sheet.set(1, 0, 1);
    sheet.set(2, 0, 2);
    sheet.set(3, 0, "=SUM(A2:A3)");
    sheet.insertRows(2, 1);
    const { values, formulas, merges } = draft.toWorkbook().sheets[0];
    expect([values.map((r) => r[0]), formulas[4][0], merges]).toEqual([
      ["Title", 1, null, 2, 3],
      "=SUM(A2:A4)",
      [{ top: 0, left: 0, bottom: 0, right: 1 }],
    ]);
  });
});
