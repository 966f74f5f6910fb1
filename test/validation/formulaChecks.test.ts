/**
 * The checks on the template's formulas (formula-pattern, and hardcoded-total over every calculated row)
 * on a small Financial summary whose totals are formulas, as the DfE template's are; and on the samples of
 * examples/, which must give no new findings.
 */
import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { WorkbookDraft } from "../../examples/draft";
import { a1Range, columnLetters } from "../../src/workbook/address";
import { locateTemplate } from "../../src/templates/locate";
import { labelWorkbook } from "../../src/templates/labels";
import { formulaPattern } from "../../src/validation/rules/formula-pattern";
import { hardcodedTotal } from "../../src/validation/rules/hardcoded-total";
import { runRule } from "./financialSupport";
import { buildExamples, faultyExamples } from "../../examples/examples";
import { sheetFromRows } from "../support/sheets";
import { validateWorkbook } from "../../src/validation/validate";

const SHEET = "Financial summary";
/** A typed value, or a formula when the text starts with "=" (its value is worked out as Excel would). */
type Cell = CellValue;

/** Six years in columns C to H (0-based 2 to 7): 2024-25 an outturn, the rest forecasts. */
const YEARS = ["2024-25", "2025-26", "2026-27", "2027-28", "2028-29", "2029-30"];
const FIRST_COL = 2;
const col = (i: number) => columnLetters(FIRST_COL + i);

/** Sheet rows (0-based) of the plan. */
const R = {
  inYear: 3,
  broughtForward: 4,
  payments: 5,
  contribution: 6,
  carriedForward: 7,
  hnbAllocation: 11,
  hnbMovements: 12,
  placeFunding: 13,
  topUps: 14,
  independent: 15,
  alternative: 16,
  hnbExpenditure: 17,
  hnbInYear: 18,
} as const;

/** A formula in every year: `formula(column letter, year index)`. */
const everyYear = (formula: (c: string, i: number) => string): Cell[] =>
  YEARS.map((_, i) => formula(col(i), i));
const typed = (...values: number[]): Cell[] => values;

/** The consistent plan: the high needs block's total and results are formulas, the lines typed. */
function planRows(): Cell[][] {
  return [
    ["DSG deficit management plan", null, "£m"],
    [null, null, "Outturn", "Forecast"],
    ["Summary of end of year positions", null, ...YEARS],
    [null, "Total DSG in-year deficit", ...everyYear((c) => `=${c}19`)],
    [
      null,
      "Cumulative deficit brought forward",
      20,
      ...everyYear((_, i) => `=${col(i - 1)}8`).slice(1),
    ],
    [null, "DfE deficit payments", ...typed(-5, -5, -5, -5, -5, -5)],
    [null, "Local authority contribution", ...typed(0, -2, 0, 0, 0, 0)],
    [null, "Cumulative deficit carried forward", ...everyYear((c) => `=SUM(${c}4:${c}7)`)],
    [],
    ["Financial plan per funding block"],
    ["High needs block"],
    [null, "DSG allocation", ...typed(70, 74, 78, 80, 82, 84)],
    [null, "Block movements", ...typed(1.5, 1.5, 1.5, 1.5, 1.5, 1.5)],
    [null, "Place funding", ...typed(20, 21, 22, 23, 24, 25)],
    [null, "Top-up funding - maintained schools", ...typed(40, 42, 44, 46, 48, 50)],
    [null, "Top-up funding - independent providers", ...typed(15, 16, 17, 18, 19, 20)],
    [null, "Alternative provision", ...typed(5, 6, 7, 8, 9, 10)],
    [null, "Total expenditure", ...everyYear((c) => `=SUM(${c}14:${c}17)`)],
    [null, "In-year surplus/(deficit)", ...everyYear((c) => `=${c}18-(${c}12+${c}13)`)],
  ];
}

/** A change: the cell of `row` under year `year` becomes `cell` (a formula when it starts with "="). */
type Change = readonly [row: number, year: number, cell: CellValue];

