/**
 * Edges of the deficit arithmetic: statuses typed in odd ways, instalments that are not counted, and
 * the errors residual passes on from the roll-forward underneath it.
 */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimals as d } from "../../test/functions/wiltshire";
import { parsePaymentStatus, residual, rollForward, rollGaps } from "./deficit";
import type { Result } from "./result";

const answer = (r: Result<Decimal>) =>
  r.ok ? r.value.toString() : `${r.error.kind}: ${r.error.message}`;

describe("parsePaymentStatus on spacing and separators", () => {
  it.each([
    ["at  risk", "at risk"],
    ["At -  Risk", "at risk"],
    ["at__risk", "at risk"],
    ["\twithheld\n", "withheld"],
    ["with held", null],
    ["atrisk", null],
    ["toString", null],
  ])("should read %j as %j", (text, status) => {
    expect(parsePaymentStatus(text)).toBe(status);
  });
});

describe("residual", () => {
  const base = { opening: new Decimal(0), inYear: d([137.2]) };

  // Wiltshire's original plan: 137.2 in year, a DfE instalment of 67.
  it.each([
    ["received", "70.2"],
    ["expected", "70.2"],
    ["at risk", "137.2"],
    ["withheld", "137.2"],
    ["suspended", "137.2"],
  ])("should count a 67 instalment that is %s as shown", (status, left) => {
    expect(answer(residual({ ...base, payments: d([67]), paymentStatus: [status] }))).toBe(left);
  });

  it("should allow a status of spaces where the instalment is 0", () => {
    expect(answer(residual({ ...base, payments: d([0]), paymentStatus: ["   "] }))).toBe("137.2");
  });

  it("should name statuses given without any payments", () => {
    expect(answer(residual({ ...base, paymentStatus: ["received"] }))).toBe(
      "invalid: payment_status has 1 value but payments has 0"
    );
  });

  it("should pass on the roll-forward's own errors", () => {
    expect(
      answer(residual({ opening: new Decimal(1), inYear: d([1, 1]), contributions: d([2, -2]) }))
    ).toBe(
      "invalid: contributions mixes positive (value 1) and negative (value 2) amounts: " +
        "type every amount with the same sign, they always reduce the deficit"
    );
  });

  it("should cut a long unknown status in its message so it fits Excel's tooltip", () => {
    const long = "not yet confirmed by the DfE";
    expect(answer(residual({ ...base, payments: d([67]), paymentStatus: [long] }))).toBe(
      "invalid: payment_status: value 1 is 'not yet confirmed by...'; " +
        "use received, expected, at risk, withheld or suspended"
    );
    // 24 characters is still shown whole.
    const just = "awaiting the DfE letter.";
    expect(just).toHaveLength(24);
    expect(answer(residual({ ...base, payments: d([67]), paymentStatus: [just] }))).toContain(
      `value 1 is '${just}';`
    );
  });
});

describe("payments and contributions reduce the deficit whichever sign they are typed with", () => {
  it.each([
    ["positive", [10, 5], [1, 1]],
    ["negative", [-10, -5], [-1, -1]],
  ])("should roll forward %s amounts alike", (_, payments, contributions) => {
    const rolled = rollForward({
      opening: new Decimal(100),
      inYear: d([20, 20]),
      payments: d(payments),
      contributions: d(contributions),
    });
    expect(rolled.ok && rolled.value.map(String)).toEqual(["109", "123"]);
  });

  it("should give one gap for one wrong closing figure, whichever sign payments have", () => {
    for (const sign of [1, -1]) {
      const gaps = rollGaps({
        opening: new Decimal(100),
        inYear: d([20, 20, 20]),
        payments: d([10 * sign, 10 * sign, 10 * sign]),
        closing: d([110, 121, 130]),
      });
      expect(gaps.ok && gaps.value.map(String)).toEqual(["0", "1", "-1"]);
    }
  });
});
