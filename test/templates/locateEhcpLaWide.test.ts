/**
 * EHCP tables as councils lay them out beyond the template: the local authority's own tables with no
 * placement heading (or an "All placements" / "LA total" one), primary needs as SEN2 codes and their
 * variants, and census columns headed "Jan-25" or "2023/24".
 */
import { describe, expect, it } from "vitest";
import { locateEhcp } from "../../src/templates/ehcp/locateEhcp";
import { stockByCensusYear } from "../../src/templates/ehcp/ehcpFigures";
import { ehcpTotals } from "../../src/validation/rules/ehcp-totals";
import { ehcpValues } from "../../src/validation/rules/ehcp-values";
import { ehcpStockFlow } from "../../src/validation/rules/ehcp-stock-flow";
import { unitCostJump } from "../../src/validation/rules/unit-cost-jump";
import { ehcpTables } from "../../src/validation/needs";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import {
  AGE_ROWS,
  AGE_TOTAL,
  NEED_CODES,
  NEED_ROWS,
  NEED_TOTAL,
} from "../../examples/real/buildPlan";
import { ehcpTemplate, runRule } from "../validation/ehcpSupport";

type Row = CellValue[];

const NEED_COUNTS = [310, 20, 90, 5, 30, 10, 170, 190, 60, 40, 10, 30, 35];

interface Layout {
  /** Rows above the tables, after the sheet's title ("All placements"), or none. */
  heading?: string[];
  years?: CellValue[];
  needs?: string[];
  /** Added to the age total of the last year (a seeded fault). */
  ageTotalOff?: number;
  flows?: boolean;
}

/** One LA-wide pair of tables: three census years, the need counts growing by 10% a year. */
function laWideRows(layout: Layout = {}): Row[] {
  const years = layout.years ?? [2023, 2024, 2025];
  const needs = layout.needs ?? NEED_ROWS;
  const grow = (n: number, i: number) => Math.round(n * (1 + i / 10));
  const needRows = needs.map((label, k): Row => [
    label,
    ...years.map((_, i) => grow(NEED_COUNTS[k], i)),
  ]);
  const totals = years.map((_, i) =>
    NEED_COUNTS.slice(0, needs.length).reduce((sum, n) => sum + grow(n, i), 0)
  );
  // Ages: everything not under 5 or 20 to 25 split across the middle groups.
  const ages = totals.map((t) => [
    50,
    Math.floor((t - 80) / 2),
    Math.ceil((t - 80) / 2) - 20,
    20,
    30,
  ]);
  const ageTotals = totals.map((t, i) =>
    i === totals.length - 1 ? t + (layout.ageTotalOff ?? 0) : t
  );
  return [
    ["Children and young people summary"],
    ...(layout.heading ?? ["All placements"]).map((h): Row => [h]),
    ["Number of EHCPs by age group"],
    [null, ...years],
    ...AGE_ROWS.map((label, k): Row => [label, ...ages.map((a) => a[k])]),
    [AGE_TOTAL, ...ageTotals],
    [],
    ["Number of EHCPs by primary need"],
    [null, ...years],
    ...needRows,
    [NEED_TOTAL, ...totals],
    ...(layout.flows
      ? [
          ["New EHCPs", null, ...totals.slice(1).map((t, i) => t - totals[i] + 40)],
          ["Ceased EHCPs", null, 40, 40],
        ]
      : []),
  ];
}

function locate(layout?: Layout, sheetName = "CYP summary") {
  return locateEhcp({ sheets: [sheetFromRows(sheetName, laWideRows(layout))] });
}

