/**
 * Safety Valve returns as councils vary the published layout: Yes/No answers written "Y" or "No – see
 * commentary", conditions numbered "3b", updates labelled by month alone, levels over the whole year.
 * Each return is built in memory as one sheet, stacked as published or with a column per update.
 */
import { describe, expect, it } from "vitest";
import { validateWorkbook } from "../../src/validation/validate";
import type { Finding } from "../../src/validation/finding";
import type { CellValue, Workbook } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { sheetFromRows } from "../support/sheets";

type Row = CellValue[];

const UPDATES = ["Update 1 (May)", "Update 2 (August)", "Update 3 (November)"];
const CONDITIONS = ["Condition 1", "Condition 2", "Condition 3.1", "Condition 3.2"];
const RISKS = ["Risk 1", "Risk 2", "Risk 3"];

/** Levels per item and update: every item Green for May, Amber for August, Green for November. */
type Levels = (CellValue | undefined)[][];
const allLevels = (items: number, updates = 3): Levels =>
  Array.from({ length: items }, () => ["Green", "Amber", "Green"].slice(0, updates));

interface Variant {
  readonly answers?: readonly CellValue[];
  readonly updates?: readonly string[];
  readonly conditions?: readonly string[];
  readonly risks?: readonly string[];
  readonly conditionLevels?: Levels;
  readonly riskLevels?: Levels;
  /** One column per update under the table's heading row, instead of stacked under each item. */
  readonly columns?: boolean;
  /** Rows put into a condition's stacked column after its first update's level (a pasted table). */
  readonly pasted?: readonly Row[];
  /** The risk register's own update labels, when they differ from the conditions'. */
  readonly riskUpdates?: readonly string[];
  /** What the sign-off cell says. */
  readonly signedOff?: CellValue;
  /** The headings of the condition column, the risk column and the stacked levels column. */
  readonly headings?: readonly [string, string, string];
}

function itemRows(
  heading: string,
  names: readonly string[],
  levels: Levels,
  v: Variant,
  updates: readonly string[]
): Row[] {
  if (v.columns) {
    return [
      [heading, ...updates, "Progress Update from this Quarter"],
      ...names.map((name, i) => [
        `${name}: the authority undertakes to do what the agreement says.`,
        ...updates.map((_, u) => levels[i]?.[u] ?? null),
        "Progress this quarter.",
      ]),
    ];
  }
  const levelsHeading = v.headings?.[2] ?? "Assurance Level";
  const rows: Row[] = [[heading, levelsHeading, "Progress Update from this Quarter"]];
  names.forEach((name, i) => {
    updates.forEach((label, u) => {
      const text =
        u === 0 ? `${name}: the authority undertakes to do what the agreement says.` : null;
      rows.push([text, label, u === 0 ? "Progress this quarter." : null]);
      rows.push([null, levels[i]?.[u] ?? null]);
      if (u === 0 && i === 0) rows.push(...(v.pasted ?? []));
    });
  });
  return rows;
}

function svReturn(v: Variant = {}): Workbook {
  const updates = v.updates ?? UPDATES;
  const conditions = v.conditions ?? CONDITIONS;
  const risks = v.risks ?? RISKS;
  const [a1, a2, a3] = v.answers ?? ["No", "No", "Yes"];
  const rows: Row[] = [
    ["SAFETY VALVE PROGRAMME OVERVIEW"],
    [],
    [
      "LA Name",
      "Date Report Submitted",
      "Signed off by S151 Officer & Director of Children's Services",
      "Name & Email Address of Key Personnel",
    ],
    [
      "Borsetshire",
      "11th December 2024",
      v.signedOff === undefined ? "A Jones and B Patel" : v.signedOff,
      "CEO:",
      "C Officer c@b.gov.uk",
    ],
    [null, null, null, "S151 Officer:", "A Jones a@b.gov.uk"],
    [null, null, null, "DCS:", "B Patel p@b.gov.uk"],
    [],
    ["Is your LA's Safety Valve plan on track?", "Yes/No", "Commentary"],
    ["To achieve the Safety Valve agreement's projected deficit in the current year?", a1, "Over."],
    ["To achieve a £0 DSG deficit by the end of the Safety Valve agreement?", a2, "Later."],
    [],
    [null, "Yes/No", "Commentary"],
    ["Is your LA's Safety Valve capital project on track?", a3, "On schedule."],
    [],
    ["SAFETY VALVE PROGRAMME DETAILED UPDATE"],
    ...itemRows(
      v.headings?.[0] ?? "Agreement Condition",
      conditions,
      v.conditionLevels ?? allLevels(conditions.length),
      v,
      updates
    ),
    [],
    ["RAG", "Definition"],
    ["S", "Savings/cost avoidance and/or workstream(s) complete"],
    ["A", "Savings/cost avoidance and/or workstream(s) remains on target"],
    [
      "O",
      "Savings/cost avoidance and/or workstream(s) are currently off target, with plans to mitigate",
    ],
    ["R", "Savings/cost avoidance and/or workstream(s) are off target"],
    [],
    ["SAFETY VALVE PROGRAMME RISK REGISTER"],
    ...itemRows(
      v.headings?.[1] ?? "Risk",
      risks,
      v.riskLevels ?? allLevels(risks.length),
      v,
      v.riskUpdates ?? updates
    ),
  ];
  return { sheets: [sheetFromRows("Safety Valve return", rows)] };
}

