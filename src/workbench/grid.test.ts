import { describe, expect, it } from "vitest";
import { displayValue } from "./grid";

describe("displayValue", () => {
  it.each([
    [null, "General", ""],
    [35.214, "#,##0.000", "35.214"],
    [28.7, "0.000", "28.700"],
    [0.1 + 0.2, "General", "0.3"],
    [0.035, "0.0%", "3.5%"],
    [1576, "General", "1576"],
    [true, "General", "TRUE"],
    ["tbc", "General", "tbc"],
    [{ error: "#REF!" }, "General", "#REF!"],
  ] as const)("should show %o with format %s as %s", (value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });
});
