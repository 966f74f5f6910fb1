import { describe, expect, it } from "vitest";
import { sheetFromRows } from "../support/sheets";
import { labelSheet } from "../../src/templates/labels";
import type { YearColumn } from "../../src/templates/located";
import { locateBlocks } from "../../src/templates/financial/blocks";
import { locateMitigations } from "../../src/templates/financial/mitigations";
import { locateSafetyValveAgreement } from "../../src/templates/financial/safetyValve";
import { locateTemplate } from "../../src/templates/locate";

const years: YearColumn[] = [
  { label: "2024-25", start: 2024, col: 2, kind: "actual" },
  { label: "2025-26", start: 2025, col: 3, kind: "forecast" },
];

const blocksSheet = sheetFromRows("Financial summary", [
  ["Financial plan per funding block", null, "2024-25", "2025-26"],
  ["Schools block"],
  [null, "DSG allocation", 300, 310],
  [null, "Transfers in/(out)", -1.5, -3.1],
  [null, "Expenditure", 298.5, 306.9],
  [null, "In-year surplus/(deficit)", 0, 0],
  [],
  ["High needs block (HNB)"],
  [null, "Funding", 70, 75],
  [null, "Block movements", 1.5, 3.1],
  [null, "Expenditure"],
  [null, "Place funding", 20, 21],
  [null, "Top-ups", 60, 66],
  [null, "Total expenditure", 80, 87],
  [null, "In-year position", 8.5, 8.9],
  [null, "Cumulative deficit carried forward", 30, 38.9],
  [],
  ["Summary of end of year positions"],
  [null, "Cumulative deficit carried forward", 30, 38.9],
]);

describe("locateBlocks", () => {
  const blocks = locateBlocks(blocksSheet, years, { bottom: 16 });

  it("should find the blocks in sheet order", () => {
    expect(blocks.map((b) => b.block)).toEqual(["schools", "high-needs"]);
  });

  it("should read each block's rows under the year columns", () => {
    const [schools, hnb] = blocks;
    expect(schools.allocation?.cells.map((c) => c.value)).toEqual([300, 310]);
    expect(schools.movements?.row).toBe(3);
    expect(schools.otherFunding).toBeUndefined();
    expect(schools.inYear?.row).toBe(5);
    expect(hnb.allocation?.label).toBe("Funding");
    expect(hnb.inYear?.cells[1]).toMatchObject({ row: 14, col: 3, value: 8.9 });
  });

  it("should take the expenditure total below the s251 lines, and the lines between sub-heading and total", () => {
    const hnb = blocks[1];
    expect(hnb.expenditure?.row).toBe(13);
    expect(hnb.expenditureLines.map((l) => l.label)).toEqual(["Place funding", "Top-ups"]);
    expect(blocks[0].expenditureLines).toEqual([]);
  });

  it("should close a block at the first blank row after its in-year row", () => {
    const withoutBlockCumulative = labelSheet({
      ...blocksSheet,
      values: blocksSheet.values.filter((_, i) => i !== 15),
    });
    expect(locateBlocks(blocksSheet, years)[1].cumulative?.row).toBe(15);
    expect(locateBlocks(withoutBlockCumulative, years)[1].cumulative).toBeUndefined();
  });

  it("should find nothing without headings or years", () => {
    expect(locateBlocks(blocksSheet, [])).toEqual([]);
    expect(locateBlocks(sheetFromRows("X", [["a", null, 1, 2]]), years)).toEqual([]);
  });

  it("should accept a standalone abbreviation but not one followed by words", () => {
    const sheet = sheetFromRows("F", [
      ["HNB top-ups", null, 1, 2],
      ["CSSB"],
      [null, "In-year position", 0, 0],
    ]);
    expect(locateBlocks(sheet, years).map((b) => b.block)).toEqual(["central-school-services"]);
  });
});

