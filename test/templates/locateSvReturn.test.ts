import { describe, expect, it } from "vitest";
import { locateSvReturn } from "../../src/templates/svReturn/locateSvReturn";
import { labelWorkbook } from "../../src/templates/labels";
import { svQuestions } from "../../src/validation/rules/sv-questions";
import { svAssurance } from "../../src/validation/rules/sv-assurance";
import { svSignoff } from "../../src/validation/rules/sv-signoff";
import type { Rule } from "../../src/validation/rule";
import type { LocatedTemplate } from "../../src/templates/located";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { sheetFromRows } from "../support/sheets";
import { runRule } from "../validation/ehcpSupport";

type Row = (CellValue | { f: string; v: CellValue; fmt?: string })[];

/** A one-sheet Safety Valve return shaped like the December 2024 return in the fixtures. */
function svRows(): Row[] {
  return [
    ["Safety Valve monitoring return"],
    ["Overview"],
    [
      "LA Name",
      "Date Report Submitted",
      "Signed off by S151 Officer & Director of Children's Services",
    ],
    ["Exampleshire", 45640, "Yes"],
    [],
    ["CEO:", "A Chief", "ceo@example.gov.uk"],
    ["S151 Officer:", "B Finance", "s151@example.gov.uk"],
    ["DCS:", "C Children", "dcs@example.gov.uk"],
    ["Other key contacts for Safety Valve:", "D Other", "sv@example.gov.uk"],
    [],
    ["Is your LA's Safety Valve plan on track?", "Yes/No", "Commentary"],
    [
      "To achieve the Safety Valve agreement's projected deficit in the current year?",
      "Yes",
      "On track.",
    ],
    [
      "To achieve a £0 DSG deficit by the end of the Safety Valve agreement?",
      "No",
      "Forecast is £1m short; recovery plan agreed.",
    ],
    ["Is your LA's Safety Valve capital project on track?", "Yes", null],
    [],
    ["Detailed update"],
    [
      "Condition",
      "Update 1 (May)",
      "Update 2 (August)",
      "Update 3 (November)",
      "Progress Update from this Quarter",
    ],
    [
      "Condition 1: reach a positive in-year balance by the end of 2028-29",
      "A",
      "A",
      null,
      "In-year balance on course.",
    ],
    [
      "Condition 2: keep the cumulative deficit within the agreed amount",
      "O",
      "A",
      null,
      "Back on target.",
    ],
    [
      "Condition 3.1: earlier support for children and young people with SEND",
      "A",
      "S",
      null,
      "Workstream complete.",
    ],
    [],
    ["RAG legend"],
    ["S", "Savings/cost avoidance and/or workstream(s) complete", "Blue"],
    ["A", "Remains on target", "Green"],
    ["O", "Currently off target, with plans to mitigate", "Amber"],
    ["R", "Off target", "Red"],
    [],
    ["Risk register"],
    [
      "Risk",
      "Mitigation",
      "Update 1 (May)",
      "Update 2 (August)",
      "Update 3 (November)",
      "Progress update",
    ],
    [
      "Risk 1: demand for specialist places",
      "More local places",
      "Amber",
      "Green",
      null,
      "Two new units open.",
    ],
    [
      "Risk 2: independent school fees",
      "Commissioning framework",
      "Red",
      "Amber",
      null,
      "Framework in place.",
    ],
  ];
}

function workbook(change: (rows: Row[]) => void = () => {}, shift = 0): Workbook {
  const rows = svRows();
  change(rows);
  const moved = rows.map((row) => [...Array<CellValue>(shift).fill(null), ...row]);
  return {
    sheets: [
      sheetFromRows("Finance summary", [["Summary of end of year positions"]]),
      sheetFromRows("SV return", moved),
    ],
  };
}

