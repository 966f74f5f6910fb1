/**
 * Feedback where the user is, in Chromium over the stand-in host: the Insert button asks "Replace A2?" in
 * place, outcomes show beside their control, settings are checked field by field with the reason at the
 * field and nothing saved while one is invalid, and the pane has one live region.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSession, type Session } from "./browser";

let session: Session;

beforeAll(async () => {
  session = await openSession();
});

afterAll(async () => {
  await session?.close();
});

async function pane(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto("workbench.html?example=dsg-management-plan");
  await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
  return page;
}

const saved = (page: Page) => page.evaluate(() => window.workbench.host.settings.saved);

describe("feedback where the user is", { timeout: 60_000 }, () => {
  it("should turn Insert into 'Replace A2?' on a filled cell and confirm beside the button", async () => {
    const page = await pane();
    await page.click('td[data-cell="A2"]');
    await page.click("#tab-functions");
    const fy = page.locator('button[data-function="FY"]');
    await fy.click();
    const fyNote = page.locator('li.function:has(button[data-function="FY"]) .feedback');
    await expect(fyNote.textContent()).resolves.toMatch(
      /^Inserted =DSG\.FY\(DATE\(2026,11,23\)\) into Cover!A2\./
    );

    const hnsg = page.locator('button[data-function="HNSG"]');
    await hnsg.click();
    await page.locator('button[data-function="HNSG"]', { hasText: "Replace A2?" }).waitFor();
    await expect(hnsg.textContent()).resolves.toBe("Replace A2? with DSG.HNSG");
    const hnsgNote = page.locator('li.function:has(button[data-function="HNSG"]) .feedback');
    await expect(hnsgNote.textContent()).resolves.toMatch(
      /^Cover!A2 already holds =DSG\.FY.*Press Replace A2\? to replace it/
    );
    // The earlier confirmation does not linger beside the other button.
    await expect(fyNote.count()).resolves.toBe(0);
    expect((await page.evaluate(() => window.workbench.host.writes)).length).toBe(1);

    await hnsg.click();
    await expect(hnsgNote.textContent()).resolves.toMatch(/^Inserted =DSG\.HNSG/);
    await expect(hnsg.textContent()).resolves.toBe("Insert DSG.HNSG into selected cell");
    expect((await page.evaluate(() => window.workbench.host.writes)).length).toBe(2);
    await page.close();
  });

  it("should check settings field by field, show the reason at the field, and save nothing until all are valid", async () => {
    const page = await pane();
    await page.click("#tab-settings");
    await page.fill("#tolerance", "-5");
    await page.press("#tolerance", "Tab");
    await expect(page.textContent("#tolerance-error")).resolves.toBe(
      "A tolerance cannot be negative: enter 0 or more, or leave it blank."
    );
    await expect(page.getAttribute("#tolerance", "aria-invalid")).resolves.toBe("true");
    await expect(page.getAttribute("#tolerance", "aria-describedby")).resolves.toBe(
      "tolerance-error tolerance-hint"
    );
    await page.fill("#threshold-hnsg-split-writeOffPercent", "150");
    await page.click("#save-settings");
    await expect(page.textContent("#panel-settings .feedback")).resolves.toBe(
      "Nothing was saved: 2 fields need correcting (Tolerance; High Needs Stability Grant split: write off (%))."
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("tolerance");
    expect(await saved(page)).toEqual({});

    await page.fill("#tolerance", "0.01");
    await page.fill("#threshold-hnsg-split-writeOffPercent", "");
    await page.click("#save-settings");
    await page.locator("#panel-settings .feedback", { hasText: "Settings saved" }).waitFor();
    await expect(page.locator("#tolerance-error").isHidden()).resolves.toBe(true);
    await expect(page.getAttribute("#tolerance", "aria-invalid")).resolves.toBe("false");
    expect(await saved(page)).toEqual({
      "dsg.settings": expect.objectContaining({ tolerance: 0.01 }),
    });
    await page.close();
  });

  it("should refuse text typed into a number field instead of treating it as blank", async () => {
    const page = await pane();
    await page.click("#tab-settings");
    await page.focus("#tolerance");
    await page.keyboard.type("1e");
    await page.click("#save-settings");
    await expect(page.textContent("#tolerance-error")).resolves.toBe(
      "Enter a number, or leave it blank."
    );
    expect(await saved(page)).toEqual({});
    await page.close();
  });

  it("should show a check's outcome and the report's beside their buttons, through one live region", async () => {
    const page = await pane();
    await page.click("#check-workbook");
    await page.locator("#status", { hasText: "Check finished" }).waitFor();
    await expect(page.textContent("#panel-check .actions + .feedback")).resolves.toMatch(
      /^Check finished: 0 errors/
    );
    await page.click("#write-report");
    await page.locator("#status", { hasText: "Report written" }).waitFor();
    const beside = await page.evaluate(
      () =>
        document.getElementById("write-report")?.closest(".actions")?.nextElementSibling
          ?.textContent
    );
    expect(beside).toMatch(
      /^Report written to the sheet "DSG check report" \(A1:E\d+, with a chart of the position\)/
    );
    // The check's own note gave way to the newer one.
    await expect(page.locator("#panel-check .feedback").count()).resolves.toBe(1);
    const live = await page.$$eval(
      "#app [aria-live], #app [role=status], #app [role=alert], #app [role=log]",
      (found) => found.map((e) => e.id)
    );
    expect(live).toEqual(["status"]);
    await page.close();
  });
});