describe("locateEhcp: the local authority's tables for all placements", () => {
  it.each([
    ["All placements"],
    ["Total - all placements"],
    ["Local authority total"],
    ["LA total"],
    ["All EHCPs"],
    ["All EHCPs maintained by the LA"],
  ])("should read the tables under %j as all placements", (heading) => {
    const ehcp = locate({ heading: [heading] });
    expect(ehcp?.placements.map((p) => [p.placement, p.name])).toEqual([["all", "All placements"]]);
    expect(ehcp!.placements[0].byAge?.rows).toHaveLength(5);
    expect(ehcp!.placements[0].byNeed?.rows).toHaveLength(13);
    expect(ehcpTables(ehcpTemplate(ehcp!))).toEqual([expect.objectContaining({ found: true })]);
  });

  it("should read tables with no heading at all as the local authority's", () => {
    const ehcp = locate({ heading: [] });
    expect(ehcp?.placements.map((p) => p.placement)).toEqual(["all"]);
  });

  it("should read them on a sheet named in the council's own words", () => {
    const ehcp = locate({ heading: [] }, "EHCP numbers");
    expect(ehcp?.placements.map((p) => p.placement)).toEqual(["all"]);
  });

  it("should give no findings on a consistent plan", () => {
    const template = ehcpTemplate(locate({ heading: [], flows: true })!);
    for (const rule of [ehcpTotals, ehcpValues, ehcpStockFlow])
      expect(runRule(rule, template)).toEqual([]);
    expect(runRule(unitCostJump, template)).toEqual([]);
  });

  it("should find an age total 7 too high at its cell", () => {
    const ehcp = locate({ heading: [], ageTotalOff: 7 })!;
    const reports = runRule(ehcpTotals, ehcpTemplate(ehcp));
    expect(reports).toHaveLength(1);
    // Row 8 (0-based): the title, "Number of EHCPs by age group", the header, five ages, the total.
    expect(reports[0].at).toEqual({ sheet: "CYP summary", row: 8, col: 3 });
    expect(reports[0].message).toMatch(/^All placements 2025: the total by age group/);
  });

  it("should run stock and flow checks on the local authority's flows beside its tables", () => {
    const rows = laWideRows({ heading: [], flows: true });
    rows[rows.length - 2][3] = 999; // new plans in 2025
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    const reports = runRule(ehcpStockFlow, ehcpTemplate(ehcp));
    expect(reports.map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: rows.length - 2, col: 3 },
    ]);
  });

  it("should not take the rows of a table by placement type for placement headings", () => {
    const byPlacement: Row[] = [
      ["Number of EHCPs by placement type", 2023, 2024, 2025],
      ["Mainstream schools or academies", 100, 110, 120],
      ["Post 16 and further education", 10, 11, 12],
      ["Total", 110, 121, 132],
      [],
    ];
    const rows = laWideRows({ heading: [] });
    rows.splice(1, 0, ...byPlacement);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    // Read as post-16's, the tables' under-16 counts would be plans in the wrong placement.
    expect(ehcp.placements.map((p) => p.placement)).toEqual(["all"]);
    expect(runRule(ehcpValues, ehcpTemplate(ehcp))).toEqual([]);
  });

  it("should still take a placement heading with its totals beside it for a heading", () => {
    const rows = laWideRows({ heading: [] });
    rows.splice(1, 0, ["Mainstream schools or academies", 1, 2, 3]);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(ehcp.placements.map((p) => p.placement)).toEqual(["mainstream"]);
  });

  it("should count plans from the placements' own tables when the sheet has both", () => {
    const placementRows: Row[] = [
      [],
      ["Mainstream schools or academies"],
      ["Number of EHCPs by age group", 2023, 2024, 2025],
      ["Age 5 to 10", 100, 110, 120],
      ["Total number by Age Group", 100, 110, 120],
    ];
    const ehcp = locateEhcp({
      sheets: [sheetFromRows("CYP summary", [...laWideRows({ heading: [] }), ...placementRows])],
    })!;
    expect(ehcp.placements.map((p) => p.placement)).toEqual(["all", "mainstream"]);
    expect(stockByCensusYear(ehcp).get(2024)?.plain).toBe(110);
    // The whole is not a placement whose share of all plans moves.
    expect(runRule(unitCostJump, ehcpTemplate(ehcp))).toEqual([]);
  });
});