function template(book: Workbook): LocatedTemplate {
  return {
    profileId: "safety-valve-return",
    profileName: "Safety Valve monitoring return",
    unit: { label: "£m", pounds: 1_000_000 },
    sign: "deficit-positive",
    svReturn: locateSvReturn(labelWorkbook(book)),
  };
}

const where = (rule: Rule, book: Workbook) =>
  runRule(rule, template(book)).map((r) => r.at && [r.at.sheet, r.at.row, r.at.col]);

describe("locateSvReturn", () => {
  it("should find the overview with its values below the headings and the contacts beside their labels", () => {
    const overview = locateSvReturn(labelWorkbook(workbook()))?.overview;
    expect(overview?.dateSubmitted?.value).toMatchObject({ row: 3, col: 1, value: 45640 });
    expect(overview?.signedOff?.value.value).toBe("Yes");
    expect(overview?.contacts.map((c) => [c.role, c.name.value, c.email?.value])).toEqual([
      ["ceo", "A Chief", "ceo@example.gov.uk"],
      ["s151", "B Finance", "s151@example.gov.uk"],
      ["dcs", "C Children", "dcs@example.gov.uk"],
      ["other", "D Other", "sv@example.gov.uk"],
    ]);
  });

  it("should read an overview written as labels with values beside them", () => {
    const book = workbook((rows) =>
      rows.splice(2, 2, ["LA Name:", "Exampleshire"], ["Date submitted:", null])
    );
    const overview = locateSvReturn(labelWorkbook(book))?.overview;
    expect(overview?.laName?.value.value).toBe("Exampleshire");
    expect(overview?.dateSubmitted?.value).toMatchObject({ row: 3, col: 1 });
    expect(where(svSignoff, book)).toEqual([["SV return", 3, 1]]);
  });

  it("should find the questions with their answer and commentary cells", () => {
    const questions = locateSvReturn(labelWorkbook(workbook()))?.questions;
    expect(
      questions?.map((q) => [q.at.row, q.answer.col, q.commentary.col, q.answer.value])
    ).toEqual([
      [11, 1, 2, "Yes"],
      [12, 1, 2, "No"],
      [13, 1, 2, "Yes"],
    ]);
  });

  it("should find conditions and risks with an assurance cell per update", () => {
    const sv = locateSvReturn(labelWorkbook(workbook()));
    expect(sv?.conditions.map((c) => c.name)).toEqual([
      "Condition 1",
      "Condition 2",
      "Condition 3.1",
    ]);
    expect(
      sv?.conditions[2].assurance.map((a) => [a.update.number, a.cell.col, a.cell.value])
    ).toEqual([
      [1, 1, "A"],
      [2, 2, "S"],
      [3, 3, null],
    ]);
    expect(sv?.conditions[0].progress?.col).toBe(4);
    expect(sv?.risks.map((r) => [r.name, r.mitigation?.value, r.progress?.col])).toEqual([
      ["Risk 1", "More local places", 5],
      ["Risk 2", "Commissioning framework", 5],
    ]);
  });

  it("should not take commentary that mentions an update for an update heading", () => {
    const book = workbook(
      (rows) => (rows[18][4] = "Update 1 said off target; back on target since.")
    );
    const sv = locateSvReturn(labelWorkbook(book));
    expect(sv?.conditions[2].assurance.map((a) => a.cell.col)).toEqual([1, 2, 3]);
  });

  it("should read the RAG legend's letters, colours and meanings", () => {
    expect(
      locateSvReturn(labelWorkbook(workbook()))?.legend.map((e) => [
        e.letter,
        e.colour,
        e.definition,
      ])
    ).toEqual([
      ["S", "Blue", "Savings/cost avoidance and/or workstream(s) complete"],
      ["A", "Green", "Remains on target"],
      ["O", "Amber", "Currently off target, with plans to mitigate"],
      ["R", "Red", "Off target"],
    ]);
  });

  it("should read 'S = meaning' legend cells", () => {
    const book = workbook((rows) =>
      rows.splice(
        22,
        4,
        ["S = complete"],
        ["A = on target"],
        ["O = off target, mitigated"],
        ["R = off target"]
      )
    );
    expect(locateSvReturn(labelWorkbook(book))?.legend.map((e) => e.letter)).toEqual([
      "S",
      "A",
      "O",
      "R",
    ]);
  });

  it("should find the same parts in a moved table with inserted rows", () => {
    const book = workbook(
      (rows) => rows.splice(17, 0, ["Conditions of the agreement, reviewed quarterly"]),
      2
    );
    const sv = locateSvReturn(labelWorkbook(book));
    expect(
      sv?.conditions.map((c) => [c.name, c.assurance[1].cell.row, c.assurance[1].cell.col])
    ).toEqual([
      ["Condition 1", 18, 4],
      ["Condition 2", 19, 4],
      ["Condition 3.1", 20, 4],
    ]);
    expect(sv?.questions).toHaveLength(3);
    expect(sv?.overview?.dateSubmitted?.value.col).toBe(3);
  });

  it("should read risks named only by what they are about, under the 'Risk' heading, one a row", () => {
    const described = (rows: Row[]) => {
      const at = rows.findIndex((r) => String(r[0]).startsWith("Risk 1"));
      rows[at] = ["Demand for specialist places", ...rows[at].slice(1)];
      rows[at + 1] = ["Independent school fees", ...rows[at + 1].slice(1)];
      rows.push([], ["Note: levels are agreed with the DfE adviser", null, null, null, null, null]);
    };
    const sv = locateSvReturn(labelWorkbook(workbook(described)));
    expect(sv?.risks.map((r) => [r.name, r.assurance.map((a) => a.cell.value)])).toEqual([
      ["Risk 'Demand for specialist places'", ["Amber", "Green", null]],
      ["Risk 'Independent school fees'", ["Red", "Amber", null]],
    ]);
    // A sub-heading under the header, with nothing under the updates, is not a condition.
    const withSubheading = workbook((rows) => {
      described(rows);
      const header = rows.findIndex((r) => r[0] === "Risk");
      rows.splice(header + 1, 0, ["Risks owned by the SEND board"]);
    });
    expect(locateSvReturn(labelWorkbook(withSubheading))?.risks).toHaveLength(2);
  });

  it("should read update headings typed as months that Excel stored as dates", () => {
    const month = (serial: number) => ({ f: "=DATE(2025,1,1)", v: serial, fmt: "mmmm yyyy" });
    const book = workbook((rows) => {
      const at = rows.findIndex((r) => r[0] === "Condition");
      // 31 May, 31 August and 30 November 2025.
      rows[at] = [
        "Condition",
        month(45808),
        month(45900),
        month(45991),
        "Progress Update from this Quarter",
      ];
    });
    const sv = locateSvReturn(labelWorkbook(book));
    expect(sv?.conditions[0].assurance.map((a) => [a.update.number, a.update.label])).toEqual([
      [1, "May 2025"],
      [2, "August 2025"],
      [3, "November 2025"],
    ]);
  });

  it("should not read a risk table whose update headings it does not know under the conditions' headings", () => {
    const book = workbook(
      (rows) => (rows[28] = ["Risk", "Mitigation", "Round A", "Round B", "Round C"])
    );
    const sv = locateSvReturn(labelWorkbook(book));
    expect(sv?.conditions).toHaveLength(3);
    expect(sv?.risks).toEqual([]);
  });

  it("should be undefined for a workbook without a return", () => {
    expect(
      locateSvReturn({ sheets: [sheetFromRows("Cover", [["DSG management plan"]])] })
    ).toBeUndefined();
  });
});

