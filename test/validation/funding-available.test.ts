import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/validation/validate";
import { locateTemplate } from "../../src/templates/locate";
import { a1 } from "../../src/workbook/address";
import type { Workbook } from "../../src/workbook/workbook";
import { buildNamed } from "../../examples/real/realExamples";

function plan(): Workbook {
  return buildNamed("recoupment-deductions").draft.toWorkbook();
}

/** The high needs block's funding available row, as the locator reads it. */
function available(workbook: Workbook) {
  const block = locateTemplate(workbook).financial?.blocks?.find((b) => b.block === "high-needs");
  return block!.totalFunding!;
}

const findings = (workbook: Workbook) =>
  validateWorkbook(workbook).findings.filter((f) => f.rule === "funding-available");

describe("funding-available", () => {
  it("should pass a plan whose funding available is its funding less recoupment and deductions", () => {
    expect(findings(plan())).toEqual([]);
  });

  it("should report a funding available typed over by a different figure, at its cell", () => {
    const workbook = plan();
    const row = available(workbook);
    const cell = row.cells[2];
    const sheet = workbook.sheets.find((s) => s.name === row.sheet)!;
    const shown = sheet.values[cell.row - sheet.top][cell.col - sheet.left] as number;
    sheet.values[cell.row - sheet.top][cell.col - sheet.left] = shown + 1.5;
    sheet.formulas[cell.row - sheet.top][cell.col - sheet.left] = null;
    const [finding, ...others] = findings(workbook);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({
      severity: "error",
      sheet: row.sheet,
      address: a1(cell.row, cell.col),
    });
    expect(finding.message).toMatch(
      /^High needs block funding available for \d{4}-\d\d is .+, but its DSG funding less recoupment and deductions is .+: difference £1\.500m\.$/
    );
  });

  it("should not run, and say so, when the plan shows no funding available row", () => {
    const result = validateWorkbook(buildNamed("thousands-deficit-negative").draft.toWorkbook());
    const skipped = result.checks.notRun.find((check) => check.rule === "funding-available");
    expect(skipped === undefined || skipped.needs.length > 0).toBe(true);
    expect(result.checks.ran + result.checks.notRun.length).toBe(result.checks.of);
  });
});
