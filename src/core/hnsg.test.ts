import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { decimals as d } from "../../test/functions/wiltshire";
import { eligibleDeficit, exposure, highNeedsStabilityGrant, lowestFigure } from "./hnsg";
import type { Result } from "./result";
import { inUnits } from "./units";

const answer = (deficit: number, share?: number, ineligible?: number) => {
  const r = highNeedsStabilityGrant(
    new Decimal(deficit),
    share === undefined ? undefined : new Decimal(share),
    ineligible === undefined ? undefined : new Decimal(ineligible)
  );
  return r.ok ? r.value.toString() : `${r.error.kind}: ${r.error.message}`;
};
const shown = (r: Result<{ toString(): string }>) =>
  r.ok ? r.value.toString() : `${r.error.kind}: ${r.error.message}`;
const optional = (value: number | undefined) =>
  value === undefined ? undefined : new Decimal(value);

/** The same figures as whole Units, as the custom functions compute them. */
function units(...series: number[][]) {
  const found = inUnits(series);
  if (found === null) throw new Error("figures should fit whole units");
  return found;
}

// Wiltshire Council, report to Schools Forum (autumn 2024), paragraph 16 (test/fixtures): the
// deficit carried forward at the end of 2025-26 is £77.319m as published, £77.318m recomputed from the
// rounded rows above it (fixture fact 1); carried forward at 31 March 2028, £99.926m.
const PUBLISHED_2026 = 77.319;
const RECOMPUTED_2026 = 77.318;
// In-year movements after 31 March 2026 up to the override's end, from the published carry-forward row:
// 2026-27 99.198 − 77.319, 2027-28 99.926 − 99.198 (in-year deficit less Safety Valve instalments).
const NET_LATER = [21.879, 0.728];
// The same years before Safety Valve instalments (the fixture's in-year row).
const GROSS_LATER = [28.579, 7.428];

describe("highNeedsStabilityGrant", () => {
  it.each([
    ["90% by default", [99.926], "89.9334"],
    ["the share given", [100, 0.5], "50"],
    ["nothing of ineligible overspend", [100, undefined, 10], "81"],
    ["everything when the share is 1", [100, 1, 0], "100"],
    ["nothing when all is ineligible", [100, 0.9, 100], "0"],
    ["nothing without a deficit", [0], "0"],
    [
      "90% of Wiltshire's deficit at 31 March 2026 (£77.319m, Schools Forum report autumn 2024, para 16)",
      [PUBLISHED_2026],
      "69.5871",
    ],
  ])("should write off %s", (_, args, expected) => {
    expect(answer(...(args as [number, number?, number?]))).toBe(expected);
  });

  it.each([
    [[100, 1.2], "invalid: share is 1.2; it must be between 0 and 1 (0.9 is 90%)"],
    [[100, -0.1], "invalid: share is -0.1; it must be between 0 and 1 (0.9 is 90%)"],
    [[100, 0.9, -1], "invalid: ineligible is -1; it must be between 0 and the deficit (100)"],
    [[100, 0.9, 101], "invalid: ineligible is 101; it must be between 0 and the deficit (100)"],
    [
      [-5],
      "invalid: deficit is -5, a surplus: the High Needs Stability Grant only writes off a deficit",
    ],
  ])("should reject %o", (args, message) => {
    expect(answer(...(args as [number, number?, number?]))).toBe(message);
  });

  it("should write off the same in whole units as in decimal.js", () => {
    const [[deficit], [share], [ineligible]] = units([PUBLISHED_2026], [0.9], [2.5]);
    expect(shown(highNeedsStabilityGrant(deficit, share, ineligible))).toBe("67.3371");
    expect(answer(PUBLISHED_2026, 0.9, 2.5)).toBe("67.3371");
  });
});

describe("lowestFigure", () => {
  it.each([
    ["the only figure", [77.319], "77.319", 1],
    ["the lowest, wherever it is", [80, 77.318, 79.5], "77.318", 2],
    ["the first of equal lowest figures", [5, 3, 3], "3", 2],
    ["a nil figure", [4, 0], "0", 2],
  ])("should find %s", (_, figures, value, position) => {
    const found = lowestFigure(d(figures));
    expect(found.ok && [found.value.value.toString(), found.value.position]).toEqual([
      value,
      position,
    ]);
  });
});

