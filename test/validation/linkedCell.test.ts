/** linkedCell: where a formula that only links to one cell points, so a finding can point there instead. */
import { describe, expect, it } from "vitest";
import { linkedCell } from "../../src/validation/at";

describe("linkedCell", () => {
  it.each([
    ["=C39", { sheet: "Plan", row: 38, col: 2 }],
    ["=$C$39", { sheet: "Plan", row: 38, col: 2 }],
    ["='High needs'!D4", { sheet: "High needs", row: 3, col: 3 }],
    ["='Dan''s plan'!A1", { sheet: "Dan's plan", row: 0, col: 0 }],
    ["=Blocks!B2", { sheet: "Blocks", row: 1, col: 1 }],
  ])("should read %s as a link", (formula, expected) => {
    expect(linkedCell(formula, "Plan")).toEqual(expected);
  });

  it.each([["=C39+C40"], ["=SUM(C30:C38)"], ["=-C39"], ["=C39*1"], [null]])(
    "should read %s as no plain link",
    (formula) => {
      expect(linkedCell(formula, "Plan")).toBeUndefined();
    }
  );
});
