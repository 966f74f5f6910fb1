/**
 * Add write-off reconciliation in Chromium, in the workbench over the stand-in Excel host: the claim's
 * figures after a check of the Wiltshire sample plan, one new sheet added only on the click and nothing
 * else touched, the sheet recognised and checked on the next check (an unexplained difference gives
 * hnsg-reconcile at its cell), asking before a sheet of that name is replaced, and a refused write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openSession, watchErrors, type Session } from "./browser";

const SHEET = "DSG write-off reconciliation";
const AXE = readFileSync(path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's violations in one element, as "rule: targets". */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (within) => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Element): Promise<AxeResult> } }).axe;
    const result = await axe.run(document.querySelector(within) as Element);
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
  }, selector);
}

interface Write {
  readonly kind: string;
  readonly sheet: string;
  readonly address?: string;
  readonly property?: string;
}

let session: Session;

beforeAll(async () => {
  session = await openSession();
});

afterAll(async () => {
  await session?.close();
});

async function openPlan(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = watchErrors(page);
  await page.goto("workbench.html?example=dsg-management-plan");
  await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
  return { page, errors };
}

async function check(page: Page): Promise<void> {
  await page.click("#check-workbook");
  await page.locator("#status", { hasText: "Check finished" }).waitFor();
}

const writes = (page: Page): Promise<Write[]> =>
  page.evaluate(() => window.workbench.host.writes as unknown as Write[]);

const sheetNames = (page: Page): Promise<string[]> =>
  page.evaluate(() => window.workbench.host.workbook.sheets.map((sheet) => sheet.name));

/** A formula of the sheet as the host holds it (row and column from 0). */
const formulaAt = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ([name, r, c]) =>
      window.workbench.host.workbook.sheets.find((s) => s.name === name)?.formulas[r as number]?.[
        c as number
      ] ?? null,
    [sheet, row, col] as const
  );

/** Types a figure into a cell as the user would, through the host (recorded as a write). */
const typeFigure = (page: Page, sheet: string, address: string, value: number | string) =>
  page.evaluate(
    async ([name, at, figure]) => {
      const excel = (globalThis as unknown as { Excel: typeof Excel }).Excel;
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem(name as string).getRange(at as string).values = [
          [figure],
        ];
        await context.sync();
      });
    },
    [sheet, address, value] as const
  );