describe.each<[string, Rule]>([
  ["sv-questions", svQuestions],
  ["sv-assurance", svAssurance],
  ["sv-signoff", svSignoff],
])("%s", (_, rule) => {
  it("should pass a complete return", () => {
    expect(runRule(rule, template(workbook()))).toEqual([]);
  });
});

describe("sv-questions", () => {
  it.each<[string, (rows: Row[]) => void, number, number, string]>([
    ["an empty answer", (rows) => (rows[13][1] = null), 13, 1, "has no answer"],
    [
      "an answer other than Yes or No",
      (rows) => (rows[11][1] = "Mostly"),
      11,
      1,
      "answered 'Mostly'",
    ],
    [
      "a No without commentary",
      (rows) => (rows[12][2] = " "),
      12,
      2,
      "answered No but has no commentary",
    ],
  ])("should report %s at its cell", (_, change, row, col, words) => {
    const reports = runRule(svQuestions, template(workbook(change)));
    expect(reports.map((r) => [r.at?.row, r.at?.col])).toEqual([[row, col]]);
    expect(reports[0].message).toContain(words);
  });

  it("should take the first word of an answer such as 'No - see commentary'", () => {
    const book = workbook((rows) => {
      rows[11][1] = "Yes, on track";
      rows[12][1] = "No - see commentary";
      rows[12][2] = null;
    });
    expect(where(svQuestions, book)).toEqual([["SV return", 12, 2]]);
  });
});

