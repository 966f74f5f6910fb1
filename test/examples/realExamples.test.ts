/**
 * The real-wording test bed (examples/real): the committed workbooks and expected.json are what the code
 * builds, every faulty copy differs from its consistent source only in the cells its fault changed, and
 * the plans are consistent by their own arithmetic (read from the built cells, not through the
 * validator: whether the validator agrees is what `npx tsx examples/real/report.ts` shows).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { a1 } from "../../src/workbook/address";
import type { CellValue, Sheet, Workbook } from "../../src/workbook/workbook";
import {
  buildNamed,
  expectedEntries,
  FAULTS,
  NAMED_PLANS,
  realExamples,
} from "../../examples/real/realExamples";
import type { BuiltRealPlan } from "../../examples/real/buildPlan";
import { REAL_BLOCKS, POST16_INDEX } from "../../examples/real/realFigures";
import { randomPlan } from "../../examples/real/randomPlan";
import { FAULT_RULES } from "../../examples/real/realFaults";

const REAL = join(__dirname, "..", "..", "examples", "real");
const examples = realExamples();

/** What was typed in each cell (its formula, or its value) and its format, by "sheet!A1". */
function entered(workbook: Workbook): Map<string, string> {
  const cells = new Map<string, string>();
  for (const sheet of workbook.sheets)
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = sheet.formulas[r][c];
        const format = sheet.numberFormats[r][c];
        if (value === null && formula === null && format === "General") return;
        cells.set(
          `${sheet.name}!${a1(sheet.top + r, sheet.left + c)}`,
          JSON.stringify([formula ?? value, format])
        );
      })
    );
  return cells;
}

/** The cells whose typed content differs between two workbooks. */
function differences(a: Workbook, b: Workbook): string[] {
  const [x, y] = [entered(a), entered(b)];
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
}

const valueAt = (sheet: Sheet, row: number, col: number): CellValue =>
  sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;

/** A figure as the plan's own arithmetic reads it: a nil (empty or "-") is 0. */
function figureAt(workbook: Workbook, plan: BuiltRealPlan, key: string, i: number): number {
  const ref = plan.cells.at(key, i);
  const value = valueAt(
    workbook.sheets.find((s) => s.name === ref.sheet)!,
    ref.row,
    ref.col
  );
  if (value === null || value === "-") return 0;
  if (typeof value !== "number") throw new Error(`${key} year ${i} holds ${JSON.stringify(value)}`);
  return value;
}

/** Checks a consistent plan by its own arithmetic; returns the first broken relationship, or "". */
function brokenRelationship(plan: BuiltRealPlan): string {
  const workbook = plan.draft.toWorkbook();
  const { style, figures, cells } = plan;
  const at = (key: string, i: number) => (cells.has(key) ? figureAt(workbook, plan, key, i) : 0);
  const step = style.unit === "£m" ? 0.001 : 1;
  const close = (a: number, b: number, allowed: number) => Math.abs(a - b) <= allowed + 1e-9;
  const turn = style.sign === "deficit-negative" ? -1 : 1;
  for (let i = 0; i < figures.years; i++) {
    const y = `year ${i}`;
    const [bf, iy, sv, la, cf] = [
      "broughtForward",
      "inYear",
      "safetyValve",
      "localContribution",
      "carriedForward",
    ].map((k) => at(`eoy.${k}`, i));
    // Published figures are each rounded on their own: the roll may be out by one unit of the last decimal.
    if (!close(cf, bf + iy + sv + la, style.rounding === "published" ? 1.5 * step : 0))
      return `${y}: carried forward ${cf} is not ${bf} + ${iy} + ${sv} + ${la}`;
    if (i > 0 && bf !== at("eoy.carriedForward", i - 1))
      return `${y}: brought forward is not last year's carried forward`;
    const results = REAL_BLOCKS.map((b) => at(`${b}.inYear`, i));
    if (
      !close(
        iy,
        results.reduce((a, r) => a + r, 0),
        0
      )
    )
      return `${y}: the blocks do not add up to the in-year row`;
    let moved = 0;
    for (const b of REAL_BLOCKS) {
      const funding = at(`${b}.totalFunding`, i);
      const transfers = at(`${b}.transfers`, i);
      moved += transfers;
      if (!close(at(`${b}.inYear`, i), turn * (at(`${b}.expenditure`, i) - funding - transfers), 0))
        return `${y}: the ${b} in-year result is not expenditure less funding`;
      if (style.funding === "deductions" && cells.has(`${b}.deduction`)) {
        const deduction = Math.abs(at(`${b}.deduction`, i));
        if (!close(funding, at(`${b}.gross`, i) - deduction, 0))
          return `${y}: ${b} funding available is not gross less deductions`;
      }
    }
    if (!close(moved, 0, 0)) return `${y}: transfers between blocks net to ${moved}`;
    const schoolsGross = (plan.shown.get("schools.gross") ?? [])[i];
    if (-at("schools.transfers", i) > 0.005 * inUnits(style.unit, schoolsGross))
      return `${y}: the schools block transfer is above 0.5% of the block before recoupment`;
  }
  // A plan gives each placement's tables, or only the local authority's tables for all placements.
  const owners = cells.has("ehcp.all.ageTotal") ? ["all" as const] : [...Array(7).keys()];
  for (const p of owners) {
    for (let j = 0; j < figures.years; j++) {
      const ages = [...Array(5).keys()].filter((a) => p !== POST16_INDEX || a >= 3);
      const byAge = ages.reduce((s, a) => s + figureAt(workbook, plan, `ehcp.${p}.age.${a}`, j), 0);
      const byNeed = [...Array(13).keys()].reduce(
        (s, n) => s + figureAt(workbook, plan, `ehcp.${p}.need.${n}`, j),
        0
      );
      const ageTotal = figureAt(workbook, plan, `ehcp.${p}.ageTotal`, j);
      const needTotal = figureAt(workbook, plan, `ehcp.${p}.needTotal`, j);
      if (new Set([byAge, byNeed, ageTotal, needTotal]).size !== 1)
        return `placement ${p} census ${j}: EHCP tables disagree`;
    }
  }
  return "";
}

