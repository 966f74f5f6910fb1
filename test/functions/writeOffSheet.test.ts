/**
 * The reconciliation sheet's formulas worked out by a real spreadsheet engine (HyperFormula, through the
 * same adapters Excel calls), over the Wiltshire sample plan's figures: the differences, DSG.ELIGIBLE over
 * the sources filled in, DSG.HNSG, DSG.EXPOSURE and DSG.CARRYCOST give what the pane's claim says.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DsgPlugin, dsgTranslations } from "./dsgPlugin";
import type { Workbook } from "../../src/workbook/workbook";
import { locateTemplate } from "../../src/templates/locate";
import { writeOffSheetContent } from "../../src/validation/report/writeOffSheet";
import { writeOffClaim } from "../../src/validation/report/writeOffClaim";
import { samplePlan } from "../support/writeOff";
import { VARIANTS } from "../../examples/variants";

const EXCEL_LIKE = {
  licenseKey: "gpl-v3",
  smartRounding: false,
  evaluateNullToZero: true,
  useArrayArithmetic: true,
} as const;

let plan: Workbook;
let engines: HyperFormula[] = [];
beforeAll(async () => {
  plan = await samplePlan();
  HyperFormula.registerFunctionPlugin(DsgPlugin, dsgTranslations);
});
afterEach(() => {
  engines.forEach((engine) => engine.destroy());
  engines = [];
});

/** The plan's sheets (figures as saved) and the reconciliation, with `typed` figures by 0-based row. */
function engine(typed: Record<number, number | string>, workbook: Workbook = plan) {
  const settings = { writeOffPercent: 90, cutOffYear: 2025 };
  const template = locateTemplate(workbook);
  const content = writeOffSheetContent(template, settings)!;
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of workbook.sheets) {
    const rows: (string | number | boolean | null)[][] = [];
    sheet.values.forEach((row, r) => {
      rows[sheet.top + r] = [
        ...Array<null>(sheet.left).fill(null),
        ...row.map((value) => (typeof value === "object" && value !== null ? null : value)),
      ];
    });
    sheets[sheet.name] = Array.from(rows, (row) => row ?? []);
  }
  sheets.Reconciliation = content.cells.map((row, r) =>
    row.map((cell, c) => (c === 1 && typed[r] !== undefined ? typed[r] : cell === "" ? null : cell))
  );
  const hf = HyperFormula.buildFromSheets(sheets, EXCEL_LIKE);
  engines.push(hf);
  const id = hf.getSheetId("Reconciliation")!;
  const at = (address: string) => hf.getCellValue(hf.simpleCellAddressFromString(address, id)!);
  return { at, template, settings };
}

describe("the write-off reconciliation's formulas", () => {
  it("should take Wiltshire's published £77.319m through ELIGIBLE, HNSG and EXPOSURE", () => {
    const { at } = engine({ 4: 77.319, 6: 77.319, 9: 77.4, 13: 0 });
    expect([at("C5"), at("C6"), at("C10")]).toEqual([
      expect.closeTo(0.0002, 10),
      "",
      expect.closeTo(0.0812, 10),
    ]);
    expect(at("B15")).toBe(77.319);
    expect(at("B16")).toBe(69.5871);
    // 0.1 × 77.319 + (99.1978 − 77.3188) + (99.9258 − 99.1978)
    expect(at("B17")).toBeCloseTo(30.3389, 10);
  });

  it("should agree with the pane's claim before any source is filled in, and cost each year at the typed rate", () => {
    const { at, template, settings } = engine({ 18: 0.05 });
    const claim = writeOffClaim(template, settings)!;
    expect(at("B11")).toBe(77.3188);
    expect(at("B15")).toBeCloseTo(claim.eligible!.value, 10);
    expect(at("B16")).toBeCloseTo(claim.grant!.value, 10);
    expect(at("B17")).toBeCloseTo(claim.kept!.value, 10);
    // The year row (='Financial summary'!C4:J4) spills in Excel 365; HyperFormula does not spill a bare range.
    expect(["B21", "C21", "F21", "I21"].map(at)).toEqual([0.665, 1.34535, 3.462565, 3.36088]);
  });

  it("should leave the carrying cost blank until a rate is typed", () => {
    const { at } = engine({});
    expect(at("B21")).toBe("");
  });

  it("should give #VALUE! naming the source when a figure is negative or typed as text", () => {
    const negative = engine({ 4: 77.319, 7: -76.9 }).at("B15");
    expect(negative).toBeInstanceOf(DetailedCellError);
    expect((negative as DetailedCellError).type).toBe("VALUE");
    expect((negative as DetailedCellError).message).toMatch(/figures.*2.*-76\.9/);
    const text = engine({ 5: "tbc" }).at("B15");
    expect((text as DetailedCellError).type).toBe("VALUE");
  });

  it("should turn a plan that shows deficits as negative numbers into positive deficits", () => {
    const negative = VARIANTS["deficits-negative"]();
    const { at, template, settings } = engine({ 4: 77.319, 18: 0.05 }, negative);
    expect(template.sign).toBe("deficit-negative");
    const claim = writeOffClaim(template, settings)!;
    const positive = engine({ 4: 77.319, 18: 0.05 });
    for (const cell of ["C5", "B11", "B15", "B16", "B17", "B21", "I21"])
      expect(at(cell), cell).toBeCloseTo(positive.at(cell) as number, 10);
    // 0.1 × (77.319 − 1.17) + 1.17 + 22.607, and the claim (no sheet in `negative`) on the plan's own figure.
    expect(at("B17")).toBeCloseTo(31.3919, 10);
    expect(claim.kept!.value).toBe(31.39188);
  });
});
