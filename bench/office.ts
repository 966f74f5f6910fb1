/**
 * Benchmark of the Office.js reader (`npm run bench`, or `npx tsx bench/office.ts`): over office-addin-mock,
 * workbooks of about 3,000, 120,000 and 600,000 cells (the full-size plan, then working sheets of figures in
 * pounds with the accounting format `_-£* #,##0.00_-;…`, dates, per cents and formulas beside it) are read as
 * on Excel on the web and on the desktop. Prints, per workbook and platform, the number of `context.sync()`
 * calls and the bytes each call of the cell and format round trips returned, measured as the JSON of what
 * it returned (what the reader itself sizes its calls by), against the 4 MB aim; and, for comparison, what
 * one call per 100,000 cells of values, formulas, number formats and value types for every cell (the reader
 * before) would have returned. The counts and limits are asserted in test/office/officePayload.test.ts.
 */
import { fullSizePlan } from "../examples/examples";
import { jsonBytes } from "../src/workbook/office/readPlan";
import { readOfficeWorkbook, type OfficeReadCall } from "../src/workbook/officeReader";
import type { Workbook } from "../src/workbook/workbook";
import { sheetMayHoldSections } from "../src/templates/sheetWords";
import { realisticWorkbook } from "../test/office/hostFixtures";
import { installMockWorkbook, mockSheetOf, uninstallMockExcel } from "../test/office/officeMock";

const LIMIT = 4_000_000;
const MB = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const usedCells = (workbook: Workbook) =>
  workbook.sheets.reduce((sum, s) => sum + s.values.length * (s.values[0]?.length ?? 0), 0);

/** Bytes the reader before would have asked for: all four properties of every cell, 100,000 cells a call. */
function before(workbook: Workbook): { calls: number; largest: number } {
  let calls = 0;
  let largest = 0;
  let pack = 0;
  let cells = 0;
  for (const sheet of workbook.sheets) {
    const mock = mockSheetOf(sheet);
    if (mock.used === undefined) continue;
    const { top, left, rows, cols } = mock.used;
    const step = Math.max(1, Math.floor(100_000 / cols));
    for (let r = 0; r < rows; r += step) {
      const n = Math.min(step, rows - r);
      if (cells > 0 && cells + n * cols > 100_000) {
        largest = Math.max(largest, pack);
        calls += 1;
        pack = 0;
        cells = 0;
      }
      const block = mock.block(top + r, left, n, cols);
      pack += [block.values, block.formulas, block.numberFormat, block.valueTypes].reduce(
        (sum, grid) => sum + jsonBytes(grid),
        0
      );
      cells += n * cols;
    }
  }
  if (cells > 0) {
    largest = Math.max(largest, pack);
    calls += 1;
  }
  return { calls, largest };
}

async function measure(workbook: Workbook, platform: "OfficeOnline" | "PC") {
  const calls: OfficeReadCall[] = [];
  const mock = installMockWorkbook(workbook, platform);
  const start = process.hrtime.bigint();
  try {
    // As the pane reads: number formats only of the sheets that may hold a section.
    await readOfficeWorkbook(undefined, {
      onCall: (call) => calls.push(call),
      formatsFor: sheetMayHoldSections,
    });
  } finally {
    uninstallMockExcel();
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { syncs: mock.syncs, calls, seconds };
}

async function main(): Promise<void> {
  const plan = fullSizePlan();
  console.log(
    "Office.js reader over office-addin-mock: calls (context.sync) and the bytes each returned (JSON), aim < 4 MB"
  );
  for (const target of [3_000, 120_000, 600_000]) {
    const workbook = realisticWorkbook(plan, target);
    const old = before(workbook);
    console.log(
      `\n${usedCells(workbook).toLocaleString("en-GB")} cells on ${workbook.sheets.length} sheets` +
        ` (before: ${old.calls} cell calls, largest ${MB(old.largest)}${old.largest > LIMIT ? ", over" : ""})`
    );
    for (const platform of ["OfficeOnline", "PC"] as const) {
      const { syncs, calls, seconds } = await measure(workbook, platform);
      const largest = Math.max(...calls.map((c) => c.bytes));
      const list = calls
        .map((c) => `${c.stage === "Reading cells" ? "cells" : "formats"} ${MB(c.bytes)}`)
        .join(", ");
      console.log(
        `  ${platform === "PC" ? "desktop" : "web    "}: ${syncs} calls in all; largest ${MB(largest)}` +
          ` ${largest < LIMIT ? "(under 4 MB)" : "(OVER 4 MB)"};` +
          ` ${seconds.toFixed(1)} s in the mock\n    ${list}`
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
