import { describe, expect, it } from "vitest";
import {
  findUnitMarker,
  guessUnit,
  unitFromFormat,
  unitFromText,
} from "../../src/templates/financial/unit";
import { sheetFromRows } from "../support/sheets";

describe("unitFromText", () => {
  it.each([
    ["£m", "£m"],
    ["(£m)", "£m"],
    ["£ million", "£m"],
    ["£000", "£000"],
    ["£'000", "£000"],
    ["(£,000)", "£000"],
    ["£’000s", "£000"],
    ["£k", "£000"],
    ["Figures in £", "£"],
    ["(£)", "£"],
    ["£many", undefined],
    ["Summary", undefined],
  ] as const)("should read %j as %j", (text, label) => {
    expect(unitFromText(text)?.label).toBe(label);
  });
});

describe("findUnitMarker", () => {
  it("should find the marker in the header area only", () => {
    const sheet = sheetFromRows("Financial summary", [
      ["Financial summary"],
      ["£'000"],
      ["Note: £m elsewhere"],
    ]);
    expect(findUnitMarker(sheet, { bottom: 1 })?.label).toBe("£000");
    expect(findUnitMarker(sheet, { bottom: 0 })).toBeUndefined();
  });
});

describe("guessUnit", () => {
  it.each([
    [[35214000, 28706000], "£"],
    [[35.214, 28.706], "£m"],
    [[35214, 28706], "£000"],
  ] as const)("should guess %j as %j", (figures, label) => {
    expect(guessUnit(figures).label).toBe(label);
  });
});

describe("unitFromFormat", () => {
  it.each([
    ['"£"#,##0"k"', "£000"],
    ['#,##0"k";(#,##0"k")', "£000"],
    ['"£"#,##0.000"m"', "£m"],
    ["£#,##0.0\\m", "£m"],
    ['#,##0" thousand"', "£000"],
  ])("reads the unit %s writes after its figures", (format, label) => {
    expect(unitFromFormat(format)?.label).toBe(label);
  });

  it.each(["#,##0", '"£"#,##0', "0.0%", '"Month "0', "dd-mmm-yy"])(
    "reads none from %s",
    (format) => {
      expect(unitFromFormat(format)).toBeUndefined();
    }
  );
});
