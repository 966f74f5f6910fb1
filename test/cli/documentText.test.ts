/** Text inside the machine formats: CSV fields (RFC 4180, formula injection) and XML text (escaped, no controls). */
import { describe, expect, it } from "vitest";
import { csvField } from "../../src/cli/formatters/csv";
import { xmlText } from "../../src/cli/formatters/xml";
import { withoutControls } from "../../src/cli/terminalText";

describe("csvField", () => {
  it.each([
    ["plain text", "Financial summary", "Financial summary"],
    ["a comma", "a, b", '"a, b"'],
    ["a quote", 'the "total"', '"the ""total"""'],
    ["a line break", "one\ntwo", '"one\ntwo"'],
    ["a leading =", '=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["a leading +", "+44", "'+44"],
    ["a leading -", "-1.5", "'-1.5"],
    ["a leading @", "@SUM(A1)", "'@SUM(A1)"],
    ["a leading tab", "\t=1", "'\t=1"],
    ["an = inside", "a=b", "a=b"],
    ["a control character", "a\u001b[2Jb", "a[2Jb"],
  ])("should write %s as a safe RFC 4180 field", (_, value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe("xmlText", () => {
  it("should escape markup and keep line breaks as references", () => {
    expect(xmlText(`<a href="x">Tom & Jerry's</a>\n`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;&#10;"
    );
  });

  it("should drop characters XML 1.0 cannot hold", () => {
    expect(xmlText("a\u0000b\u001bc\ufffed\ud800e\u202ef")).toBe("abcdef");
  });
});

describe("withoutControls", () => {
  it("should keep tabs, line breaks and whole surrogate pairs", () => {
    expect(withoutControls("a\tb\r\nc 😀")).toBe("a\tb\r\nc 😀");
  });
});
