/**
 * The position panel in Chromium, in the workbench over the stand-in Excel host: its figures on the
 * consistent plan and on a plan that breaches its Safety Valve limit, the chart's text alternative, axe and
 * contrast in the light and dark themes at the pane's narrow and wide sizes (screenshots in docs/images/),
 * and the native chart that Write report sheet adds, only when pressed and only on the report sheet.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { OUTPUT, openSession, watchErrors, type Session } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const IMAGES = path.join(ROOT, "docs/images");
const REPORT = "DSG check report";

let session: Session;

beforeAll(async () => {
  session = await openSession();
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await session?.close();
});

async function checked(example: string, query = ""): Promise<{ page: Page; errors: string[] }> {
  const page = await session.context.newPage();
  const errors = watchErrors(page);
  await page.goto(`workbench.html?example=${example}${query}`);
  await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
  await page.click("#check-workbook");
  await page.locator("#status", { hasText: "Check finished" }).waitFor();
  await page.locator("#position-chart canvas").waitFor();
  return { page, errors };
}

/** The figures-by-year table as text, row by row. */
const tableRows = (page: Page) =>
  page.$$eval("#position-table tr", (rows) =>
    rows.map((row) => [...row.children].map((cell) => cell.textContent ?? ""))
  );

/** WCAG contrast ratio of two colours given as CSS colour strings, computed in the page. */
function contrasts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const panel = document.getElementById("position") as HTMLElement;
    const rgb = (colour: string) => {
      const probe = document.createElement("span");
      probe.style.color = colour;
      panel.append(probe);
      const [r, g, b] = getComputedStyle(probe)
        .color.match(/\d+(\.\d+)?/g)!
        .map(Number);
      probe.remove();
      return [r, g, b];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = luminance(rgb(getComputedStyle(document.body).backgroundColor));
    const style = getComputedStyle(panel);
    return Object.fromEntries(
      ["net", "gross", "limit", "inYear", "axis"].map((id) => {
        const colour = luminance(rgb(style.getPropertyValue(`--chart-${id}`).trim()));
        const [light, dark] = [Math.max(colour, background), Math.min(colour, background)];
        return [id, (light + 0.05) / (dark + 0.05)];
      })
    );
  });
}

/** axe-core (injected) over the position panel: "rule: targets" per violation. */
function positionViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(c: Element): Promise<AxeResult> } }).axe;
    const result = await axe.run(document.getElementById("position") as Element);
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
    );
  });
}

