/** Edges of the money-over-time calculations: empty and odd-shaped input, and the first cell of a range. */
import { describe, expect, it } from "vitest";
import { decimals as d } from "../../test/functions/wiltshire";
import { academicToFinancial, cost } from "./moneyOverTime";

const failure = (r: { ok: boolean; error?: { message: string } }) =>
  r.ok ? "ok" : r.error?.message;

describe("cost", () => {
  it("should refuse a caseload with no placement types", () => {
    expect(failure(cost([], []))).toBe("caseload is empty: give at least one value");
  });

  it("should name a negative caseload in the first row and column", () => {
    expect(failure(cost([d([-1, 2])], d([100])))).toBe(
      "caseload: row 1, column 1 is negative (-1); it must be 0 or more"
    );
  });

  // 3 children at £10,000 and 2 at £25,000 in year 1; unit costs rise 2% then 5%.
  it("should price each year by the index of the years before it", () => {
    const r = cost([d([3, 3, 0]), d([2, 0, 2])], d([10000, 25000]), d([0.5, 0.02, 0.05]));
    expect(r.ok && r.value.map(String)).toEqual(["80000", "30600", "53550"]);
  });
});

describe("academicToFinancial", () => {
  it.each([-1, 13])("should refuse %d months before April", (months) => {
    expect(failure(academicToFinancial(d([12, 24]), months))).toBe(
      `months_before_april is ${months}; it must be a whole number from 0 to 12`
    );
  });

  it("should give one financial year fewer than academic years, each a weighted twelfth", () => {
    const r = academicToFinancial(d([36, 39, 42]), 7);
    // (5×36 + 7×39) / 12 = 37.75 and (5×39 + 7×42) / 12 = 40.75
    expect(r.ok && r.value.map((q) => q.toNumber())).toEqual([37.75, 40.75]);
  });
});
