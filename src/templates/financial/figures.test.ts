import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../workbook/workbook";
import type { LocatedCell } from "../located";
import { sumOf } from "./figures";

const cells = (...values: CellValue[]): LocatedCell[] =>
  values.map((value, col) => ({ row: 0, col, value, formula: null, decimals: 3 }));

describe("sumOf", () => {
  it.each([
    [[0.1, 0.2], "0.3"],
    [[28.706, -1.5, 1200], "1227.206"],
    [[null, "–", " ", 2.5], "2.5"],
    [[], "0"],
  ])("should add %j exactly to %s", (values, expected) => {
    expect(sumOf(cells(...values))?.toString()).toBe(expected);
  });

  it("should give decimal.js's sum where the figures have too many digits for whole units", () => {
    const third = 1 / 3;
    expect(sumOf(cells(third, third, 1e300))?.toString()).toBe(
      new Decimal(0).plus(third).plus(third).plus(1e300).toString()
    );
  });

  it.each([["n/a"], [{ error: "#REF!" }], [true]])(
    "should give nothing for a cell holding %j",
    (value) => {
      expect(sumOf(cells(1, value))).toBeUndefined();
    }
  );
});
