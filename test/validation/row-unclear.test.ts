import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/validation/validate";
import type { Workbook } from "../../src/workbook/workbook";
import { buildNamed } from "../../examples/real/realExamples";
import { a1 } from "../../src/workbook/address";

/** A plan whose Safety Valve row is relabelled as Safety Valve and council contributions together. */
function combined(): { workbook: Workbook; sheet: string; address: string } {
  const workbook = buildNamed("ehcp-combined-sheet").draft.toWorkbook();
  for (const sheet of workbook.sheets)
    for (let r = 0; r < sheet.values.length; r++)
      for (let c = 0; c < sheet.values[r].length; c++) {
        const value = sheet.values[r][c];
        if (
          typeof value === "string" &&
          /safety valve/i.test(value) &&
          !/cumulative|deficit/i.test(value)
        ) {
          sheet.values[r][c] = "Safety Valve and local authority contributions";
          return { workbook, sheet: sheet.name, address: a1(sheet.top + r, sheet.left + c) };
        }
      }
  throw new Error("The plan has no Safety Valve row");
}

describe("row-unclear", () => {
  it("should note a row two meanings fit equally, at its label, instead of guessing", () => {
    const { workbook, sheet, address } = combined();
    const notes = validateWorkbook(workbook).findings.filter((f) => f.rule === "row-unclear");
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "info", sheet, address });
    expect(notes[0].message).toMatch(
      /could be read as 'DfE deficit payments' or 'Local authority contribution', so it was not used/
    );
  });

  it("should say nothing on a plan whose rows are all clear", () => {
    const workbook = buildNamed("ehcp-combined-sheet").draft.toWorkbook();
    expect(validateWorkbook(workbook).findings.filter((f) => f.rule === "row-unclear")).toEqual([]);
  });
});
