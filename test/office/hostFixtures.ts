import type { CellValue, Sheet, Workbook } from "../../src/workbook/workbook";
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

/** The accounting format Excel gives pounds (about 50 characters a cell in `Range.numberFormat`). */
export const ACCOUNTING = '_-£* #,##0.00_-;\\-£* #,##0.00_-;_-£* "-"??_-;_-@_-';
const WORKING_SHEETS = [
  "Pupil data",
  "Place funding",
  "Top-up rates",
  "School budgets",
  "Workings",
];
const PLACEMENTS = [
  "Mainstream",
  "Resourced provision",
  "Maintained special",
  "Independent special",
];
const WORKING_ROWS = 20_000;
const WORKING_COLS = 17;

/**
 * A working sheet of the kind councils keep beside the plan, 17 columns wide: a record id and placement,
 * a date, ten figures in pounds (accounting format) or to three places, every third worked out by a
 * formula, a row total, a share in per cent and two formatted columns never filled in.
 */
function workingSheet(name: string, rows: number, seed: number): Sheet {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: string[][] = [];
  values.push(Array.from({ length: WORKING_COLS }, (_, c) => `${name} column ${c + 1}`));
  formulas.push(Array<string | null>(WORKING_COLS).fill(null));
  formats.push(Array<string>(WORKING_COLS).fill("General"));
  for (let r = 1; r < rows; r++) {
    const v: CellValue[] = [
      `${name.slice(0, 3).toUpperCase()}${String(r * 7919 + seed).padStart(8, "0")}`,
    ];
    const f: (string | null)[] = [null];
    const fmt: string[] = ["General"];
    v.push(PLACEMENTS[r % PLACEMENTS.length]);
    f.push(null);
    fmt.push("General");
    v.push(45_000 + ((r * 37) % 1_500));
    f.push(null);
    fmt.push("dd/mm/yyyy");
    let sum = 0;
    for (let k = 0; k < 10; k++) {
      const value = ((r * 104_729 + k * 7_907 + seed) % 2_500_000) / 100;
      sum += value;
      v.push(value);
      f.push(k % 3 === 2 ? `=ROUND(${String.fromCharCode(67 + k)}${r + 1}*1.034,2)` : null);
      fmt.push(k % 3 === 0 ? "#,##0.000" : ACCOUNTING);
    }
    v.push(Math.round(sum * 100) / 100, (r % 97) / 1_000, null, null);
    f.push(`=SUM(D${r + 1}:M${r + 1})`, `=N${r + 1}/N$1`, null, null);
    fmt.push(ACCOUNTING, "0.0%", ACCOUNTING, ACCOUNTING);
    values.push(v);
    formulas.push(f);
    formats.push(fmt);
  }
  return {
    name,
    visibility: "visible",
    top: 0,
    left: 0,
    values,
    formulas,
    numberFormats: formats,
    merges: [],
  };
}

/**
 * A plan (`plan`, about 3,000 cells) with working sheets beside it until the used ranges hold about
 * `cells` cells: figures with realistic number formats, for measuring what the Office reader's calls carry.
 */
export function realisticWorkbook(plan: Workbook, cells: number): Workbook {
  const sheets = [...plan.sheets];
  const used = (s: Sheet) => s.values.length * (s.values[0]?.length ?? 0);
  let left = cells - sheets.reduce((sum, s) => sum + used(s), 0);
  for (let i = 0; left >= WORKING_COLS * 2; i++) {
    const rows = Math.min(WORKING_ROWS, Math.floor(left / WORKING_COLS));
    const base = WORKING_SHEETS[i % WORKING_SHEETS.length];
    sheets.push(workingSheet(i < WORKING_SHEETS.length ? base : `${base} ${i + 1}`, rows, i));
    left -= rows * WORKING_COLS;
  }
  return { sheets };
}
