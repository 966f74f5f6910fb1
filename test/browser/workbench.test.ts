/**
 * The workbench with the user's own file, in Chromium: a real .xlsx from disk opened through the file picker
 * and by dropping it on the page, read in the page by the command line's reader, checked at once, its grid,
 * findings and position shown, and not one request made while it is read and checked. Also the sample
 * picker's groups and titles, and dates in the grid.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openSession, watchErrors, type Session } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const FAULTY = path.join(ROOT, "examples/faulty/sv-limits.xlsx");

let session: Session;

beforeAll(async () => {
  session = await openSession();
});

afterAll(async () => {
  await session?.close();
});

async function workbench(): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = watchErrors(page);
  await page.goto("workbench.html?example=dsg-management-plan");
  await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
  // Every script and sample is loaded: from here on the page needs nothing from the server.
  await page.waitForLoadState("networkidle");
  return { page, errors };
}

/** Waits until the opened file has been checked and returns the rule and cell of each finding. */
async function findingsOfOwnFile(page: Page, name: string): Promise<string[]> {
  await page.locator("#file-status", { hasText: `Opened ${name}` }).waitFor();
  await page.locator("#status", { hasText: "Check finished" }).waitFor();
  return page.$$eval("button.finding", (buttons) =>
    buttons.map((b) => `${(b as HTMLElement).dataset.rule} ${(b as HTMLElement).dataset.address}`)
  );
}

/** Drops a file from disk on the page as the browser does when a user drags one in. */
async function dropFile(page: Page, file: string): Promise<void> {
  const bytes = readFileSync(file).toString("base64");
  await page.evaluate(
    ([name, data]) => {
      const binary = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([binary], name));
      const target = document.getElementById("grid-sheet") as HTMLElement;
      target.dispatchEvent(
        new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true })
      );
      target.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true })
      );
    },
    [path.basename(file), bytes]
  );
}

describe("checking your own file", { timeout: 60_000 }, () => {
  it("should open a workbook from the file picker, check it in the page and make no request", async () => {
    const { page, errors } = await workbench();
    const before = session.requests.length;
    expect(before).toBeGreaterThan(0);
    await page.setInputFiles("#open-file", FAULTY);
    const findings = await findingsOfOwnFile(page, "sv-limits.xlsx");
    expect(findings).toContain("sv-limits H54");
    // Its grid, its findings and its position.
    await expect(page.inputValue("#example")).resolves.toBe("own-file");
    await expect(page.textContent("#example option[value=own-file]")).resolves.toBe(
      "sv-limits.xlsx"
    );
    await expect(
      page.locator('.sheet-tabs [role=tab][data-sheet="Financial summary"]').count()
    ).resolves.toBe(1);
    await expect(page.textContent("#position-limit")).resolves.toContain("over by £4.198m");
    await page.click('button.finding[data-rule="sv-limits"]');
    await page.waitForFunction(() => window.workbench.host.selection.address === "H54");
    expect(session.requests.slice(before)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should open a workbook dropped on the page the same way, with no request", async () => {
    const { page, errors } = await workbench();
    const before = session.requests.length;
    await dropFile(page, FAULTY);
    expect(await findingsOfOwnFile(page, "sv-limits.xlsx")).toContain("sv-limits H54");
    expect(session.requests.slice(before)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should say why a file cannot be read and keep the workbook that was open", async () => {
    const { page } = await workbench();
    await page.setInputFiles("#open-file", {
      name: "notes.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("not a workbook"),
    });
    await page
      .locator("#file-status.file-error", { hasText: "notes.xlsx: This is not an Excel workbook" })
      .waitFor();
    await expect(page.inputValue("#example")).resolves.toBe("dsg-management-plan");
    await page.close();
  });
});

describe("sample picker", { timeout: 30_000 }, () => {
  it("should group the samples into Examples and Faulty copies, with titles in words", async () => {
    const { page } = await workbench();
    const groups = await page.$$eval("#example optgroup:not([hidden])", (found) =>
      found.map((g) => ({
        label: g.getAttribute("label"),
        options: [...g.querySelectorAll("option")].map((o) => ({
          id: o.value,
          text: o.textContent,
        })),
      }))
    );
    expect(groups.map((g) => g.label)).toEqual(["Examples", "Faulty copies"]);
    const [examples, faulty] = groups;
    expect(examples.options).toContainEqual({
      id: "dsg-management-plan",
      text: "DSG management plan (consistent)",
    });
    expect(faulty.options).toContainEqual({
      id: "faulty/roll-forward",
      text: "Breaks: Cumulative deficit rolls forward",
    });
    // No option is shown by its file id.
    for (const option of [...examples.options, ...faulty.options])
      expect(option.text).not.toBe(option.id);
    await page.close();
  });
});

describe("help one click away", { timeout: 60_000 }, () => {
  it("should show each finding's check and link it to the check's help page", async () => {
    const { page, errors } = await workbench();
    await page.evaluate(() => window.workbench.open("faulty/roll-forward"));
    await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
    await page.click("#check-workbook");
    await page.locator("#status", { hasText: "Check finished" }).waitFor();
    const lines = await page.$$eval("#findings li", (items) =>
      items.map((li) => ({
        rule: li.querySelector<HTMLElement>("button.finding")?.dataset.rule,
        text: li.querySelector(".finding-rule")?.textContent,
        href: li.querySelector<HTMLAnchorElement>(".finding-rule a")?.getAttribute("href"),
        target: li.querySelector<HTMLAnchorElement>(".finding-rule a")?.target,
      }))
    );
    const rollForward = lines.find((line) => line.rule === "roll-forward");
    expect(rollForward).toEqual({
      rule: "roll-forward",
      text: "Cumulative deficit rolls forward (help on this check, opens in a new window) (roll-forward)",
      href: "help/rules/roll-forward.html",
      target: "_blank",
    });
    // Every finding of a registered check links to a page that is there.
    for (const line of lines.filter((l) => l.href)) {
      const response = await page.request.get(line.href!);
      expect(response.status(), line.href!).toBe(200);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should link every function in the Functions tab to its help page", async () => {
    const { page } = await workbench();
    await page.click("#tab-functions");
    const links = await page.$$eval("li.function", (items) =>
      items.map((li) => ({
        name: li.querySelector("h2")?.textContent,
        href: li.querySelector<HTMLAnchorElement>(".function-help a")?.getAttribute("href"),
      }))
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.href).toBe(`help/${link.name!.replace(/^DSG\./, "").toLowerCase()}.html`);
      const response = await page.request.get(link.href!);
      expect(response.status(), link.href!).toBe(200);
    }
    await page.close();
  });

  it("should show dates in the grid as dates, not serial numbers", async () => {
    const { page } = await workbench();
    await page.click('.sheet-tabs [role=tab][data-sheet="Cover"]');
    await expect(page.textContent('td[data-cell="B6"]')).resolves.toBe("20 Sep 2024");
    await page.close();
  });
});