describe("position panel", { timeout: 90_000 }, () => {
  it("should show the consistent plan's position: headroom, balance year, deficit at 31 March 2026 and the grant split", async () => {
    const { page, errors } = await checked("dsg-management-plan");
    await expect(page.textContent("#position-heading")).resolves.toBe("Position at a glance (£m)");
    await expect(page.textContent("#position-limit")).resolves.toBe(
      "Within it every year; least headroom £1.074m in 2027-28"
    );
    await expect(page.textContent("#position-balance-year")).resolves.toBe("From 2028-29");
    await expect(page.textContent("#position-cut-off")).resolves.toBe("£77.319m");
    // The same split as the hnsg-split note: £68.534m written off, £8.785m kept.
    await expect(page.textContent("#position-grant")).resolves.toBe(
      "90% written off: £68.534m; kept by the council: £8.785m (£1.170m from other blocks is not eligible)"
    );
    await expect(
      page.locator('button.finding[data-rule="hnsg-split"] .finding-message').textContent()
    ).resolves.toContain("would write off £68.534m and leave £8.785m");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should give the chart a label for screen readers and list the same figures in its table", async () => {
    const { page } = await checked("dsg-management-plan");
    const label = (await page.getAttribute("#position-chart", "aria-label")) ?? "";
    await expect(page.getAttribute("#position-chart", "role")).resolves.toBe("img");
    expect(label).toContain("highest £99.926m in 2027-28");
    expect(label).toContain("£34.509m at the end of 2028-29");
    expect(label).toContain("least headroom £1.074m in 2027-28");

    await page.click("#position .position-details summary");
    const rows = await tableRows(page);
    expect(rows[0]).toEqual([
      "Year",
      "Deficit carried forward",
      "Before Safety Valve payments",
      "Agreed limit",
      "In-year result",
      "Headroom",
    ]);
    const year = rows.find((row) => row[0] === "2027-28");
    expect(year).toEqual([
      "2027-28",
      "£99.926m",
      "£153.526m",
      "£101.000m",
      "£7.428m",
      "£1.074m headroom",
    ]);
    // Every figure the label names is in the table.
    for (const figure of label.match(/£[\d,.]+m/g) ?? [])
      expect(rows.flat().join(" ")).toContain(figure);
    // The chart draws one series per table column after the year.
    const series = await page.evaluate(
      () => document.querySelectorAll("#position-legend li, .position-legend li").length
    );
    expect(series).toBe(rows[0].length - 2);
    await page.close();
  });

  it("should show a breach of the Safety Valve limit where the sv-limits check warns", async () => {
    const { page } = await checked("faulty/sv-limits");
    await expect(page.textContent("#position-limit")).resolves.toBe(
      "Over in 1 year: 2026-27 over by £4.198m"
    );
    expect(await page.getAttribute("#position-chart", "aria-label")).toContain(
      "Over the Safety Valve limit in 2026-27 (over by £4.198m)"
    );
    await page.close();
  });

  it("should draw the full-size plan's ten years", async () => {
    const { page, errors } = await checked("full-size-plan");
    await page.click("#position .position-details summary");
    const rows = await tableRows(page);
    expect(rows.slice(1).map((row) => row[0])).toEqual(
      Array.from({ length: 10 }, (_, i) => `${2019 + i}-${String(20 + i).padStart(2, "0")}`)
    );
    await expect(page.textContent("#position-balance-year")).resolves.toBe("From 2028-29");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("should hide the panel for a workbook without end of year positions", async () => {
    const { page } = await checked("dsg-management-plan");
    await page.evaluate(() => window.workbench.open("faulty/template-recognised"));
    await page.locator("#check-workbook", { hasText: "Check workbook" }).waitFor();
    await page.click("#check-workbook");
    await page.locator("#status", { hasText: "Check finished" }).waitFor();
    await expect(page.locator("#position").isHidden()).resolves.toBe(true);
    await page.close();
  });

  it.each(["light", "dark"])(
    "should pass axe and keep its lines at 3:1 contrast in the %s theme, at 320 and 450 px",
    async (theme) => {
      const { page } = await checked("dsg-management-plan", `&theme=${theme}`);
      // Tall enough for the whole panel to be on screen for its screenshot.
      await page.setViewportSize({ width: 1280, height: 1600 });
      await page.evaluate(AXE);
      for (const width of [320, 450]) {
        await page.evaluate((w) => {
          (document.getElementById("app") as HTMLElement).style.width = `${w}px`;
        }, width);
        await page.waitForFunction(
          (w) =>
            Math.abs(
              (
                document.querySelector("#position-chart canvas") as HTMLCanvasElement
              ).getBoundingClientRect().width -
                (w - 58)
            ) < 40,
          width
        );
        const violations = await positionViolations(page);
        expect(violations).toEqual([]);
        // The table is checked open too; the screenshot shows the chart and the figures beside it.
        await page.click("#position .position-details summary");
        expect(await positionViolations(page)).toEqual([]);
        await page.click("#position .position-details summary");
        const file = `position-${theme}-${width}.png`;
        await page.locator("#position").screenshot({ path: path.join(OUTPUT, file) });
        if (process.env.UPDATE_SCREENSHOTS) {
          mkdirSync(IMAGES, { recursive: true });
          copyFileSync(path.join(OUTPUT, file), path.join(IMAGES, file));
        }
      }
      const ratios = await contrasts(page);
      for (const [line, ratio] of Object.entries(ratios))
        expect(ratio, `${line} in ${theme}`).toBeGreaterThanOrEqual(3);
      await page.close();
    }
  );
});

describe("the report sheet's chart", { timeout: 60_000 }, () => {
  it("should add the native chart only when Write report sheet is pressed, and only on the report sheet", async () => {
    const { page } = await checked("dsg-management-plan");
    const charts = () =>
      page.evaluate(() => ({
        writes: window.workbench.host.writes.filter((w) => w.kind === "chart-added"),
        all: window.workbench.host.writes.length,
      }));
    expect(await charts()).toEqual({ writes: [], all: 0 });
    await page.click("#write-report");
    await page.locator("#status", { hasText: "Report written" }).waitFor();
    const after = await charts();
    expect(after.writes).toEqual([
      { kind: "chart-added", sheet: REPORT, type: "Line", source: "G1:K9" },
    ]);
    const onReport = await page.evaluate((name) => window.workbench.host.chartsOn(name), REPORT);
    expect(onReport).toEqual([
      expect.objectContaining({ title: "DSG deficit by year (£m)", source: "G1:K9" }),
    ]);
    const elsewhere = await page.evaluate(() =>
      window.workbench.host.sheets.filter((s) => s.charts.length > 0).map((s) => s.name)
    );
    expect(elsewhere).toEqual([REPORT]);
    await page.close();
  });
});
