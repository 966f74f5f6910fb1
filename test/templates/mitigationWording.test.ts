/** Mitigations as councils show them: savings as negative numbers, and the mitigated row called a position. */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { validateWorkbook } from "../../src/validation/validate";
import { locateTemplate } from "../../src/templates/locate";

const MONEY = "#,##0.000";

/** A summary in £m, then a Mitigations section's heading and its unmitigated row, for the tables below. */
const SUMMARY_AND_UNMITIGATED: CellValue[][] = [
  ["Summary of end of year positions (£m)", "2025-26", "2026-27"],
  ["Cumulative deficit brought forward", 10, 12],
  ["Total DSG in-year deficit", 2, 1],
  ["Cumulative deficit carried forward", 12, 13],
  [],
  ["Mitigations", null, null],
  ["Unmitigated in-year deficit", 5, 6],
];

function plan(
  savings: readonly [number, number][],
  mitigated = "Mitigated in-year deficit",
  gap = 0
) {
  const [first, second] = savings;
  const total: CellValue[] = ["Total mitigations", first[0] + second[0], first[1] + second[1]];
  const sign = first[0] < 0 ? 1 : -1;
  const rows: CellValue[][] = [
    ["Summary of end of year positions", "2025-26", "2026-27"],
    ["Cumulative deficit brought forward", 10, 12],
    ["Total DSG in-year deficit", 2, 1],
    ["Cumulative deficit carried forward", 12, 13],
    [],
    ["Mitigations", null, null],
    ["Unmitigated in-year deficit", 3, 2.5],
    ["Inclusion in mainstream", ...first],
    ["Specialist place sufficiency", ...second],
    total,
    [mitigated, 3 + sign * (total[1] as number), 2.5 + sign * (total[2] as number) + gap],
  ];
  return { sheets: [sheetFromRows("Financial summary", rows, MONEY)] };
}

const mitigationFindings = (book: ReturnType<typeof plan>) =>
  validateWorkbook(book)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.address}`);

describe("savings shown as negative numbers", () => {
  it("should read them as savings in a sheet showing deficits positive", () => {
    expect(
      mitigationFindings(
        plan([
          [-0.6, -1],
          [-0.4, -0.5],
        ])
      )
    ).toEqual([]);
  });

  it("should still find a mitigated figure that does not follow", () => {
    expect(
      mitigationFindings(
        plan(
          [
            [-0.6, -1],
            [-0.4, -0.5],
          ],
          undefined,
          0.2
        )
      )
    ).toEqual(["mitigation-arithmetic C11"]);
  });

  it("should still warn at a saving whose sign is the other way from the rest", () => {
    expect(
      mitigationFindings(
        plan([
          [-0.6, -1],
          [-0.4, 0.5],
        ])
      )
    ).toContain("mitigation-direction C9");
  });

  it("should read positive savings as before", () => {
    expect(
      mitigationFindings(
        plan([
          [0.6, 1],
          [0.4, 0.5],
        ])
      )
    ).toEqual([]);
  });
});

describe("the mitigated row in councils' words", () => {
  it.each(["Mitigated position", "Position after mitigations", "In-year deficit after mitigation"])(
    "should read %j as the mitigated in-year deficit",
    (label) => {
      const book = plan(
        [
          [0.6, 1],
          [0.4, 0.5],
        ],
        label,
        0.3
      );
      expect(locateTemplate(book).financial?.mitigations?.mitigated?.label).toBe(label);
      expect(mitigationFindings(book)).toEqual(["mitigation-arithmetic C11"]);
    }
  );
});

describe("mitigations on a sheet of their own in another unit", () => {
  it("should give their figures in the unit their sheet states", () => {
    const summary = sheetFromRows(
      "Financial summary",
      [
        ["Summary of end of year positions (£m)", "2025-26", "2026-27"],
        ["Cumulative deficit brought forward", 10, 12],
        ["Total DSG in-year deficit", 2, 1],
        ["Cumulative deficit carried forward", 12, 13],
      ],
      MONEY
    );
    const mitigations = sheetFromRows(
      "Mitigations",
      [
        ["Mitigations (£000)", "2025-26", "2026-27"],
        ["Unmitigated in-year deficit", 3000, 2500],
        ["Inclusion in mainstream", 600, 1000],
        ["Specialist place sufficiency", 400, 500],
        ["Total mitigations", 1000, 1800],
        ["Mitigated in-year deficit", 2000, 1000],
      ],
      "#,##0"
    );
    const book = { sheets: [summary, mitigations] };
    expect(locateTemplate(book).financial?.mitigations?.unit?.label).toBe("£000");
    const found = validateWorkbook(book).findings.filter((f) => f.rule === "mitigation-arithmetic");
    expect(found.map((f) => [f.address, f.message])).toEqual([
      [
        "C5",
        "Total mitigations for 2026-27 do not equal the sum of the 2 mitigation lines: £1,800k is shown but £1,500k is expected (difference £300k).",
      ],
    ]);
  });
});

describe("mitigations in groups with their own totals", () => {
  it("should take the last total above the mitigated row for the section's, and leave the group totals out of the lines", () => {
    const rows: CellValue[][] = [
      ...SUMMARY_AND_UNMITIGATED,
      ["Savings"],
      ["Inclusion programme", 0.8, 1.5],
      ["Local specialist places", 0.4, 0.9],
      ["Total savings", 1.2, 2.4],
      ["Cost avoidance"],
      ["Preparing for adulthood", 0.1, 0.3],
      ["Total cost avoidance", 0.1, 0.3],
      ["Total mitigations", 1.3, 2.7],
      ["Mitigated in-year deficit", 3.7, 3.3],
    ];
    const book = { sheets: [sheetFromRows("Financial summary", rows, MONEY)] };
    const section = locateTemplate(book).financial?.mitigations;
    expect(section?.total?.label).toBe("Total mitigations");
    expect(section?.lines.map((l) => l.label)).toEqual([
      "Inclusion programme",
      "Local specialist places",
      "Preparing for adulthood",
    ]);
    expect(mitigationFindings(book)).toEqual([]);
    rows[14] = ["Total mitigations", 1.3, 3];
    expect(
      mitigationFindings({ sheets: [sheetFromRows("Financial summary", rows, MONEY)] })
    ).toEqual(["mitigation-arithmetic C15"]);
  });
});

describe("mitigation groups whose heading carries the group's sum", () => {
  it("should not count the heading rows as lines", () => {
    const rows: CellValue[][] = [
      ...SUMMARY_AND_UNMITIGATED,
      ["Savings", 1.2, 2.4],
      ["Inclusion programme", 0.8, 1.5],
      ["Local specialist places", 0.4, 0.9],
      ["Cost avoidance", 0.1, 0.3],
      ["Preparing for adulthood", 0.1, 0.3],
      ["Total mitigations", 1.3, 2.7],
      ["Mitigated in-year deficit", 3.7, 3.3],
    ];
    const book = { sheets: [sheetFromRows("Financial summary", rows, MONEY)] };
    expect(locateTemplate(book).financial?.mitigations?.lines.map((l) => l.label)).toEqual([
      "Inclusion programme",
      "Local specialist places",
      "Preparing for adulthood",
    ]);
    expect(mitigationFindings(book)).toEqual([]);
  });
});
