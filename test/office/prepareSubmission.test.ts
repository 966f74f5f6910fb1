/**
 * Prepare for submission over the stand-in Excel host, on the DSG functions sample (every function, spilled
 * results included): plain Excel formulas where there are some, values elsewhere, one audit sheet, and no
 * other write. The workbook left behind, evaluated without the add-in, shows what the add-in showed.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { afterEach, describe, expect, it } from "vitest";
import { replaceForSubmission } from "../../src/taskpane/office";
import { functionsSample } from "../../src/functions/sampleWorkbook";
import { nativeFormulas } from "../../src/functions/nativeFormulas";
import { addinFormulaCells } from "../../src/validation/addinFormulas";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { a1, a1Range } from "../../src/workbook/address";
import type { Sheet } from "../../src/workbook/workbook";
import { EXCEL_LIKE, spillPlace } from "../functions/dsgPlugin";

let host: StandInHost | undefined;
afterEach(() => host?.uninstall());

function install() {
  const { workbook, arrays } = functionsSample();
  const sheet = workbook.sheets[0];
  host = installStandInExcel(workbook, globalThis, {
    spills: arrays.map(({ range }) => ({ sheet: sheet.name, range: a1Range(range) })),
  });
  const cells = addinFormulaCells(sheet).map(({ row, col, formula }) => ({
    sheet: sheet.name,
    address: a1(row, col),
    formula,
  }));
  return { stand: host, sheet, arrays, cells };
}

/** The sheet as an engine without the add-in computes it: formulas where there are any, else constants. */
function computed(sheet: Sheet): unknown[][] {
  const hf = HyperFormula.buildFromArray(
    sheet.values.map((row, r) =>
      row.map((value, c) => sheet.formulas[r][c] ?? (value as string | number | null))
    ),
    EXCEL_LIKE
  );
  const values = hf
    .getSheetValues(0)
    .map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : v)));
  hf.destroy();
  return values;
}

describe("replaceForSubmission", () => {
  it("should write plain Excel formulas where there are some and values elsewhere, and list both", async () => {
    const { stand, sheet, arrays, cells } = install();
    const done = await replaceForSubmission(cells, "formulas");

    const cellsShown = arrays.reduce(
      (n, { range }) => n + (range.bottom - range.top + 1) * (range.right - range.left + 1),
      0
    );
    expect(done.replaced).toBe(cells.length);
    expect(done.cellsWritten).toBe(cellsShown);
    expect(done.leftAlone).toEqual([]);
    // BALANCEYEAR has no plain equivalent, and FY is given DATE(…), not a cell: both keep their values.
    expect(done.cellsWritten - done.asFormulas).toBe(2);

    // One write a listed cell, then the audit sheet, its table and its bold heading; nothing else.
    expect(stand.writes.map((w) => w.kind)).toEqual([
      ...cells.map(() => "cells-written"),
      "sheet-added",
      "cells-written",
      "cells-written",
    ]);
    expect(stand.writes.slice(0, cells.length).map((w) => "address" in w && w.address)).toEqual(
      arrays.map(({ range }) => a1Range(range))
    );

    const after = stand.workbook.sheets.find((s) => s.name === sheet.name)!;
    for (const { range, formula } of arrays) {
      const native = nativeFormulas(formula, spillPlace(range));
      const written = after.formulas
        .slice(range.top, range.bottom + 1)
        .map((row) => row.slice(range.left, range.right + 1));
      expect(written).toEqual(native ?? written.map((row) => row.map(() => null)));
    }
    expect(addinFormulaCells(after)).toEqual([]);

    // Without the add-in, every cell it filled shows what it showed.
    const now = computed(after);
    for (const { range } of arrays)
      for (let r = range.top; r <= range.bottom; r++)
        for (let c = range.left; c <= range.right; c++) {
          const [shown, was] = [now[r][c], sheet.values[r][c]];
          if (typeof was === "number")
            expect(Math.abs((shown as number) - was), a1(r, c)).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(was))
            );
          else expect(shown, a1(r, c)).toBe(was);
        }

    const audit = stand.workbook.sheets.find((s) => s.name === done.auditSheet)!;
    expect(audit.values[0]).toEqual(["Sheet", "Cell", "Original formula", "Value", "Now holds"]);
    expect(audit.values).toHaveLength(cellsShown + 1);
    expect(audit.values[1]).toEqual([
      sheet.name,
      "B12",
      "=DSG.CUMULATIVE(B5,B6:G6,B7:G7,B8:G8)",
      sheet.values[11][1],
      "=B5+B6-ABS(B7)-ABS(B8)",
    ]);
    expect(audit.values[2].slice(1, 3)).toEqual(["C12", "(spilled from B12)"]);
    expect(audit.values[2][4]).toBe("=B12+C6-ABS(C7)-ABS(C8)");
    const balanceYear = audit.values.find((row) => String(row[2]).startsWith("=DSG.BALANCEYEAR"))!;
    expect(balanceYear[4]).toBe("its value");
    // The audit keeps formulas as text, never as formulas.
    expect(audit.formulas.flat().every((f) => f === null)).toBe(true);
  });

  it("should write values only when asked for values", async () => {
    const { stand, sheet, arrays, cells } = install();
    const done = await replaceForSubmission(cells, "values");
    expect(done.asFormulas).toBe(0);
    const after = stand.workbook.sheets.find((s) => s.name === sheet.name)!;
    for (const { range } of arrays) {
      expect(after.formulas[range.top][range.left]).toBeNull();
      expect(after.values[range.bottom][range.right]).toEqual(
        sheet.values[range.bottom][range.right]
      );
    }
    const audit = stand.workbook.sheets.find((s) => s.name === done.auditSheet)!;
    expect(audit.values.slice(1).every((row) => row[4] === "its value")).toBe(true);
  });
});
