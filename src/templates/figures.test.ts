import { describe, expect, it } from "vitest";
import type { LocatedCell } from "./located";
import type { CellValue } from "../workbook/workbook";
import { amountOrZero, figure, figureOrZero, numberIn } from "./figures";

const cell = (value: CellValue): LocatedCell => ({
  row: 0,
  col: 0,
  value,
  formula: null,
  decimals: 3,
});

describe("figure", () => {
  it.each([
    [28.706, "28.706"],
    [0.1, "0.1"],
    ["–", "0"],
    [null, undefined],
    ["n/a", undefined],
    [{ error: "#REF!" }, undefined],
    [true, undefined],
    [Infinity, undefined],
  ])("should read %j as %s", (value, expected) => {
    expect(figure(cell(value))?.toString()).toBe(expected);
  });

  it("should count a blank as 0 only where blanks are allowed", () => {
    expect(figureOrZero(cell(null))?.toString()).toBe("0");
    expect(figureOrZero(cell(" "))?.toString()).toBe("0");
    expect(figureOrZero(cell("n/a"))).toBeUndefined();
  });
});

describe("amountOrZero", () => {
  it.each([
    [28.706, 28.706],
    [null, 0],
    [" ", 0],
    ["–", 0],
    ["n/a", undefined],
    [{ error: "#REF!" }, undefined],
    [true, undefined],
    [NaN, undefined],
  ])("should read %j as %s", (value, expected) => {
    expect(amountOrZero(cell(value))).toBe(expected);
  });

  it("should count a missing cell as 0", () => {
    expect(amountOrZero(undefined)).toBe(0);
  });
});

describe("numberIn", () => {
  it("should read the figure exactly as typed", () => {
    expect(numberIn(cell(1.1))?.plus(2.2).toString()).toBe("3.3");
  });

  it.each([
    [0, false],
    [-0, true],
  ])("should keep the sign of zero %j", (value, negative) => {
    expect(numberIn(cell(value))?.isNegative()).toBe(negative);
    expect(numberIn(cell(value))?.isZero()).toBe(true);
  });

  it("should leave a dash to figure, which reads it as nil", () => {
    expect(numberIn(cell("-"))).toBeUndefined();
  });
});
