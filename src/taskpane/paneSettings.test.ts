import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  normaliseSettings,
  settingProblem,
  toValidationOptions,
} from "./paneSettings";

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

describe("settingProblem", () => {
  const tolerance = { kind: "tolerance" } as const;
  const threshold = (key: string, defaultValue = 1) =>
    ({ kind: "threshold", key, defaultValue }) as const;
  it.each([
    ["", false, tolerance, null],
    ["0.001", false, tolerance, null],
    ["0", false, tolerance, null],
    ["-5", false, tolerance, "A tolerance cannot be negative: enter 0 or more, or leave it blank."],
    ["", true, tolerance, "Enter a number, or leave it blank."],
    ["", false, threshold("costJumpPercent", 15), null],
    ["20", false, threshold("costJumpPercent", 15), null],
    [
      "120",
      false,
      threshold("costJumpPercent", 15),
      "Enter a percentage from 0 to 100, or leave it blank for the default (15).",
    ],
    ["-2", false, threshold("minPercent", 0), null],
    [
      "-2",
      false,
      threshold("maxPercent", 10),
      "Enter a percentage from 0 to 100, or leave it blank for the default (10).",
    ],
    ["2025", false, threshold("cutOffYear", 2025), null],
    [
      "2025.5",
      false,
      threshold("cutOffYear", 2025),
      "Enter the first year of a financial year, such as 2025 for 2025-26.",
    ],
    [
      "25",
      false,
      threshold("cutOffYear", 2025),
      "Enter the first year of a financial year, such as 2025 for 2025-26.",
    ],
    [
      "-1",
      false,
      threshold("allowedGap", 0),
      "Enter 0 or more, or leave it blank for the default (0).",
    ],
    [
      "",
      true,
      threshold("allowedGap", 0),
      "Enter a number, or leave it blank for the default (0).",
    ],
  ] as const)("should take %o (bad input %s) for %o as %s", (text, bad, field, problem) => {
    expect(settingProblem(text, bad, field)).toBe(problem);
  });
});
