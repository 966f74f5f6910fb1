import { describe, expect, it } from "vitest";
import { dsgFormulasPresent, someNames } from "../../src/validation/rules/dsg-formulas-present";
import { labelWorkbook } from "../../src/templates/labels";
import type { Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";

function findings(workbook: Workbook) {
  return dsgFormulasPresent.check({
    workbook: labelWorkbook(workbook),
    template: {
      profileId: "dsg-management-plan",
      profileName: "DSG management plan",
      unit: { label: "£m", pounds: 1e6 },
      sign: "deficit-positive",
    },
    settings: {},
    options: {},
  });
}

describe("dsg-formulas-present wording", () => {
  it("should speak of one cell in the singular", () => {
    const sheet = sheetFromRows("Summary", [
      ["Claim", 1],
      ["Write-off", { f: "=DSG.HNSG(B1)", v: 0.5 }],
    ]);
    expect(findings({ sheets: [sheet] })).toEqual([
      {
        message:
          "1 cell on this sheet uses add-in functions (DSG.HNSG), the first at B2: where the DSG add-in is not " +
          "installed, as at the DfE, it shows #NAME? instead of figures. Replace them with their values before " +
          "submitting (Prepare for submission in the pane, or Paste Values).",
        at: { sheet: "Summary", row: 1, col: 1 },
      },
    ]);
  });

  it("should name at most three functions and count the rest", () => {
    const calls = ["DSG.HNSG", "DSG.CUMULATIVE", "DSG.ELIGIBLE", "DSG.CARRYCOST", "DSG.TRAJECTORY"];
    const sheet = sheetFromRows(
      "Summary",
      calls.map((name, i) => [name, { f: `=${name}(A${i + 1})`, v: i }])
    );
    const [finding] = findings({ sheets: [sheet] });
    expect(finding.message).toMatch(
      /^5 cells on this sheet use add-in functions \(DSG\.HNSG, DSG\.CUMULATIVE, DSG\.ELIGIBLE and 2 more\), the first at B1: .* they show #NAME\?/
    );
  });

  it("should list names in plain English", () => {
    expect(someNames([])).toBe("");
    expect(someNames(["DSG.HNSG"])).toBe("DSG.HNSG");
    expect(someNames(["DSG.HNSG", "DSG.ELIGIBLE"])).toBe("DSG.HNSG and DSG.ELIGIBLE");
    expect(someNames(["A", "B", "C"])).toBe("A, B and C");
    expect(someNames(["A", "B", "C", "D"])).toBe("A, B, C and 1 more");
    expect(someNames(["A", "B", "C", "D", "E", "F"], 2)).toBe("A, B and 4 more");
  });
});
