/**
 * Whole-plan layouts councils use that an outside tester found misread: sections numbered 7.1 and 7.2,
 * a plan of the high needs block alone under a title, the end of year positions on a sheet of their own,
 * deductions and transfers worded with "Less:", "places" or "(0.5%)", and the unmitigated row with "DSG".
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { locateTemplate } from "../../src/templates/locate";
import { validateWorkbook } from "../../src/validation/validate";

const MONEY = "#,##0.000";
const YEARS = ["£m", "2025-26", "2026-27"];

const summary: CellValue[][] = [
  ["7.1 Summary of end of year positions"],
  ["Cumulative DSG deficit brought forward", 10, 12],
  ["Total DSG in-year deficit", 4, 3],
  ["Safety Valve payment", -2, -2],
  ["Cumulative DSG deficit carried forward", 12, 13],
];

/** The high needs block with its deduction and transfer rows worded as given. */
function highNeeds(deduction = "Academy recoupment", transfer = "Block movements"): CellValue[][] {
  return [
    ["High needs block"],
    ["DSG funding", 100, 110],
    [deduction, -10, -11],
    ["Total funding available", 90, 99],
    [transfer, 1, 1],
    ["Top-up funding", 95, 103],
    ["Total expenditure", 95, 103],
    ["In-year deficit/(surplus)", 4, 3],
  ];
}

/** The financial summary sheet: its end of year positions, then the rows given. */
const summaryWith = (rows: CellValue[][]) =>
  sheetFromRows("Financial summary", [YEARS, ...summary, ...rows], MONEY);

