import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/validation/validate";
import type { Finding } from "../../src/validation/finding";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { safetyValveReturn } from "../../examples/examples";
import { realSvExamples, SV_PUBLISHED_SHEET } from "../../examples/real/svReturns";
import { sheetFromRows } from "../support/sheets";

const examples = realSvExamples();
const example = (suffix: string): Workbook => {
  const found = examples.find((e) => e.name.endsWith(suffix));
  if (!found) throw new Error(`no example ${suffix}`);
  return found.workbook;
};
const published = () => example("wiltshire-sv-return-2024-12");

/** Errors and warnings as {rule, severity, sheet, address}: what the examples' `expected` lists. */
const serious = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.severity !== "info")
    .map(({ rule, severity, sheet, address }) => ({ rule, severity, sheet, address }));

const SV_RULES = ["sv-questions", "sv-assurance", "sv-signoff"];

function edited(book: Workbook, change: (rows: CellValue[][]) => void): Workbook {
  const sheet = book.sheets[0];
  const rows = [
    ...Array.from({ length: sheet.top }, (): CellValue[] => []),
    ...sheet.values.map((r) => [...Array<CellValue>(sheet.left).fill(null), ...r]),
  ];
  change(rows);
  return { sheets: [sheetFromRows(sheet.name, rows), ...book.sheets.slice(1)] };
}

describe("the published-layout examples through the validator", () => {
  it("should have the as-published return, consistent copies and a faulty copy per check", () => {
    expect(examples.map((e) => e.name)).toEqual([
      "real/wiltshire-sv-return-2024-12",
      "real/wiltshire-sv-return-2024-12-consistent",
      "real/wiltshire-sv-return-2024-12-letters",
      "real/wiltshire-sv-return-2024-12-tidy",
      "real/wiltshire-sv-return-2024-12-council",
      "real/faulty/sv-return-no-without-commentary",
      "real/faulty/sv-return-blank-latest-level",
      "real/faulty/sv-return-level-not-in-legend",
      "real/faulty/sv-return-council-signoff-empty",
      "real/faulty/sv-return-missing-dcs",
    ]);
  });

  it.each(examples.map((e) => [e.name, e] as const))(
    "should recognise %s and give exactly its expected errors and warnings",
    (_, { workbook, expected }) => {
      const result = validateWorkbook(workbook);
      expect(result.template?.id).toBe("safety-valve-return");
      expect(serious(result.findings)).toEqual(expected);
    }
  );

  it("should give the same findings when the template is chosen rather than recognised", () => {
    const chosen = validateWorkbook(published(), { template: "safety-valve-return" });
    expect(serious(chosen.findings)).toEqual(serious(validateWorkbook(published()).findings));
  });

  it("should give the same findings after a round trip through .xlsx", async () => {
    for (const suffix of ["wiltshire-sv-return-2024-12", "-tidy"]) {
      const book = example(suffix);
      const read = await readXlsxBuffer(new Uint8Array(await writeXlsxBuffer(book)));
      expect(serious(validateWorkbook(read).findings)).toEqual(
        serious(validateWorkbook(book).findings)
      );
    }
  });
});

describe("the Wiltshire return as published", () => {
  const findings = () => validateWorkbook(published()).findings;
  const messages = () =>
    findings()
      .filter((f) => SV_RULES.includes(f.rule))
      .map((f) => `${f.rule} ${f.address}: ${f.message}`);

  it("should report the empty sign-off, Condition 1's missing Update 3 and the two risks' blank Update 3", () => {
    expect(messages()).toEqual([
      "sv-signoff C6: The sign-off by the S151 officer and the director of children's services is empty: fill it in.",
      "sv-assurance A50: Condition 1 has no assurance level for Update 3 (November): its Assurance Level column stops at Update 2 (August). Add Update 3 (November) with one of S, A, O, R, Blue, Green, Amber, Red.",
      "sv-assurance B182: Risk 1 has no assurance level for Update 3 (November): enter one of S, A, O, R, Blue, Green, Amber, Red.",
      "sv-assurance B187: Risk 2 has no assurance level for Update 3 (November): enter one of S, A, O, R, Blue, Green, Amber, Red.",
    ]);
  });

  it("should not say the finance figures are missing: the return has none of its own", () => {
    expect(findings().filter((f) => f.rule === "template-recognised")).toEqual([]);
  });

  it("should accept both of its 'No' answers, each with its commentary, and the capital project's Yes", () => {
    expect(findings().filter((f) => f.rule === "sv-questions")).toEqual([]);
  });
});

