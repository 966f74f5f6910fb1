import { describe, expect, it } from "vitest";
import { locateGovernance } from "../../src/templates/governance/locateGovernance";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";

const rows: CellValue[][] = [
  ["Governance and management"],
  [],
  ["Signed off by", "J Smith, Director of Children's Services"],
  ["Date of sign-off", 45530],
  ["Schools forum date", 45450],
  [],
  ["Workstream log"],
  ["Workstream", "Owner", "Savings", "RAG"],
  ["Early intervention", "Head of SEND", 1.2, "Green"],
  ["Local special places", "Head of Commissioning", 2.5, "Amber"],
  [],
  ["Notes"],
];

describe("locateGovernance", () => {
  it("should find sign-off, forum date and the workstream log", () => {
    const governance = locateGovernance({
      sheets: [sheetFromRows("Cover", []), sheetFromRows("Governance", rows)],
    });
    expect(governance?.signedOffBy?.value).toMatchObject({
      row: 2,
      col: 1,
      value: "J Smith, Director of Children's Services",
    });
    expect(governance?.dateOfSignOff?.value.value).toBe(45530);
    expect(governance?.schoolsForumDate?.value.value).toBe(45450);
    expect(
      governance?.workstreams.map((w) => [
        w.workstream.value,
        w.owner?.value,
        w.savings?.value,
        w.rag?.value,
      ])
    ).toEqual([
      ["Early intervention", "Head of SEND", 1.2, "Green"],
      ["Local special places", "Head of Commissioning", 2.5, "Amber"],
    ]);
  });

  it("should find a renamed sheet by its labels and keep an empty value's cell", () => {
    const renamed = rows.map((r) => [null, ...r]);
    renamed[3] = [null, "Sign-off date"];
    const governance = locateGovernance({ sheets: [sheetFromRows("Sign off", renamed)] });
    expect(governance?.sheet).toBe("Sign off");
    expect(governance?.dateOfSignOff?.value).toMatchObject({ row: 3, col: 2, value: null });
  });

  it("should be undefined without a governance sheet", () => {
    expect(locateGovernance({ sheets: [sheetFromRows("Cover", [["Plan"]])] })).toBeUndefined();
  });
});
