import type { Sheet, Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";

/** A small DfE-like workbook: numbers, text, a formula, an error, a hidden sheet, a merge and a blank sheet. */
export function smallWorkbook(): Workbook {
  const summary: Sheet = {
    ...sheetFromRows(
      "Financial summary",
      [
        ["DSG management plan", null, null],
        ["Year", "2024-25", "2025-26"],
        ["Brought forward", 1.5, { f: "=B4", v: 2.25, fmt: "#,##0.000" }],
        ["Carried forward", 2.25, { error: "#REF!" }],
        ["Note", "#N/A", true],
      ],
      "General"
    ),
    top: 2,
    left: 1,
    merges: [{ top: 2, left: 1, bottom: 2, right: 3 }],
  };
  return {
    sheets: [
      summary,
      { ...sheetFromRows("Lookups", [["a", 1]]), visibility: "hidden" },
      sheetFromRows("Blank", []),
    ],
  };
}

/** One sheet of `rows` rows by `cols` numbers, plus a small second sheet. */
export function largeWorkbook(rows: number, cols = 6): Workbook {
  const grid = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => r * cols + c)
  );
  return { sheets: [sheetFromRows("Pupil data", grid), sheetFromRows("Notes", [["checked"]])] };
}