describe("sv-assurance", () => {
  it("should report a condition without a level for the latest update", () => {
    const book = workbook((rows) => (rows[19][2] = null));
    expect(where(svAssurance, book)).toEqual([["SV return", 19, 2]]);
    expect(runRule(svAssurance, template(book))[0].message).toMatch(
      /^Condition 3\.1 has no assurance level for Update 2 \(August\)/
    );
  });

  it("should report a level the legend does not define", () => {
    const book = workbook((rows) => (rows[30][3] = "Purple"));
    expect(where(svAssurance, book)).toEqual([["SV return", 30, 3]]);
    expect(runRule(svAssurance, template(book))[0].message).toContain(
      "Risk 2 has the assurance level 'Purple'"
    );
  });

  it("should move to the next update once any item has a level for it", () => {
    const book = workbook((rows) => (rows[17][3] = "A"));
    // Two of three conditions lack Update 3, each reported; both risks lack it, reported once.
    expect(where(svAssurance, book)).toEqual([
      ["SV return", 18, 3],
      ["SV return", 19, 3],
      ["SV return", 29, 4],
    ]);
    expect(runRule(svAssurance, template(book))[2].message).toBe(
      "None of the 2 risks of the risk register has an assurance level for Update 3 (November): enter one of " +
        "S, A, O, R, Blue, Green, Amber, Red for each."
    );
  });

  it.each(["On track", "at risk", "Complete", "Off Track - recovery plan agreed"])(
    "should accept the status %j written as the level it stands for",
    (status) => {
      expect(runRule(svAssurance, template(workbook((rows) => (rows[17][2] = status))))).toEqual(
        []
      );
    }
  );

  it("should accept a level written with its meaning, in any case", () => {
    expect(
      runRule(svAssurance, template(workbook((rows) => (rows[17][2] = "a - remains on target"))))
    ).toEqual([]);
  });
});

describe("sv-signoff", () => {
  it.each<[string, (rows: Row[]) => void, number, number]>([
    ["an empty date submitted", (rows) => (rows[3][1] = null), 3, 1],
    ["a sign-off marked No", (rows) => (rows[3][2] = "No"), 3, 2],
    ["an unnamed S151 officer", (rows) => (rows[6][1] = null), 6, 1],
    ["an unnamed director of children's services", (rows) => rows[7].splice(1, 2), 7, 1],
  ])("should report %s at the empty cell", (_, change, row, col) => {
    expect(where(svSignoff, workbook(change))).toEqual([["SV return", row, col]]);
  });

  it("should point at the overview when the date submitted is missing altogether", () => {
    const book = workbook((rows) => (rows[2][1] = "Notes"));
    expect(where(svSignoff, book)).toEqual([["SV return", 2, 0]]);
  });
});
