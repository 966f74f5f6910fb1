import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { formatMoney } from "../../src/validation/money";
import { MILLIONS, POUNDS, THOUSANDS } from "../../src/templates/financial/unit";

describe("formatMoney", () => {
  it.each([
    [new Decimal("0.4"), MILLIONS, undefined, "£0.400m"],
    [new Decimal("-18.445"), MILLIONS, 3, "-£18.445m"],
    [new Decimal("0.0004"), MILLIONS, 3, "£0.0004m"],
    [400, THOUSANDS, undefined, "£400k"],
    [1234567.5, POUNDS, 2, "£1,234,567.50"],
    [0, POUNDS, 0, "£0"],
  ] as const)("should write %s in %o with %s decimals as %s", (value, unit, decimals, expected) => {
    expect(formatMoney(value, unit, decimals)).toBe(expected);
  });
});