function plan(changes: readonly Change[] = [], rows = planRows()): Workbook {
  for (const [row, year, cell] of changes) {
    const cells = rows[row];
    while (cells.length <= FIRST_COL + year) cells.push(null);
    cells[FIRST_COL + year] = cell;
  }
  const draft = new WorkbookDraft();
  const sheet = draft.addSheet(SHEET);
  rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (cell !== null) sheet.set(r, c, cell, typeof cell === "number" ? "0.000" : "General");
    })
  );
  return draft.toWorkbook();
}

/** The rule's findings as the runner reports them, a finding about several cells at their range. */
const findings = (workbook: Workbook) =>
  formulaPattern
    .check({
      workbook: labelWorkbook(workbook),
      template: locateTemplate(workbook),
      settings: {},
      options: {},
    })
    .map(({ at, message }) => ({
      sheet: at?.sheet,
      address: at
        ? a1Range({
            top: at.row,
            left: at.col,
            bottom: at.bottom ?? at.row,
            right: at.right ?? at.col,
          })
        : "",
      message,
    }));
const addresses = (workbook: Workbook) => findings(workbook).map((f) => f.address);

describe("the hand-built plan", () => {
  it("should be located as the checks expect", () => {
    const template = locateTemplate(plan());
    const hnb = template.financial?.blocks?.find((b) => b.block === "high-needs");
    expect(hnb?.expenditure?.row).toBe(R.hnbExpenditure);
    expect(hnb?.expenditureLines.map((l) => l.row)).toEqual([
      R.placeFunding,
      R.topUps,
      R.independent,
      R.alternative,
    ]);
    expect(template.financial?.endOfYear?.carriedForward?.row).toBe(R.carriedForward);
    expect(template.financial?.endOfYear?.broughtForward?.row).toBe(R.broughtForward);
  });
});

