import { describe, expect, it } from "vitest";
import {
  parseAreas,
  planReads,
  takePack,
  toCellValue,
  toFormula,
  type CellRead,
} from "./officeReader";

const sheet = (rows: number, cols: number, index = 0): CellRead => ({
  sheet: index,
  top: 4,
  left: 2,
  rows,
  cols,
});

describe("planReads", () => {
  it("should keep a sheet within the budget whole", () => {
    expect(planReads([sheet(10, 10)], 100)).toEqual([sheet(10, 10)]);
  });

  it("should split a larger sheet into blocks of whole rows that cover it exactly", () => {
    const blocks = planReads([sheet(25, 4)], 40);
    expect(blocks.map((b) => [b.top, b.rows])).toEqual([
      [4, 10],
      [14, 10],
      [24, 5],
    ]);
    expect(blocks.every((b) => b.left === 2 && b.cols === 4)).toBe(true);
  });

  it("should read one row at a time when a single row is wider than the budget", () => {
    expect(planReads([sheet(3, 500)], 100).map((b) => b.rows)).toEqual([1, 1, 1]);
  });
});

describe("takePack", () => {
  it("should pack whole reads up to the budget and leave the rest", () => {
    const reads = [sheet(5, 5, 0), sheet(5, 5, 1), sheet(5, 5, 2)];
    expect(takePack(reads, 60)).toEqual([reads.slice(0, 2), reads.slice(2)]);
  });

  it("should always take at least one read, even one over the budget", () => {
    expect(takePack([sheet(3, 500)], 100)[0]).toHaveLength(1);
  });
});

describe("parseAreas", () => {
  it.each([
    ["Sheet1!A1:B2", [{ top: 0, left: 0, bottom: 1, right: 1 }]],
    [
      "'Financial summary'!$C$24:$H$24,'Financial summary'!F3",
      [
        { top: 23, left: 2, bottom: 23, right: 7 },
        { top: 2, left: 5, bottom: 2, right: 5 },
      ],
    ],
    ["'Year, 2024''s plan'!B2:C3", [{ top: 1, left: 1, bottom: 2, right: 2 }]],
    // The separator Office documents for RangeAreas.address.
    [
      "Sheet1!A1:B4, Sheet1!D1:D4",
      [
        { top: 0, left: 0, bottom: 3, right: 1 },
        { top: 0, left: 3, bottom: 3, right: 3 },
      ],
    ],
    ["", []],
  ])("should read %j", (address, areas) => {
    expect(parseAreas(address)).toEqual(areas);
  });
});

describe("toCellValue and toFormula", () => {
  it.each([
    [1.5, "Double", 1.5],
    ["", "Empty", null],
    ["#REF!", "Error", { error: "#REF!" }],
    ["#REF!", "String", "#REF!"],
    [true, "Boolean", true],
  ])("should turn %j of type %s into %j", (value, type, cell) => {
    expect(toCellValue(value, type)).toEqual(cell);
  });

  it.each([
    ["=SUM(A1:A3)", "=SUM(A1:A3)"],
    [12, null],
    ["", null],
    ["text", null],
  ])("should keep %j as formula %j", (formula, expected) => {
    expect(toFormula(formula)).toBe(expected);
  });
});