/** Errors and warnings of the Safety Valve checks, as "rule severity: message". */
function findings(book: Workbook): string[] {
  const result = validateWorkbook(book);
  expect(result.template?.id).toBe("safety-valve-return");
  return result.findings
    .filter((f: Finding) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.severity}: ${f.message}`);
}

/** The levels with one changed: item `i`, update `u` (0-based) set to `value`. */
function withLevel(levels: Levels, i: number, u: number, value: CellValue): Levels {
  return levels.map((row, r) => row.map((level, c) => (r === i && c === u ? value : level)));
}

describe("a Safety Valve return as councils vary it", () => {
  it("should find nothing wrong in the consistent return, stacked or in columns", () => {
    expect(findings(svReturn())).toEqual([]);
    expect(findings(svReturn({ columns: true }))).toEqual([]);
  });
});

describe("sv-questions: the answers councils write", () => {
  it.each<[string, readonly CellValue[]]>([
    ["Y and N", ["N", "N", "Y"]],
    ["lower case with a full stop", ["no.", "No", "Yes."]],
    [
      "a yes or no followed by words",
      ["No – see commentary", "No - off track", "yes - see commentary"],
    ],
    ["a No with an asterisk or a bracket", ["No*", "N (see commentary)", "Y"]],
    ["'On track' and 'Off track'", ["Off track", "Not on track", "On track"]],
    ["a checkbox", [false, false, true]],
  ])("should read %s as the answer", (_, answers) => {
    expect(findings(svReturn({ answers }))).toEqual([]);
  });

  it.each<[string, CellValue]>([
    ["N/A", "N/A"],
    ["Not yet", "Not yet"],
    ["Partially", "Partially"],
    ["both words", "Yes/No"],
  ])("should still ask for Yes or No when the answer is %s", (_, answer) => {
    expect(findings(svReturn({ answers: ["No", answer, "Yes"] }))).toEqual([
      expect.stringMatching(
        /^sv-questions error: .* is answered '.*': the DfE asks for Yes or No\.$/
      ),
    ]);
  });

  it("should still want the commentary of an 'N'", () => {
    const book = svReturn({ answers: ["N", "No", "Yes"] });
    const rows = book.sheets[0];
    const values = rows.values.map((r) => [...r]);
    values[8][2] = null;
    const found = findings({ sheets: [{ ...rows, values }] });
    expect(found).toEqual([expect.stringContaining("is answered No but has no commentary")]);
  });
});

describe("sv-assurance: every update of the year, not only the latest", () => {
  const conditions = allLevels(CONDITIONS.length);
  const risks = allLevels(RISKS.length);

  it.each<[string, Variant, string]>([
    [
      "an earlier update's level missing, stacked",
      { conditionLevels: withLevel(conditions, 3, 1, null) },
      "Condition 3.2 has no assurance level for Update 2 (August), an earlier update that the return still carries",
    ],
    [
      "the first update's level missing, in columns",
      { columns: true, conditionLevels: withLevel(conditions, 1, 0, null) },
      "Condition 2 has no assurance level for Update 1 (May), an earlier update that the return still carries",
    ],
    [
      "a risk's level missing between two updates",
      { riskLevels: withLevel(risks, 1, 1, null) },
      "Risk 2 has no assurance level for Update 2 (August), an earlier update that the return still carries",
    ],
    [
      "an earlier update's level not in the legend, stacked",
      { riskLevels: withLevel(risks, 2, 1, "Purple") },
      "Risk 3 has the assurance level 'Purple' for Update 2 (August), which the RAG legend does not define",
    ],
    [
      "an earlier update's level not in the legend, in columns",
      { columns: true, conditionLevels: withLevel(conditions, 0, 0, "On track") },
      "Condition 1 has the assurance level 'On track' for Update 1 (May)",
    ],
  ])("should report %s as an error naming the update", (_, variant, words) => {
    const found = findings(svReturn(variant));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^sv-assurance error: /);
    expect(found[0]).toContain(words);
  });

  it("should not ask an August return for November, stacked or in columns", () => {
    for (const columns of [false, true]) {
      const book = svReturn({
        columns,
        conditionLevels: allLevels(CONDITIONS.length, 2),
        riskLevels: allLevels(RISKS.length, 2),
      });
      expect(findings(book)).toEqual([]);
    }
  });

  it.each(["Not yet due", "TBC", "N/A - due in November"])(
    "should not ask an August return for November when November's cells say '%s'",
    (words) => {
      const notDue = (levels: Levels) => levels.map((row) => [...row.slice(0, 2), words]);
      for (const columns of [false, true]) {
        const book = svReturn({
          columns,
          conditionLevels: notDue(conditions),
          riskLevels: notDue(risks),
        });
        expect(findings(book)).toEqual([]);
      }
    }
  );

  it("should report a latest level left as 'TBC' when the others are given", () => {
    const found = findings(svReturn({ riskLevels: withLevel(risks, 0, 2, "TBC") }));
    expect(found).toEqual([
      expect.stringContaining(
        "Risk 1 has no assurance level for Update 3 (November) (it says 'TBC')"
      ),
    ]);
  });

  it("should still report an August return's missing August level", () => {
    const book = svReturn({
      conditionLevels: allLevels(CONDITIONS.length, 2),
      riskLevels: withLevel(allLevels(RISKS.length, 2), 1, 1, null),
    });
    expect(findings(book)).toEqual([
      expect.stringMatching(
        /^sv-assurance error: Risk 2 has no assurance level for Update 2 \(August\): /
      ),
    ]);
  });

  it("should say once, as a warning, when most items lack an earlier update's level", () => {
    const blankMay = (levels: Levels) => levels.map((row) => [null, ...row.slice(1)]);
    const book = svReturn({ conditionLevels: blankMay(conditions) });
    expect(findings(book)).toEqual([
      expect.stringMatching(
        /^sv-assurance warning: 4 of 7 conditions and risks have no assurance level for Update 1 \(May\), an earlier update than Update 3 \(November\)/
      ),
    ]);
  });

  it.each<[string, CellValue]>([
    ["blank", null],
    ["N/A", "N/A"],
    ["a dash", "-"],
  ])(
    "should warn, not err, on a risk with no level before August (%s): it may be new",
    (_, none) => {
      const riskLevels = withLevel(risks, 2, 0, none);
      for (const columns of [false, true]) {
        expect(findings(svReturn({ columns, riskLevels }))).toEqual([
          "sv-assurance warning: Risk 3 has no assurance level for Update 1 (May): enter the level it was given, unless the risk was added to the register at Update 2 (August).",
        ]);
      }
    }
  );

  it("should still want a condition's first level: the conditions are in the agreement from the start", () => {
    const found = findings(svReturn({ conditionLevels: withLevel(conditions, 0, 0, "N/A") }));
    expect(found).toEqual([
      expect.stringContaining(
        "Condition 1 has no assurance level for Update 1 (May) (it says 'N/A'), an earlier update"
      ),
    ]);
  });

  it("should warn once when earlier levels are left as 'See previous return'", () => {
    const see = (levels: Levels) => levels.map((row) => ["See previous return", ...row.slice(1)]);
    const book = svReturn({ conditionLevels: see(conditions), riskLevels: see(risks) });
    // One warning: not a warning per risk as well, as if each had been added in August.
    expect(findings(book)).toEqual([
      expect.stringMatching(
        /^sv-assurance warning: 7 of 7 conditions and risks have no assurance level for Update 1 \(May\)/
      ),
    ]);
  });

  it("should report a level the legend does not define once when it is written throughout", () => {
    const greens = (levels: Levels) =>
      levels.map((row) => row.map((l) => (l === "Green" ? "G" : l)));
    const found = findings(
      svReturn({ conditionLevels: greens(conditions), riskLevels: greens(risks) })
    );
    expect(found).toEqual([
      "sv-assurance error: 'G' is given as the assurance level in 14 places (the first shown here), and the RAG legend does not define it: use one of S, A, O, R, Blue, Green, Amber, Red.",
    ]);
  });
});

describe("sv-assurance: conditions numbered as councils number them", () => {
  it.each<[string, string[]]>([
    ["letters", ["Condition 1", "Condition 2", "Condition 3a", "Condition 3b"]],
    ["letters in brackets", ["Condition 1", "Condition 2", "Condition 3(a)", "Condition 3(b)"]],
    [
      "sub-numbers with letters",
      ["Condition 1", "Condition 2", "Condition 3.1a", "Condition 3.1b"],
    ],
    [
      "a 'Deal condition' prefix",
      ["Deal condition 1", "Deal condition 2", "Deal condition 3a", "Deal condition 3b"],
    ],
  ])("should tell conditions numbered with %s apart, stacked and in columns", (_, names) => {
    const conditionLevels = withLevel(allLevels(4), 3, 2, null);
    const last = names[3].replace(/^Deal condition/, "Condition");
    for (const columns of [false, true]) {
      const found = findings(svReturn({ conditions: names, conditionLevels, columns }));
      expect(found).toEqual([
        `sv-assurance error: ${last} has no assurance level for Update 3 (November): enter one of S, A, O, R, Blue, Green, Amber, Red.`,
      ]);
    }
  });

  it("should name risks numbered 'R1' by their number", () => {
    const riskLevels = withLevel(allLevels(3), 1, 2, null);
    const found = findings(svReturn({ risks: ["R1", "R2", "R3"], riskLevels }));
    expect(found).toEqual([expect.stringContaining("Risk R2 has no assurance level for Update 3")]);
  });
});

describe("sv-assurance: updates labelled as councils label them", () => {
  it.each<[string, string[]]>([
    ["the month alone", ["May", "August", "November"]],
    ["the month and year", ["May 2024", "Aug 2024", "Nov 2024"]],
    ["'May update'", ["May update", "August update", "November update"]],
    ["quarters", ["Q1", "Q2", "Q3"]],
    [
      "'Update 1 - May 2024'",
      ["Update 1 - May 2024", "Update 2 - August 2024", "Update 3 - November 2024"],
    ],
  ])("should read %s, stacked and in columns", (_, updates) => {
    for (const columns of [false, true]) {
      const conditionLevels = withLevel(allLevels(4), 3, 2, null);
      expect(findings(svReturn({ updates, columns }))).toEqual([]);
      const found = findings(svReturn({ updates, columns, conditionLevels }));
      expect(found).toEqual([
        expect.stringContaining(`Condition 3.2 has no assurance level for ${updates[2]}`),
      ]);
    }
  });

  it("should read an earlier month's missing level as the earlier update's", () => {
    const updates = ["May", "August", "November"];
    const conditionLevels = withLevel(allLevels(4), 1, 0, null);
    expect(findings(svReturn({ updates, conditionLevels }))).toEqual([
      expect.stringContaining("Condition 2 has no assurance level for May, an earlier update"),
    ]);
  });

  it("should say the levels were not checked when no update label is read, rather than pass", () => {
    const updates = ["Summer term", "Autumn term", "Spring term"];
    const conditionLevels = withLevel(allLevels(4), 3, 2, null);
    const result = validateWorkbook(svReturn({ updates, conditionLevels }));
    expect(result.findings.filter((f) => f.rule === "sv-assurance")).toEqual([]);
    expect(result.checks.notRun.find((c) => c.rule === "sv-assurance")?.needs).toEqual([
      "the conditions of the agreement or the risks, with their assurance levels under update labels ('Update 1 (May)', 'May', 'Q1')",
    ]);
    expect(validateWorkbook(svReturn()).checks.notRun.map((c) => c.rule)).not.toContain(
      "sv-assurance"
    );
  });

  it("should say once that no level was found anywhere, rather than an error per item", () => {
    const none = (levels: Levels) => levels.map((row) => row.map(() => null));
    for (const columns of [false, true]) {
      const book = svReturn({
        columns,
        conditionLevels: none(allLevels(CONDITIONS.length)),
        riskLevels: none(allLevels(RISKS.length)),
      });
      expect(findings(book)).toEqual([
        expect.stringMatching(
          /^sv-assurance warning: None of the 7 conditions and risks has an assurance level for any update/
        ),
      ]);
    }
  });

  it("should say once that a risk register's updates were not read, rather than an error per risk", () => {
    const riskUpdates = ["Summer term", "Autumn term", "Spring term"];
    expect(findings(svReturn({ riskUpdates }))).toEqual([
      expect.stringMatching(
        /^sv-assurance warning: No update labels were read beside the 3 risks of the risk register/
      ),
    ]);
    // In columns, the risks under a heading row not read are not taken for the conditions' table.
    expect(findings(svReturn({ riskUpdates, columns: true }))).toEqual([]);
  });

  it("should read tables headed in other words: 'Deal condition', 'Risk title', 'RAG rating'", () => {
    const headings = ["Deal condition", "Risk title", "RAG rating"] as const;
    expect(findings(svReturn({ headings }))).toEqual([]);
    const riskLevels = withLevel(allLevels(3), 2, 2, null);
    expect(findings(svReturn({ headings, riskLevels }))).toEqual([
      expect.stringContaining("Risk 3 has no assurance level for Update 3 (November)"),
    ]);
  });

  it("should not take the months of a table pasted into the stacked column for updates", () => {
    const pasted: Row[] = [
      ["Month", "Jul 2022", "5.3%"],
      [null, "Jan 2023", "5.2%"],
      [null, "Jul 2023", "5.4%"],
      ["EHCNA Numbers", "Apr '24", "May '24", "Jun '24", "Jul '24", "Aug '24"],
      [null, "97.83", "97.00", "98.44", "98.92", "99.58"],
    ];
    expect(findings(svReturn({ pasted }))).toEqual([]);
    const updates = ["May", "August", "November"];
    expect(findings(svReturn({ updates, pasted }))).toEqual([]);
  });
});

describe("sv-signoff: a sign-off cell that says it is not signed off", () => {
  it.each(["N", "No - awaiting DCS", "Not yet signed", "Awaiting sign-off", "TBC"])(
    "should report '%s'",
    (signedOff) => {
      expect(findings(svReturn({ signedOff }))).toEqual([
        expect.stringContaining("sv-signoff error: The return is marked as not signed off"),
      ]);
    }
  );

  it.each(["N. Smith and P. Jones", "Noah Smith (S151), 10/12/2024", "Yes"])(
    "should take '%s' for a sign-off",
    (signedOff) => {
      expect(findings(svReturn({ signedOff }))).toEqual([]);
    }
  );
});

describe("council variants saved as .xlsx", () => {
  it("should give the same findings after a round trip through .xlsx", async () => {
    const variants: Variant[] = [
      { answers: ["N", "No – see commentary", "Y"] },
      {
        updates: ["May", "August", "November"],
        conditions: ["Condition 1", "Condition 2", "Condition 3a", "Condition 3b"],
        conditionLevels: withLevel(allLevels(4), 3, 1, null),
      },
      { columns: true, riskLevels: withLevel(allLevels(3), 2, 0, "Purple") },
    ];
    const counts = [];
    for (const variant of variants) {
      const book = svReturn(variant);
      const read = await readXlsxBuffer(new Uint8Array(await writeXlsxBuffer(book)));
      expect(findings(read)).toEqual(findings(book));
      counts.push(findings(read).length);
    }
    expect(counts).toEqual([0, 1, 1]);
  });
});
