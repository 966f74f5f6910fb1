import { beforeAll, describe, expect, it } from "vitest";
import { locateTemplate } from "../../src/templates/locate";
import { locateWriteOff } from "../../src/templates/writeOff/locateWriteOff";
import { labelWorkbook } from "../../src/templates/labels";
import type { Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { SOURCE_ROW, samplePlan, withReconciliation } from "../support/writeOff";

let plan: Workbook;
beforeAll(async () => {
  plan = await samplePlan();
});

describe("locateWriteOff", () => {
  it("should find the sheet the pane writes, as a third section of the management plan", () => {
    const template = locateTemplate(
      withReconciliation(plan, { [SOURCE_ROW.s151]: { figure: 77.1, explanation: "Draft" } })
    );
    expect(template.profileId).toBe("dsg-management-plan");
    expect(template.financial?.endOfYear).toBeDefined();
    expect(template.governance).toBeDefined();
    const found = template.writeOff!;
    expect(found.sheet).toBe("DSG write-off reconciliation");
    expect(found.sources.map((s) => [s.key, s.row, s.figure.col, s.figure.value])).toEqual([
      ["s251", 4, 1, null],
      ["dsgNoteDraft", 5, 1, null],
      ["dsgNotePublished", 6, 1, null],
      ["s151", 7, 1, 77.1],
      ["revenueOutturn", 8, 1, null],
      ["accounts", 9, 1, null],
    ]);
    expect(found.sources[3].explanation).toMatchObject({ row: 7, col: 3, value: "Draft" });
    expect(found.sources[0].difference?.formula).toBe('=IF(B5="","",B5-\'Financial summary\'!G54)');
    expect(found.plan?.cell.formula).toBe("='Financial summary'!G54");
    expect(found.share?.cell.value).toBe(0.9);
    expect(found.ineligible?.cell).toMatchObject({ row: 13, value: 1.17 });
    expect(found.eligible?.cell.formula).toBe(
      '=DSG.ELIGIBLE(IF(COUNTA(B5:B10)=0,B11,FILTER(B5:B10,B5:B10<>"")),B14)'
    );
    expect(found.grant?.cell.formula).toBe("=DSG.HNSG(B15,B13)");
    expect(found.kept?.cell.formula).toBe(
      "=DSG.EXPOSURE(B15+B14,('Financial summary'!H54:I54-'Financial summary'!H49:I49),B13,B14)"
    );
    expect(found.rate?.cell.row).toBe(18);
    expect(found.carryingCost?.cell.formula).toBe(
      "=IF(B19=\"\",\"\",DSG.CARRYCOST('Financial summary'!C49,'Financial summary'!C54:J54,B19))"
    );
  });

  it("should find a renamed, moved and reworded sheet by its heading and labels", () => {
    const moved = sheetFromRows("HNSG", [
      [],
      [null, null, "Write-off reconciliation (draft for S151)"],
      [],
      [null, null, "Source", "Explanation", "Figure"],
      [null, null, "Section 251 outturn", "Timing of a recoupment", 76.5],
      [null, null, "Published DSG note", null, 77.319],
      [null, null, "Statement of accounts", null, "77.3"],
      [],
      [null, null, "Eligible figure", null, { f: "=DSG.ELIGIBLE(E5:E7)", v: 76.5 }],
    ]);
    const found = locateWriteOff(labelWorkbook({ sheets: [sheetFromRows("Cover", []), moved] }))!;
    expect(found.sheet).toBe("HNSG");
    expect(found.heading).toMatchObject({ row: 1, col: 2 });
    expect(found.sources.map((s) => [s.key, s.figure.value, s.explanation?.value])).toEqual([
      ["s251", 76.5, "Timing of a recoupment"],
      ["dsgNotePublished", 77.319, null],
      ["accounts", "77.3", null],
    ]);
    expect(found.sources[0].difference).toBeUndefined();
    expect(found.eligible?.cell).toMatchObject({ row: 8, col: 4, value: 76.5 });
    expect(found.grant).toBeUndefined();
  });

  it("should prefer a sheet with sources to one that only quotes the heading", () => {
    const quoting = sheetFromRows("Notes", [["Write-off reconciliation: see the next sheet"]]);
    const table = sheetFromRows("Claim", [
      ["HNSG reconciliation"],
      ["Source", "Figure"],
      ["RO", 77.3],
    ]);
    expect(locateWriteOff(labelWorkbook({ sheets: [quoting, table] }))?.sheet).toBe("Claim");
  });

  it("should keep a heading without a source table, and be undefined without the heading", () => {
    const bare = labelWorkbook({ sheets: [sheetFromRows("Notes", [["HNSG reconciliation"]])] });
    expect(locateWriteOff(bare)).toMatchObject({ sheet: "Notes", sources: [] });
    expect(locateWriteOff(labelWorkbook(plan))).toBeUndefined();
    expect(locateTemplate(plan).writeOff).toBeUndefined();
  });
});
