import { describe, expect, it } from "vitest";
import { escapeControls, plainText } from "../../src/cli/terminalText";

describe("plainText", () => {
  it.each([
    ["an escape sequence that clears the screen", "\u001b[2J", "\u241b[2J"],
    ["a line break and a tab", "a\nb\tc", "a\u240ab\u2409c"],
    ["DEL and a C1 control (CSI)", "x\u007fy\u009bz", "x\u2421y\ufffdz"],
    ["a right-to-left override", "Sheet\u202e1", "Sheet\ufffd1"],
    ["ordinary text, £ and accents", "Financial summary £m é", "Financial summary £m é"],
  ])("should make %s visible and harmless", (_, text, shown) => {
    expect(plainText(text)).toBe(shown);
  });
});

describe("escapeControls", () => {
  it("should escape what JSON.stringify leaves raw and keep the JSON the same data", () => {
    const data = { sheet: "a\u009b\u202eb\u001b" };
    const json = escapeControls(JSON.stringify(data, null, 2));
    expect(json).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(json).toContain("\n");
    expect(JSON.parse(json)).toEqual(data);
  });
});
