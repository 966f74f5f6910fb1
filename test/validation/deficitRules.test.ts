import { describe, expect, it } from "vitest";
import { changed, consistent, findingsOf, negated } from "./engineSupport";

describe("roll-forward", () => {
  it.each([
    ["the consistent summary", consistent(), {}, []],
    [
      "a rounding-sized gap (5 terms × 0.0005)",
      changed((s) => (s.carriedForward[1] = 15.002)),
      {},
      [],
    ],
    ["the same summary with deficits negative", negated(consistent()), {}, []],
    ["a blank contribution (counted as 0)", changed((s) => (s.contribution[0] = null)), {}, []],
    ["a dash for a nil contribution", changed((s) => (s.contribution[2] = "–")), {}, ["D9"]],
    [
      "a gap of 0.4 within the user's tolerance of 0.5",
      changed((s) => (s.carriedForward[1] = 15.4)),
      { tolerance: 0.5 },
      [],
    ],
    ["a gap of 0.003", changed((s) => (s.carriedForward[1] = 15.003)), {}, ["C9"]],
    ["a gap of 0.4", changed((s) => (s.carriedForward[1] = 15.4)), {}, ["C9"]],
    [
      "a payment left out of a negative-deficit sheet",
      changed((s) => (s.carriedForward[2] = -18), negated(consistent())),
      {},
      ["D9"],
    ],
    [
      "a gap of 0.001 with no tolerance",
      changed((s) => (s.carriedForward[0] = 12.001)),
      { tolerance: 0 },
      ["B9"],
    ],
  ] as const)("should report %s", (_, summary, options, addresses) => {
    expect(findingsOf("roll-forward", summary, options).map((f) => f.address)).toEqual(addresses);
  });

  it("should name the years and show the gap in the sheet's unit, with expected and actual", () => {
    const [finding] = findingsOf(
      "roll-forward",
      changed((s) => (s.carriedForward[1] = 15.4))
    );
    expect(finding).toMatchObject({
      severity: "error",
      sheet: "Financial summary",
      expected: 15,
      actual: 15.4,
    });
    expect(finding.message).toContain(
      "Cumulative deficit for 2024-25 does not roll forward from 2023-24: gap £0.400m."
    );
  });

  it("should roll from the previous carried forward when there is no brought-forward figure", () => {
    const summary = changed((s) => {
      s.broughtForward = [10, null, null];
      s.carriedForward[2] = 16;
    });
    expect(findingsOf("roll-forward", summary).map((f) => f.address)).toEqual(["D9"]);
  });
});

describe("opening-balance", () => {
  it.each([
    ["the consistent summary", consistent(), []],
    ["deficits negative", negated(consistent()), []],
    [
      "a brought forward 0.2 away from last year's carried forward",
      changed((s) => (s.broughtForward[2] = 15.2)),
      ["D5"],
    ],
    ["a rounding-sized difference", changed((s) => (s.broughtForward[1] = 12.001)), []],
  ] as const)("should report %s", (_, summary, addresses) => {
    expect(findingsOf("opening-balance", summary).map((f) => f.address)).toEqual(addresses);
  });

  it("should say which years disagree, with expected and actual", () => {
    const [finding] = findingsOf(
      "opening-balance",
      changed((s) => (s.broughtForward[2] = 15.2))
    );
    expect(finding).toMatchObject({ expected: 15, actual: 15.2 });
    expect(finding.message).toContain(
      "Brought forward for 2025-26 (£15.200m) is not the carried forward for 2024-25 (£15.000m)"
    );
  });
});

describe("sign-convention", () => {
  it.each([
    ["the consistent summary", consistent(), []],
    ["deficits negative with positive payments", negated(consistent()), []],
    [
      "payments shown as positive like the deficits",
      changed((s) => (s.payments = [3, 3, 3])),
      ["B7"],
    ],
    ["one contribution with the deficits' sign", changed((s) => (s.contribution[2] = 1)), ["D8"]],
    [
      "every payment and contribution shown positive and taken away (the sheet's own convention)",
      changed((s) => {
        s.payments = [3, 3, 3];
        s.contribution = [0, 0, 1];
      }),
      [],
    ],
    [
      "a carried-forward row shown negative",
      changed((s) => (s.carriedForward = [-12, -15, -15])),
      ["B9"],
    ],
    ["one in-year figure with the wrong sign", changed((s) => (s.inYear[1] = -6)), ["C6"]],
  ] as const)("should report %s", (_, summary, addresses) => {
    expect(findingsOf("sign-convention", summary).map((f) => f.address)).toEqual(addresses);
  });
});

describe("balance-not-cleared", () => {
  it.each([
    ["in-year deficits every year", consistent(), []],
    [
      "an in-year surplus from 2025-26 with a deficit left",
      changed((s) => {
        s.inYear[2] = -1;
        s.carriedForward[2] = 10;
      }),
      ["D9"],
    ],
    [
      "a balance reached and the deficit cleared",
      changed((s) => {
        s.inYear[2] = -2;
        s.contribution[2] = -10;
        s.carriedForward[2] = 0;
      }),
      [],
    ],
  ] as const)("should note %s", (_, summary, addresses) => {
    const findings = findingsOf("balance-not-cleared", summary);
    expect(findings.map((f) => f.address)).toEqual(addresses);
    findings.forEach((f) => {
      expect(f.severity).toBe("info");
      expect(f.message).toContain(
        "in balance from 2025-26, but a cumulative deficit of £10.000m remains at the end of 2025-26"
      );
    });
  });
});