describe("formula-pattern: a year whose formula differs from its row's", () => {
  it("should be silent on the consistent plan", () => {
    expect(findings(plan())).toEqual([]);
  });

  it("should report a total that leaves out a line the other years add, with the expected formula", () => {
    expect(findings(plan([[R.hnbExpenditure, 2, "=SUM(E14:E16)"]]))).toEqual([
      {
        sheet: SHEET,
        address: "E18",
        message:
          "Total expenditure of the high needs block for 2026-27 (E18) is =SUM(E14:E16), but the row's other years add " +
          "one more line: expected =SUM(E14:E17). Line 17 'Alternative provision' is left out. Copy the formula " +
          "across from D18, or note why this year differs.",
      },
    ]);
  });

  it.each([
    [
      "the carried-forward formula of one year leaves out a row",
      R.carriedForward,
      4,
      "=G4+G5+G6",
      "G8",
    ],
    ["a brought-forward formula points at the wrong row", R.broughtForward, 2, "=D5", "E5"],
    ["an in-year result leaves out the block movement", R.hnbInYear, 1, "=D18-D12", "D19"],
    ["a total adds a typed number", R.hnbExpenditure, 3, "=SUM(F14:F17)+250", "F18"],
  ] as const)("should report a cell when %s", (_, row, year, formula, address) => {
    expect(addresses(plan([[row, year, formula]]))).toEqual([address]);
  });

  it("should say a typed number in an odd total is added to it", () => {
    const [finding] = findings(plan([[R.hnbExpenditure, 3, "=SUM(F14:F17)+250"]]));
    expect(finding.message).toBe(
      "Total expenditure of the high needs block for 2027-28 (F18) is =SUM(F14:F17)+250, but the row's other years " +
        "follow one formula: expected =SUM(F14:F17). The 250 typed into the formula is added to the total. Copy the " +
        "formula across from E18, or note why this year differs."
    );
  });

  it("should give one finding per odd cell", () => {
    expect(
      addresses(
        plan([
          [R.hnbExpenditure, 1, "=SUM(D14:D16)"],
          [R.hnbExpenditure, 3, "=SUM(F15:F17)-F12"],
        ])
      )
    ).toEqual(["D18", "F18"]);
  });

  it.each([
    [
      "three years of six differ (no clear majority)",
      [
        [R.hnbExpenditure, 1, "=SUM(D14:D17)-D12"],
        [R.hnbExpenditure, 3, "=SUM(F14:F17)-F12"],
        [R.hnbExpenditure, 5, "=SUM(H14:H17)-H12"],
      ],
    ],
    ["the same addition is written another way", [[R.hnbExpenditure, 2, "=E14+E15+E16+E17"]]],
    ["only the spacing and case differ", [[R.hnbExpenditure, 2, "=sum( E14 : E17 )"]]],
    [
      "the only odd year is the outturn year and every forecast shares the formula",
      [[R.hnbExpenditure, 0, "='Outturn 2024-25'!H40"]],
    ],
    ["the opening balance links to another sheet", [[R.broughtForward, 0, "='2023-24 plan'!G8"]]],
    [
      "a line's uplift differs from year to year",
      [
        [R.alternative, 1, "=C17*1.03"],
        [R.alternative, 2, "=D17*1.04"],
        [R.alternative, 3, "=E17*1.03"],
        [R.alternative, 4, "=F17*1.02"],
      ],
    ],
    [
      "a line's first forecast is its base year from a budget sheet",
      [
        [R.alternative, 1, "='Budget 2025-26'!E20"],
        [R.alternative, 2, "=D17*1.03"],
        [R.alternative, 3, "=E17*1.03"],
        [R.alternative, 4, "=F17*1.03"],
      ],
    ],
    [
      "a row has only two formulas",
      [
        [R.payments, 1, "=-5"],
        [R.payments, 2, "=-4-1"],
      ],
    ],
    [
      "each year's figure is typed as a formula of its own number",
      [
        [R.payments, 0, "=0"],
        [R.payments, 1, "=0"],
        [R.payments, 2, "=-4.7"],
        [R.payments, 3, "=-4"],
        [R.payments, 4, "=-3.2"],
      ],
    ],
  ] as const)("should be silent when %s", (_, changes) => {
    expect(findings(plan(changes as unknown as Change[]))).toEqual([]);
  });
});

