import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, normaliseSettings, toValidationOptions } from "./paneSettings";

describe("toValidationOptions", () => {
  it("should ask for nothing when every choice is left to the validator", () => {
    expect(toValidationOptions(DEFAULT_SETTINGS)).toEqual({});
  });

  it("should pass every override the user made", () => {
    const options = toValidationOptions({
      tolerance: 0.01,
      template: "safety-valve-return",
      unit: "£000",
      sign: "deficit-negative",
      thresholds: { "funding-uplift": { max: 0.12 } },
    });
    expect(options).toEqual({
      tolerance: 0.01,
      template: "safety-valve-return",
      unit: "£000",
      sign: "deficit-negative",
      thresholds: { "funding-uplift": { max: 0.12 } },
    });
  });

  it("should keep a tolerance of zero", () => {
    expect(toValidationOptions({ ...DEFAULT_SETTINGS, tolerance: 0 })).toEqual({ tolerance: 0 });
  });
});

describe("normaliseSettings", () => {
  it.each([undefined, null, "text", 42, []])("should give the defaults for %o", (saved) => {
    expect(normaliseSettings(saved)).toEqual(DEFAULT_SETTINGS);
  });

  it("should keep valid values and drop invalid ones", () => {
    expect(
      normaliseSettings({
        tolerance: -1,
        template: "dsg-management-plan",
        unit: "£bn",
        sign: "deficit-positive",
        thresholds: {
          "funding-uplift": { max: 0.2, min: "x" },
          "unit-cost-jump": { jump: null },
          bad: 3,
        },
      })
    ).toEqual({
      tolerance: null,
      template: "dsg-management-plan",
      unit: "auto",
      sign: "deficit-positive",
      thresholds: { "funding-uplift": { max: 0.2 } },
    });
  });
});
