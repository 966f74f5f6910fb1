import { withFormulaValues } from "../../src/workbook/formulaValues";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  advisoryNotes,
  buildExamples,
  faultyExamples,
  managementPlan,
  VARIANTS,
  wiltshireSummaryTable,
  WILTSHIRE_TABLE,
  ADVISORY_RULES,
} from "../../examples/examples";
import { snapshotJson } from "../../examples/snapshot";
import { findSheet, type Sheet } from "../../src/workbook/workbook";
import { a1 } from "../../src/workbook/address";
import { validateWorkbook } from "../../src/validation/validate";
import { RULES } from "../../src/validation/rules";
import fixture from "../fixtures/wiltshire-2024-08-forecast.json";

const EXAMPLES = join(__dirname, "..", "..", "examples");
// Built once: every test reads the same in-memory examples.
const examples = buildExamples();
const faulty = faultyExamples();

/** Every rule id of validator.md's table, in its order. */
const RULE_IDS = [
  "template-recognised",
  "bad-value",
  "year-sequence",
  "sign-convention",
  "roll-forward",
  "opening-balance",
  "block-total",
  "block-result",
  "block-movements",
  "schools-block-transfer",
  "outturn-agrees",
  "mitigation-arithmetic",
  "mitigation-direction",
  "ehcp-totals",
  "ehcp-values",
  "ehcp-stock-flow",
  "unit-cost-jump",
  "funding-uplift",
  "balance-not-cleared",
  "sv-instalments",
  "sv-limits",
  "hnsg-split",
  "hnsg-reconcile",
  "hardcoded-total",
  "sv-questions",
  "sv-assurance",
  "sv-signoff",
];

/** Findings a faulty copy's seeded part brings with it, by the rule the copy is for. */
const ALONGSIDE: Readonly<Record<string, readonly string[]>> = {
  "hnsg-reconcile": ["dsg-formulas-present"],
};

/** The row of a sheet whose first used cell is `label`. */
function rowLabelled(sheet: Sheet, label: string): (typeof sheet.values)[number] {
  const row = sheet.values.find((r) => r.includes(label));
  if (!row) throw new Error(`No row ${label} in ${sheet.name}`);
  return row.slice(row.indexOf(label) + 1);
}

describe("examples/build.ts", () => {
  it.each(examples.map((e) => [e.name, e.workbook] as const))(
    "should regenerate the committed snapshot of %s",
    async (name, workbook) => {
      const committed = await readFile(join(EXAMPLES, "snapshots", `${name}.json`), "utf8");
      expect(snapshotJson(withFormulaValues(workbook))).toBe(committed);
    }
  );

  it("should regenerate the committed notes.json", async () => {
    const committed = JSON.parse(await readFile(join(EXAMPLES, "notes.json"), "utf8"));
    expect(advisoryNotes()).toEqual(committed);
  });

  it("should regenerate the committed faults.json", async () => {
    const committed = JSON.parse(await readFile(join(EXAMPLES, "faults.json"), "utf8"));
    expect(faulty.map((f) => f.entry)).toEqual(committed);
  });

  it("should seed one faulty copy for every rule except the advisory notes the samples already show", () => {
    const seeded = faulty.map((f) => f.entry.rule);
    expect([...seeded, ...ADVISORY_RULES].sort()).toEqual([...RULE_IDS].sort());
  });

  it("should build snapshots that parse back to the same workbook", () => {
    const plan = managementPlan();
    expect(JSON.parse(snapshotJson(plan))).toEqual(plan);
  });
});

describe("the consistent management plan", () => {
  const sheet = findSheet(managementPlan(), "Financial summary")!;

  it("should show Wiltshire's published carried-forward figures to three decimals for 2023-24 to 2028-29", () => {
    const carried = rowLabelled(sheet, "Cumulative deficit carried forward").slice(2) as number[];
    expect(carried.map((v) => Number(v.toFixed(3)))).toEqual(
      fixture.rows[Object.keys(fixture.rows)[4] as keyof typeof fixture.rows]
    );
  });

  it("should keep the Safety Valve payments equal to the £67m agreement", () => {
    const payments = rowLabelled(sheet, "DfE deficit payments") as number[];
    expect(payments.reduce((a, b) => a + b, 0)).toBeCloseTo(-67, 9);
  });
});

