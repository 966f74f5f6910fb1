import { describe, expect, it } from "vitest";
import { locateEhcp, placementNamed } from "../../src/templates/ehcp/locateEhcp";
import { ehcpTotals } from "../../src/validation/rules/ehcp-totals";
import { ehcpStockFlow } from "../../src/validation/rules/ehcp-stock-flow";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { ehcpTemplate, runRule } from "../validation/ehcpSupport";

type Row = CellValue[];

interface Layout {
  /** Columns of blank cells before the tables (a moved table). */
  shift?: number;
  /** Blank rows inserted between table rows. */
  gap?: boolean;
  years?: CellValue[];
  ageLabels?: string[];
  needLabels?: string[];
  mainstreamTitle?: string;
}

const AGE = ["Under 5", "5 to 10", "11 to 15", "16 to 19", "20 to 25"];

/** A CYP summary with LA-wide flows on top, then mainstream and post-16 tables, each with its own header. */
function cypRows(layout: Layout = {}): Row[] {
  const pad = (row: Row): Row => [...Array<CellValue>(layout.shift ?? 0).fill(null), ...row];
  const years = layout.years ?? ["Jan 2022", "Jan 2023", "Jan 2024"];
  const ages = layout.ageLabels ?? AGE;
  const needs = layout.needLabels ?? ["ASD", "SEMH"];
  const rows: Row[] = [
    ["Children and young people summary"],
    ["All placements", ...years],
    ["New EHCPs", null, 12, 14],
    ["Ceased EHCPs", null, 4, 6],
    [],
    [layout.mainstreamTitle ?? "Mainstream schools or academies"],
    ["Number of EHCPs by age group", ...years],
    [ages[0], 10, 11, 12],
    [ages[1], 40, 42, 45],
    [ages[2], 30, 33, 35],
    [ages[3], 0, 0, 0],
    [ages[4], 0, 0, 0],
    ["Total number by age group", 80, 86, 92],
    ["Number of EHCPs by primary need", ...years],
    [needs[0], 50, 54, 57],
    [needs[1], 30, 32, 35],
    ["Total number of EHCPs by primary need", 80, 86, 92],
    [],
    ["Post 16 and further education"],
    ["Number of EHCPs by age group", ...years],
    [ages[3], 15, 16, 18],
    [ages[4], 5, 6, 6],
    ["Total number by age group", 20, 22, 24],
    ["Number of EHCPs by primary need", ...years],
    [needs[0], 12, 13, 14],
    [needs[1], 8, 9, 10],
    ["Total number of EHCPs by primary need", 20, 22, 24],
  ];
  return rows.flatMap((row, i) =>
    layout.gap && i > 6 && i % 3 === 0 ? [[], pad(row)] : [pad(row)]
  );
}

function locate(layout?: Layout) {
  return locateEhcp({
    sheets: [sheetFromRows("Cover", [["Cover"]]), sheetFromRows("CYP summary", cypRows(layout))],
  });
}

describe("placementNamed", () => {
  it.each([
    ["Mainstream schools or academies", "mainstream"],
    ["Non-maintained or independent special schools", "independent"],
    ["Maintained special schools or special academies", "special"],
    ["NMSS", "independent"],
    ["Post-16 and FE", "post-16"],
    ["Number of EHCPs by age group - Resourced provision or SEN units", "resourced-provision"],
    ["Number of EHCPs by age group", undefined],
    ["5 to 10", undefined],
  ])("should read %j as %j", (text, key) => {
    expect(placementNamed(text)?.key).toBe(key);
  });
});

