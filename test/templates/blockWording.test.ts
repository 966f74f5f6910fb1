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

  it("should read one block from each sheet named for it", () => {
    const sheets = [
      ["Schools", "Schools block", [1, 0]],
      ["CSSB", "Central school services block", [0, 0]],
      ["Early Years", "Early years block", [0, 0]],
      ["High Needs", "High needs block", [1, 0.5]],
    ] as const;
    const book = {
      sheets: [
        summary(0.5),
        ...sheets.map(([name, heading, results]) =>
          sheetFromRows(
            name,
            [["£m", "2025-26", "2026-27"], ...withInYear(heading, [...results])],
            MONEY
          )
        ),
      ],
    };
    const blocks = locateTemplate(book).financial?.blocks ?? [];
    expect(blocks.map((b) => `${b.sheet} ${b.block}`)).toEqual([
      "Schools schools",
      "CSSB central-school-services",
      "Early Years early-years",
      "High Needs high-needs",
    ]);
    expect(validateWorkbook(book).findings.filter((f) => f.rule === "block-total")).toEqual([]);
  });

  it("should check the summary's in-year total against them", () => {
    const book = { sheets: [summary(0.8), blocksSheet("Funding blocks")] };
    const found = validateWorkbook(book).findings.filter((f) => f.rule === "block-total");
    expect(found.map((f) => `${f.sheet}!${f.address}`)).toEqual(["Financial summary!C3"]);
  });
});

describe("expenditure with subtotals, or the total above its lines", () => {
  /** The high needs block with the given expenditure rows between funding and the in-year result. */
  const highNeeds = (expenditure: CellValue[][], inYear: [number, number]) =>
    blocksOf([
      ["High needs block"],
      ["DSG funding", 100, 110],
      ["Total funding available", 100, 110],
      ...expenditure,
      ["In-year deficit/(surplus)", ...inYear],
    ])[0];

  it("should read subtotals apart from the lines, each with the lines since the last subtotal or heading", () => {
    const found = highNeeds(
      [
        ["Place funding - special schools", 20, 21],
        ["Place funding - resourced provision", 10, 11],
        ["Subtotal", 30, 32],
        ["Top-up funding"],
        ["Top-up - mainstream", 40, 44],
        ["Top-up - special", 35, 36],
        ["Total top-up funding", 75, 80],
        ["Total expenditure", 105, 112],
      ],
      [5, 2]
    );
    expect(found.expenditure?.label).toBe("Total expenditure");
    expect(found.expenditureLines.map((l) => l.label)).toEqual([
      "Place funding - special schools",
      "Place funding - resourced provision",
      "Top-up - mainstream",
      "Top-up - special",
    ]);
    expect(found.subtotals.map((s) => [s.row.label, s.lines.map((l) => l.label)])).toEqual([
      ["Subtotal", ["Place funding - special schools", "Place funding - resourced provision"]],
      ["Total top-up funding", ["Top-up - mainstream", "Top-up - special"]],
    ]);
  });

  it("should read a total written above its lines, and the lines below it", () => {
    const found = highNeeds(
      [
        ["Total expenditure", 105, 112],
        ["Place funding", 30, 32],
        ["Top-up funding", 40, 44],
        ["Central high needs expenditure", 35, 36],
      ],
      [5, 2]
    );
    expect(found.expenditure?.label).toBe("Total expenditure");
    expect(found.expenditureLines.map((l) => l.label)).toEqual([
      "Place funding",
      "Top-up funding",
      "Central high needs expenditure",
    ]);
  });

  it("should check typed subtotals and the total without counting the subtotals twice", () => {
    const sheet = (subtotal: number) =>
      sheetFromRows(
        "Financial summary",
        [
          ["Summary of end of year positions (£m)", "2025-26", "2026-27"],
          ["Cumulative deficit brought forward", 10, 15],
          ["Total DSG in-year deficit", 5, 2],
          ["Cumulative deficit carried forward", 15, 17],
          [],
          ["High needs block"],
          ["DSG funding", 100, 110],
          ["Place funding - special schools", 20, 21],
          ["Place funding - resourced provision", 10, 11],
          ["Sub-total: place funding", subtotal, 32],
          ["Top-up - mainstream", 75, 80],
          ["Total expenditure", 105, 112],
          ["In-year deficit/(surplus)", 5, 2],
        ],
        "#,##0.000"
      );
    const findings = (subtotal: number) =>
      validateWorkbook({ sheets: [sheet(subtotal)] }).findings.filter((f) =>
        ["block-subtotals", "block-result", "layout-not-confirmed"].includes(f.rule)
      );
    expect(findings(30)).toEqual([]);
    expect(findings(31).map((f) => [f.rule, f.address, f.message])).toEqual([
      [
        "block-subtotals",
        "B10",
        "High needs block 'Sub-total: place funding' for 2025-26 is £31.000m, but the lines above it that it adds up come to £30.000m: difference £1.000m.",
      ],
    ]);
  });
});

describe("blocks that show their in-year result the other way round from the summary", () => {
  // The summary shows deficits positive; each block's row says surplus/(deficit) and shows it that way.
  const plan = (highNeedsResult: number) =>
    sheetFromRows(
      "Financial summary",
      [
        ["Summary of end of year positions (£m)", "2025-26", "2026-27"],
        ["Cumulative deficit brought forward", 10, 18],
        ["Total DSG in-year deficit", 8, 3.5],
        ["Cumulative deficit carried forward", 18, 21.5],
        [],
        ...["Schools block", "Central school services block", "Early years block"]
          .flatMap((b) =>
            block(b).map((row) =>
              row[0] === "In-year deficit/(surplus)" ? ["In-year surplus/(deficit)", -1, -0.5] : row
            )
          )
          .map((row) =>
            row[0] === "Place funding" || row[0] === "Total expenditure" ? [row[0], 61, 66.5] : row
          ),
        ["High needs block"],
        ["DSG funding", 100, 110],
        ["Academy recoupment", -40, -44],
        ["Total funding available", 60, 66],
        ["Place funding", 65, 68],
        ["Total expenditure", 65, 68],
        ["In-year surplus/(deficit)", highNeedsResult, -2],
      ],
      "#,##0.000"
    );
  const findings = (highNeedsResult: number) =>
    validateWorkbook({ sheets: [plan(highNeedsResult)] })
      .findings.filter((f) =>
        ["block-result", "block-total", "layout-not-confirmed"].includes(f.rule)
      )
      .map((f) => `${f.rule} ${f.address}`)
      .sort();

  it("should read each block's result as its label and figures show it", () => {
    // Three blocks 1 and 0.5 short, high needs 5 and 2: the summary's 8 and 3.5, shown negative by the blocks.
    expect(findings(-5)).toEqual([]);
  });

  it("should still find a block whose result does not match its figures", () => {
    expect(findings(-5.5)).toEqual(["block-result B33", "block-total B3"]);
  });
});
