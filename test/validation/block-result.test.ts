import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { blockResult } from "../../src/validation/rules/block-result";
import { AT, SHEET, planWorkbook, runRule, yearCell, type Change } from "./financialSupport";

describe("block-result", () => {
  it("should pass a plan whose blocks' in-year results are expenditure less funding", () => {
    expect(runRule(blockResult, planWorkbook())).toEqual([]);
  });

  it.each([
    [
      "an in-year result is typed over",
      AT.hnbInYear,
      9.5,
      AT.hnbInYear,
      "High needs block in-year result for 2025-26 is £9.500m, but expenditure less funding (DSG funding and block movements) is £9.900m: difference -£0.400m.",
      9.9,
      9.5,
    ],
    [
      "a block movement is left out of the result",
      AT.schoolsMovements,
      0,
      AT.schoolsMovements + 2,
      "Schools block in-year result for 2025-26 is £0.000m, but expenditure less funding (DSG funding and block movements) is -£1.550m: difference £1.550m.",
      -1.55,
      0,
    ],
    [
      "an expenditure line does not add up to the total",
      AT.hnbPlaceFunding,
      21.4,
      AT.hnbExpenditure,
      "High needs block total expenditure for 2025-26 (£85.450m) does not equal the sum of its 2 expenditure lines (£85.850m): difference -£0.400m.",
      85.85,
      85.45,
    ],
  ])("should fire when %s", (_, row, value, findingRow, message, expected, actual) => {
    expect(runRule(blockResult, planWorkbook([[row, 1, value]]))).toEqual([
      { sheet: SHEET, address: yearCell(findingRow, 1), message, expected, actual },
    ]);
  });

  it("should say when a block's result has the opposite sign to the sheet's convention", () => {
    const [finding] = runRule(blockResult, planWorkbook([[AT.hnbInYear, 1, -9.9]]));
    expect(finding.message).toMatch(
      /difference -£19\.800m\. The sign is reversed: the sheet shows deficits as positive numbers\.$/
    );
  });

  it("should read deficits as negative numbers when the sheet does", () => {
    const negated = planWorkbook().sheets[0].values.map((cells, row) =>
      cells.map((v) =>
        (row <= AT.carriedForward || row === AT.earlyYearsInYear || row === AT.hnbInYear) &&
        typeof v === "number"
          ? -v
          : v
      )
    );
    const workbook = { sheets: [{ ...planWorkbook().sheets[0], values: negated }] };
    expect(runRule(blockResult, workbook)).toEqual([]);
  });

  it("should allow rounding, and skip a year whose figures are text", () => {
    expect(runRule(blockResult, planWorkbook([[AT.hnbInYear, 1, 9.902]]))).toEqual([]);
    expect(runRule(blockResult, planWorkbook([[AT.hnbAllocation, 1, "n/a"]]))).toEqual([]);
  });
});

describe("block-result on random consistent figures", () => {
  // Figures typed to 3 decimals, as a £m plan shows them; the in-year result is computed exactly.
  const thousandths = fc.integer({ min: -500_000, max: 500_000 }).map((n) => n / 1000);

  it("should pass any in-year result that is expenditure less funding, and fail it moved by 0.01", () => {
    fc.assert(
      fc.property(thousandths, thousandths, thousandths, (allocation, movement, spend) => {
        const inYear = new Decimal(spend).minus(allocation).minus(movement).toNumber();
        const base: Change[] = [
          [AT.hnbAllocation, 1, allocation],
          [AT.hnbMovements, 1, movement],
          [AT.hnbPlaceFunding, 1, null],
          [AT.hnbPlaceFunding + 1, 1, spend],
          [AT.hnbExpenditure, 1, spend],
        ];
        const ok = runRule(blockResult, planWorkbook([...base, [AT.hnbInYear, 1, inYear]]));
        const moved = runRule(
          blockResult,
          planWorkbook([...base, [AT.hnbInYear, 1, inYear + 0.01]])
        );
        return ok.length === 0 && moved.map((f) => f.address).join() === yearCell(AT.hnbInYear, 1);
      }),
      { numRuns: 40 }
    );
  });
});
