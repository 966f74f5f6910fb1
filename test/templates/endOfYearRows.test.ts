/**
 * The end of year positions as councils really lay them out: movements the template does not name,
 * payments shown as "Less: …", each block's in-year result beside the total, a plan shown before and
 * after mitigation, and the wordings of the Safety Valve payment.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { locateTemplate } from "../../src/templates/locate";
import { validateWorkbook } from "../../src/validation/validate";

const YEARS = ["Summary of end of year positions", "2024-25", "2025-26", "2026-27"];

/** A plan of one summary table, its rows given as [label, three figures]. */
function plan(
  rows: readonly (readonly CellValue[])[],
  above: readonly (readonly CellValue[])[] = []
) {
  return { sheets: [sheetFromRows("Financial summary", [["£m"], ...above, YEARS, ...rows])] };
}

const positionsOf = (book: ReturnType<typeof plan>) => locateTemplate(book).financial?.endOfYear;

/** Errors and warnings, as "rule address". */
const problems = (book: ReturnType<typeof plan>) =>
  validateWorkbook(book)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.address}`);

describe("movements the template does not name", () => {
  it.each([
    ["Contribution from reserves", [0, -2, 0]],
    ["Transfer from earmarked reserves", [0, -2, 0]],
    ["Less: transfer from reserves", [0, 2, 0]],
  ])(
    "should read %j (%j) as the council's contribution, taken away whatever its sign",
    (label, moved) => {
      const book = plan([
        ["Cumulative deficit brought forward", 16, 20, 22.5],
        ["In-year deficit", 9, 9.5, 6.8],
        ["Safety Valve payment", -5, -5, -6],
        [label, ...moved],
        ["Cumulative deficit carried forward", 20, 22.5, 23.3],
      ]);
      expect(positionsOf(book)?.laContribution?.label).toBe(label);
      expect(problems(book)).toEqual([]);
    }
  );

  it.each([
    ["High Needs Stability Grant", [0, -2, 0], [20, 22.5, 23.3]],
    ["HNSG write-off (90% of the deficit at 31 March 2026)", [0, -2, 0], [20, 22.5, 23.3]],
  ])("should roll %j between the in-year row and carried forward", (label, moved, closing) => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", -5, -5, -6],
      [label, ...moved],
      ["Cumulative deficit carried forward", ...closing],
    ]);
    expect(positionsOf(book)?.otherMovements?.map((m) => m.row.label)).toEqual([label]);
    expect(problems(book)).toEqual([]);
  });

  it("should still report a carried forward that leaves the movement out", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 24.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", -5, -5, -6],
      ["Contribution from reserves", 0, -2, 0],
      ["Cumulative deficit carried forward", 20, 24.5, 25.3],
    ]);
    expect(problems(book)).toEqual(["roll-forward C7"]);
  });

  it("should not take a subtotal between them for a movement", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Deficit before Safety Valve payments", 25, 29.5, 29.3],
      ["Safety Valve payment", -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
    ]);
    expect(positionsOf(book)?.otherMovements).toBeUndefined();
    expect(problems(book)).toEqual([]);
  });
});

describe("breakdowns between the in-year row and carried forward", () => {
  it.each([
    "of which: High Needs Block",
    "o/w HNB",
    "High Needs Block",
    "including high needs block",
  ])("should not roll %j, a part of the in-year figure above it", (label) => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, 9.5, 6.8],
      [label, 8, 9, 6],
      ["Safety Valve payment", -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
    ]);
    expect(positionsOf(book)?.otherMovements).toBeUndefined();
    expect(problems(book)).toEqual([]);
  });
});

describe("row codes left of the labels", () => {
  it.each(["HN01", "FS1", "A1", "a", "(b)", "cf"])(
    "should read the label beside the code %j",
    (code) => {
      const book = {
        sheets: [
          sheetFromRows("Financial summary", [
            ["£m"],
            [null, ...YEARS],
            [code, "Cumulative deficit brought forward", 16, 20, 22.5],
            [code, "In-year deficit", 9, 9.5, 6.8],
            [code, "Safety Valve payment", -5, -7, -6],
            [code, "Cumulative deficit carried forward", 20, 22.5, 23.3],
          ]),
        ],
      };
      expect(positionsOf(book)?.carriedForward?.label).toBe("Cumulative deficit carried forward");
      expect(problems(book)).toEqual([]);
    }
  );
});

describe("a movement that does not happen in a year", () => {
  it.each(["n/a", "N/A", "nil", "None"])("should read %j in the payments row as none", (text) => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 25, 27.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", text, -7, -6],
      ["Cumulative deficit carried forward", 25, 27.5, 28.3],
    ]);
    expect(problems(book)).toEqual([]);
  });

  it("should still report n/a where a balance is expected", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 25, 27.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", 0, -7, -6],
      ["Cumulative deficit carried forward", "n/a", 27.5, 28.3],
    ]);
    expect(problems(book)).toContain("bad-value B6");
  });
});

describe("a payment typed with the deficits' sign", () => {
  it("should report the payment, not the carried forward that added it as typed", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 32.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", -5, 3, -6],
      ["Cumulative deficit carried forward", 20, 32.5, 33.3],
    ]);
    expect(problems(book)).toEqual(["sign-convention C5"]);
  });

  it("should still report a carried forward that is wrong in another way", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 35.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", -5, 3, -6],
      ["Cumulative deficit carried forward", 20, 35.5, 36.3],
    ]);
    expect(problems(book)).toEqual(["sign-convention C5", "roll-forward C6"]);
  });
});

describe("an in-year figure typed with the other sign", () => {
  it("should be one sign-convention finding at it, not a roll-forward gap as well", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, -9.5, 6.8],
      ["Safety Valve payment", -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
    ]);
    expect(problems(book)).toEqual(["sign-convention C4"]);
  });
});

describe("payments shown as Less", () => {
  it("should take positive payments under 'Less:' as reducing the deficit, in the sheet's convention", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Less: Safety Valve funding received", 5, 5, 6],
      ["Less: contribution from LA general fund", 0, 2, 0],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
    ]);
    expect(validateWorkbook(book).template?.sign).toBe("deficit-positive");
    expect(problems(book)).toEqual([]);
  });
});

describe("which in-year row is the DSG total", () => {
  it("should take the summary's total, not each block's in-year result beside it", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["Schools block in-year deficit/(surplus)", 0.5, 0.5, 0.5],
      ["High needs block in-year deficit/(surplus)", 8.5, 9, 6.3],
      ["In year DSG deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
    ]);
    expect(positionsOf(book)?.inYear?.label).toBe("In year DSG deficit");
    expect(problems(book)).toEqual([]);
  });

  it("should take the in-year row between brought and carried forward over a block's above them", () => {
    const block: CellValue[][] = [
      ["Schools block", null, null, null],
      ["DSG funding", 300, 310, 320],
      ["Total expenditure", 300.5, 310.5, 320.5],
      ["In-year deficit/(surplus)", 0.5, 0.5, 0.5],
    ];
    const book = plan(
      [
        ["Cumulative deficit brought forward", 16, 20, 22.5],
        ["Total DSG in-year deficit", 9, 9.5, 6.8],
        ["Safety Valve payment", -5, -7, -6],
        ["Cumulative deficit carried forward", 20, 22.5, 23.3],
      ],
      [YEARS.map((v, i) => (i === 0 ? "Financial plan per funding block" : v)), ...block, []]
    );
    expect(positionsOf(book)?.inYear?.label).toBe("Total DSG in-year deficit");
  });

  it.each(["In-yr DSG deficit", "Deficit for the year", "DSG in yr overspend"])(
    "should read %j as the in-year row",
    (label) => {
      const book = plan([
        ["Cumulative deficit brought forward", 16, 20, 22.5],
        [label, 9, 9.5, 6.8],
        ["Safety Valve payment", -5, -7, -6],
        ["Cumulative deficit carried forward", 20, 22.5, 23.3],
      ]);
      expect(positionsOf(book)?.inYear?.label).toBe(label);
      expect(problems(book)).toEqual([]);
    }
  );
});

describe("the Safety Valve payment in councils' words", () => {
  it.each([
    "Safety Valve Agreement funding",
    "SV agreement payment",
    "SVA funding",
    "Safety Valve",
    "Payment from DfE under the Safety Valve agreement",
    "DfE deficit write-off",
  ])("should read %j as the DfE payments row", (label) => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, 9.5, 6.8],
      [label, -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
    ]);
    expect(positionsOf(book)?.dfePayments?.label).toBe(label);
    expect(problems(book)).toEqual([]);
  });

  it("should not read the agreement's limit as a payment", () => {
    const book = plan([
      ["Cumulative deficit brought forward", 16, 20, 22.5],
      ["In-year deficit", 9, 9.5, 6.8],
      ["Safety Valve payment", -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 22.5, 23.3],
      ["Safety Valve agreement limit", 25, 25, 25],
    ]);
    expect(positionsOf(book)?.dfePayments?.label).toBe("Safety Valve payment");
  });
});

describe("a plan shown before and after mitigation", () => {
  it("should read the plan (mitigated) positions, not the unmitigated ones above them", () => {
    const table = (inYear: number) => [
      ["Cumulative deficit brought forward", 16, 20, 20 + inYear - 7],
      ["In-year deficit", 9, inYear, 6.8],
      ["Safety Valve payment", -5, -7, -6],
      ["Cumulative deficit carried forward", 20, 20 + inYear - 7, 20 + inYear - 7 + 0.8],
    ];
    const book = {
      sheets: [
        sheetFromRows("Financial summary", [
          ["£m"],
          ["Summary of end of year positions - unmitigated", "2024-25", "2025-26", "2026-27"],
          ...table(12),
          [],
          ["Summary of end of year positions - mitigated", "2024-25", "2025-26", "2026-27"],
          ...table(9.5),
        ]),
      ],
    };
    expect(positionsOf(book)?.inYear?.row).toBe(9);
  });
});

describe("a finance table that shows the position after mitigation", () => {
  it.each(["In-year deficit (mitigated)", "Mitigated in-year deficit"])(
    "should take %j for the in-year row when it is the table's only one",
    (label) => {
      const book = plan([
        ["Cumulative deficit brought forward", 16, 20, 22.5],
        [label, 9, 7.5, 6.5],
        ["Safety Valve payment", -5, -5, -6],
        ["Cumulative deficit (mitigated)", 20, 22.5, 23],
      ]);
      expect(positionsOf(book)?.inYear?.label).toBe(label);
      expect(problems(book)).toEqual([]);
    }
  );
});
