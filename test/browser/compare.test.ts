/**
 * "Compare with a previous version" in Chromium, in the workbench over the stand-in Excel host: an earlier
 * version picked with the file input is read in the page and compared with the open plan, the changes are
 * shown in words, and "Write comparison sheet" writes one sheet, only when pressed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { OUTPUT, openSession, watchErrors, type Session } from "./browser";
import type { Workbook } from "../../src/workbook/workbook";

const ROOT = path.resolve(__dirname, "../..");
const REPROFILED = path.join(ROOT, "examples/versions/plan-december-reprofiled.xlsx");
const SHEET = "DSG comparison";
const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** axe-core's violations in the pane, as "rule: target" lines. */
async function paneViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const { axe } = window as unknown as { axe: { run(e: Element): Promise<Result> } };
    const result = await axe.run(document.querySelector("#app")!);
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
  });
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
  await page.locator("#compare-versions", { hasText: "Compare with a previous version" }).waitFor({
    state: "attached",
  });
  await page.click("#tab-compare");
  return { page, errors };
}

const writes = (page: Page) =>
  page.evaluate(() => window.workbench.host.writes.map((w) => ({ kind: w.kind, sheet: w.sheet })));

const written = (page: Page) =>
  page.evaluate(
    (name) => window.workbench.host.workbook.sheets.find((s) => s.name === name) ?? null,
    SHEET
  ) as Promise<Workbook["sheets"][number] | null>;

describe("Compare with a previous version", () => {
  it("should show what moved since the file picked, and write one sheet only when asked", async () => {
    const { page, errors } = await openPlan();
    // The December re-profile picked as the "previous" version of the September plan: every move reversed.
    await page.setInputFiles("#compare-file", REPROFILED);
    await page.click("#compare-versions");
    await page.locator("#status", { hasText: "Compared with" }).waitFor();
    expect(await page.textContent("#compare-heading")).toBe(
      "Changes since plan-december-reprofiled.xlsx"
    );
    expect(await page.textContent("#compare-summary")).toBe(
      "The cumulative deficit carried forward at the end of 2028-29 is down £4.200m, from £38.709m to £34.509m. " +
        "Carried forward changed in 3 years (2026-27, 2027-28, 2028-29). Also changed: 12 figures of the funding blocks " +
        "and 114 EHCP numbers."
    );
    expect(await page.locator("#compare-sections li").first().textContent()).toBe(
      "2026-27 carried forward down £4.200m, from £103.398m to £99.198m: in-year −£5.100m, Safety Valve +£0.900m"
    );
    expect(await page.locator("#compare-sections h3").allTextContents()).toEqual([
      "End of year positions",
      "Funding blocks",
      "Mitigations",
      "EHCP numbers",
    ]);
    await page.locator("#app").screenshot({ path: path.join(OUTPUT, "taskpane-compare.png") });
    expect(await paneViolations(page)).toEqual([]);
    // The file was read in the page: no request left the page's origin.
    expect(session.requests.filter((url) => !url.startsWith(session.baseUrl))).toEqual([]);
    // Reading and comparing wrote nothing.
    expect(await writes(page)).toEqual([]);
    expect(await written(page)).toBeNull();

    await page.click("#write-comparison");
    await page.locator("#status", { hasText: "Comparison written" }).waitFor();
    expect((await writes(page)).filter((w) => w.sheet !== SHEET)).toEqual([]);
    const sheet = (await written(page))!;
    expect(sheet.values[0][0]).toBe("DSG comparison");
    expect(sheet.values[2].slice(0, 2)).toEqual(["Older version", "plan-december-reprofiled.xlsx"]);
    const payments = sheet.values.find((row) => row[1] === "DfE deficit payments");
    expect(payments).toEqual([
      "End of year positions",
      "DfE deficit payments",
      "2026-27",
      "Financial summary",
      "H51",
      -7.6,
      -6.7,
      0.9,
    ]);
    const heading = sheet.values.findIndex((row) => row[0] === "Section" && row[4] === "Cell");
    expect(sheet.values.length - heading - 1).toBe(135);

    // Writing again replaces the sheet rather than adding a second one.
    await page.click("#write-comparison");
    await page.locator("#status", { hasText: "Comparison written" }).waitFor();
    const names = await page.evaluate(() =>
      window.workbench.host.workbook.sheets.map((s) => s.name)
    );
    expect(names.filter((name) => name === SHEET)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should say why a file cannot be compared, and write nothing", async () => {
    const { page } = await openPlan();
    await page.setInputFiles("#compare-file", {
      name: "notes.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("not a workbook"),
    });
    await page.click("#compare-versions");
    await page.locator("#status", { hasText: "could not be compared" }).waitFor();
    expect(await page.textContent("#status")).toMatch(
      /^The versions could not be compared\. notes\.xlsx: /
    );
    expect(await writes(page)).toEqual([]);
    await page.close();
  });

  it("should ask for a file before comparing", async () => {
    const { page } = await openPlan();
    await page.click("#compare-versions");
    await page.locator("#status", { hasText: "Choose the previous version" }).waitFor();
    await page.close();
  });
});