describe("locateEhcp", () => {
  it("should find each placement's tables, totals and census years", () => {
    const ehcp = locate();
    expect(
      ehcp?.placements.map((p) => [p.placement, p.sheet, p.years.map((y) => y.label)])
    ).toEqual([
      ["mainstream", "CYP summary", ["2022", "2023", "2024"]],
      ["post-16", "CYP summary", ["2022", "2023", "2024"]],
    ]);
    const mainstream = ehcp!.placements[0];
    expect(mainstream.byAge?.rows.map((r) => r.key)).toEqual([
      "under-5",
      "5-to-10",
      "11-to-15",
      "16-to-19",
      "20-to-25",
    ]);
    expect(mainstream.byAge?.total?.row).toBe(12);
    expect(mainstream.byNeed?.rows.map((r) => [r.key, r.row.row])).toEqual([
      ["ASD", 14],
      ["SEMH", 15],
    ]);
    expect(mainstream.byNeed?.total?.cells.map((c) => c.value)).toEqual([80, 86, 92]);
    expect(ehcp!.placements[1].byAge?.rows.map((r) => r.key)).toEqual(["16-to-19", "20-to-25"]);
  });

  it("should find LA-wide flows above the first placement", () => {
    const laWide = locate()?.laWide;
    expect(laWide?.newPlans?.row).toBe(2);
    expect(laWide?.ceasedPlans?.cells.map((c) => c.value)).toEqual([null, 4, 6]);
    expect(locate() && runRule(ehcpStockFlow, ehcpTemplate(locate()!))).toEqual([]);
  });

  it.each<[string, Layout]>([
    ["inserted rows", { gap: true }],
    ["a moved table", { shift: 3 }],
    ["numeric census headings", { years: [2022, 2023, 2024] }],
    [
      "label variants",
      {
        ageLabels: [
          "Aged under 5",
          "Age 5 to 10",
          "Aged 11 to 15",
          "Aged 16 to 19",
          "Aged 20 to 25",
        ],
        needLabels: ["Autistic spectrum disorder", "SEMH - Social, emotional and mental health"],
        mainstreamTitle: "Mainstream",
      },
    ],
    [
      "post-16 age groups named as such",
      { ageLabels: ["Under 5", "5 to 10", "11 to 15", "Post-16 (16-19)", "Post-19"] },
    ],
    [
      "a post-16 age group called just that",
      { ageLabels: [...AGE.slice(0, 3), "Post-16", "Post 19"] },
    ],
  ])("should locate the same tables with %s", (_, layout) => {
    const ehcp = locate(layout);
    expect(ehcp?.placements.map((p) => p.placement)).toEqual(["mainstream", "post-16"]);
    expect(ehcp!.placements[0].byAge?.rows).toHaveLength(5);
    expect(ehcp!.placements[0].byNeed?.rows.map((r) => r.key)).toEqual(["ASD", "SEMH"]);
    expect(ehcp!.placements[0].byNeed?.total?.cells.map((c) => c.value)).toEqual([80, 86, 92]);
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp!))).toEqual([]);
  });

  it("should not take a note mentioning a placement for its heading", () => {
    const rows = cypRows();
    rows[8].push(null, "Note: growth in post 16 and further education was driven by transfers");
    rows.splice(10, 0, [
      "Fewer plans moved to NMSS or independent schools this year than the year before it",
    ]);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] });
    expect(ehcp?.placements.map((p) => [p.placement, p.byAge?.rows.length])).toEqual([
      ["mainstream", 5],
      ["post-16", 2],
    ]);
  });

  it("should not take a placement for a heading when a text of punctuation comes first on its row", () => {
    const rows = cypRows({ shift: 1 });
    rows[18][0] = "-"; // before "Post 16 and further education": the row's first text is "-"
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] });
    expect(ehcp?.placements.map((p) => p.placement)).toEqual(["mainstream"]);
    rows[18][0] = null;
    const split = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] });
    expect(split?.placements.map((p) => p.placement)).toEqual(["mainstream", "post-16"]);
  });

  it("should point ehcp-totals at the located total cell", () => {
    const rows = cypRows({ shift: 1 });
    rows[12][3] = 87; // mainstream total by age group, 2023
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] });
    const reports = runRule(ehcpTotals, ehcpTemplate(ehcp!));
    expect(reports.map((r) => r.at)).toEqual([{ sheet: "CYP summary", row: 12, col: 3 }]);
  });

  it("should read one sheet per placement type", () => {
    const tables = cypRows().slice(6, 17);
    const ehcp = locateEhcp({
      sheets: [sheetFromRows("Mainstream", tables), sheetFromRows("NMSS or independent", tables)],
    });
    expect(ehcp?.placements.map((p) => [p.placement, p.sheet])).toEqual([
      ["mainstream", "Mainstream"],
      ["independent", "NMSS or independent"],
    ]);
  });

  it("should be undefined when the workbook has no EHCP tables", () => {
    expect(
      locateEhcp({ sheets: [sheetFromRows("Financial summary", [["Schools block"]])] })
    ).toBeUndefined();
  });
});
