/**
 * The row map: its format (read, checked, written), and the locator taking a mapped row in place of what
 * it reads for that meaning (end of year positions, a block's rows and heading), down to the validator:
 * a plan whose carried-forward row a council worded its own way checks exactly like the DfE wording once
 * the row is mapped, and a mapped row that cannot be used says why.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sheetFromRows } from "../support/sheets";
import type { YearColumn } from "../../src/templates/located";
import type { Workbook } from "../../src/workbook/workbook";
import {
  forcedBlockRows,
  forcedEndOfYearRows,
  parseRowMap,
  readRowMap,
  ROW_TARGETS,
  rowMapText,
  rowTarget,
  withMapping,
  withoutMapping,
  type RowMap,
} from "../../src/templates/rowMap";
import { readTable } from "../../src/templates/tableRows";
import { END_OF_YEAR_MEANINGS } from "../../src/templates/financial/endOfYearLabels";
import { locateEndOfYear } from "../../src/templates/financial/locateFinancial";
import { locateBlocks } from "../../src/templates/financial/blocks";
import { locateTemplate } from "../../src/templates/locate";
import { validateWorkbook } from "../../src/validation/validate";
import { COUNCIL_WORDING, councilWordingPlan } from "../../src/workbench/councilWording";

const years: YearColumn[] = [
  { label: "2024-25", start: 2024, col: 2 },
  { label: "2025-26", start: 2025, col: 3 },
];

const positions = sheetFromRows("Financial summary", [
  ["Summary of end of year positions", null, "2024-25", "2025-26"],
  [null, "Cumulative deficit brought forward", 10, 15],
  [null, "Total DSG in-year deficit", 5, 4],
  [null, "Balance to take into next year", 15, 19],
  [null, "Cumulative deficit", 15, 19],
  [null, "Note: figures in £m"],
  [],
]);

const PLAN = JSON.parse(
  readFileSync("examples/snapshots/dsg-management-plan.json", "utf8")
) as Workbook;

describe("the row map format", () => {
  const good = {
    version: 1,
    rows: [
      { sheet: "Financial summary", row: 54, as: "endOfYear.carriedForward", label: "Balance" },
      { sheet: "Financial summary", row: 40, as: "block.high-needs.totalFunding" },
    ],
  };

  it("should read a good map and ignore fields it does not know", () => {
    expect(readRowMap({ ...good, note: "from the pane" })).toEqual({ ok: true, map: good });
    expect(parseRowMap(JSON.stringify(good))).toEqual({ ok: true, map: good });
  });

  it("should name every target by what the user sees", () => {
    expect(rowTarget("endOfYear.carriedForward")).toMatchObject({
      name: "Cumulative deficit carried forward",
      table: "Summary of end of year positions",
    });
    expect(rowTarget("block.high-needs.totalFunding")).toMatchObject({
      name: "Total funding available",
      table: "High needs block",
    });
    expect(rowTarget("block.schools.heading")?.name).toBe("Heading of the Schools block");
    expect(new Set(ROW_TARGETS.map((t) => t.id)).size).toBe(ROW_TARGETS.length);
    expect(rowTarget("endOfYear.nothing")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{ version: 1 ", /not valid JSON/],
    ["not an object", "[1]", /must be a JSON object/],
    ["no version", '{ "rows": [] }', /has no "version"/],
    [
      "a later version",
      '{ "version": 2, "rows": [] }',
      /is version 2; this checker reads version 1/,
    ],
    ["no rows", '{ "version": 1 }', /needs "rows"/],
  ])("should refuse %s with a sentence", (_, text, problem) => {
    const read = parseRowMap(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual([expect.stringMatching(problem)]);
  });

  it("should list every bad entry with where it is and what to write", () => {
    const read = readRowMap({
      version: 1,
      rows: [
        { sheet: "", row: 0, as: "carried forward" },
        "row 12",
        { sheet: "Financial summary", row: 12.5, as: "endOfYear.inYear", label: 3 },
        { sheet: "Financial summary", row: 54, as: "endOfYear.carriedForward" },
        { sheet: "financial summary", row: 60, as: "endOfYear.carriedForward" },
        { sheet: "Financial summary", row: 54, as: "endOfYear.broughtForward" },
      ],
    });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual([
      expect.stringMatching(/^rows\[0\]: "sheet" must be the sheet's name/),
      expect.stringMatching(/^rows\[0\]: "row" must be the row number Excel shows.*not 0\.$/),
      expect.stringMatching(/^rows\[0\]: "as" must say what the row is.*not "carried forward"/),
      expect.stringMatching(/^rows\[1\] must be an object/),
      expect.stringMatching(/^rows\[2\]: "row" must be .*not 12.5/),
      expect.stringMatching(/^rows\[2\]: "label" is optional/),
      expect.stringMatching(/^rows\[4\]: 'financial summary' already has row 54 mapped as/),
      expect.stringMatching(/^rows\[5\]: row 54 of 'Financial summary' is already mapped as/),
    ]);
  });

  it("should refuse a map too long to be a council's", () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({
      sheet: "S",
      row: i + 1,
      as: "endOfYear.inYear",
    }));
    expect(readRowMap({ version: 1, rows })).toEqual({
      ok: false,
      problems: ["The row map lists 1001 rows; at most 1000 are allowed."],
    });
  });

  it("should write a map that reads back the same, one mapping a line", () => {
    const text = rowMapText(good as RowMap);
    expect(text.split("\n")).toHaveLength(8);
    expect(parseRowMap(text)).toEqual({ ok: true, map: good });
    expect(parseRowMap(rowMapText({ version: 1, rows: [] }))).toEqual({
      ok: true,
      map: { version: 1, rows: [] },
    });
  });

  it("should replace a mapping of the same row or meaning, and remove one by its row", () => {
    const map = good as RowMap;
    const moved = withMapping(map, {
      sheet: "FINANCIAL SUMMARY",
      row: 55,
      as: "endOfYear.carriedForward",
    });
    expect(moved.rows.map((r) => r.row)).toEqual([40, 55]);
    const relabelled = withMapping(map, {
      sheet: "Financial summary",
      row: 40,
      as: "block.high-needs.inYear",
    });
    expect(relabelled.rows.map((r) => r.as)).toEqual([
      "endOfYear.carriedForward",
      "block.high-needs.inYear",
    ]);
    expect(withoutMapping(map, "financial summary", 54).rows).toEqual([good.rows[1]]);
  });

  it("should give the locator 0-based rows of the sheet asked about only", () => {
    const rows = [
      ...good.rows,
      { sheet: "Other", row: 3, as: "endOfYear.inYear" },
      { sheet: "Financial summary", row: 31, as: "block.high-needs.heading" },
    ];
    expect(forcedEndOfYearRows(rows, "financial summary")).toEqual({ carriedForward: 53 });
    expect(forcedBlockRows(rows, "Financial summary")).toEqual({
      "high-needs": { heading: 30, rows: { totalFunding: 39 } },
    });
    expect(forcedEndOfYearRows(undefined, "Other")).toEqual({});
  });
});

describe("readTable with mapped rows", () => {
  it("should take a mapped row whatever its label, and no other row for that meaning", () => {
    const unmapped = readTable(positions, years, END_OF_YEAR_MEANINGS);
    expect(unmapped.rows.carriedForward?.row).toBe(4);
    const mapped = readTable(positions, years, END_OF_YEAR_MEANINGS, undefined, {
      carriedForward: 3,
    });
    expect(mapped.rows.carriedForward).toMatchObject({
      row: 3,
      label: "Balance to take into next year",
    });
    expect(mapped.rows.broughtForward?.row).toBe(1);
    expect(mapped.all.filter((r) => r.key === "carriedForward").map((r) => r.row.row)).toEqual([3]);
  });

  it("should not take a mapped row with nothing under the years", () => {
    for (const row of [5, 6, 40]) {
      const mapped = readTable(positions, years, END_OF_YEAR_MEANINGS, undefined, {
        carriedForward: row,
      });
      expect(mapped.rows.carriedForward?.row).toBe(4);
    }
  });

  it("should not take a mapped row outside the area it reads", () => {
    const mapped = readTable(
      positions,
      years,
      END_OF_YEAR_MEANINGS,
      { bottom: 2 },
      {
        carriedForward: 3,
      }
    );
    expect(mapped.rows.carriedForward?.row).not.toBe(3);
    expect(mapped.all.map((r) => r.row.row)).not.toContain(3);
  });
});

describe("the locator with mapped rows", () => {
  it("should read end of year positions whose rows only the map names", () => {
    const sheet = sheetFromRows("S", [
      [null, null, "2024-25", "2025-26"],
      [null, "Where we started", 10, 15],
      [null, "What happened", 5, 4],
      [null, "Where we ended", 15, 19],
    ]);
    expect(locateEndOfYear(sheet, years)).toBeUndefined();
    const found = locateEndOfYear(sheet, years, undefined, {
      broughtForward: 1,
      inYear: 2,
      carriedForward: 3,
    });
    expect([found?.broughtForward?.row, found?.inYear?.row, found?.carriedForward?.row]).toEqual([
      1, 2, 3,
    ]);
  });

  const blocks = sheetFromRows("Financial summary", [
    ["Financial plan per funding block", null, "2024-25", "2025-26"],
    ["Schools block"],
    [null, "DSG allocation", 300, 310],
    [null, "Expenditure", 300, 310],
    [null, "In-year surplus/(deficit)", 0, 0],
    ["Specialist provision (HN)"],
    [null, "Money in", 70, 75],
    [null, "Total expenditure", 80, 87],
    [null, "In-year position", 10, 12],
  ]);

  it("should read a block from a mapped heading, with a mapped row", () => {
    expect(locateBlocks(blocks, years).map((b) => b.block)).toEqual(["schools"]);
    const found = locateBlocks(blocks, years, undefined, {
      "high-needs": { heading: 5, rows: { allocation: 6 } },
    });
    expect(found.map((b) => [b.block, b.headingRow, b.heading])).toEqual([
      ["schools", 1, "Schools block"],
      ["high-needs", 5, "Specialist provision (HN)"],
    ]);
    expect(found[0].inYear?.row).toBe(4);
    expect(found[1]).toMatchObject({
      allocation: { row: 6 },
      expenditure: { row: 7 },
      inYear: { row: 8 },
    });
  });

  it("should take the map from the locate choices", () => {
    const { workbook, rows } = councilWordingPlan(PLAN);
    const row = rows.carriedForward as number;
    expect(locateTemplate(workbook).financial?.endOfYear?.carriedForward).toBeUndefined();
    const located = locateTemplate(workbook, {
      rows: [{ sheet: "Financial summary", row, as: COUNCIL_WORDING.carriedForward.as }],
    });
    expect(located.financial?.endOfYear?.carriedForward).toMatchObject({
      row: row - 1,
      label: COUNCIL_WORDING.carriedForward.council,
    });
  });
});

describe("validating with a row map", () => {
  const clean = validateWorkbook(PLAN);
  const { workbook, rows } = councilWordingPlan(PLAN, ["carriedForward", "dfePayments"]);
  const map = [
    { sheet: "Financial summary", row: rows.carriedForward!, as: "endOfYear.carriedForward" },
    { sheet: "Financial summary", row: rows.dfePayments!, as: "endOfYear.dfePayments" },
  ];

  it("should leave checks out, and say so, while the council's rows are not mapped", () => {
    const unmapped = validateWorkbook(workbook);
    expect(unmapped.checks.ran).toBeLessThan(clean.checks.ran);
    expect(unmapped.checks.notRun.map((c) => c.rule)).toContain("roll-forward");
    expect(unmapped.findings.map((f) => f.rule)).toContain("checks-not-run");
  });

  it("should check the mapped plan exactly as the plan in the DfE wording", () => {
    const mapped = validateWorkbook(workbook, { rows: map });
    expect(mapped.checks).toEqual(clean.checks);
    expect(mapped.findings).toEqual(clean.findings);
  });

  it("should warn, at the row, about a mapped row that is empty, missing or outside its table", () => {
    const result = validateWorkbook(workbook, {
      rows: [
        ...map,
        { sheet: "Financial summary", row: 300, as: "endOfYear.inYear" },
        { sheet: "Financial summary", row: 3, as: "block.schools.movements" },
        { sheet: "Budget", row: 4, as: "endOfYear.adjustments" },
        { sheet: "Financial summary", row: 56, as: "block.early-years.otherFunding" },
      ],
    });
    const warnings = result.findings.filter((f) => f.rule === "row-map");
    expect(warnings.map((f) => [f.severity, f.sheet, f.address])).toEqual([
      ["warning", "", ""],
      ["warning", "Financial summary", "B3"],
      ["warning", "Financial summary", "B56"],
      ["warning", "Financial summary", "B300"],
    ]);
    const [budget, units, mitigations, beyond] = warnings.map((f) => f.message);
    expect(budget).toMatch(/this workbook has no sheet 'Budget'/);
    expect(units).toMatch(
      /is mapped as 'Block movements' \(Schools block\).*outside the Schools block/
    );
    expect(mitigations).toMatch(/nothing under the year columns \(2021-22 to 2028-29\)/);
    expect(beyond).toMatch(/^Row 300 of 'Financial summary' .* it is empty\. Point at the row/);
    // The mapped rows that could be used still are.
    expect(result.checks).toEqual(clean.checks);
  });
});
