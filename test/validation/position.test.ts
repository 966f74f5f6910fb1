/**
 * The position panel's figures, worked by hand on Wiltshire's August 2024 forecast
 * (test/fixtures/wiltshire-2024-08-forecast.json) with the sample plan's Safety Valve limits
 * (examples/planInputs.ts), read through the real locator.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { workbookPosition } from "../../src/validation/report/position";
import { readXlsxFile } from "../../src/workbook/xlsxReader";
import { planWorkbook } from "./financialSupport";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURE = JSON.parse(
  readFileSync(path.join(ROOT, "test/fixtures/wiltshire-2024-08-forecast.json"), "utf8")
) as { years: string[]; year_kinds: string[]; rows: Record<string, number[]> };
const row = (start: string) =>
  Object.entries(FIXTURE.rows).find(([label]) => label.startsWith(start))![1];

const LIMITS = [30.0, 62.5, 79.0, 100.5, 101.0, 36.0];

/** The fixture's end of year positions and a Safety Valve agreement with the sample plan's limits. */
function wiltshire(basis: "net" | "gross" = "net", limits = LIMITS, sign = 1): Workbook {
  const signed = (values: number[]) => values.map((v) => v * sign);
  const line = (label: string, values: readonly CellValue[]) => [null, label, ...values];
  return {
    sheets: [
      sheetFromRows(
        "Financial summary",
        [
          ["DSG deficit management plan", null, "£m"],
          [null, null, ...FIXTURE.year_kinds],
          ["Summary of end of year positions", null, ...FIXTURE.years],
          line("Total DSG in-year deficit", signed(row("In year DSG deficit"))),
          line(
            "Cumulative deficit brought forward",
            signed(row("Cumulative DSG deficit - brought"))
          ),
          line("DfE deficit payments", row("Safety Valve programme")),
          line("Local authority contribution", row("Local general fund")),
          line("Cumulative deficit carried forward", signed(row("Cumulative DSG deficit - carry"))),
          [],
          ["Safety Valve agreement"],
          line("Deficit limit", signed(limits)),
          line("Limit basis", [basis]),
        ],
        "0.000"
      ),
    ],
  };
}

describe("workbookPosition", () => {
  it("should give the carried-forward deficit, net and gross of Safety Valve payments, and the headroom each year", () => {
    const position = workbookPosition(wiltshire())!;
    expect(position.limitBasis).toBe("net");
    expect(position.unit.label).toBe("£m");
    expect(position.decimals).toBe(3);
    expect(position.years.map((y) => y.label)).toEqual(FIXTURE.years);
    expect(position.years.map((y) => y.net)).toEqual([
      28.706, 61.184, 77.319, 99.198, 99.926, 34.509,
    ]);
    // Gross adds back the payments received so far: 26.8, then 6.7 a year, then 13.4.
    expect(position.years.map((y) => y.gross)).toEqual([
      55.506, 94.684, 117.519, 146.098, 153.526, 101.509,
    ]);
    expect(position.years.map((y) => y.limit)).toEqual(LIMITS);
    // 2027-28: £101.000m − £99.926m = £1.074m of headroom (exactly, not 1.0739999…).
    expect(position.years[4].headroom).toBe(1.074);
    expect(position.years.map((y) => y.headroom)).toEqual([
      1.294, 1.316, 1.681, 1.302, 1.074, 1.491,
    ]);
    expect(position.years.map((y) => y.inYear)).toEqual(row("In year DSG deficit"));
  });

  it("should measure a gross limit against the deficit before Safety Valve payments", () => {
    const position = workbookPosition(wiltshire("gross"))!;
    expect(position.limitBasis).toBe("gross");
    // 2027-28: £101.000m − £153.526m: a breach of £52.526m.
    expect(position.years[4].headroom).toBe(-52.526);
  });

  it("should find the balance year: 2028-29, when the in-year result first turns to a surplus", () => {
    expect(workbookPosition(wiltshire())!.balanceYear).toBe("2028-29");
  });

  it("should split the deficit at 31 March 2026 by the High Needs Stability Grant: 90% written off, 10% kept", () => {
    expect(workbookPosition(wiltshire())!.stabilityGrant).toEqual({
      date: "31 March 2026",
      year: "2025-26",
      deficit: 77.319,
      ineligible: 0,
      percent: 90,
      writtenOff: 69.5871,
      kept: 7.7319,
    });
  });

  it("should take the grant's settings from the hnsg-split check", () => {
    const grant = workbookPosition(wiltshire(), {
      thresholds: { "hnsg-split": { writeOffPercent: 50, cutOffYear: 2024 } },
    })!.stabilityGrant;
    expect(grant).toMatchObject({ date: "31 March 2025", deficit: 61.184, writtenOff: 30.592 });
  });

  it("should read deficits shown as negative numbers the same way", () => {
    const position = workbookPosition(wiltshire("net", LIMITS, -1))!;
    expect(position.years[4]).toMatchObject({ net: 99.926, limit: 101, headroom: 1.074 });
    expect(position.balanceYear).toBe("2028-29");
  });

  it("should have no limits, basis or headroom without a Safety Valve agreement", () => {
    const plan = wiltshire();
    const sheet = plan.sheets[0];
    const cut = { ...sheet, values: sheet.values.slice(0, 8) };
    const position = workbookPosition({
      sheets: [
        {
          ...cut,
          formulas: sheet.formulas.slice(0, 8),
          numberFormats: sheet.numberFormats.slice(0, 8),
        },
      ],
    })!;
    expect(position.limitBasis).toBeNull();
    expect(position.years.every((y) => y.limit === undefined && y.headroom === undefined)).toBe(
      true
    );
  });

  it("should exclude other blocks' in-year deficits from the grant, as the hnsg-split note does", () => {
    // The small plan: 24 + 9.9 − 5 − 2 = 26.9 at 31 March 2026; the early years block's 0.2 is not eligible.
    const grant = workbookPosition(planWorkbook())!.stabilityGrant!;
    expect(grant).toMatchObject({ deficit: 26.9, ineligible: 0.2 });
    expect(grant.writtenOff).toBeCloseTo(0.9 * 26.7, 12);
  });

  it("should be null for a workbook that is not a recognised template", () => {
    expect(workbookPosition({ sheets: [sheetFromRows("Notes", [["Hello"]])] })).toBeNull();
  });

  it("should agree with the hnsg-split note on the sample plan", async () => {
    const plan = await readXlsxFile(path.join(ROOT, "examples/dsg-management-plan.xlsx"));
    const position = workbookPosition(plan)!;
    // The note: £77.319m, of which £1.170m from other blocks; 90% of £76.149m writes off £68.534m, leaves
    // £8.785m. The sample's figures carry a fourth decimal (the published table was unrounded): compare as shown.
    const grant = position.stabilityGrant!;
    const shown = (value: number | undefined) => value?.toFixed(3);
    expect([grant.deficit, grant.ineligible, grant.writtenOff, grant.kept].map(shown)).toEqual([
      "77.319",
      "1.170",
      "68.534",
      "8.785",
    ]);
    const year = position.years.find((y) => y.label === "2027-28")!;
    expect([year.net, year.limit, year.headroom].map(shown)).toEqual([
      "99.926",
      "101.000",
      "1.074",
    ]);
  });
});
