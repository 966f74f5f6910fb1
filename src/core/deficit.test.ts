import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimals, wiltshire } from "../../test/functions/wiltshire";
import {
  balanceYear,
  parsePaymentStatus,
  residual,
  rollForward,
  rollGaps,
  type RollForwardInput,
} from "./deficit";
import type { Result } from "./result";

const d = (values: number[]) => decimals(values);
const wiltshireInput: RollForwardInput = {
  opening: new Decimal(wiltshire.opening),
  inYear: d([...wiltshire.inYear]),
  payments: d([...wiltshire.safetyValve]),
  contributions: d([...wiltshire.generalFund]),
};

function numbers(result: Result<Decimal[]>): number[] | string {
  return result.ok
    ? result.value.map((v) => v.toNumber())
    : `${result.error.kind}: ${result.error.message}`;
}

describe("rollForward", () => {
  it("should recompute the Wiltshire carried-forward row exactly from the rounded rows", () => {
    expect(numbers(rollForward(wiltshireInput))).toEqual(wiltshire.recomputed);
  });

  it.each([
    ["opening only", { opening: 10, inYear: [] }, []],
    ["gross deficit without payments", { opening: 10, inYear: [5, -2] }, [15, 13]],
    ["payments typed positive", { opening: 10, inYear: [5, 5], payments: [3, 1] }, [12, 16]],
    ["payments typed negative", { opening: 10, inYear: [5, 5], payments: [-3, -1] }, [12, 16]],
    [
      "contributions and zero years",
      { opening: 0, inYear: [1, 1, 1], contributions: [0, -1, 0] },
      [1, 1, 2],
    ],
    ["adjustments with their sign", { opening: 0, inYear: [1, 1], adjustments: [2, -3] }, [3, 1]],
    ["a surplus", { opening: 1, inYear: [-3], payments: [0] }, [-2]],
  ])("should roll forward %s", (_, input, expected) => {
    const result = rollForward({
      opening: new Decimal(input.opening),
      inYear: d(input.inYear),
      payments: "payments" in input ? d(input.payments as number[]) : undefined,
      contributions: "contributions" in input ? d(input.contributions as number[]) : undefined,
      adjustments: "adjustments" in input ? d(input.adjustments as number[]) : undefined,
    });
    expect(numbers(result)).toEqual(expected);
  });

  it.each([
    [{ payments: d([1, 2]) }, "invalid: payments has 2 values but in_year has 3"],
    [{ contributions: d([1]) }, "invalid: contributions has 1 value but in_year has 3"],
    [{ adjustments: d([1, 2, 3, 4]) }, "invalid: adjustments has 4 values but in_year has 3"],
    [
      { payments: d([1, 0, -2]) },
      "invalid: payments mixes positive (value 1) and negative (value 3) amounts",
    ],
    [
      { contributions: d([0, -1, 2]) },
      "invalid: contributions mixes positive (value 3) and negative (value 2) amounts",
    ],
  ])("should reject %o", (extra, message) => {
    expect(
      numbers(rollForward({ opening: new Decimal(0), inYear: d([1, 2, 3]), ...extra }))
    ).toContain(message);
  });
});

describe("rollGaps", () => {
  it("should show only the rounding gaps of the published Wiltshire row", () => {
    const gaps = numbers(
      rollGaps({ ...wiltshireInput, closing: d([...wiltshire.carriedForward]) })
    );
    expect(gaps).toEqual([0, 0.001, 0, 0, 0, -0.001]);
  });

  it("should show one wrong cell as one gap, not a cascade", () => {
    const closing = d([15, 21, 26]);
    expect(numbers(rollGaps({ opening: new Decimal(10), inYear: d([5, 5, 5]), closing }))).toEqual([
      0, 1, 0,
    ]);
  });

  it("should reject a closing row of another length", () => {
    expect(numbers(rollGaps({ opening: new Decimal(0), inYear: d([1, 2]), closing: d([1]) }))).toBe(
      "invalid: closing has 1 value but in_year has 2"
    );
  });
});

