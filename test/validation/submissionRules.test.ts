import { describe, expect, it } from "vitest";
import { changed, consistent, summaryWorkbook, type Summary } from "./engineSupport";
import { validateWorkbook } from "../../src/validation/validate";
import { addinFunctions, callsAddinFunction } from "../../src/validation/addinFormulas";
import { RULE_SETS } from "../../src/validation/ruleSets";
import { sheetFromRows } from "../support/sheets";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { toCellValue, toFormula } from "../../src/workbook/officeReader";
import type { Sheet, Workbook } from "../../src/workbook/workbook";

const NAME = { error: "#NAME?" } as const;

/** The carried-forward row (B9:D9) as DSG.CUMULATIVE cells with these saved values. */
function cumulative(values: readonly (number | typeof NAME)[]) {
  return (s: Summary) => {
    s.carriedForward = values.map((v, i) => ({
      f: `=INDEX(DSG.CUMULATIVE($B$5,$B$6:$D$6,$B$7:$D$7,$B$8:$D$8),${i + 1})`,
      v,
    }));
  };
}

function findings(rule: string, workbook: Workbook) {
  return validateWorkbook(workbook).findings.filter((f) => f.rule === rule);
}

const withSheet = (summary: Summary, sheet: Sheet): Workbook => ({
  sheets: [...summaryWorkbook(summary).sheets, sheet],
});

describe("addinFunctions", () => {
  it.each([
    ["=DSG.CUMULATIVE(B5,B6:G6)", ["DSG.CUMULATIVE"]],
    ["=dsg.hnsg(77.318)", ["DSG.HNSG"]],
    ["=ROUND(DSG.HNSG(A1),2)+DSG.ELIGIBLE(B1:B2)+DSG.HNSG(A2)", ["DSG.HNSG", "DSG.ELIGIBLE"]],
    ["=_xldudf_DSG_CUMULATIVE(B5,B6:G6)", ["_XLDUDF_DSG_CUMULATIVE"]],
    ["=_xldudf_96323233322223(A1)", ["_XLDUDF_96323233322223"]],
    ['="DSG.CUMULATIVE(" & A1', []],
    ["='DSG.X(1)'!A1", []],
    ["=MYDSG.X(1)", []],
    ["=SUM(B5:B8)", []],
  ])("should find the add-in functions %s calls", (formula, names) => {
    expect(addinFunctions(formula)).toEqual(names);
    expect(callsAddinFunction(formula)).toBe(names.length > 0);
  });
});

describe("dsg-formulas-present", () => {
  it("should be a warning in both templates' checks", () => {
    for (const set of Object.values(RULE_SETS)) expect(set.rules).toContain("dsg-formulas-present");
  });

  it("should find nothing in a plan of typed figures and ordinary formulas", () => {
    const plain = changed((s) => (s.carriedForward = [{ f: "=SUM(B5:B8)", v: 12 }, 15, 15]));
    expect(findings("dsg-formulas-present", summaryWorkbook(plain))).toEqual([]);
  });

  it("should report a row of DSG functions once, at its first cell, with the count", () => {
    const found = findings(
      "dsg-formulas-present",
      summaryWorkbook(changed(cumulative([12, 15, 15])))
    );
    expect(found).toEqual([
      {
        rule: "dsg-formulas-present",
        severity: "warning",
        sheet: "Financial summary",
        address: "B9",
        message:
          "3 cells on this sheet use add-in functions (DSG.CUMULATIVE), the first at B9: where the DSG add-in is " +
          "not installed, as at the DfE, they show #NAME? instead of figures. Replace them with their values " +
          "before submitting (Prepare for submission in the pane, or Paste Values).",
      },
    ]);
  });

  it("should report each sheet once, _xldudf_ functions (as saved by Excel) included", () => {
    const workings = sheetFromRows("Workings", [
      ["Claim", { f: "=_xldudf_DSG_HNSG(B9)", v: 69.586 }],
      ["Exposure", { f: "=_xldudf_DSG_EXPOSURE(B9,{1,2})+DSG.CARRYCOST(1,2,0.05)", v: 30 }],
      ["Not a call", { f: '="DSG.HNSG("&B1', v: "DSG.HNSG(" }],
    ]);
    const found = findings(
      "dsg-formulas-present",
      withSheet(changed(cumulative([12, 15, 15])), workings)
    );
    expect(found.map((f) => [f.sheet, f.address])).toEqual([
      ["Financial summary", "B9"],
      ["Workings", "B1"],
    ]);
    expect(found[1].message).toContain(
      "2 cells on this sheet use add-in functions (_XLDUDF_DSG_HNSG, _XLDUDF_DSG_EXPOSURE and DSG.CARRYCOST)"
    );
  });
});

