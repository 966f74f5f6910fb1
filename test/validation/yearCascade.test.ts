/**
 * A bad year heading is one finding, not a cascade: year-sequence reports the heading, and the checks
 * that compare a year with the one before it wait for it (they are listed as not run, with the reason).
 */
import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/validation/validate";
import type { Workbook } from "../../src/workbook/workbook";
import { buildNamed } from "../../examples/real/realExamples";

/** The plan with the third year heading of the first year row of `sheet` one year on. */
function mislabelled(name: string, sheetName: (names: string[]) => string): Workbook {
  const workbook = buildNamed(name).draft.toWorkbook();
  const target = sheetName(workbook.sheets.map((s) => s.name));
  const sheets = workbook.sheets.map((sheet) => {
    if (sheet.name !== target) return sheet;
    const r = sheet.values.findIndex(
      (row) =>
        row.filter((v) => typeof v === "string" && /^(\D*)20\d\d[-/]\d\d$/.test(v)).length >= 4 ||
        row.filter((v) => typeof v === "number" && Number.isInteger(v) && v > 2015 && v < 2035)
          .length >= 4
    );
    const values = sheet.values.map((row, i) => {
      if (i !== r) return row;
      const years = row.flatMap((v, c) => (/20\d\d/.test(String(v)) ? [c] : []));
      return row.map((v, c) =>
        c !== years[2]
          ? v
          : typeof v === "number"
            ? v + 1
            : String(v).replace(/20(\d\d)/, (_, d) => `20${Number(d) + 1}`)
      );
    });
    return { ...sheet, values };
  });
  return { sheets };
}

describe("a mislabelled year heading", () => {
  it.each([
    ["thousands-deficit-negative", (names: string[]) => names.find((n) => /financ/i.test(n))!],
    ["ehcp-combined-sheet", (names: string[]) => names.find((n) => /financ/i.test(n))!],
    ["ehcp-combined-sheet", (names: string[]) => names.find((n) => /young|cyp/i.test(n))!],
    ["ehcp-sheet-per-placement", () => "Mainstream"],
  ])("in %s gives one year-sequence error and no other error or warning", (name, sheet) => {
    const result = validateWorkbook(mislabelled(name, sheet));
    const serious = result.findings.filter((f) => f.severity !== "info");
    expect(serious.map((f) => f.rule)).toEqual(["year-sequence"]);
    expect(
      result.checks.notRun.some((check) =>
        check.needs.some((need) => /year headings in order/.test(need))
      )
    ).toBe(true);
  });
});