describe("locateEhcp: primary needs as SEN2 codes and their variants", () => {
  // The SEN2 codes but the last (NSA), whose variants are tried one by one.
  const codes = NEED_CODES.slice(0, -1);

  it.each([
    ["NSA"],
    ["NONE"],
    ["UKN"],
    ["Awaiting assessment"],
    ["Not recorded"],
    ["Awaiting assessment / not recorded"],
    ["No specialist assessment"],
  ])("should read the codes with %j as the last need", (last) => {
    const ehcp = locate({ needs: [...codes, last] })!;
    expect(ehcp.placements[0].byNeed?.rows.map((r) => r.key)).toEqual([
      ...codes.map((code) => code.toUpperCase()),
      "UKN",
    ]);
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp))).toEqual([]);
  });

  it("should read common wordings of the needs", () => {
    const needs = [
      "Autistic spectrum disorder",
      "HI - Hearing impairment",
      "Moderate learning difficulties",
      "Multi-sensory impairment",
      "Physical disability",
      "Profound and multiple learning difficulty",
      "Social, emotional and mental health",
      "Speech, language and communication needs",
      "Severe learning difficulty",
      "Specific learning difficulty (e.g. dyslexia)",
      "Visual impairment",
      "Other difficulty/disability",
      "NSA - SEN support but no specialist assessment",
    ];
    const ehcp = locate({ needs })!;
    expect(ehcp.placements[0].byNeed?.rows).toHaveLength(13);
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp))).toEqual([]);
  });

  it("should add two rows of one need inside a table (NSA and awaiting assessment apart)", () => {
    const rows = laWideRows({ heading: [], needs: [...codes, "NSA"] });
    const needTotal = rows.findIndex((r) => r[0] === NEED_TOTAL);
    rows.splice(needTotal, 0, ["Awaiting assessment", 5, 5, 5]);
    for (let col = 1; col <= 3; col++) (rows[needTotal + 1][col] as number) += 5;
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(ehcp.placements[0].byNeed?.rows.filter((r) => r.key === "UKN")).toHaveLength(2);
    // The ages still add up to the old total: the need table is 5 more, each year.
    const reports = runRule(ehcpTotals, ehcpTemplate(ehcp));
    expect(reports.map((r) => r.message)).toEqual([
      expect.stringMatching(
        /2023: the total by age group \(\d+\) does not equal the total by primary need/
      ),
      expect.stringMatching(/2024: /),
      expect.stringMatching(/2025: /),
    ]);
  });
});

describe("locateEhcp: rows whose labels are not read", () => {
  it("should say once that a table's rows were not all read, not fail its total every year", () => {
    const rows = laWideRows({ heading: [] });
    const visual = rows.findIndex((r) => r[0] === "Visual Impairment");
    rows[visual][0] = "Sensory impairment (HI, VI, MSI)";
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(ehcp.placements[0].byNeed?.unread?.map((r) => r.row)).toEqual([visual]);
    const reports = runRule(ehcpTotals, ehcpTemplate(ehcp));
    expect(reports).toEqual([
      expect.objectContaining({
        severity: "warning",
        at: { sheet: "CYP summary", row: visual, col: 0 },
        message: expect.stringMatching(/'Sensory impairment'/),
      }),
    ]);
  });

  it("should say nothing of rows not read when the rows read add up to the total", () => {
    const rows = laWideRows({ heading: [] });
    const autism = rows.findIndex((r) => r[0] === "Autistic Spectrum Disorder");
    rows.splice(autism + 1, 0, ["of which: in their first year", 30, 31, 32]);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(ehcp.placements[0].byNeed?.unread).toHaveLength(1);
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp))).toEqual([]);
  });

  it("should still find an age total that disagrees with a need total it could not check", () => {
    const rows = laWideRows({ heading: [], ageTotalOff: 7 });
    const visual = rows.findIndex((r) => r[0] === "Visual Impairment");
    rows[visual][0] = "Sensory impairment";
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp)).map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: visual, col: 0 },
      { sheet: "CYP summary", row: 8, col: 3 },
    ]);
  });
});

