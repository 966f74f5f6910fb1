/** Blocks in councils' words: names without "block", funding called "Gross DSG" or "DSG after recoupment". */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { locateBlocks } from "../../src/templates/financial/blocks";
import { findYearHeader } from "../../src/templates/yearHeader";

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