const inUnits = (unit: string, thousands: number) => (unit === "£m" ? thousands / 1000 : thousands);

describe("examples/real/build.ts", () => {
  it.each(examples.map((e) => [e.name, e.workbook] as const))(
    "should regenerate the committed examples/real/%s.xlsx byte for byte",
    async (name, workbook) => {
      const committed = await readFile(join(REAL, `${name}.xlsx`));
      expect((await writeXlsxBuffer(workbook)).equals(committed)).toBe(true);
    }
  );

  it("should regenerate the committed expected.json", async () => {
    const committed = JSON.parse(await readFile(join(REAL, "expected.json"), "utf8"));
    expect(expectedEntries(examples)).toEqual(committed);
  });

  it("should cover every fault kind and at least eight consistent plans", () => {
    expect(FAULTS.map((f) => f.rule).sort()).toEqual([...FAULT_RULES].sort());
    expect(NAMED_PLANS.length).toBeGreaterThanOrEqual(8);
  });
});

describe("the faulty copies", () => {
  const faulty = examples.filter((e) => e.source !== undefined);

  it.each(faulty.map((e) => [e.name, e] as const))(
    "%s should differ from its consistent source only in the seeded cells",
    (_, example) => {
      const source = examples.find((e) => e.name === example.source)!;
      const seeded = example.seeded!.map((ref) => `${ref.sheet}!${a1(ref.row, ref.col)}`).sort();
      expect(differences(source.workbook, example.workbook)).toEqual([...new Set(seeded)].sort());
      for (const finding of example.expected)
        expect(seeded).toContain(`${finding.sheet}!${finding.address}`);
    }
  );
});

describe("the consistent plans' own arithmetic", () => {
  it.each(NAMED_PLANS.map((p) => p.name))("%s should hold together", (name) => {
    expect(brokenRelationship(buildNamed(name))).toBe("");
  });

  it("should hold together in random plans, and random faults should change only their seeded cells", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const consistent = randomPlan(seed);
      expect([seed, brokenRelationship(consistent.plan)]).toEqual([seed, ""]);
      const faulty = randomPlan(seed, { fault: "random" });
      const seeded = faulty.seeded.map((ref) => `${ref.sheet}!${a1(ref.row, ref.col)}`).sort();
      expect([seed, differences(consistent.workbook, faulty.workbook)]).toEqual([
        seed,
        [...new Set(seeded)].sort(),
      ]);
    }
  });

  it("should keep every tab name within Excel's limits", () => {
    for (const { workbook } of examples)
      for (const sheet of workbook.sheets) expect(sheet.name.length).toBeLessThanOrEqual(31);
  });
});
