/** Blocks in councils' words: names without "block", funding called "Gross DSG" or "DSG after recoupment". */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { locateBlocks } from "../../src/templates/financial/blocks";
import { findYearHeader } from "../../src/templates/yearHeader";
import { locateTemplate } from "../../src/templates/locate";
import { validateWorkbook } from "../../src/validation/validate";

/** One block under its heading: funding, deductions, funding available, one line, total, in-year result. */
function block(heading: string, funding = "DSG funding", available = "Total funding available") {
  const rows: CellValue[][] = [
    [heading],
    [funding, 100, 110],
    ["Academy recoupment", -40, -44],
    [available, 60, 66],
    ["Place funding", 61, 66.5],
    ["Total expenditure", 61, 66.5],
    ["In-year deficit/(surplus)", 1, 0.5],
  ];
  return rows;
}

function blocksOf(rows: CellValue[][]) {
  const sheet = sheetFromRows("Financial summary", [
    ["Financial plan per funding block", "2025-26", "2026-27"],
    ...rows,
  ]);
  return locateBlocks(sheet, findYearHeader(sheet, "financial")!.years);
}

describe("block headings in councils' words", () => {
  it.each([
    [["Schools", "Central Schools Services", "Early Years", "High Needs"]],
    [["Schools block", "Central block", "Early years", "High needs"]],
    [["SCHOOLS BLOCK", "CENTRAL SCHOOL SERVICES BLOCK", "EARLY YEARS BLOCK", "HIGH NEEDS BLOCK"]],
  ])("should find the four blocks headed %j", (headings) => {
    const found = blocksOf(headings.flatMap((h) => block(h)));
    expect(found.map((b) => b.block)).toEqual([
      "schools",
      "central-school-services",
      "early-years",
      "high-needs",
    ]);
    expect(found.every((b) => b.expenditureLines.length === 1)).toBe(true);
  });

  it("should not take a line of figures named after a block for its heading", () => {
    const summary: CellValue[][] = [["Schools block in-year deficit", 1, 0.5], []];
    const found = blocksOf([...summary, ...block("Schools block")]);
    expect(found[0].headingRow).toBe(3);
  });
});

describe("block funding in councils' words", () => {
  it.each(["Gross DSG", "DSG settlement", "Dedicated Schools Grant", "DSG income"])(
    "should read %j as the block's DSG funding, not an expenditure line",
    (funding) => {
      const [found] = blocksOf(block("High needs block", funding));
      expect(found.allocation?.label).toBe(funding);
      expect(found.expenditureLines.map((l) => l.label)).toEqual(["Place funding"]);
    }
  );

  it.each([
    "DSG after recoupment",
    "DSG after academy recoupment",
    "Net DSG funding",
    "Funding after recoupment",
  ])("should read %j as the funding available", (available) => {
    const [found] = blocksOf(block("High needs block", "DSG funding", available));
    expect(found.totalFunding?.label).toBe(available);
    expect(found.expenditureLines.map((l) => l.label)).toEqual(["Place funding"]);
  });
});

describe("blocks on a sheet of their own", () => {
  const MONEY = "#,##0.000";
  const summary = (inYear: number) =>
    sheetFromRows(
      "Financial summary",
      [
        ["Summary of end of year positions", "2025-26", "2026-27"],
        ["Cumulative deficit brought forward", 10, 12],
        ["Total DSG in-year deficit", 2, inYear],
        ["Cumulative deficit carried forward", 12, 12 + inYear],
      ],
      MONEY
    );
  // Four blocks whose in-year results add up to 2 and 0.5.
  const withInYear = (heading: string, results: CellValue[]) =>
    block(heading).map((row) =>
      row[0] === "In-year deficit/(surplus)" ? [row[0], ...results] : row
    );
  const blocksSheet = (name: string) =>
    sheetFromRows(
      name,
      [
        ["£m", "2025-26", "2026-27"],
        ...withInYear("Schools block", [1, 0]),
        ...withInYear("Central school services block", [0, 0]),
        ...withInYear("Early years block", [0, 0]),
        ...withInYear("High needs block", [1, 0.5]),
      ],
      MONEY
    );

  it.each(["Funding blocks", "7.2 Financial plan", "Sheet2"])(
    "should read the blocks on a sheet named %j",
    (name) => {
      const book = { sheets: [summary(0.5), blocksSheet(name)] };
      const blocks = locateTemplate(book).financial?.blocks ?? [];
      expect(blocks.map((b) => `${b.sheet} ${b.block}`)).toEqual([
        `${name} schools`,
        `${name} central-school-services`,
        `${name} early-years`,
        `${name} high-needs`,
      ]);
      expect(validateWorkbook(book).findings.filter((f) => f.rule === "block-total")).toEqual([]);
    }
  );

  it("should check the summary's in-year total against them", () => {
    const book = { sheets: [summary(0.8), blocksSheet("Funding blocks")] };
    const found = validateWorkbook(book).findings.filter((f) => f.rule === "block-total");
    expect(found.map((f) => `${f.sheet}!${f.address}`)).toEqual(["Financial summary!C3"]);
  });
});