describe("Add write-off reconciliation", { timeout: 60_000 }, () => {
  it("should show the claim with its sources, and add one new sheet only on the click", async () => {
    const { page, errors } = await openPlan();
    const before = await sheetNames(page);
    await check(page);
    await expect(page.textContent("#write-off-heading")).resolves.toBe(
      "Write-off claim at 31 March 2026 (£m)"
    );
    // 77.3188 − 1.170 of other blocks; 90% of it; 10% of it + 1.170 + 21.879 + 0.728.
    await expect(page.textContent("#write-off-eligible")).resolves.toBe(
      "£76.149mFrom the plan's deficit at 31 March 2026 ('Financial summary'!G54), until the sources are " +
        "filled in, less the other blocks' in-year deficits the plan shows."
    );
    await expect(page.textContent("#write-off-grant .write-off-value")).resolves.toBe("£68.534m");
    await expect(page.textContent("#write-off-kept .write-off-value")).resolves.toBe("£31.392m");
    await expect(page.textContent("#write-off-carrying")).resolves.toBe(
      "Add the write-off reconciliation and fill in its rate to see this."
    );
    expect(await writes(page)).toEqual([]);

    await page.click("#add-write-off");
    await page.locator("#status", { hasText: `Added the sheet "${SHEET}"` }).waitFor();
    const written = await writes(page);
    // Six writes, all on the new sheet: added, its formulas and number formats, two bold headings, fitted columns.
    expect(written).toEqual([
      { kind: "sheet-added", sheet: SHEET },
      { kind: "cells-written", sheet: SHEET, address: "A1:D21", property: "formulas" },
      { kind: "cells-written", sheet: SHEET, address: "A1:D21", property: "numberFormat" },
      { kind: "cells-written", sheet: SHEET, address: "A1:D1", property: "format" },
      { kind: "cells-written", sheet: SHEET, address: "A4:D4", property: "format" },
      { kind: "cells-written", sheet: SHEET, address: "A4:D21", property: "format" },
    ]);
    expect(await sheetNames(page)).toEqual([...before, SHEET]);
    await expect(formulaAt(page, SHEET, 4, 2)).resolves.toBe(
      '=IF(B5="","",B5-\'Financial summary\'!G54)'
    );
    await expect(formulaAt(page, SHEET, 14, 1)).resolves.toBe(
      '=DSG.ELIGIBLE(IF(COUNTA(B5:B10)=0,B11,FILTER(B5:B10,B5:B10<>"")),B14)'
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should recognise the sheet on the next check, and point hnsg-reconcile at an unexplained figure", async () => {
    const { page } = await openPlan();
    await check(page);
    await expect(page.locator("#not-run-list [data-rule='hnsg-reconcile']").count()).resolves.toBe(
      1
    );
    await page.click("#add-write-off");
    await page.locator("#status", { hasText: "Added the sheet" }).waitFor();
    await check(page);
    await expect(page.locator("#not-run-list [data-rule='hnsg-reconcile']").count()).resolves.toBe(
      0
    );
    await expect(page.locator('button.finding[data-rule="hnsg-reconcile"]').count()).resolves.toBe(
      0
    );

    await typeFigure(page, SHEET, "B8", 76.9);
    await check(page);
    const finding = page.locator(
      `button.finding[data-rule="hnsg-reconcile"][data-sheet="${SHEET}"][data-address="B8"]`
    );
    await expect(finding.textContent()).resolves.toContain(
      "The S151 assurance shows £76.900m at 31 March 2026, £0.419m below the plan's £77.319m"
    );
    await expect(page.textContent("#write-off-eligible")).resolves.toBe(
      `£75.730mFrom the lowest of the 1 source on '${SHEET}', the S151 assurance ('${SHEET}'!B8), ` +
        `less the part not eligible ('${SHEET}'!B14).`
    );

    // A figure the claim cannot be worked from is named, not taken for a plan without a deficit.
    await typeFigure(page, SHEET, "B8", -76.9);
    await check(page);
    await expect(page.textContent("#write-off-eligible")).resolves.toBe(
      `The S151 assurance shows -£76.900m ('${SHEET}'!B8): type the deficit as a positive figure, or leave the row blank.`
    );
    await page.close();
  });

  it("should ask before replacing a sheet of that name, and add under a new name or replace only as chosen", async () => {
    const { page } = await openPlan();
    await check(page);
    await page.click("#add-write-off");
    await page.locator("#status", { hasText: "Added the sheet" }).waitFor();
    const once = (await writes(page)).length;

    await page.click("#add-write-off");
    await page.locator("#write-off-confirm").waitFor();
    await expect(page.textContent("#write-off-question")).resolves.toBe(
      `A sheet called "${SHEET}" already exists. Replace it, or add the reconciliation as a new sheet?`
    );
    expect((await writes(page)).length).toBe(once);
    // The last press's "Added the sheet" no longer stands beside the question.
    await expect(page.locator("#write-off .feedback").count()).resolves.toBe(0);
    expect(await axeViolations(page, "#write-off")).toEqual([]);
    await page.click("#write-off-cancel");
    await page.locator("#status", { hasText: "Nothing was added" }).waitFor();
    expect((await writes(page)).length).toBe(once);

    await page.click("#add-write-off");
    await page.click("#write-off-new-name");
    await page.locator("#status", { hasText: `Added the sheet "${SHEET} 2"` }).waitFor();
    const second = (await writes(page)).slice(once);
    expect(second.filter((w) => w.sheet !== `${SHEET} 2`)).toEqual([]);
    expect(second.filter((w) => w.kind === "sheet-added")).toHaveLength(1);

    const twice = (await writes(page)).length;
    await page.click("#add-write-off");
    await page.click("#write-off-replace");
    await page.locator("#status", { hasText: `Added the sheet "${SHEET}"` }).waitFor();
    const replaced = (await writes(page)).slice(twice);
    expect(replaced.filter((w) => w.sheet !== SHEET)).toEqual([]);
    expect(replaced.slice(0, 2).map((w) => w.kind)).toEqual(["sheet-deleted", "sheet-added"]);
    expect((await sheetNames(page)).filter((name) => name.startsWith(SHEET))).toEqual([
      `${SHEET} 2`,
      SHEET,
    ]);
    await page.close();
  });

  it("should explain in words when Excel refuses the write, and write nothing", async () => {
    const { page } = await openPlan();
    await check(page);
    await page.evaluate(() => window.workbench.host.failNextSync("AccessDenied"));
    await page.click("#add-write-off");
    await page.locator("#status.status-error", { hasText: "could not be added" }).waitFor();
    expect(await writes(page)).toEqual([]);
    await page.close();
  });

  it("should say a plan with a surplus at 31 March 2026 is not eligible, and note the sheet's eligible figure", async () => {
    const { page } = await openPlan();
    await typeFigure(page, "Financial summary", "G54", -5);
    await check(page);
    await expect(page.textContent("#write-off-eligible")).resolves.toBe(
      "The plan shows no deficit at 31 March 2026 for the grant to write off."
    );
    await page.click("#add-write-off");
    await page.locator("#status", { hasText: "Added the sheet" }).waitFor();
    await check(page);
    await expect(
      page
        .locator(
          `button.finding[data-rule="hnsg-reconcile"][data-sheet="${SHEET}"][data-address="B15"]`
        )
        .textContent()
    ).resolves.toContain("The plan shows a surplus of £5.000m at 31 March 2026");
    await page.close();
  });

  it("should offer nothing to add when the plan has no figure at 31 March 2026", async () => {
    const { page } = await openPlan();
    await typeFigure(page, "Financial summary", "G54", "to follow");
    await check(page);
    await expect(page.locator("#write-off").isHidden()).resolves.toBe(true);
    await page.close();
  });
});
