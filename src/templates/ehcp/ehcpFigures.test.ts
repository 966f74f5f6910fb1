import { describe, expect, it } from "vitest";
import type { LocatedRow } from "../located";
import type { CellValue } from "../../workbook/workbook";
import { sumColumn } from "./ehcpFigures";

const column = (values: readonly CellValue[]): LocatedRow[] =>
  values.map((value, row) => ({
    sheet: "CYP summary",
    row,
    label: `Row ${row}`,
    labelCol: 0,
    cells: [{ row, col: 1, value, formula: null, decimals: 0 }],
  }));

describe("sumColumn", () => {
  it.each([
    ["whole counts", [120, 35, 7], "162"],
    ["projected counts with fractions, without float noise", [0.1, 0.2, 10], "10.3"],
    ["counts too large to add as plain numbers", [2 ** 53 - 1, 2], "9007199254740993"],
    ["blanks and text as nothing", [5, null, "n/a", 6], "11"],
  ])("should add %s", (_, values, expected) => {
    expect(sumColumn(column(values), 0)?.toString()).toBe(expected);
  });

  it("should give null when no cell holds a count", () => {
    expect(sumColumn(column([null, "-"]), 0)).toBeNull();
  });
});
