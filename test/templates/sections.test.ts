import { describe, expect, it } from "vitest";
import { findSection } from "../../src/templates/sections";
import { END_OF_YEAR_POSITIONS, MITIGATIONS } from "../../src/templates/profiles/headings";
import { sheetFromRows } from "../support/sheets";

describe("findSection", () => {
  const sheet = sheetFromRows("Financial summary", [
    ["Summary of end of year positions", null],
    ["Cumulative deficit brought forward", 1],
    ["Mitigations: savings", 2],
    [null, null],
    ["Mitigations", null],
    ["Total mitigations", 3],
  ]);

  it("should run from the heading to the row before the next known heading", () => {
    expect(findSection(sheet, END_OF_YEAR_POSITIONS)).toMatchObject({
      headingRow: 0,
      top: 0,
      bottom: 3,
      headingCol: 0,
    });
  });

  it("should run to the end of the sheet for the last section and skip rows with figures", () => {
    expect(findSection(sheet, MITIGATIONS)).toMatchObject({ headingRow: 4, bottom: 5 });
  });

  it("should be undefined when the heading is missing", () => {
    expect(findSection(sheet, ["Safety Valve agreement"])).toBeUndefined();
  });

  it("should not end a section at another of its own headings", () => {
    const titled = sheetFromRows("Finance summary", [
      ["Finance summary"],
      ["Summary of end of year positions"],
      ["Cumulative deficit brought forward", 1],
    ]);
    expect(findSection(titled, END_OF_YEAR_POSITIONS)).toMatchObject({ headingRow: 0, bottom: 2 });
  });
});
