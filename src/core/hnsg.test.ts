import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { highNeedsStabilityGrant } from "./hnsg";

const answer = (deficit: number, share?: number, ineligible?: number) => {
  const r = highNeedsStabilityGrant(
    new Decimal(deficit),
    share === undefined ? undefined : new Decimal(share),
    ineligible === undefined ? undefined : new Decimal(ineligible)
  );
  return r.ok ? r.value.toString() : `${r.error.kind}: ${r.error.message}`;
};

describe("highNeedsStabilityGrant", () => {
  it.each([
    ["90% by default", [99.926], "89.9334"],
    ["the share given", [100, 0.5], "50"],
    ["nothing of ineligible overspend", [100, undefined, 10], "81"],
    ["everything when the share is 1", [100, 1, 0], "100"],
    ["nothing when all is ineligible", [100, 0.9, 100], "0"],
    ["nothing without a deficit", [0], "0"],
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
});