describe("formula-pattern: a SUM that stops short of a line directly above its total", () => {
  /**
   * The high needs block with a fifth line inserted directly above its total, which keeps the SUM
   * `total` gives it (by default the four lines' SUM, as Excel leaves it).
   */
  function inserted(
    fill: (c: string) => Cell = () => 3,
    total: (c: string) => string = (c) => `=SUM(${c}14:${c}17)`
  ): Workbook {
    const rows = planRows();
    const line = [null, "Hospital education services", ...YEARS.map((_, i) => fill(col(i)))];
    rows.splice(R.hnbExpenditure, 0, line);
    // The rows below moved down one; the in-year result and the summary follow them.
    rows[R.hnbExpenditure + 1] = [null, "Total expenditure", ...everyYear(total)];
    rows[R.hnbInYear + 1] = [
      null,
      "In-year surplus/(deficit)",
      ...everyYear((c) => `=${c}19-(${c}12+${c}13)`),
    ];
    rows[R.inYear] = [null, "Total DSG in-year deficit", ...everyYear((c) => `=${c}20`)];
    return plan([], rows);
  }

  it("should report the row once, naming the line and the years", () => {
    expect(findings(inserted())).toEqual([
      {
        sheet: SHEET,
        address: "C19:H19",
        message:
          "Total expenditure of the high needs block leaves out line 18 'Hospital education services', directly above " +
          "the total, in every year: C19 is =SUM(C14:C17), expected =SUM(C14:C18). A line inserted directly above a " +
          "total is not added to its SUM; extend the SUM to include it.",
      },
    ]);
  });

  it("should report each year that stops short, the outturn year by its SUM alone", () => {
    const found = findings(
      inserted(undefined, (c) =>
        c === "C" || c === "D" ? `=SUM(${c}14:${c}17)` : `=SUM(${c}14:${c}18)`
      )
    );
    const byAddress = new Map(found.map((f) => [f.address, f.message]));
    expect([...byAddress.keys()].sort()).toEqual(["C19", "D19"]);
    // 2025-26 breaks the forecasts' pattern; 2024-25, the outturn, is not compared with forecasts.
    expect(byAddress.get("D19")).toContain("Line 18 'Hospital education services' is left out.");
    expect(byAddress.get("C19")).toBe(
      "Total expenditure of the high needs block for 2024-25 (C19) is =SUM(C14:C17), which leaves out line 18 " +
        "'Hospital education services' directly above the total: expected =SUM(C14:C18). A line inserted directly " +
        "above a total is not added to its SUM; extend the SUM to include it."
    );
  });

  it("should say so for one year whose SUM stops short when the others add the line", () => {
    const found = findings(
      inserted(undefined, (c) => (c === "E" ? "=SUM(E14:E17)" : `=SUM(${c}14:${c}18)`))
    );
    expect(found).toEqual([
      {
        sheet: SHEET,
        address: "E19",
        message:
          "Total expenditure of the high needs block for 2026-27 (E19) is =SUM(E14:E17), but the row's other years add " +
          "one more line: expected =SUM(E14:E18). Line 18 'Hospital education services' is left out. Copy the formula " +
          "across from D19, or note why this year differs.",
      },
    ]);
  });

  it.each([
    ["the line above the total is empty", () => null],
    [
      "the line above is a subtotal of the lines the SUM adds",
      (c: string) => `=SUM(${c}15:${c}16)`,
    ],
  ] as const)("should be silent when %s", (_, fill) => {
    expect(findings(inserted(fill as (c: string) => Cell))).toEqual([]);
  });
});

describe("formula-pattern: a number typed into a total's formula", () => {
  it("should report the row once when every year adds the same kind of number", () => {
    const rows = planRows();
    rows[R.carriedForward] = [
      null,
      "Cumulative deficit carried forward",
      ...everyYear((c) => `=SUM(${c}4:${c}7)+0.5`),
    ];
    expect(findings(plan([], rows))).toEqual([
      {
        sheet: SHEET,
        address: "C8:H8",
        message:
          "Cumulative deficit carried forward has numbers typed into its formulas in every year: C8 is =SUM(C4:C7)+0.5, " +
          "D8 is =SUM(D4:D7)+0.5 and 4 more. A number typed into a total's formula changes the total without a line of " +
          "its own, so the total is no longer the sum of its figures alone. Put the amount on a labelled line of its own, " +
          "or take it out of the formula.",
      },
    ]);
  });

  it("should say why for one cell, and whether the number is added or taken away", () => {
    const workbook = plan([
      [R.inYear, 0, 9],
      [R.inYear, 1, 9],
      [R.inYear, 2, 9],
      [R.inYear, 4, 9],
      [R.inYear, 5, 9],
      [R.inYear, 3, "=F19-0.25"],
    ]);
    expect(findings(workbook)).toEqual([
      {
        sheet: SHEET,
        address: "F4",
        message:
          "Total DSG in-year deficit for 2027-28 (F4) is =F19-0.25: the 0.25 typed into the formula is taken from the " +
          "total, so the total is no longer the sum of its figures alone and nothing in the sheet says what the amount " +
          "is. Put the amount on a labelled line of its own, or take it out of the formula.",
      },
    ]);
  });

  it.each([
    ["an uplift", "=F19*1.03"],
    ["a rounding", "=ROUND(F19,3)"],
    ["a unit conversion", "=F19/1000"],
    ["a zero", "=F19+0"],
  ])("should not report %s", (_, formula) => {
    const workbook = plan([
      [R.inYear, 0, 9],
      [R.inYear, 1, 9],
      [R.inYear, 2, 9],
      [R.inYear, 4, 9],
      [R.inYear, 5, 9],
      [R.inYear, 3, formula],
    ]);
    expect(findings(workbook)).toEqual([]);
  });

  it("should not report a typed number in a line that is not a total", () => {
    expect(findings(plan([[R.alternative, 2, "=7+0.5"]]))).toEqual([]);
  });
});

