/**
 * "Prepare for submission" in Chromium, in the workbench over the stand-in Excel host, on a plan whose
 * carried-forward row is built on DSG.CUMULATIVE: the list first (no write), then, on the second press, each
 * cell's value over its formula and one audit sheet, with the writes Excel was asked for counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import path from "node:path";
import { OUTPUT, openSession, watchErrors, type Session } from "./browser";
import type { Workbook } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { changed, summaryWorkbook } from "../validation/engineSupport";
import { sheetFromRows } from "../support/sheets";

const cumulative = (i: number) => `=INDEX(DSG.CUMULATIVE($B$5,$B$6:$D$6,$B$7:$D$7,$B$8:$D$8),${i})`;

/** The engine tests' three-year summary, carried forward by DSG.CUMULATIVE, and a sheet of workings. */
function planWithFunctions(): Workbook {
  const summary = summaryWorkbook(
    changed((s) => (s.carriedForward = [12, 15, 15].map((v, i) => ({ f: cumulative(i + 1), v }))))
  );
  const workings = sheetFromRows("Workings", [
    ["Grant", { f: "=DSG.HNSG(D9)", v: { error: "#NAME?" } }],
    ["Total", { f: "=SUM('Financial summary'!B9:D9)", v: 42 }],
  ]);
  return { sheets: [...summary.sheets, workings] };
}

let session: Session;

beforeAll(async () => {
  session = await openSession();
});

afterAll(async () => {
  await session?.close();
});

const host = (page: Page) =>
  page.evaluate(() => ({
    writes: window.workbench.host.writes.map((w) => ({ kind: w.kind, sheet: w.sheet })),
    workbook: window.workbench.host.workbook,
  }));

describe("Prepare for submission", () => {
  it("should list the DSG cells, then replace them with their values and write the audit sheet", async () => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    await page.goto("workbench.html");
    await page.locator("#list-dsg-cells", { hasText: "Prepare for submission" }).waitFor({
      state: "attached",
    });
    await page.setInputFiles("#open-file", {
      name: "plan with functions.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await writeXlsxBuffer(planWithFunctions()),
    });
    await expect.poll(() => page.inputValue("#example")).toBe("own-file");
    await page.click("#tab-submit");

    await page.click("#list-dsg-cells");
    await page.locator("#status", { hasText: "Listed 4 cells" }).waitFor();
    expect(await page.textContent("#dsg-cells-count")).toBe("4 cells use add-in functions");
    expect(
      await page
        .locator("#dsg-cells li")
        .evaluateAll((items) => items.map((li) => `${li.dataset.sheet}!${li.dataset.address}`))
    ).toEqual([
      "Financial summary!B9",
      "Financial summary!C9",
      "Financial summary!D9",
      "Workings!B1",
    ]);
    await page.locator("#app").screenshot({ path: path.join(OUTPUT, "taskpane-submit.png") });
    // Listing wrote nothing.
    expect((await host(page)).writes).toEqual([]);

    await page.click("#replace-dsg-cells");
    await page.locator("#status", { hasText: "now hold their values" }).waitFor();
    expect(await page.textContent("#status")).toBe(
      '3 cells now hold their values; each original formula is on the sheet "DSG submission audit". ' +
        "1 cell left as it was: Workings!B1 (it shows an error, so it has no value to keep)."
    );
    const { writes, workbook } = await host(page);
    // One write a replaced cell, the audit sheet added, its table and its bold heading: nothing else.
    expect(writes).toEqual([
      { kind: "cells-written", sheet: "Financial summary" },
      { kind: "cells-written", sheet: "Financial summary" },
      { kind: "cells-written", sheet: "Financial summary" },
      { kind: "sheet-added", sheet: "DSG submission audit" },
      { kind: "cells-written", sheet: "DSG submission audit" },
      { kind: "cells-written", sheet: "DSG submission audit" },
    ]);
    const sheet = (name: string) => workbook.sheets.find((s) => s.name === name)!;
    const summary = sheet("Financial summary");
    expect(summary.formulas[8].slice(1, 4)).toEqual([null, null, null]);
    expect(summary.values[8].slice(1, 4)).toEqual([12, 15, 15]);
    // The error cell and the ordinary formula are as they were.
    expect(sheet("Workings").formulas.map((row) => row[1])).toEqual([
      "=DSG.HNSG(D9)",
      "=SUM('Financial summary'!B9:D9)",
    ]);
    expect(sheet("DSG submission audit").values).toEqual([
      ["Sheet", "Cell", "Original formula", "Value", "Now holds"],
      ["Financial summary", "B9", cumulative(1), 12, "its value"],
      ["Financial summary", "C9", cumulative(2), 15, "its value"],
      ["Financial summary", "D9", cumulative(3), 15, "its value"],
    ]);
    // The original formulas are kept as text (written with Excel's leading apostrophe), not as formulas.
    expect(
      sheet("DSG submission audit")
        .formulas.flat()
        .every((f) => f === null)
    ).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
  it("should replace each year's DSG.CUMULATIVE with the plain formula that rolls it forward", async () => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    // Each year's carried forward is one DSG.CUMULATIVE from the year before: B9 from B5, C9 from B9, …
    const yearly = ["B", "C", "D"].map((col, i) => {
      const previous = i === 0 ? "B5" : `${"BC"[i - 1]}9`;
      return `=DSG.CUMULATIVE(${previous},${col}6,${col}7,${col}8)`;
    });
    const plan = summaryWorkbook(
      changed((s) => (s.carriedForward = [12, 15, 15].map((v, i) => ({ f: yearly[i], v }))))
    );
    await page.goto("workbench.html");
    await page.locator("#list-dsg-cells", { hasText: "Prepare for submission" }).waitFor({
      state: "attached",
    });
    await page.setInputFiles("#open-file", {
      name: "plan with yearly functions.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await writeXlsxBuffer(plan),
    });
    await expect.poll(() => page.inputValue("#example")).toBe("own-file");
    await page.click("#tab-submit");
    await page.click("#list-dsg-cells");
    await page.locator("#status", { hasText: "Listed 3 cells" }).waitFor();
    expect((await host(page)).writes).toEqual([]);

    await page.click("#replace-dsg-cells-formulas");
    await page.locator("#status", { hasText: "compute with Excel formulas" }).waitFor();
    expect(await page.textContent("#status")).toBe(
      '3 cells now compute with Excel formulas; each original formula is on the sheet "DSG submission audit".'
    );
    const { writes, workbook } = await host(page);
    expect(writes.map((w) => w.kind)).toEqual([
      "cells-written",
      "cells-written",
      "cells-written",
      "sheet-added",
      "cells-written",
      "cells-written",
    ]);
    const summary = workbook.sheets.find((s) => s.name === "Financial summary")!;
    expect(summary.formulas[8].slice(1, 4)).toEqual([
      "=B5+B6-ABS(B7)-ABS(B8)",
      "=B9+C6-ABS(C7)-ABS(C8)",
      "=C9+D6-ABS(D7)-ABS(D8)",
    ]);
    const audit = workbook.sheets.find((s) => s.name === "DSG submission audit")!;
    expect(audit.values.map((row) => row[4])).toEqual([
      "Now holds",
      "=B5+B6-ABS(B7)-ABS(B8)",
      "=B9+C6-ABS(C7)-ABS(C8)",
      "=C9+D6-ABS(D7)-ABS(D8)",
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
