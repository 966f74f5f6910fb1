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
import { locateTemplate } from "../../src/templates/locate";

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
  /** A row of text put above the third condition ("Condition 3 - the following sub-conditions:"). */
  readonly beforeThird?: string;
  /** Each level written after its update's label in the label's cell ("Update 1 (May): Amber"). */
  readonly inline?: boolean;
  /** Rows put below the key personnel (a sign-off block). */
  readonly signOffRows?: readonly Row[];
  /** Words put before each page heading ("Borsetshire – "). */
  readonly headingPrefix?: string;
  /** A "Risk owner" column between the risk and its levels in the risk register. */
  readonly riskOwner?: boolean;
}

function itemRows(
  heading: string,
  names: readonly string[],
  levels: Levels,
  v: Variant,
  updates: readonly string[]
): Row[] {
  const conditions = names === (v.conditions ?? CONDITIONS);
  const before = (i: number): Row[] =>
    conditions && i === 2 && v.beforeThird !== undefined ? [[v.beforeThird]] : [];
  if (v.columns) {
    return [
      [heading, ...updates, "Progress Update from this Quarter"],
      ...names.flatMap((name, i) => [
        ...before(i),
        [
          `${name}: the authority undertakes to do what the agreement says.`,
          ...updates.map((_, u) => levels[i]?.[u] ?? null),
          "Progress this quarter.",
        ],
      ]),
    ];
  }
  const levelsHeading = v.headings?.[2] ?? "Assurance Level";
  // A "Risk owner" column between the risk and its levels.
  const owner = !conditions && v.riskOwner === true;
  const withOwner = (row: Row, value: CellValue): Row =>
    owner ? [row[0], value, ...row.slice(1)] : row;
  const rows: Row[] = [
    withOwner([heading, levelsHeading, "Progress Update from this Quarter"], "Risk owner"),
  ];
  names.forEach((name, i) => {
    rows.push(...before(i));
    updates.forEach((label, u) => {
      const text =
        u === 0 ? `${name}: the authority undertakes to do what the agreement says.` : null;
      const level = levels[i]?.[u] ?? null;
      const progress = u === 0 ? "Progress this quarter." : null;
      if (v.inline) {
        rows.push(withOwner([text, `${label}: ${level ?? ""}`, progress], "Director of Education"));
        return;
      }
      rows.push(withOwner([text, label, progress], "Director of Education"));
      rows.push(withOwner([null, level], "Director of Education"));
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
  const prefix = v.headingPrefix ?? "";
  const rows: Row[] = [
    [`${prefix}SAFETY VALVE PROGRAMME OVERVIEW`],
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
    ...(v.signOffRows ?? []),
    ["Is your LA's Safety Valve plan on track?", "Yes/No", "Commentary"],
    ["To achieve the Safety Valve agreement's projected deficit in the current year?", a1, "Over."],
    ["To achieve a £0 DSG deficit by the end of the Safety Valve agreement?", a2, "Later."],
    [],
    [null, "Yes/No", "Commentary"],
    ["Is your LA's Safety Valve capital project on track?", a3, "On schedule."],
    [],
    [`${prefix}SAFETY VALVE PROGRAMME DETAILED UPDATE`],
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
    [`${prefix}SAFETY VALVE PROGRAMME RISK REGISTER`],
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
    ["Word's check boxes", ["☐ Yes ☑ No", "☐ Yes ☒ No", "☑ Yes ☐ No"]],
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

  it("should read a mark under a 'Yes' or a 'No' column as that answer", () => {
    const rows: CellValue[][] = [
      ["Is your LA's Safety Valve plan on track?", "Yes", "No", "Commentary"],
      [
        "To achieve the Safety Valve agreement's projected deficit in the current year?",
        "X",
        null,
        "On track.",
      ],
      [
        "To achieve a £0 DSG deficit by the end of the Safety Valve agreement?",
        null,
        "✓",
        "£5m adverse.",
      ],
      [
        "To deliver the agreed savings from the plan's workstreams this year?",
        null,
        null,
        "Not yet known.",
      ],
      ["To open the new special school places agreed with the DfE in the year?", "X", "X", "Part."],
    ];
    const questions = locateTemplate(
      { sheets: [sheetFromRows("Return", rows)] },
      { template: "safety-valve-return" }
    ).svReturn?.questions;
    expect(questions?.map((q) => [q.answer.value, q.answer.col, q.commentary.col])).toEqual([
      ["Yes", 1, 3],
      ["No", 2, 3],
      [null, 1, 3],
      ["X under Yes and X under No", 1, 3],
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
      { columns: true, conditionLevels: withLevel(conditions, 0, 0, "Purple") },
      "Condition 1 has the assurance level 'Purple' for Update 1 (May)",
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

  it("should warn, not err, on a condition with no first level: an agreement varied in the year adds one", () => {
    for (const [columns, level] of [
      [false, "N/A"],
      [true, null],
    ] as const) {
      const found = findings(
        svReturn({ columns, conditionLevels: withLevel(conditions, 1, 0, level) })
      );
      expect(found).toEqual([
        expect.stringMatching(
          /^sv-assurance warning: Condition 2 has no assurance level for Update 1 \(May\): enter the level it was given, unless the condition was added to the agreement at Update 2 \(August\)/
        ),
      ]);
    }
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

describe("sv-assurance: a word before the level", () => {
  it.each(["RAG:", "Rating:", "Status:", "RAG =", "RAG -", "RAG status -"])(
    "should read '%s Amber' as the level Amber, stacked or in columns, and not as a legend",
    (word) => {
      const prefixed = allLevels(CONDITIONS.length).map((row) =>
        row.map((level) => `${word} ${String(level)}`)
      );
      for (const columns of [false, true])
        expect(findings(svReturn({ columns, conditionLevels: prefixed }))).toEqual([]);
      const blank = withLevel(prefixed, 0, 2, null);
      expect(findings(svReturn({ conditionLevels: blank }))).toEqual([
        expect.stringContaining("Condition 1 has no assurance level for Update 3 (November)"),
      ]);
    }
  );
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
  it("should read terms without years written in academic order as the academic year's updates", () => {
    const updates = ["Autumn term", "Spring term", "Summer term"];
    const summerNotDue = (n: number) => allLevels(n).map((row) => [...row.slice(0, 2), null]);
    for (const columns of [false, true]) {
      const book = svReturn({
        columns,
        updates,
        conditionLevels: summerNotDue(CONDITIONS.length),
        riskLevels: summerNotDue(RISKS.length),
      });
      expect(findings(book)).toEqual([]);
    }
    const springBlank = withLevel(summerNotDue(CONDITIONS.length), 0, 1, null);
    expect(
      findings(
        svReturn({ updates, conditionLevels: springBlank, riskLevels: summerNotDue(RISKS.length) })
      )
    ).toEqual([expect.stringContaining("Condition 1 has no assurance level for Spring term")]);
  });

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
    const conditionLevels = withLevel(allLevels(4), 1, 1, null);
    expect(findings(svReturn({ updates, conditionLevels }))).toEqual([
      expect.stringContaining("Condition 2 has no assurance level for August, an earlier update"),
    ]);
  });

  it("should say the levels were not checked when no update label is read, rather than pass", () => {
    const updates = ["Round A", "Round B", "Round C"];
    const conditionLevels = withLevel(allLevels(4), 3, 2, null);
    const result = validateWorkbook(svReturn({ updates, conditionLevels }));
    // Said as a warning for each table whose updates were not read, rather than passed in silence.
    expect(
      result.findings
        .filter((f) => f.rule === "sv-assurance")
        .map((f) => `${f.severity}: ${f.message.split(" (")[0]}`)
    ).toEqual([
      "warning: No update labels were read beside the 4 conditions of the agreement",
      "warning: No update labels were read beside the 3 risks of the risk register",
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
    const riskUpdates = ["Round A", "Round B", "Round C"];
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

  it.each([
    "N. Smith and P. Jones",
    "Noah Smith (S151), Nora Jones (DCS), 10/12/2024",
    "Yes",
    "Jane Smith (Section 151 Officer); Tom Brown (Corporate Director for Children and Young People)",
    "Jane Smith, S151 Officer; Tom Brown, Corporate Director of People",
    "J Smith (S151) and T Brown (Executive Director for Children, Families and Education)",
    "J Smith (Sec. 151 Officer), T Brown (D.C.S.)",
  ])("should take '%s' for a sign-off", (signedOff) => {
    expect(findings(svReturn({ signedOff }))).toEqual([]);
  });

  it.each([
    ["Noah Smith (S151), 10/12/2024", "names only the S151 officer"],
    ["Darryl Freeman (DCS)", "names only the director of children's services"],
  ])("should report '%s', which names one officer by role", (signedOff, words) => {
    expect(findings(svReturn({ signedOff }))).toEqual([expect.stringContaining(words)]);
  });

  it.each([
    "To follow - awaiting DCS sign-off",
    "DCS sign-off pending",
    "Signature to follow",
    "S151 only – DCS to sign w/c 16 Dec",
  ])("should report '%s' as not signed off", (signedOff) => {
    expect(findings(svReturn({ signedOff }))).toEqual([
      expect.stringContaining("The return is marked as not signed off"),
    ]);
  });
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

describe("sv-assurance: a heading over numbered conditions", () => {
  it.each([
    "Condition 3 (SEND system conditions) – the authority must deliver the following sub-conditions:",
    "Condition 3: SEND system improvement (sub-conditions below)",
  ])("should not take '%s' above 3.1 and 3.2 for a condition, stacked or in columns", (text) => {
    for (const columns of [false, true]) {
      expect(findings(svReturn({ beforeThird: text, columns }))).toEqual([]);
      const conditionLevels = withLevel(allLevels(4), 3, 2, null);
      expect(findings(svReturn({ beforeThird: text, columns, conditionLevels }))).toEqual([
        expect.stringContaining("Condition 3.2 has no assurance level for Update 3 (November)"),
      ]);
    }
  });

  it("should still want the levels of a condition 3 that has its own update labels", () => {
    const conditions = ["Condition 1", "Condition 3", "Condition 3.1", "Condition 3.2"];
    const conditionLevels = withLevel(allLevels(4), 1, 2, null);
    expect(findings(svReturn({ conditions, conditionLevels }))).toEqual([
      expect.stringContaining("Condition 3 has no assurance level for Update 3 (November)"),
    ]);
  });

  it("should say once, as a warning, that a numbered row with no update beside it was not checked", () => {
    const found = findings(
      svReturn({ beforeThird: "Condition 4 was removed from the agreement in October 2024." })
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^sv-assurance warning: Condition 4 has no update labels or levels beside them in the Assurance Level column, so they were not checked/
      ),
    ]);
  });
});

describe("sv-assurance: 'N/A' for an update not yet due", () => {
  it.each(["N/A", "To be confirmed", "Not yet reported", "No update this quarter"])(
    "should not ask an August return for November when every November cell says '%s'",
    (words) => {
      const notDue = (levels: Levels) => levels.map((row) => [...row.slice(0, 2), words]);
      const book = svReturn({
        conditionLevels: notDue(allLevels(CONDITIONS.length)),
        riskLevels: notDue(allLevels(RISKS.length)),
      });
      expect(findings(book)).toEqual([]);
    }
  );
});

describe("sv-assurance: the level written in the update label's cell", () => {
  it("should read 'Update 1 (May): Amber' and report a missing level at its label", () => {
    expect(findings(svReturn({ inline: true }))).toEqual([]);
    const conditionLevels = withLevel(allLevels(4), 3, 2, null);
    expect(findings(svReturn({ inline: true, conditionLevels }))).toEqual([
      "sv-assurance error: Condition 3.2 has no assurance level for Update 3 (November): enter one of S, A, O, R, Blue, Green, Amber, Red.",
    ]);
  });

  it("should say once that no level is given when every label is left as 'Update 1 (May):'", () => {
    const none = (n: number): Levels => Array.from({ length: n }, () => [null, null, null]);
    const book = svReturn({ inline: true, conditionLevels: none(4), riskLevels: none(3) });
    expect(findings(book)).toEqual([
      expect.stringMatching(
        /^sv-assurance warning: None of the 7 conditions and risks has an assurance level for any update/
      ),
    ]);
  });

  it("should report a level written after the label that the legend does not define", () => {
    const riskLevels = withLevel(allLevels(3), 2, 1, "Purple");
    expect(findings(svReturn({ inline: true, riskLevels }))).toEqual([
      expect.stringContaining(
        "Risk 3 has the assurance level 'Purple' for Update 2 (August), which the RAG legend does not define"
      ),
    ]);
  });

  it.each([
    ["months", ["May", "August", "November"]],
    ["quarters", ["Q1", "Q2", "Q3"]],
  ])("should read levels written after %s alone ('May: Green')", (_, updates) => {
    expect(findings(svReturn({ inline: true, updates }))).toEqual([]);
    const conditionLevels = withLevel(allLevels(4), 3, 2, null);
    expect(findings(svReturn({ inline: true, updates, conditionLevels }))).toEqual([
      expect.stringContaining(`Condition 3.2 has no assurance level for ${updates[2]}`),
    ]);
  });

  it("should read labels with a dash ('Update 1 (May) - A') and 'N/A' after the label", () => {
    const updates = ["Update 1 (May) -", "Update 2 (August) -", "Update 3 (November) -"];
    expect(findings(svReturn({ inline: true, updates }))).toEqual([]);
    const notDue = (levels: Levels) => levels.map((row) => [...row.slice(0, 2), "N/A"]);
    const book = svReturn({
      inline: true,
      conditionLevels: notDue(allLevels(CONDITIONS.length)),
      riskLevels: notDue(allLevels(RISKS.length)),
    });
    expect(findings(book)).toEqual([]);
  });
});

describe("sv-assurance: the levels column headed 'RAG', 'RAG rating', 'RAG status' or 'Rating'", () => {
  it.each(["RAG", "RAG rating", "RAG status", "Rating"])(
    "should read the levels and the RAG legend below when the column is headed '%s'",
    (heading) => {
      const headings = ["Agreement Condition", "Risk", heading] as const;
      const blue = withLevel(allLevels(3), 2, 2, "Blue");
      expect(findings(svReturn({ headings, riskLevels: blue }))).toEqual([]);
      const conditionLevels = withLevel(allLevels(4), 3, 2, null);
      expect(findings(svReturn({ headings, conditionLevels }))).toEqual([
        expect.stringContaining("Condition 3.2 has no assurance level for Update 3 (November)"),
      ]);
    }
  );
});

describe("sv-assurance: a risk register with a 'Risk owner' column", () => {
  it("should read the levels beside the owner and report a missing one", () => {
    expect(findings(svReturn({ riskOwner: true }))).toEqual([]);
    const riskLevels = withLevel(allLevels(3), 1, 2, null);
    expect(findings(svReturn({ riskOwner: true, riskLevels }))).toEqual([
      expect.stringContaining("Risk 2 has no assurance level for Update 3 (November)"),
    ]);
  });

  it.each(["Q3 position", "Confidence"])(
    "should find the levels column headed '%s' by the update labels it stacks",
    (heading) => {
      const headings = ["Agreement Condition", "Risk", heading] as const;
      expect(findings(svReturn({ headings, riskOwner: true }))).toEqual([]);
      const riskLevels = withLevel(allLevels(3), 1, 2, null);
      expect(findings(svReturn({ headings, riskOwner: true, riskLevels }))).toEqual([
        expect.stringContaining("Risk 2 has no assurance level for Update 3 (November)"),
      ]);
    }
  );
});

describe("sv-signoff: a sign-off given in rows below the header", () => {
  const signed: [string, Row[]][] = [
    [
      "'Signed off by:' and 'Date:' rows",
      [["Signed off by: J Smith (S151) and P Jones (DCS)"], ["Date: 12/12/2024"]],
    ],
    [
      "name and date beside their labels",
      [
        ["Sign-off"],
        ["S151 Officer name", "A Jones"],
        ["Date signed", 45636],
        ["Director of Children's Services name", "B Patel"],
        ["Date signed", 45636],
      ],
    ],
    [
      "signature rows",
      [
        ["S151 Officer signature", "Lizzie Watkin"],
        ["DCS signature", "Darryl Freeman"],
        ["Date of sign-off", "11/12/2024"],
      ],
    ],
    ["a 'Sign-off:' row", [["Sign-off: A Jones (S151), B Patel (DCS), 11 December 2024"]]],
    [
      "a signature left to the image with the name printed",
      [["Signed:"], ["Print name:", "A Jones"], ["Date:", "11/12/2024"]],
    ],
    [
      "a Name | Role | Date table",
      [
        ["Name", "Role", "Date"],
        ["A Jones", "S151 Officer", "12/12/2024"],
        ["B Patel", "DCS", "12/12/2024"],
      ],
    ],
  ];

  it.each(signed)("should take %s for the sign-off when the header's cell is empty", (_, rows) => {
    expect(findings(svReturn({ signedOff: null, signOffRows: [...rows, []] }))).toEqual([]);
    const see = svReturn({ signedOff: "See sign-off below", signOffRows: [...rows, []] });
    expect(findings(see)).toEqual([]);
  });

  it("should report a sign-off block left empty once, at its first name", () => {
    const rows: Row[] = [
      ["Sign-off"],
      ["S151 Officer name", null],
      ["Date signed", null],
      ["Director of Children's Services name", null],
      ["Date signed", null],
      [],
    ];
    for (const signedOff of [null, "See sign-off below"]) {
      const result = validateWorkbook(svReturn({ signedOff, signOffRows: rows }));
      const signoff = result.findings.filter((f) => f.rule === "sv-signoff");
      expect(signoff.map((f) => [f.address, f.message])).toEqual([
        [
          "B9",
          "The sign-off by the S151 officer and the director of children's services is empty: fill in who signed the return off, in the sign-off rows or in the header's cell.",
        ],
      ]);
    }
  });

  it("should not take the key personnel's label beside an empty sign-off row for a name", () => {
    const rows: Row[] = [
      ["S151 Officer name", null, null, "Other key contacts:", "D Lee d@b.gov.uk"],
      [],
    ];
    expect(findings(svReturn({ signedOff: null, signOffRows: rows }))).toEqual([
      expect.stringContaining("sv-signoff error: The sign-off by the S151 officer"),
    ]);
  });

  it("should still report an empty header with no sign-off rows, and 'Not yet signed' below", () => {
    expect(findings(svReturn({ signedOff: null }))).toEqual([
      expect.stringContaining("sv-signoff error: The sign-off by the S151 officer"),
    ]);
    const rows: Row[] = [["Signed off by: Not yet signed"], []];
    expect(findings(svReturn({ signedOff: null, signOffRows: rows }))).toEqual([
      expect.stringContaining("sv-signoff error: The return is marked as not signed off"),
    ]);
  });
});

describe("the return recognised with the council's name before its page headings", () => {
  it.each([
    "Borsetshire – ",
    "Borsetshire County Council: ",
    "London Borough of Barking and Dagenham - ",
    "Borsetshire County Council ",
  ])("should recognise headings after '%s' and check the return", (headingPrefix) => {
    expect(findings(svReturn({ headingPrefix }))).toEqual([]);
    const conditionLevels = withLevel(allLevels(4), 3, 2, null);
    expect(findings(svReturn({ headingPrefix, conditionLevels }))).toEqual([
      expect.stringContaining("Condition 3.2 has no assurance level for Update 3 (November)"),
    ]);
  });
});
