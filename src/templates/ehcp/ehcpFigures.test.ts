import { describe, expect, it } from "vitest";
import type { LocatedRow } from "../located";
import type { CellValue } from "../../workbook/workbook";
import { columnTotal, exactCount, noPlans, stockOf } from "./ehcpFigures";

const column = (values: readonly CellValue[]): LocatedRow[] =>
  values.map((value, row) => ({
    sheet: "CYP summary",
    row,
    label: `Row ${row}`,
    labelCol: 0,
    cells: [{ row, col: 1, value, formula: null, decimals: 0 }],
  }));

describe("columnTotal", () => {
  it.each([
    ["whole counts", [120, 35, 7], "162"],
    ["projected counts with fractions, without float noise", [0.1, 0.2, 10], "10.3"],
    ["counts too large to add as plain numbers", [2 ** 53 - 1, 2], "9007199254740993"],
    ["blanks and text as nothing", [5, null, "n/a", 6], "11"],
  ])("should add %s", (_, values, expected) => {
    const total = columnTotal(column(values), 0);
    expect(total === null ? null : exactCount(total).toString()).toBe(expected);
  });

  it.each([
    ["whole counts", [120, 35, 7], "number"],
    ["counts with fractions", [0.1, 0.2, 10], "object"],
    ["a sum too large for a double to hold exactly", [2 ** 53 - 1, 2], "object"],
  ])("should give %s as a double only when it is exact", (_, values, kind) => {
    expect(typeof columnTotal(column(values), 0)).toBe(kind);
  });

  it("should give null when no cell holds a count", () => {
    expect(columnTotal(column([null, "-"]), 0)).toBeNull();
  });
});

describe("stockOf", () => {
  it.each([
    [162, true, false],
    [0, true, true],
    [10.5, false, false],
  ])("should count %s plans (whole: %s, none: %s) with its exact Decimal", (plain, whole, none) => {
    const stock = stockOf(plain);
    expect([stock.whole, noPlans(stock), stock.count.toNumber()]).toEqual([whole, none, plain]);
  });
});
