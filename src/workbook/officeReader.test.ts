import { describe, expect, it } from "vitest";
import { parseAreas, toCellValue, toFormula } from "./officeReader";

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
