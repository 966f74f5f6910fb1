/** A workbook holding more than one plan (scenario copies): the first is checked, and a note names the others. */
import { describe, expect, it } from "vitest";
import { consistent, summaryWorkbook } from "./engineSupport";
import { validateWorkbook } from "../../src/validation/validate";
import { sheetFromRows } from "../support/sheets";

describe("other plans in the workbook", () => {
  const plan = summaryWorkbook(consistent()).sheets[0];
  const copy = (name: string) => sheetFromRows(name, plan.values as never, "#,##0.000");

  it("should say which sheets hold other end of year positions, once, as a note", () => {
    const book = { sheets: [plan, copy("FS - Best case"), copy("FS - Worst case")] };
    const notes = validateWorkbook(book).findings.filter((f) => f.rule === "template-recognised");
    expect(notes.map((f) => [f.severity, f.message])).toEqual([
      [
        "info",
        "Sheets 'FS - Best case' and 'FS - Worst case' also hold end of year positions (another scenario or version of the plan); the checks read those on 'Financial summary' only. To check them, save each as a workbook of its own.",
      ],
    ]);
  });

  it("should say nothing when the plan is the only one", () => {
    const notes = validateWorkbook({ sheets: [plan] }).findings.filter(
      (f) => f.rule === "template-recognised"
    );
    expect(notes).toEqual([]);
  });
});
