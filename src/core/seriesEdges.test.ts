/** Edges of the shared series checks: the longest projection allowed, and which values a message names. */
import { describe, expect, it } from "vitest";
import { decimals as d } from "../../test/functions/wiltshire";
import { MAX_PERIODS, mixedSigns, notPeriods } from "./series";

describe("notPeriods", () => {
  it.each([1, 2, MAX_PERIODS])("should accept %d periods", (periods) => {
    expect(notPeriods("periods", periods)).toBeNull();
  });

  it.each([0, MAX_PERIODS + 1, 1.5, Number.NaN])("should refuse %d periods", (periods) => {
    expect(notPeriods("periods", periods)).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: `periods is ${periods}; it must be a whole number from 1 to 16384`,
      },
    });
  });
});

describe("mixedSigns names the first positive and the first negative value", () => {
  it.each([
    [[1, 2, -1, -2], 1, 3],
    [[-1, -2, 3, 4], 3, 1],
    [[0, 5, 0, -5, 6, -7], 2, 4],
  ])("in %o: positive value %d, negative value %d", (values, positive, negative) => {
    const r = mixedSigns("payments", d(values));
    expect(r?.ok === false && r.error.message).toBe(
      `payments mixes positive (value ${positive}) and negative (value ${negative}) amounts: ` +
        "type every amount with the same sign, they always reduce the deficit"
    );
  });

  it.each([[[0, 0]], [[1, 0, 2]], [[-1, -0, -2]]])("should allow %o", (values) => {
    expect(mixedSigns("payments", d(values))).toBeNull();
  });
});