const problems = (book: { sheets: ReturnType<typeof sheetFromRows>[] }) =>
  validateWorkbook(book)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.sheet}!${f.address}`);

describe("a plan of the high needs block alone", () => {
  const plan = (rows: CellValue[][], title = "High needs block financial plan") => ({
    sheets: [
      sheetFromRows(
        "Financial summary",
        [[title], YEARS, ...summary, ["7.2 Financial plan per funding block"], ...rows],
        MONEY
      ),
    ],
  });

  it("should read the block under its heading, not the title above the years", () => {
    const blocks = locateTemplate(plan(highNeeds())).financial?.blocks ?? [];
    expect(blocks.map((b) => `${b.block} ${b.headingRow}`)).toEqual(["high-needs 8"]);
    expect(problems(plan(highNeeds()))).toEqual([]);
  });

  it("should not net the block's transfers against blocks the plan does not show", () => {
    const result = validateWorkbook(plan(highNeeds()));
    expect(result.checks.notRun.map((c) => c.rule)).toContain("block-movements");
  });

  it.each([
    ["Less: import/export adjustments", "Block movements"],
    ["Less: ESFA direct funded high needs places", "Block movements"],
    ["Less: other direct funding deductions", "Block movements"],
    ["Academy recoupment", "Transfer from Schools Block (0.5%)"],
  ])(
    "should read a deduction worded %j and a transfer worded %j as the block's own",
    (deduction, transfer) => {
      const found = locateTemplate(plan(highNeeds(deduction, transfer))).financial;
      const [block] = found?.blocks ?? [];
      expect(block.deductions.map((d) => d.label)).toEqual([deduction]);
      expect(block.movements?.label).toBe(transfer);
      expect(found?.endOfYear?.adjustments).toBeUndefined();
      expect(problems(plan(highNeeds(deduction, transfer)))).toEqual([]);
    }
  );
});

describe("the end of year positions on a sheet of their own", () => {
  it("should find them there, and the blocks on the summary sheet", () => {
    const book = {
      sheets: [
        sheetFromRows("Summary positions", [YEARS, ...summary], MONEY),
        sheetFromRows(
          "Financial summary",
          [YEARS, ["7.2 Financial plan per funding block"], ...highNeeds()],
          MONEY
        ),
      ],
    };
    const financial = locateTemplate(book).financial;
    expect(financial?.sheet).toBe("Summary positions");
    expect(financial?.blocks?.map((b) => b.sheet)).toEqual(["Financial summary"]);
    expect(problems(book)).toEqual([]);
  });
});

describe("the Safety Valve agreement on a sheet named SV agreement", () => {
  it("should read its limits", () => {
    const book = {
      sheets: [
        sheetFromRows("Financial summary", [YEARS, ...summary], MONEY),
        sheetFromRows(
          "SV agreement",
          [YEARS, ["Cumulative deficit limit", 13, 14], ["In-year deficit limit", 5, 4]],
          MONEY
        ),
      ],
    };
    expect(locateTemplate(book).financial?.safetyValve?.sheet).toBe("SV agreement");
  });
});

describe("the unmitigated row worded with DSG", () => {
  it.each([
    "Unmitigated in-year DSG deficit",
    "In-year DSG deficit - unmitigated",
    "Forecast in-year deficit (unmitigated)",
  ])("should read %j as the unmitigated in-year deficit", (label) => {
    const book = {
      sheets: [
        summaryWith([
          ["Mitigations"],
          [label, 5, 4],
          ["Inclusion in mainstream", 1, 1],
          ["Total mitigations", 1, 1],
          ["Mitigated in-year deficit", 4, 3],
        ]),
      ],
    };
    expect(locateTemplate(book).financial?.mitigations?.unmitigated?.label).toBe(label);
  });
});

describe("a fourth tester's combinations", () => {
  it("should take a column of another kind between the years for what it is", () => {
    const book = {
      sheets: [
        sheetFromRows(
          "Financial summary",
          [
            ["£m", "2025-26", "Previous plan", "2026-27"],
            ["Cumulative DSG deficit brought forward", 10, 9, 12],
            ["Total DSG in-year deficit", 4, 4, 3],
            ["Safety Valve payment", -2, -2, -2],
            ["Cumulative DSG deficit carried forward", 12, 11, 13],
          ],
          MONEY
        ),
      ],
    };
    expect(problems(book)).toEqual([]);
  });

  it("should read the mitigations on a sheet whose name ends with the section's, and the agreement left on another sheet", () => {
    const book = {
      sheets: [
        sheetFromRows("Summary positions", [YEARS, ...summary], MONEY),
        sheetFromRows(
          "Management plan mitigations",
          [
            YEARS,
            ["Unmitigated in-year deficit", 5, 4],
            ["Inclusion in mainstream", 1, 1],
            ["Total mitigations", 1, 1],
            ["Mitigated in-year deficit", 4, 3],
          ],
          MONEY
        ),
        sheetFromRows(
          "Financial summary",
          [YEARS, ["Safety Valve agreement"], ["Cumulative deficit limit", 13, 14]],
          MONEY
        ),
      ],
    };
    const financial = locateTemplate(book).financial;
    expect(financial?.mitigations?.sheet).toBe("Management plan mitigations");
    expect(financial?.safetyValve?.sheet).toBe("Financial summary");
  });

  it("should read savings shown negative in a sheet showing deficits negative", () => {
    const book = {
      sheets: [
        sheetFromRows(
          "Financial summary",
          [
            YEARS,
            ["Cumulative DSG (deficit)/surplus brought forward", -10, -12],
            ["Total DSG in-year (deficit)/surplus", -4, -3],
            ["Safety Valve payment", 2, 2],
            ["Cumulative DSG (deficit)/surplus carried forward", -12, -13],
            ["Mitigations"],
            ["Unmitigated in-year deficit", -5, -4],
            ["Inclusion in mainstream", -1, -1],
            ["Total mitigations", -1, -1],
            ["Mitigated in-year deficit", -4, -3],
          ],
          MONEY
        ),
      ],
    };
    expect(problems(book)).toEqual([]);
  });
});

describe("the end of year positions on a tab of their own beside copies of the whole plan", () => {
  const blocksTab = (name: string, inYear = "In-year deficit/(surplus)") =>
    sheetFromRows(
      name,
      [
        YEARS,
        ["7.2 Financial plan per funding block"],
        ...highNeeds().map((row) =>
          row[0] === "In-year deficit/(surplus)" ? [inYear, ...row.slice(1)] : row
        ),
        ["Total DSG in-year deficit", 4, 3],
      ],
      MONEY
    );
  const wholePlan = (name: string) =>
    sheetFromRows(
      name,
      [
        YEARS,
        ...summary.map((row) => row.map((v) => (typeof v === "number" ? v * 2 : v))),
        ["7.2 Financial plan per funding block"],
        ...highNeeds(),
      ],
      MONEY
    );

  it.each(["Financial summary v9", "Fin summary Unmitigated"])(
    "should read the tab whose blocks are on the sheet named as the summary, not a visible '%s'",
    (copy) => {
      const book = {
        sheets: [
          blocksTab("Financial summary"),
          sheetFromRows("Summary", [YEARS, ...summary], MONEY),
          wholePlan(copy),
        ],
      };
      expect(locateTemplate(book).financial?.sheet).toBe("Summary");
    }
  );

  it("should not take the blocks' own total in-year row for a plan of the sheet named as the summary", () => {
    const book = {
      sheets: [
        blocksTab("Financial summary", "Net position"),
        sheetFromRows("Summary", [YEARS, ...summary], MONEY),
      ],
    };
    const financial = locateTemplate(book).financial;
    expect(financial?.sheet).toBe("Summary");
    expect(financial?.blocks?.map((b) => b.sheet)).toEqual(["Financial summary"]);
    expect(problems(book)).toEqual([]);
  });
});

describe("sections of their own below the end of year positions", () => {
  it.each([
    ["High Needs Stability Grant (HNSG)", "Cumulative DSG deficit at 31 March 2026"],
    ["Mitigation workstreams (savings)", "Mitigated cumulative deficit"],
  ])("should not take '%s' for another table of end of year positions", (heading, label) => {
    const book = {
      sheets: [
        summaryWith([
          [],
          [heading],
          [label, 12, 13],
          ["Cumulative deficit carried forward", 12, 13],
        ]),
      ],
    };
    expect(locateTemplate(book).financial?.endOfYear?.otherTable).toBeUndefined();
  });
});

describe("rows of words under year headings", () => {
  it("should not take a return's conditions, rated under year-headed updates, for end of year positions", () => {
    const book = {
      sheets: [
        sheetFromRows("Return", [
          ["Agreement Condition", "2024-25 Update 1 (May)", "2025-26 Update 1 (May)"],
          [
            "Condition 1: reach a positive in-year balance by the end of 2028-29.",
            "Green",
            "Amber",
          ],
          [
            "Condition 2: keep the cumulative deficit carried forward below £84.5m.",
            "Amber",
            "Green",
          ],
        ]),
        sheetFromRows("Finance summary", [YEARS, ...summary], MONEY),
      ],
    };
    const template = locateTemplate(book);
    expect(template.financial?.sheet).toBe("Finance summary");
    expect(problems(book)).toEqual([]);
    expect(
      validateWorkbook(book).findings.filter((f) => /also holds? end of year/.test(f.message))
    ).toEqual([]);
  });
});

describe("two whole plans told apart by their tab names", () => {
  const plan = (name: string, scale: number) =>
    sheetFromRows(
      name,
      [
        YEARS,
        ...summary.map((row) => row.map((v) => (typeof v === "number" ? v * scale : v))),
        ["7.2 Financial plan per funding block"],
        ...highNeeds(),
      ],
      MONEY
    );
  it.each([
    ["Financial summary - unmitigated", "Financial summary - mitigated"],
    ["Unmitigated", "Mitigated"],
    ["Financial summary working", "Financial summary FINAL"],
    ["Financial summary before mitiga", "Financial summary with mitigati"],
  ])("should check '%2$s' rather than '%1$s' before it", (first, sent) => {
    const book = { sheets: [plan(first, 2), plan(sent, 1)] };
    expect(locateTemplate(book).financial?.sheet).toBe(sent);
  });
});

describe("a chart's data beside the plan", () => {
  it("should not call a tab with one series of balances another scenario of the plan", () => {
    const book = {
      sheets: [
        sheetFromRows("Financial summary", [YEARS, ...summary], MONEY),
        sheetFromRows(
          "Graphs",
          [["Chart data: cumulative deficit"], YEARS, ["Cumulative deficit", 12, 13]],
          MONEY
        ),
      ],
    };
    expect(
      validateWorkbook(book).findings.filter((f) => /another scenario/.test(f.message))
    ).toEqual([]);
  });
});