describe("the locator variants", () => {
  const carried = (name: string) =>
    rowLabelled(
      findSheet(VARIANTS[name](), "Financial summary")!,
      "Cumulative deficit carried forward"
    ) as number[];
  const base = carried("block-moved-down");

  it.each([
    ["thousands", (v: number) => v * 1000],
    ["deficits-negative", (v: number) => -v],
    ["years-slash", (v: number) => v],
    ["columns-shifted", (v: number) => v],
    ["rows-inserted", (v: number) => v],
  ])("should keep the plan's figures in %s", (name, expected) => {
    carried(name).forEach((value, i) => expect(value).toBeCloseTo(expected(base[i]), 6));
  });
});

describe("the Wiltshire summary table", () => {
  it("should hold the published carried-forward figures, plus a gap when asked", () => {
    const sheet = wiltshireSummaryTable(0.1).sheets[0];
    const values = sheet.values[WILTSHIRE_TABLE.carriedForwardRow].slice(
      WILTSHIRE_TABLE.firstYearCol
    );
    expect(values).toEqual([28.706, 61.184, 77.419, 99.198, 99.926, 34.509]);
  });
});

describe("the samples through the validator", () => {
  const registered = new Set(RULES.map((rule) => rule.id));
  const seriousFindings = (name: string) =>
    validateWorkbook(examples.find((e) => e.name === name)!.workbook).findings.filter(
      (f) => f.severity !== "info"
    );

  it.each([
    "dsg-management-plan",
    "safety-valve-return",
    "wiltshire-2024-08-summary",
    ...Object.keys(VARIANTS).map((v) => `variants/${v}`),
  ])("should find no errors or warnings in %s", (name) => {
    expect(seriousFindings(name)).toEqual([]);
  });

  it.each(faulty.map((f) => [f.entry.rule, f] as const))(
    "should report %s at the seeded cell",
    (rule, { workbook, entry }) => {
      if (!registered.has(rule)) return; // the rule is not written yet
      const findings = validateWorkbook(workbook).findings;
      expect(
        findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.address}`)
      ).toContain(`${entry.sheet}!${entry.address}`);
      // Exactly one seeded fault: no other rule finds an error or a warning in the copy, except what
      // the fault's sheet itself brings (the reconciliation is built on DSG.* formulas, which the
      // submission check rightly says to replace with values before the workbook goes to the DfE).
      const alongside = ALONGSIDE[rule] ?? [];
      expect(
        findings
          .filter((f) => f.rule !== rule && f.severity !== "info" && !alongside.includes(f.rule))
          .map((f) => f.rule)
      ).toEqual([]);
    }
  );

  it.each(advisoryNotes().map((n) => [n.rule, n.file, n] as const))(
    "should give the %s note on %s",
    (rule, file, note) => {
      if (!registered.has(rule)) return;
      const name = file.replace(/^examples\/|\.xlsx$/g, "");
      const findings = validateWorkbook(examples.find((e) => e.name === name)!.workbook).findings;
      expect(
        findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.address}`)
      ).toContain(`${note.sheet}!${note.address}`);
    }
  );

  it("should point faults.json at cells that exist in the faulty copies", () => {
    for (const { workbook, entry } of faulty) {
      if (!entry.sheet) continue;
      const sheet = findSheet(workbook, entry.sheet)!;
      const cells = sheet.values.flatMap((row, r) =>
        row.map((_, c) => a1(sheet.top + r, sheet.left + c))
      );
      expect([entry.rule, cells.includes(entry.address)]).toEqual([entry.rule, true]);
    }
  });
});
