/**
 * The report sheet's position table and native chart, written over the stand-in host: only on the report
 * sheet, only when the check found a position, and within the same two round trips.
 */
import { afterEach, describe, expect, it } from "vitest";
import { writeReportSheet } from "../../src/taskpane/office";
import { positionRows } from "../../src/taskpane/office/reportSheet";
import type { PlanPosition } from "../../src/validation/report/position";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { findSheet } from "../../src/workbook/workbook";
import { smallWorkbook } from "./hostFixtures";

let host: StandInHost | undefined;
afterEach(() => host?.uninstall());

const CHECKED_AT = new Date(2026, 11, 7, 9, 30);
const REPORT = "DSG check report";

/** Wiltshire's August 2024 forecast with the sample plan's limits (test/validation/position.test.ts). */
const POSITION: PlanPosition = {
  unit: { label: "£m", pounds: 1e6 },
  decimals: 3,
  limitBasis: "net",
  balanceYear: "2028-29",
  stabilityGrant: null,
  years: [
    ["2023-24", 28.706, 55.506, 30, 20.292],
    ["2024-25", 61.184, 94.684, 62.5, 39.177],
    ["2025-26", 77.319, 117.519, 79, 41.28],
    ["2026-27", 99.198, 146.098, 100.5, 28.579],
    ["2027-28", 99.926, 153.526, 101, 7.428],
    ["2028-29", 34.509, 101.509, 36, -0.194],
  ].map(([label, net, gross, limit, inYear]) => ({
    label: label as string,
    net: net as number,
    gross: gross as number,
    limit: limit as number,
    headroom: (limit as number) - (net as number),
    inYear: inYear as number,
  })),
};

describe("positionRows", () => {
  it("should give a heading row and a row a year with the series the pane draws", () => {
    const rows = positionRows(POSITION);
    expect(rows[0]).toEqual([
      "Year",
      "Deficit carried forward (£m)",
      "Before Safety Valve payments (£m)",
      "Agreed limit (£m)",
      "In-year result (£m)",
    ]);
    expect(rows[5]).toEqual(["2027-28", 99.926, 153.526, 101, 7.428]);
  });

  it("should leave out the limit without an agreement, and gross where nothing was paid", () => {
    const plain = {
      ...POSITION,
      years: POSITION.years.map((y) => ({ ...y, gross: y.net, limit: undefined })),
    };
    expect(positionRows(plain)[0]).toEqual([
      "Year",
      "Deficit carried forward (£m)",
      "In-year result (£m)",
    ]);
  });
});

describe("writeReportSheet with the plan's position", () => {
  it("should add the figures and one line chart beside the findings, on the report sheet only, in two syncs", async () => {
    host = installStandInExcel(smallWorkbook());
    const written = await writeReportSheet(
      [],
      CHECKED_AT,
      "DSG management plan",
      undefined,
      POSITION
    );
    expect(written).toMatchObject({ sheet: REPORT, position: "G1:K7" });
    expect(host.syncCount).toBe(2);
    expect(new Set(host.writes.map((w) => w.sheet))).toEqual(new Set([REPORT]));
    expect(host.writes.filter((w) => w.kind === "chart-added")).toEqual([
      { kind: "chart-added", sheet: REPORT, type: "Line", source: "G1:K7" },
    ]);
    expect(host.chartsOn(REPORT)).toEqual([
      {
        name: "DSG position",
        type: "Line",
        source: "G1:K7",
        seriesBy: "Columns",
        title: "DSG deficit by year (£m)",
        legendPosition: "Bottom",
        position: { start: "G9", end: "M24" },
      },
    ]);
    const sheet = findSheet(host.workbook, REPORT)!;
    const at = (row: number, col: number) => sheet.values[row - sheet.top][col - sheet.left];
    expect(at(5, 6)).toBe("2027-28");
    expect(at(5, 7)).toBe(99.926);
    expect(sheet.numberFormats[5 - sheet.top][7 - sheet.left]).toBe("#,##0.000");
  });

  it("should write the same as before, and no chart, when the check found no position", async () => {
    host = installStandInExcel(smallWorkbook());
    await writeReportSheet([], CHECKED_AT, "DSG management plan", undefined, POSITION);
    const withChart = host.writes.length;
    host.uninstall();
    host = installStandInExcel(smallWorkbook());
    await writeReportSheet([], CHECKED_AT, "DSG management plan", undefined, null);
    expect(host.writes.some((w) => w.kind === "chart-added")).toBe(false);
    expect(host.chartsOn(REPORT)).toEqual([]);
    // The table (values, number format, bold heading, widths) and the chart: five writes more.
    expect(withChart - host.writes.length).toBe(5);
  });

  it("should take the chart away with the old report when the report is written again", async () => {
    host = installStandInExcel(smallWorkbook());
    await writeReportSheet([], CHECKED_AT, null, undefined, POSITION);
    await writeReportSheet([], CHECKED_AT, null, undefined, POSITION);
    expect(host.chartsOn(REPORT)).toHaveLength(1);
  });
});