describe("locateEhcp: a second table below the first", () => {
  it("should not add a row of the table below into the total above", () => {
    const rows = laWideRows({ heading: [] });
    const visual = rows.findIndex((r) => r[0] === "Visual Impairment");
    // The first need table has no visual impairment row (those plans are under Other); a table of
    // projections below has one.
    const [vi] = rows.splice(visual, 1);
    for (let col = 1; col <= 3; col++) (rows[visual][col] as number) += vi[col] as number;
    rows.push([], ["Projected EHCPs by primary need"], [null, 2026, 2027, 2028], vi);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(ehcp.placements[0].byNeed?.rows.map((r) => r.key)).not.toContain("VI");
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp))).toEqual([]);
  });
});

describe("locateEhcp: census columns headed as councils head them", () => {
  it.each<[string, CellValue[]]>([
    ["Jan-YY text", ["Jan-23", "Jan-24", "Jan-25"]],
    ["Jan YYYY text", ["Jan 2023", "Jan 2024", "Jan 2025"]],
    ["academic years with a slash (January of the second year)", ["2022/23", "2023/24", "2024/25"]],
    ["academic years with a dash", ["2022-23", "2023-24", "2024-25"]],
  ])("should read %s as census years 2023 to 2025", (_, years) => {
    const ehcp = locate({ years });
    expect(ehcp?.placements[0].years.map((y) => y.label)).toEqual(["2023", "2024", "2025"]);
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp!))).toEqual([]);
  });

  it("should read January dates shown as mmm-yy as census years", () => {
    const rows = laWideRows();
    // 1 January 2023, 2024 and 2025 as Excel date serials, shown as "Jan-23".
    const dates = [44927, 45292, 45658].map((v) => ({ f: "", v, fmt: "mmm-yy" }));
    const sheet = sheetFromRows(
      "CYP summary",
      rows.map((r) => (r[0] === null && typeof r[1] === "number" ? [null, ...dates] : r))
    );
    const ehcp = locateEhcp({ sheets: [sheet] });
    expect(ehcp?.placements[0].years.map((y) => y.label)).toEqual(["2023", "2024", "2025"]);
  });
});

describe("locateEhcp: total rows that do not say which table they total", () => {
  const withTotals = (ageTotal: string, needTotal: string) =>
    laWideRows({ heading: [] }).map((r) =>
      r[0] === AGE_TOTAL
        ? [ageTotal, ...r.slice(1)]
        : r[0] === NEED_TOTAL
          ? [needTotal, ...r.slice(1)]
          : r
    );

  it.each([
    ["Total", "Total"],
    ["Total", "Grand total"],
    ["Total EHCPs", "Total EHCPs"],
    ["Sub-total", "Total number of EHCPs"],
  ])("should take %j and %j right under the tables for their totals", (age, need) => {
    const rows = withTotals(age, need);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    const all = ehcp.placements[0];
    expect([all.byAge?.total?.row, all.byNeed?.total?.row]).toEqual([
      rows.findIndex((r) => r[0] === age),
      rows.findIndex((r, i) => r[0] === need && i > 10),
    ]);
    expect(runRule(ehcpTotals, ehcpTemplate(ehcp))).toEqual([]);
    rows[rows.findIndex((r) => r[0] === age)][2] = 1;
    const faulty = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(runRule(ehcpTotals, ehcpTemplate(faulty)).map((r) => r.at)).toEqual([
      { sheet: "CYP summary", row: 8, col: 2 },
    ]);
  });

  it("should not take a total with another labelled row between it and the table", () => {
    const rows = withTotals("Total", "Total");
    rows.splice(8, 0, ["Age 19 plus (not in SEN2)", 1, 1, 1]);
    const ehcp = locateEhcp({ sheets: [sheetFromRows("CYP summary", rows)] })!;
    expect(ehcp.placements[0].byAge?.total).toBeUndefined();
    expect(ehcp.placements[0].byNeed?.total).toBeDefined();
  });
});