describe("name-errors", () => {
  it("should be an error in both templates' checks", () => {
    for (const set of Object.values(RULE_SETS)) expect(set.rules).toContain("name-errors");
  });

  it("should find nothing in a calculated plan, nor in other error values", () => {
    const other = changed((s) => (s.inYear[1] = { error: "#REF!" }));
    expect(findings("name-errors", summaryWorkbook(consistent()))).toEqual([]);
    expect(findings("name-errors", summaryWorkbook(other))).toEqual([]);
  });

  it("should report DSG functions calculated without the add-in once a sheet, not once a cell", () => {
    const workbook = summaryWorkbook(changed(cumulative([NAME, NAME, NAME])));
    const found = findings("name-errors", workbook);
    expect(found).toEqual([
      {
        rule: "name-errors",
        severity: "error",
        sheet: "Financial summary",
        address: "B9",
        message:
          "3 cells on this sheet show #NAME?, the first at B9; they use add-in functions calculated where the " +
          "DSG add-in was not loaded, so the figures are missing. Open the workbook with the add-in loaded, " +
          "recalculate (Ctrl+Alt+F9), and replace the functions with their values before submitting.",
      },
    ]);
    // bad-value leaves #NAME? to this rule rather than repeating it under the row.
    expect(findings("bad-value", workbook)).toEqual([]);
  });

  it("should say when the #NAME? cells only depend on add-in cells, and when no add-in is involved", () => {
    const workings = sheetFromRows("Workings", [
      ["Claim", { f: "=DSG.HNSG(B9)", v: NAME }],
      ["Half", { f: "=B1/2", v: NAME }],
    ]);
    const typo = sheetFromRows("Notes", [[null, { f: "=SUMM(1,2)", v: NAME }]]);
    const workbook: Workbook = {
      sheets: [...withSheet(consistent(), workings).sheets, typo],
    };
    const found = findings("name-errors", workbook);
    expect(found.map((f) => [f.sheet, f.address])).toEqual([
      ["Workings", "B1"],
      ["Notes", "B1"],
    ]);
    expect(found[0].message).toContain(
      "2 cells on this sheet show #NAME?, the first at B1; 1 of them use add-in functions calculated where the " +
        "DSG add-in was not loaded (the others may depend on them)"
    );
    expect(found[1].message).toBe(
      "1 cell on this sheet shows #NAME?, the first at B1: Excel does not know a function or name in the " +
        "formula (a misspelt function, a deleted named range or an add-in that is not installed), so the " +
        "figure is missing. Correct the formula."
    );
  });
});

describe("the submission checks on what the readers give", () => {
  it("should find _xldudf_ formulas and #NAME? values in a saved .xlsx", async () => {
    const workbook = summaryWorkbook(changed(cumulative([NAME, NAME, NAME])));
    const workings = sheetFromRows("Workings", [
      ["Claim", { f: "=_xldudf_DSG_HNSG(B9)", v: NAME }],
    ]);
    const read = await readXlsxBuffer(
      await writeXlsxBuffer({ sheets: [...workbook.sheets, workings] })
    );
    const found = validateWorkbook(read).findings.filter(
      (f) => f.rule === "name-errors" || f.rule === "dsg-formulas-present"
    );
    expect(found.map((f) => [f.rule, f.sheet, f.address])).toEqual([
      ["name-errors", "Financial summary", "B9"],
      ["name-errors", "Workings", "B1"],
      ["dsg-formulas-present", "Financial summary", "B9"],
      ["dsg-formulas-present", "Workings", "B1"],
    ]);
  });

  it("should take Office.js's error values and formula text as the rules read them", () => {
    // Excel gives "#NAME?" as the value with valueTypes "Error", and the formula as typed.
    expect(toCellValue("#NAME?", "Error")).toEqual(NAME);
    expect(toFormula("=DSG.CUMULATIVE(B5,B6:G6)")).toBe("=DSG.CUMULATIVE(B5,B6:G6)");
    expect(callsAddinFunction(toFormula("=DSG.CUMULATIVE(B5,B6:G6)")!)).toBe(true);
  });
});