describe("residual", () => {
  const value = (r: Result<Decimal>) =>
    r.ok ? r.value.toNumber() : `${r.error.kind}: ${r.error.message}`;

  it.each([
    [
      "Wiltshire's original plan: 137.2 less DfE 67",
      { opening: 0, inYear: [137.2], payments: [67] },
      70.2,
    ],
    ["the revised Wiltshire forecast after contributions", null, 34.509],
    ["no years at all", { opening: 5, inYear: [], payments: [] }, 5],
    ["a surplus", { opening: 1, inYear: [-3], payments: [1] }, -3],
  ])("should leave %s", (_, input, expected) => {
    const r =
      input === null
        ? residual(wiltshireInput)
        : residual({
            opening: new Decimal(input.opening),
            inYear: d(input.inYear),
            payments: d(input.payments),
          });
    expect(value(r)).toBe(expected);
  });

  it.each([
    [["received", "expected", "at risk"], [1, 2, 4], 16 - 1 - 2],
    [["Received", " EXPECTED ", "withheld"], [1, 2, 4], 16 - 1 - 2],
    [["received", "suspended", "At-Risk"], [1, 2, 4], 16 - 1],
    [["", "received", "expected"], [0, 2, 4], 16 - 2 - 4],
  ])(
    "should count only received and expected instalments for %o",
    (statuses, payments, expected) => {
      const input = {
        opening: new Decimal(10),
        inYear: d([2, 2, 2]),
        payments: d(payments),
        paymentStatus: statuses,
      };
      expect(value(residual(input))).toBe(expected);
    }
  );

  it.each([
    [
      ["received", "paid", "expected"],
      "invalid: payment_status: value 2 is 'paid'; use received, expected",
    ],
    [
      ["received", "", "expected"],
      "invalid: payment_status: value 2 is blank but instalment 2 is not 0",
    ],
    [["received"], "invalid: payment_status has 1 value but payments has 3"],
  ])("should reject statuses %o", (statuses, message) => {
    const input = {
      opening: new Decimal(10),
      inYear: d([2, 2, 2]),
      payments: d([1, 2, 3]),
      paymentStatus: statuses,
    };
    expect(value(residual(input))).toContain(message);
  });
});

describe("parsePaymentStatus", () => {
  it.each([
    ["received", "received"],
    ["AT RISK", "at risk"],
    ["at_risk", "at risk"],
    ["paid", null],
    ["", null],
  ])("should read %j as %j", (text, status) => {
    expect(parsePaymentStatus(text)).toBe(status);
  });
});

describe("balanceYear", () => {
  const answer = (r: Result<string>) => (r.ok ? r.value : `${r.error.kind}: ${r.error.message}`);

  it.each([
    ["the Wiltshire forecast", [...wiltshire.years], [...wiltshire.inYear], "2028-29"],
    ["labels in other styles", ["2024/25", "FY25/26", "2026 to 2027"], [1, 0, -1], "2025-26"],
    ["a dip that does not last", ["2024-25", "2025-26", "2026-27"], [-1, 2, -1], "2026-27"],
    ["balance from the start", ["2024-25", "2025-26"], [0, -1], "2024-25"],
    [
      "a last year still in deficit",
      ["2024-25", "2025-26", "2026-27"],
      [-1, -1, 0.1],
      "not-available: in-year balance is never reached in 2024-25..2026-27",
    ],
    [
      "one year in deficit",
      ["2024-25"],
      [3],
      "not-available: in-year balance is never reached in 2024-25",
    ],
    [
      "a label that is not a year",
      ["2024-25", "Total"],
      [1, 2],
      "invalid: years: value 2 is 'Total', not a financial year like 2024-25",
    ],
    [
      "labels of another length",
      ["2024-25"],
      [1, 2],
      "invalid: years has 1 value but in_year has 2",
    ],
    ["no years", [], [], "invalid: years is empty: give at least one value"],
  ])("should answer %s", (_, years, inYear, expected) => {
    expect(answer(balanceYear(years, d(inYear)))).toBe(expected);
  });
});
