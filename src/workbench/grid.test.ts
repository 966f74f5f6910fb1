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
    [45555, "dd/mm/yyyy", "20 Sep 2024"],
    [45555, "d mmmm yyyy", "20 Sep 2024"],
    [46349.5, "d mmmm yyyy hh:mm", "23 Nov 2026 12:00"],
    [45555, "[$-809]dd mmm yy;@", "20 Sep 2024"],
    [12.5, '#,##0.0"m"', "12.5"],
    [12.5, '"Day "0.0', "12.5"],
    [1234, "[Red]#,##0", "1234"],
  ] as const)("should show %o with format %s as %s", (value, format, shown) => {
    expect(displayValue(value, format)).toBe(shown);
  });
});