describe("formula-pattern without the rows it reads", () => {
  it("should return nothing when the locator found no calculated rows", () => {
    const draft = new WorkbookDraft();
    draft.addSheet(SHEET).set(0, 0, "Financial summary");
    const workbook = draft.toWorkbook();
    expect(
      formulaPattern.check({
        workbook: labelWorkbook(workbook),
        template: locateTemplate(workbook),
        settings: {},
        options: {},
      })
    ).toEqual([]);
  });
});

describe("hardcoded-total over every calculated row", () => {
  const typedOver = (changes: readonly Change[]) =>
    runRule(hardcodedTotal, plan(changes)).map((f) => f.address);

  it.each([
    ["the consistent plan", [], []],
    ["a typed brought-forward balance among formulas", [[R.broughtForward, 2, 26.9]], ["E5"]],
    ["the typed opening balance", [], []],
    ["a typed high needs total", [[R.hnbExpenditure, 3, 87]], ["F18"]],
    ["a typed in-year result", [[R.hnbInYear, 2, 9]], ["E19"]],
  ] as const)("should report %s", (_, changes, expected) => {
    expect(typedOver(changes as unknown as Change[])).toEqual(expected);
  });
});

describe("the samples of examples/", () => {
  const examples = buildExamples();
  const seeded = new Map(faultyExamples().map(({ name, entry }) => [name, entry]));
  const ruleFindings = (workbook: Workbook, rule: string) =>
    validateWorkbook(workbook).findings.filter((f) => f.rule === rule);

  it.each(examples.filter((e) => !seeded.has(e.name)).map((e) => [e.name, e.workbook] as const))(
    "should give %s no formula findings",
    (_, workbook) => {
      expect(ruleFindings(workbook, "formula-pattern")).toEqual([]);
      expect(ruleFindings(workbook, "hardcoded-total")).toEqual([]);
    }
  );

  it.each(examples.filter((e) => seeded.has(e.name)).map((e) => [e.name, e.workbook] as const))(
    "should report %s only where its fault was seeded",
    (name, workbook) => {
      const entry = seeded.get(name)!;
      const places = (rule: string) =>
        ruleFindings(workbook, rule).map((f) => `${f.sheet}!${f.address}`);
      // A fault seeded by editing a formula is a formula that differs from its row: reported at its cell.
      for (const place of places("formula-pattern"))
        expect(place).toBe(`${entry.sheet}!${entry.address}`);
      expect(places("hardcoded-total")).toEqual(
        entry.rule === "hardcoded-total" ? [`${entry.sheet}!${entry.address}`] : []
      );
    }
  );
});

describe("formula-pattern: the opening balance typed into the first carried forward", () => {
  it("should not report it when the table has no brought-forward row", () => {
    const book = {
      sheets: [
        sheetFromRows(
          "Financial summary",
          [
            ["Summary of end of year positions (£m)", "2024-25", "2025-26", "2026-27"],
            ["In-year deficit", 6.1, 7.2, 7],
            ["Safety Valve payment", 0, -4.7, -4],
            [
              "Cumulative deficit carried forward",
              { f: "=14+B2+B3", v: 20.1 },
              { f: "=B4+C2+C3", v: 22.6 },
              { f: "=C4+D2+D3", v: 25.6 },
            ],
          ],
          "#,##0.0"
        ),
      ],
    };
    expect(validateWorkbook(book).findings.filter((f) => f.rule === "formula-pattern")).toEqual([]);
  });
});