describe("sv-questions on the published layout", () => {
  it.each<[string, (rows: CellValue[][]) => void, string, string]>([
    [
      "the capital-project question left unanswered",
      (rows) => (rows[20][1] = null),
      "B21",
      "has no answer",
    ],
    ["an answer other than Yes or No", (rows) => (rows[12][1] = "Partly"), "B13", "'Partly'"],
    ["a No without commentary", (rows) => (rows[12][2] = "  "), "C13", "answered No"],
  ])("should report %s", (_, change, address, words) => {
    const found = validateWorkbook(edited(published(), change)).findings.filter(
      (f) => f.rule === "sv-questions"
    );
    expect(found.map((f) => f.address)).toEqual([address]);
    expect(found[0].message).toContain(words);
  });
});

describe("sv-assurance on the published layout", () => {
  const assurance = (book: Workbook) =>
    validateWorkbook(book)
      .findings.filter((f) => f.rule === "sv-assurance")
      .map((f) => f.address);

  it("should accept levels given as the legend's letters or with their meaning", () => {
    const book = edited(example("-consistent"), (rows) => {
      const r = rows.findIndex((row) => row[1] === "Blue");
      rows[r][1] = "S - complete";
    });
    expect(assurance(book)).toEqual([]);
    expect(assurance(example("-letters"))).toEqual([]);
  });

  it("should ask only for the return's current update: at Update 2, Condition 1 is complete", () => {
    // Without its Update 3 labels the return is at Update 2; the levels left under them read as repeats.
    const book = edited(published(), (rows) => {
      for (const row of rows)
        for (let c = 0; c < 2; c++) if (row[c] === "Update 3 (November)") row[c] = null;
    });
    expect(assurance(book)).toEqual([]);
  });
});

describe("sv-signoff on the published layout", () => {
  const signoff = (book: Workbook) =>
    validateWorkbook(book)
      .findings.filter((f) => f.rule === "sv-signoff")
      .map((f) => `${f.address} ${f.message}`);

  it("should pass once the sign-off is filled in", () => {
    expect(signoff(example("-consistent"))).toEqual([]);
  });

  it("should report an empty date submitted and an unnamed S151 officer at their cells", () => {
    const book = edited(example("-consistent"), (rows) => {
      rows[5][1] = null;
      rows[6][4] = null;
    });
    expect(signoff(book).map((s) => s.split(" ")[0])).toEqual(["B6", "E7"]);
  });

  it("should report a DCS missing from the key personnel at their heading", () => {
    const book = edited(example("-consistent"), (rows) => {
      rows[7][3] = null;
      rows[7][4] = null;
    });
    expect(signoff(book)).toEqual([
      "D5 The overview does not name the director of children's services, who must sign the return off: add 'DCS:' with their name and email to the key personnel.",
    ]);
  });
});

describe("a published-layout return with a finance summary", () => {
  const finance = () => safetyValveReturn().sheets.find((s) => s.name === "Finance summary")!;

  it("should check the finance summary when the return has one", () => {
    const sheet = finance();
    const values = sheet.values.map((row) => [...row]);
    values[11][3] = 32; // D12: 2025-26 carried forward, 31.5 in the consistent return
    const book = { sheets: [...example("-consistent").sheets, { ...sheet, values }] };
    const found = validateWorkbook(book).findings.filter((f) => f.severity === "error");
    expect(found.map((f) => `${f.rule} ${f.sheet}!${f.address}`)).toEqual([
      "opening-balance Finance summary!E7",
      "roll-forward Finance summary!D12",
    ]);
  });

  it("should find nothing wrong in a consistent return with a consistent finance summary", () => {
    const book = { sheets: [...example("-consistent").sheets, finance()] };
    expect(serious(validateWorkbook(book).findings)).toEqual([]);
  });

  it("should say so when its finance sheet has no year headings", () => {
    const book = {
      sheets: [...published().sheets, sheetFromRows("Finance summary", [["To follow"]])],
    };
    const found = validateWorkbook(book).findings.filter((f) => f.rule === "template-recognised");
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("financial year headings");
  });
});

describe("the published sheet", () => {
  it("should be named as the examples say", () => {
    expect(published().sheets[0].name).toBe(SV_PUBLISHED_SHEET);
  });
});