describe("eligibleDeficit", () => {
  const eligible = (figures: number[], ineligible?: number) =>
    shown(eligibleDeficit(d(figures), optional(ineligible)));

  it.each([
    [
      "Wiltshire's deficit at 31 March 2026 from one source (Schools Forum report autumn 2024, para 16: £77.319m)",
      [PUBLISHED_2026],
      undefined,
      "77.319",
    ],
    [
      "the lowest of Wiltshire's published (£77.319m) and recomputed (£77.318m, fixture fact 1) carry forward",
      [PUBLISHED_2026, RECOMPUTED_2026],
      undefined,
      "77.318",
    ],
    ["the lowest less the ineligible part", [80, 77.318, 79.5], 2.5, "74.818"],
    ["nothing when all of the lowest is ineligible", [80, 77.318], 77.318, "0"],
    ["the lowest when the ineligible part is 0", [80, 77.318], 0, "77.318"],
  ])("should take %s", (_, figures, ineligible, expected) => {
    expect(eligible(figures, ineligible)).toBe(expected);
  });

  it.each([
    ["no figures", [], undefined, "invalid: figures is empty: give at least one value"],
    [
      "a negative figure, by position",
      [77.319, -77.319],
      undefined,
      "invalid: figures: value 2 is -77.319; give each source's deficit as a positive figure (a surplus has nothing to write off)",
    ],
    [
      "an ineligible part above the lowest figure",
      [80, 77.318],
      78,
      "invalid: ineligible is 78; it must be between 0 and the lowest figure (77.318)",
    ],
    [
      "a negative ineligible part",
      [80],
      -1,
      "invalid: ineligible is -1; it must be between 0 and the lowest figure (80)",
    ],
  ])("should reject %s", (_, figures, ineligible, message) => {
    expect(eligible(figures, ineligible)).toBe(message);
  });

  it("should take the same figure in whole units as in decimal.js", () => {
    const [figures, [ineligible]] = units([80, 77.318, 79.5], [2.5]);
    expect(shown(eligibleDeficit(figures, ineligible))).toBe("74.818");
  });
});

describe("exposure", () => {
  const carried = (deficit: number, later: number[], share = 0.9, ineligible?: number) =>
    shown(exposure(new Decimal(deficit), d(later), new Decimal(share), optional(ineligible)));

  it.each([
    [
      "Wiltshire: 10% of £77.319m at 31 March 2026 plus the net in-year deficits of 2026-27 and 2027-28 (Schools Forum report autumn 2024, para 16)",
      [PUBLISHED_2026, NET_LATER],
      "30.3389",
    ],
    [
      "Wiltshire with the in-year deficits before Safety Valve instalments (fixture in-year row, 2026-27 and 2027-28)",
      [PUBLISHED_2026, GROSS_LATER],
      "43.7389",
    ],
    ["the hand-worked (1 − 0.9) × (100 − 10) + 10 + 10 − 5", [100, [10, -5], 0.9, 10], "24"],
    ["the whole deficit when nothing is written off", [100, [0], 0], "100"],
    ["only the later years when everything is written off", [100, [3, 4], 1], "7"],
    ["a later surplus that reduces it", [50, [-6]], "-1"],
  ])("should carry %s", (_, args, expected) => {
    expect(carried(...(args as [number, number[], number?, number?]))).toBe(expected);
  });

  it("should leave Wiltshire, at 31 March 2028, its deficit then (£99.926m) less the grant", () => {
    const grant = highNeedsStabilityGrant(new Decimal(PUBLISHED_2026));
    expect(grant.ok && new Decimal(99.926).minus(grant.value).toString()).toBe(
      carried(PUBLISHED_2026, NET_LATER)
    );
  });

  it.each([
    [
      [-5, [1]],
      "invalid: deficit is -5, a surplus: the High Needs Stability Grant only writes off a deficit",
    ],
    [[100, [1], 1.5], "invalid: share is 1.5; it must be between 0 and 1 (0.9 is 90%)"],
    [
      [100, [1], 0.9, 120],
      "invalid: ineligible is 120; it must be between 0 and the deficit (100)",
    ],
  ])("should reject %o", (args, message) => {
    expect(carried(...(args as [number, number[], number?, number?]))).toBe(message);
  });

  it("should carry the same in whole units as in decimal.js", () => {
    const [[deficit], later, [share]] = units([PUBLISHED_2026], NET_LATER, [0.9]);
    expect(shown(exposure(deficit, later, share))).toBe("30.3389");
  });
});
