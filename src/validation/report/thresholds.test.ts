import { describe, expect, it } from "vitest";
import { thresholdFields, thresholdName } from "./thresholds";

describe("thresholdName", () => {
  it.each([
    ["costJumpPercent", "cost jump (%)"],
    ["maxPercent", "max (%)"],
    ["percent", "limit (%)"],
    ["allowedGap", "allowed gap"],
    ["mixShiftPoints", "mix shift points"],
  ])("should call %s %s", (key, name) => {
    expect(thresholdName(key)).toBe(name);
  });
});

describe("thresholdFields", () => {
  it("should list every threshold of every rule that has one, with its default", () => {
    const fields = thresholdFields([
      { id: "block-total", title: "Blocks add up", defaults: {} },
      {
        id: "funding-uplift",
        title: "Funding growth is plausible",
        defaults: { minPercent: 0, maxPercent: 10 },
      },
    ]);
    expect(fields).toEqual([
      {
        rule: "funding-uplift",
        key: "minPercent",
        label: "Funding growth is plausible: min (%)",
        defaultValue: 0,
      },
      {
        rule: "funding-uplift",
        key: "maxPercent",
        label: "Funding growth is plausible: max (%)",
        defaultValue: 10,
      },
    ]);
  });
});