describe("locateMitigations", () => {
  const sheet = sheetFromRows("Mitigations", [
    ["Mitigations", null, "2024-25", "2025-26"],
    [null, "Unmitigated in-year deficit", 10, 12],
    [null, "Reduce independent placements", 1, 2],
    [null, "Note: savings positive"],
    [null, "Early intervention", 0.5, 1],
    [null, "Total mitigations", 1.5, 3],
    [null, "Mitigated in-year deficit", 8.5, 9],
    [null, "Unmitigated cumulative deficit", 40, 52],
    [null, "Mitigated cumulative deficit", 38.5, 47.5],
  ]);

  it("should find the rows and the saving lines between unmitigated and total", () => {
    const found = locateMitigations(sheet, years);
    expect(found?.lines.map((l) => l.label)).toEqual([
      "Reduce independent placements",
      "Early intervention",
    ]);
    expect(found?.total?.row).toBe(5);
    expect(found?.mitigated?.row).toBe(6);
    expect(found?.unmitigatedCumulative?.row).toBe(7);
    expect(found?.mitigatedCumulative?.row).toBe(8);
    expect(found?.years).toBe(years);
  });

  it("should be undefined when the section is not there", () => {
    expect(locateMitigations(blocksSheet, years)).toBeUndefined();
  });
});

describe("locateSafetyValveAgreement", () => {
  const rows = (basis: string | null) =>
    sheetFromRows("Financial summary", [
      ["Safety Valve agreement", null, "2024-25", "2025-26"],
      [null, "Deficit limit", 84.5, 90],
      [null, "Agreed in-year deficit", 30, 20],
      [null, "Limit basis", basis],
      [null, "Agreement total", 67],
      [null, "Status", "received", "expected"],
    ]);

  it("should read limits, total, basis and status", () => {
    const found = locateSafetyValveAgreement(rows("Gross of Safety Valve payments"), years);
    expect(found?.basis).toBe("gross");
    expect(found?.basisCell?.cell).toMatchObject({ row: 3, col: 2 });
    expect(found?.agreementTotal?.cell).toMatchObject({ row: 4, col: 2, value: 67 });
    expect(found?.cumulativeLimit?.cells.map((c) => c.value)).toEqual([84.5, 90]);
    expect(found?.inYearLimit?.row).toBe(2);
    expect(found?.status?.cells.map((c) => c.value)).toEqual(["received", "expected"]);
  });

  it.each([
    ["net", "net"],
    [null, "net"],
  ])("should read basis %j as %s", (basis, expected) => {
    expect(locateSafetyValveAgreement(rows(basis), years)?.basis).toBe(expected);
  });

  it("should be undefined without an agreement", () => {
    expect(locateSafetyValveAgreement(blocksSheet, years)).toBeUndefined();
  });
});

describe("a section's own year header", () => {
  it("should not take a previous plan's header below the Safety Valve agreement for the agreement's years", () => {
    const rows = [
      ["Summary of end of year positions", "2024-25", "2025-26", "2026-27"],
      ["Cumulative deficit brought forward", 10, 12, 13],
      ["Total DSG in-year deficit", 2, 1, 0],
      ["Cumulative deficit carried forward", 12, 13, 13],
      [],
      ["Safety Valve agreement"],
      ["Deficit limit", 14, 14, 13],
      ["Agreement total", 5],
      [],
      ["Previous plan", "2023-24", "2024-25", "2025-26"],
    ];
    const book = { sheets: [sheetFromRows("Financial summary", rows, "#,##0.000")] };
    const agreement = locateTemplate(book).financial?.safetyValve;
    expect(agreement?.years.map((y) => `${y.label}@${y.col}`)).toEqual([
      "2024-25@1",
      "2025-26@2",
      "2026-27@3",
    ]);
  });

  it("should read the blocks under the plan's years, not a trend table's further up the sheet", () => {
    const rows = [
      ["High needs trends"],
      [null, "2019-20", "2020-21", "2021-22"],
      [],
      ["Summary of end of year positions", "2024-25", "2025-26", "2026-27"],
      ["Cumulative deficit brought forward", 10, 12, 13],
      ["Total DSG in-year deficit", 2, 1, 0],
      ["Cumulative deficit carried forward", 12, 13, 13],
      [],
      ["Financial plan per funding block"],
      ["High needs block"],
      ["DSG funding", 100, 110, 120],
      ["Total expenditure", 102, 111, 120],
      ["In-year deficit/(surplus)", 2, 1, 0],
    ];
    const book = { sheets: [sheetFromRows("Financial summary", rows, "#,##0.000")] };
    const [highNeeds] = locateTemplate(book).financial?.blocks ?? [];
    expect(highNeeds.years.map((y) => y.label)).toEqual(["2024-25", "2025-26", "2026-27"]);
  });
});
