/**
 * The task pane driven in Chromium: in the workbench over the stand-in Excel host (every sample workbook),
 * and as the plain task pane page before and without Office. One browser for the file, a page per test.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { OUTPUT, openSession, watchErrors, type Session } from "./browser";
import type { Workbook } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { COUNCIL_WORDING, councilWordingPlan } from "../../src/workbench/councilWording";
import { FUNCTION_CATALOGUE } from "../../src/taskpane/functionCatalogue";

interface FaultEntry {
  readonly file: string;
  readonly rule: string;
  readonly sheet: string;
  readonly address: string;
}

interface HostView {
  readonly selection: { sheet: string; address: string };
  readonly writes: { kind: string; sheet: string }[];
  readonly syncCount: number;
}

const ROOT = path.resolve(__dirname, "../..");
const FAULTS = JSON.parse(
  readFileSync(path.join(ROOT, "examples/faults.json"), "utf8")
) as FaultEntry[];
const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const README_IMAGE = path.join(ROOT, "docs/images/taskpane-light.png");
/** The id the workbench gives a faulty copy: its path under examples/ without extension. */
const exampleId = (fault: FaultEntry) =>
  fault.file.replace(/^examples\//, "").replace(/\.xlsx$/, "");

let session: Session;

beforeAll(async () => {
  session = await openSession();
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

/** Opens the workbench on a sample and waits until the pane is ready to check. */
async function openWorkbench(query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`workbench.html${query}`);
  await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
  return { page, errors };
}

async function openExample(page: Page, id: string): Promise<void> {
  await page.evaluate((name) => window.workbench.open(name), id);
  await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
}

const host = (page: Page): Promise<HostView> =>
  page.evaluate(() => {
    const { selection, writes, syncCount } = window.workbench.host;
    return { selection, writes, syncCount };
  });

/** Presses Check workbook and waits for the summary line. */
async function check(page: Page): Promise<string> {
  await page.click("#check-workbook");
  await page.locator("#status", { hasText: "Check finished" }).waitFor();
  return (await page.textContent("#check-summary")) ?? "";
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, backwards = false): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Runs axe-core (already injected) over the document or one element; returns "rule: targets" per violation. */
function axeViolations(page: Page, context: string): Promise<string[]> {
  return page.evaluate(async (selector) => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (
      window as unknown as { axe: { run(context: Element | Document): Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(
      selector === "document" ? document : (document.querySelector(selector) as Element)
    );
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
  }, context);
}

const focused = (page: Page) =>
  page.evaluate(
    () => document.activeElement?.id || document.activeElement?.getAttribute("data-address") || ""
  );

describe("task pane page", { timeout: 60_000 }, () => {
  it("should show its title and a disabled Check button until Office is ready", async () => {
    const page = await session.context.newPage();
    // An office.js whose onReady waits for the test, as Excel does while it starts the add-in.
    await page.route("**/office-js/office.js", (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { context: {}, onReady: () => new Promise((resolve) => (window.officeReady = resolve)) };",
      })
    );
    await page.goto("taskpane.html");
    await expect(page.textContent("h1")).resolves.toBe("DSG checker");
    const button = page.locator("#check-workbook");
    await expect(button.textContent()).resolves.toBe("Loading…");
    await expect(button.isDisabled()).resolves.toBe(true);
    await page.evaluate(() =>
      (window as unknown as { officeReady(info: object): void }).officeReady({ host: null })
    );
    await page.locator("#status", { hasText: "open it in Excel" }).waitFor();
    await page.close();
  });

  it("should say so when office.js cannot load instead of staying blank", async () => {
    const page = await session.context.newPage();
    await page.route("**/office-js/office.js", (route) => route.abort());
    await page.goto("taskpane.html");
    await page.locator("#status", { hasText: "Office did not load" }).waitFor();
    await expect(page.locator("#check-workbook").isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it("should start with the real office.js outside Excel and point the user to Excel", async () => {
    const page = await session.context.newPage();
    const errors = watchErrors(page);
    await page.goto("taskpane.html");
    await page.locator("#status", { hasText: "open it in Excel" }).waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#panel-functions").isVisible()).resolves.toBe(true);
    await expect(page.locator("#panel-functions li.function").count()).resolves.toBe(
      FUNCTION_CATALOGUE.length
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

interface PaneFinding {
  rule: string;
  address: string;
  message: string;
}

/** Every finding the pane lists, as rule, cell and message. */
const paneFindings = (page: Page): Promise<PaneFinding[]> =>
  page.$$eval("button.finding", (buttons) =>
    buttons.map((b) => ({
      rule: (b as HTMLElement).dataset.rule ?? "",
      address: (b as HTMLElement).dataset.address ?? "",
      message: b.querySelector(".finding-message")?.textContent ?? "",
    }))
  );

const byPlace = (a: PaneFinding, b: PaneFinding) =>
  `${a.rule} ${a.address} ${a.message}`.localeCompare(`${b.rule} ${b.address} ${b.message}`);

/** Shows a sheet in the workbench grid and clicks one of its cells, as the user selects a row. */
async function selectInGrid(page: Page, sheet: string, cell: string): Promise<void> {
  await page.click(`.sheet-tabs [role=tab][data-sheet="${sheet}"]`);
  await page.click(`td[data-cell="${cell}"]`);
  await page.waitForFunction(
    ([s, c]) =>
      window.workbench.host.selection.sheet === s && window.workbench.host.selection.address === c,
    [sheet, cell]
  );
}

const PLAN = JSON.parse(
  readFileSync(path.join(ROOT, "examples/snapshots/dsg-management-plan.json"), "utf8")
) as Workbook;
const CARRIED_FORWARD_ROW = councilWordingPlan(PLAN).rows.carriedForward as number;
const CHECKS_LINE = /^(\d+) of (\d+) checks ran(; (\d+) needs? .* not found)?\.$/;

async function checksCount(page: Page): Promise<{ ran: number; of: number; notRun: number }> {
  const line = (await page.textContent("#check-count")) ?? "";
  const [, ran, of, , notRun] = CHECKS_LINE.exec(line) ?? [];
  expect(line).toMatch(CHECKS_LINE);
  return { ran: Number(ran), of: Number(of), notRun: Number(notRun ?? 0) };
}

// Checks that could not run, the layout warning, and pointing a check at a row, on the plans a council worded
// its own way (src/workbench/councilWording.ts).
describe("checks that did not run, and rows pointed at", { timeout: 120_000 }, () => {
  it("should say how many checks ran, announce it, and list the ones that did not with what they needed", async () => {
    const { page, errors } = await openWorkbench("?example=council-wording");
    await check(page);
    const count = await checksCount(page);
    expect(count.notRun).toBeGreaterThan(0);
    expect(count.ran + count.notRun).toBe(count.of);
    const line = (await page.textContent("#check-count")) ?? "";
    await page.locator("#status", { hasText: line }).waitFor();

    const details = page.locator("#checks-not-run");
    await expect(details.isVisible()).resolves.toBe(true);
    await expect(page.locator("#not-run-list").isVisible()).resolves.toBe(false);
    await page.click("#checks-not-run summary");
    await expect(page.locator("#not-run-list li").count()).resolves.toBe(count.notRun);
    await expect(page.textContent('#not-run-list li[data-rule="roll-forward"]')).resolves.toBe(
      "Cumulative deficit rolls forward (roll-forward) needs row 'Cumulative deficit carried forward' of 'Summary of end of year positions'."
    );
    // What they needed is offered first in "Use the selected row as…".
    await expect(page.locator("#row-map").getAttribute("open")).resolves.toBe("");
    await expect(page.inputValue("#map-as")).resolves.toBe(COUNCIL_WORDING.carriedForward.as);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should show one layout-not-confirmed warning for a row that fails in most years", async () => {
    const { page } = await openWorkbench("?example=council-wording-payments");
    await check(page);
    const layout = page.locator('button.finding[data-rule="layout-not-confirmed"]');
    await expect(layout.count()).resolves.toBe(1);
    await expect(layout.getAttribute("data-address")).resolves.toBe("E54:J54");
    await expect(layout.textContent()).resolves.toMatch(
      /^WarningThe check "Cumulative deficit rolls forward" fails in 6 of 8 years on row 54/
    );
    await expect(page.locator('button.finding[data-rule="roll-forward"]').count()).resolves.toBe(0);
    await expect(page.locator("#row-map").getAttribute("open")).resolves.toBe("");
    await layout.click();
    await page.waitForFunction(() => window.workbench.host.selection.address === "E54:J54");
    await page.close();
  });

  it("should map a selected row, save it in the workbook, run the checks it unlocks, and export the map the CLI reads", async () => {
    const { page, errors } = await openWorkbench("?example=dsg-management-plan");
    await check(page);
    const clean = await paneFindings(page);
    const cleanCount = await checksCount(page);

    await openExample(page, "council-wording");
    await check(page);
    const before = await checksCount(page);
    expect(before.ran).toBeLessThan(cleanCount.ran);
    await expect(page.locator("#mapped-rows li.none").count()).resolves.toBe(1);
    await expect(page.locator("#download-map").isDisabled()).resolves.toBe(true);

    // A selection of two rows is refused.
    await page.evaluate(() => window.workbench.host.selectByUser("Financial summary", "B54:B55"));
    await page.click("#use-selected-row");
    await page.locator("#status.status-error", { hasText: "Select one row" }).waitFor();

    await selectInGrid(page, "Financial summary", `B${CARRIED_FORWARD_ROW}`);
    await page.selectOption("#map-as", COUNCIL_WORDING.carriedForward.as);
    await page.click("#use-selected-row");
    await page
      .locator("#status", {
        hasText: `Row ${CARRIED_FORWARD_ROW} of 'Financial summary' ("${COUNCIL_WORDING.carriedForward.council}") will be read as Cumulative deficit carried forward. Press Check again`,
      })
      .waitFor();
    const mapping = {
      sheet: "Financial summary",
      row: CARRIED_FORWARD_ROW,
      as: COUNCIL_WORDING.carriedForward.as,
      label: COUNCIL_WORDING.carriedForward.council,
    };
    const saved = await page.evaluate(() => window.workbench.host.settings.saved);
    expect(saved["dsg.rowMap"]).toEqual({ version: 1, rows: [mapping] });
    await expect(page.textContent("#mapped-rows li")).resolves.toContain(
      `Row ${CARRIED_FORWARD_ROW} of 'Financial summary' ("${COUNCIL_WORDING.carriedForward.council}") as Cumulative deficit carried forward`
    );

    // Checking again runs the checks that needed the row: the plan checks like the DfE wording.
    await check(page);
    expect(await checksCount(page)).toEqual(cleanCount);
    await expect(page.locator('#not-run-list li[data-rule="roll-forward"]').count()).resolves.toBe(
      0
    );
    const mapped = await paneFindings(page);
    expect([...mapped].sort(byPlace)).toEqual([...clean].sort(byPlace));
    // Pointing at a row saves settings; it never writes to the workbook.
    expect((await host(page)).writes).toEqual([]);

    // Export: the download and the copy are the same map file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("#download-map"),
    ]);
    expect(download.suggestedFilename()).toBe("dsg-row-map.json");
    const mapFile = path.join(OUTPUT, "council-row-map.json");
    await download.saveAs(mapFile);
    expect(JSON.parse(readFileSync(mapFile, "utf8"))).toEqual({ version: 1, rows: [mapping] });
    await page.evaluate(() => {
      const clipboard = {
        writeText: async (text: string) =>
          void ((window as unknown as { copied: string }).copied = text),
      };
      Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
    });
    await page.click("#copy-map");
    await page.locator("#status", { hasText: "row map is copied" }).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied).toBe(readFileSync(mapFile, "utf8"));

    // The CLI with the exported map, on the same workbook as an .xlsx file, gives the same findings.
    // The CLI bundle is rebuilt so it runs the same rules as the pane built into dist/.
    const build = spawnSync(process.execPath, ["scripts/buildCli.mjs"], {
      encoding: "utf8",
      cwd: ROOT,
    });
    expect(build.status, build.stderr).toBe(0);
    const xlsx = path.join(OUTPUT, "council-wording.xlsx");
    writeFileSync(xlsx, await writeXlsxBuffer(councilWordingPlan(PLAN).workbook));
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin/dsg-validate.cjs"), "--json", "--map", mapFile, xlsx],
      { encoding: "utf8", cwd: ROOT }
    );
    expect(run.stderr).toBe("");
    const [report] = (
      JSON.parse(run.stdout) as {
        files: { findings: PaneFinding[]; checks: { ran: number; of: number } }[];
      }
    ).files;
    expect(
      report.findings
        .map(({ rule, address, message }) => ({ rule, address, message }))
        .sort(byPlace)
    ).toEqual([...mapped].sort(byPlace));
    expect({ ran: report.checks.ran, of: report.checks.of }).toEqual({
      ran: cleanCount.ran,
      of: cleanCount.of,
    });

    // Removing the row puts the checks back where they were.
    await page.click("#mapped-rows button.remove-mapping");
    await page.locator("#status", { hasText: "is no longer pointed at" }).waitFor();
    expect((await page.evaluate(() => window.workbench.host.settings.saved))["dsg.rowMap"]).toEqual(
      {
        version: 1,
        rows: [],
      }
    );
    await check(page);
    expect(await checksCount(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should have no axe violations with the checks that did not run and the row map open", async () => {
    const { page } = await openWorkbench("?example=council-wording");
    await check(page);
    await page.click("#checks-not-run summary");
    await page.evaluate(AXE);
    expect(await axeViolations(page, "#app")).toEqual([]);
    await page.locator("#app").screenshot({ path: path.join(OUTPUT, "taskpane-row-map.png") });
    await page.close();
  });
});

// Generous limits: on two busy cores (the whole suite in parallel) one pass over every faulty sample takes a while.
describe("workbench", { timeout: 120_000 }, () => {
  it("should find no errors in the consistent plan", async () => {
    const { page, errors } = await openWorkbench("?example=dsg-management-plan");
    const summary = await check(page);
    expect(summary).toMatch(/^0 errors/);
    await expect(page.textContent("#check-template")).resolves.toContain(
      "DSG deficit management plan"
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should report each seeded fault and select its cell when the finding is clicked", async () => {
    const { page, errors } = await openWorkbench();
    const missing: string[] = [];
    for (const fault of FAULTS) {
      await openExample(page, exampleId(fault));
      await check(page);
      const finding = page
        .locator(`button.finding[data-rule="${fault.rule}"][data-address="${fault.address}"]`)
        .first();
      if ((await finding.count()) === 0) {
        missing.push(`${fault.rule} at ${fault.sheet}!${fault.address}`);
        continue;
      }
      await finding.click();
      // Checking and going to a finding never change the workbook.
      expect((await host(page)).writes).toEqual([]);
      if (fault.address) {
        await page.waitForFunction(
          (want) => window.workbench.host.selection.address === want,
          fault.address
        );
        expect((await host(page)).selection).toEqual({
          sheet: fault.sheet,
          address: fault.address,
        });
        await expect(page.textContent("#grid-selection")).resolves.toContain(fault.address);
      }
    }
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should work with the keyboard alone: check, open a finding, filter and write the report", async () => {
    const fault = FAULTS.find((f) => f.rule === "roll-forward") as FaultEntry;
    const { page } = await openWorkbench(`?example=${exampleId(fault)}`);
    await tabTo(page, "#check-workbook");
    await page.keyboard.press("Enter");
    await page.locator("#status", { hasText: "Check finished" }).waitFor();

    // Into the findings: one Tab stop for the list, then the arrow keys; Enter and Space open a finding.
    await tabTo(page, "button.finding");
    const first = await focused(page);
    await page.keyboard.press("Enter");
    await page.waitForFunction((want) => window.workbench.host.selection.address === want, first);
    const count = await page.locator("button.finding").count();
    if (count > 1) {
      // Down to the next finding with a cell (a note about the whole workbook, such as the checks
      // that did not run, has none to go to).
      let second = "";
      for (let moves = 1; moves < count && second === ""; moves += 1) {
        await page.keyboard.press("ArrowDown");
        second = await focused(page);
      }
      expect(second).not.toBe(first);
      await page.keyboard.press(" ");
      await page.waitForFunction(
        (want) => window.workbench.host.selection.address === want,
        second
      );
    }

    // Filter: Space on the Errors box hides the errors.
    await tabTo(page, "#show-error", true);
    await page.keyboard.press(" ");
    await expect(page.locator('.severity-group[data-severity="error"]').isHidden()).resolves.toBe(
      true
    );
    await page.keyboard.press(" ");
    await expect(page.locator('.severity-group[data-severity="error"]').isVisible()).resolves.toBe(
      true
    );

    await tabTo(page, "#write-report", true);
    await page.keyboard.press("Enter");
    await page.locator("#status", { hasText: "Report written" }).waitFor();
    expect(
      (await host(page)).writes.some(
        (w) => w.kind === "sheet-added" && w.sheet === "DSG check report"
      )
    ).toBe(true);

    // The tabs: arrows move between them.
    await tabTo(page, "#tab-check", true);
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#panel-functions").isVisible()).resolves.toBe(true);
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#panel-settings").isVisible()).resolves.toBe(true);
    await page.close();
  });

  it("should write to the workbook only when Write report sheet is pressed, and only that sheet", async () => {
    const fault = FAULTS.find((f) => f.rule === "opening-balance") as FaultEntry;
    const { page } = await openWorkbench(`?example=${exampleId(fault)}`);
    await check(page);
    await page.locator("button.finding").first().click();
    await page.click("#show-warning");
    await page.click("#tab-settings");
    await page.click("#save-settings");
    await page.locator("#status", { hasText: "Settings saved" }).waitFor();
    await page.click("#tab-check");
    await check(page);
    expect((await host(page)).writes).toEqual([]);
    await expect(page.locator("[role=tab]", { hasText: "DSG check report" }).count()).resolves.toBe(
      0
    );

    await page.click("#write-report");
    await page.locator("#status", { hasText: "Report written" }).waitFor();
    const writes = (await host(page)).writes;
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((w) => w.sheet !== "DSG check report")).toEqual([]);
    await expect(page.locator("[role=tab]", { hasText: "DSG check report" }).count()).resolves.toBe(
      1
    );

    // Writing again replaces the sheet rather than adding a second one.
    await page.click("#write-report");
    await page.locator("#status", { hasText: "Report written" }).waitFor();
    await expect(page.locator("[role=tab]", { hasText: "DSG check report" }).count()).resolves.toBe(
      1
    );
    await page.close();
  });

  it("should read the full-size plan in as many round trips as the small one", async () => {
    const { page } = await openWorkbench("?example=dsg-management-plan");
    const syncsFor = async () => {
      const before = (await host(page)).syncCount;
      await check(page);
      return (await host(page)).syncCount - before;
    };
    const small = await syncsFor();
    await openExample(page, "full-size-plan");
    const large = await syncsFor();
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
    await page.close();
  });

  it("should show the stage while Excel is busy and finish once the user stops editing a cell", async () => {
    const { page } = await openWorkbench("?example=dsg-management-plan");
    await page.evaluate(() => window.workbench.host.setCellEditMode(true));
    await page.click("#check-workbook");
    await page.locator(".progress").waitFor();
    await expect(page.textContent("#check-stage")).resolves.not.toBe("");
    await page.locator("#status", { hasText: "Checking the workbook" }).waitFor();
    await page.evaluate(() => window.workbench.host.setCellEditMode(false));
    await page.locator("#status", { hasText: "Check finished" }).waitFor();
    await expect(page.locator(".progress").isHidden()).resolves.toBe(true);
    await page.close();
  });

  it("should explain in words when Excel refuses to write the report", async () => {
    const { page } = await openWorkbench("?example=dsg-management-plan");
    await check(page);
    await page.evaluate(() => window.workbench.host.failNextSync("AccessDenied"));
    await page.click("#write-report");
    await page.locator("#status.status-error", { hasText: "protected" }).waitFor();
    expect((await host(page)).writes).toEqual([]);
    await page.close();
  });

  it("should copy the findings as text, or show them ready to copy where the clipboard is blocked", async () => {
    const fault = FAULTS.find((f) => f.rule === "roll-forward") as FaultEntry;
    const { page } = await openWorkbench(`?example=${exampleId(fault)}`);
    await check(page);
    await page.evaluate(() => {
      const clipboard = {
        writeText: async (text: string) =>
          void ((window as unknown as { copied: string }).copied = text),
      };
      Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
    });
    await page.click("#copy-findings");
    await page.locator("#status", { hasText: "copied" }).waitFor();
    const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied).toMatch(/^DSG check: DSG deficit management plan\n1 error/);
    expect(copied).toContain(`'${fault.sheet}'!${fault.address}`);

    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        value: { writeText: () => Promise.reject(new Error("blocked")) },
        configurable: true,
      });
      document.execCommand = () => false;
    });
    await page.click("#copy-findings");
    await expect(page.locator(".copy-fallback").inputValue()).resolves.toBe(copied);
    await page.close();
  });

  it("should keep settings in the document and use them for the next check", async () => {
    const fault = FAULTS.find((f) => f.rule === "roll-forward") as FaultEntry;
    const { page } = await openWorkbench(`?example=${exampleId(fault)}`);
    await page.click("#tab-settings");
    await page.fill("#tolerance", "1");
    await page.click("#save-settings");
    await page.locator("#status", { hasText: "Settings saved" }).waitFor();
    const saved = await page.evaluate(() => window.workbench.host.settings.saved);
    expect(saved).toEqual({ "dsg.settings": expect.objectContaining({ tolerance: 1 }) });
    await page.click("#tab-check");
    await check(page);
    await expect(page.locator('button.finding[data-rule="roll-forward"]').count()).resolves.toBe(0);
    await page.close();
  });

  it("should insert a function into the selected cell on request, and ask before replacing a value", async () => {
    const { page } = await openWorkbench("?example=dsg-management-plan");
    await page.click('td[data-cell="A2"]');
    await page.click("#tab-functions");
    await page.click('button[data-function="FY"]');
    await page.locator("#status", { hasText: "Inserted =DSG.FY(DATE(2026,11,23))" }).waitFor();
    await page.click('button[data-function="HNSG"]');
    await page.locator("#status", { hasText: "already holds =DSG.FY" }).waitFor();
    await page.click('button[data-function="HNSG"]');
    await page.locator("#status", { hasText: "Inserted =DSG.HNSG" }).waitFor();
    const writes = (await host(page)).writes;
    expect(writes).toEqual([
      expect.objectContaining({ kind: "cells-written", sheet: "Cover", address: "A2" }),
      expect.objectContaining({ kind: "cells-written", sheet: "Cover", address: "A2" }),
    ]);
    await page.close();
  });

  it.each(["light", "dark"])(
    "should have no axe violations in the %s theme with findings open",
    async (theme) => {
      const fault = FAULTS.find((f) => f.rule === "roll-forward") as FaultEntry;
      const { page } = await openWorkbench(`?theme=${theme}&example=${exampleId(fault)}`);
      await check(page);
      await page.locator("button.finding").first().click();
      // Evaluated through the debugging protocol: the page's Content-Security-Policy rightly forbids inline scripts.
      await page.evaluate(AXE);
      expect(await axeViolations(page, "document")).toEqual([]);

      await page.locator("#app").screenshot({ path: path.join(OUTPUT, `taskpane-${theme}.png`) });
      await page.screenshot({ path: path.join(OUTPUT, `workbench-${theme}.png`) });
      if (theme === "light" && (process.env.UPDATE_SCREENSHOTS || !existsSync(README_IMAGE))) {
        mkdirSync(path.dirname(README_IMAGE), { recursive: true });
        copyFileSync(path.join(OUTPUT, "taskpane-light.png"), README_IMAGE);
      }

      for (const tab of ["#tab-functions", "#tab-settings", "#tab-compare", "#tab-submit"]) {
        await page.click(tab);
        expect(await axeViolations(page, "#app")).toEqual([]);
      }
      await page.close();
    }
  );

  it("should make no request outside its own origin", () => {
    // A downloaded row map is a blob: of the page's own origin.
    const outside = session.requests.filter(
      (url) => !url.startsWith(session.baseUrl) && !url.startsWith(`blob:${session.baseUrl}`)
    );
    expect(session.requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
