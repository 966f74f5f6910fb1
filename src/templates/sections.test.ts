import { describe, expect, it } from "vitest";
import { hasSectionHeading } from "./sections";
import { MITIGATIONS } from "./profiles/headings";
import { sheetFromRows } from "../../test/support/sheets";

describe("hasSectionHeading", () => {
  const sheet = sheetFromRows("Financial summary", [
    ["Mitigations: savings", 2],
    ["Summary of end of year positions", null],
  ]);

  it.each([
    ["a heading standing alone on its row", ["Summary of end of year positions"], true],
    ["a data row whose label starts like a heading", MITIGATIONS, false],
    ["a heading that is not there", ["Safety Valve agreement"], false],
  ])("should tell %s", (_, synonyms, expected) => {
    expect(hasSectionHeading(sheet, synonyms)).toBe(expected);
  });
});
