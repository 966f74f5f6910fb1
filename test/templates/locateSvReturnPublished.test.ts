import { describe, expect, it } from "vitest";
import { locateSvReturn } from "../../src/templates/svReturn/locateSvReturn";
import { labelWorkbook } from "../../src/templates/labels";
import { locateTemplate, recogniseTemplate } from "../../src/templates/locate";
import type { SvReturnSections, SvTrackedItem } from "../../src/templates/svReturn/svReturnModel";
import type { CellValue, Sheet, Workbook } from "../../src/workbook/workbook";
import { a1Range } from "../../src/workbook/address";
import { managementPlan } from "../../examples/examples";
import {
  realSvExamples,
  SV_PUBLISHED_SHEET,
  SV_TIDY_SHEETS,
  WILTSHIRE_LEVELS,
} from "../../examples/real/svReturns";
import { sheetFromRows } from "../support/sheets";

const example = (suffix: string): Workbook => {
  const found = realSvExamples().find((e) => e.name.endsWith(suffix));
  if (!found) throw new Error(`no example ${suffix}`);
  return found.workbook;
};
const published = () => example("wiltshire-sv-return-2024-12");
const tidy = () => example("-tidy");

const sv = (book: Workbook): SvReturnSections => {
  const found = locateSvReturn(labelWorkbook(book));
  if (!found) throw new Error("no return located");
  return found;
};
const at = (cell: { row: number; col: number }) =>
  a1Range({ top: cell.row, left: cell.col, bottom: cell.row, right: cell.col });
const levels = (items: readonly SvTrackedItem[]) =>
  Object.fromEntries(items.map((i) => [i.name, i.assurance.map((a) => a.cell.value)]));

/** The sheet's rows as values, to rebuild it with a change. */
function rowsOf(sheet: Sheet): CellValue[][] {
  const rows: CellValue[][] = Array.from({ length: sheet.top }, () => []);
  return [...rows, ...sheet.values.map((r) => [...Array<CellValue>(sheet.left).fill(null), ...r])];
}

function edited(book: Workbook, change: (rows: CellValue[][]) => void): Workbook {
  const rows = rowsOf(book.sheets[0]);
  change(rows);
  return { sheets: [sheetFromRows(book.sheets[0].name, rows)] };
}

const rowStarting = (rows: CellValue[][], col: number, text: string) =>
  rows.findIndex((r) =>
    String(r[col] ?? "")
      .replace(/<[^>]*>/g, "")
      .startsWith(text)
  );

describe("recognising the published Safety Valve return", () => {
  it("should take the Wiltshire return as published for a Safety Valve return, with nothing required missing", () => {
    const { profile, recognition } = recogniseTemplate(published());
    expect(profile.id).toBe("safety-valve-return");
    expect(recognition.recognised).toBe(true);
    expect(recognition.missingRequired).toEqual([]);
    expect(recognition.found).toEqual(
      expect.arrayContaining([
        "section 'Safety Valve programme overview'",
        "section 'Safety Valve programme detailed update'",
        "section 'Safety Valve programme risk register'",
        "section 'RAG legend'",
      ])
    );
  });

  it.each([
    ["the tidy copy on three sheets", tidy],
    ["the published text", published],
  ])("should not look for a financial summary in %s", (_, build) => {
    expect(locateTemplate(build()).financial).toBeUndefined();
  });

  it("should still take the management plan for a plan", () => {
    expect(recogniseTemplate(managementPlan()).profile.id).toBe("dsg-management-plan");
  });

  it("should not take a plan with an overview, risks and headlines for a return", () => {
    const plan = managementPlan();
    const narrative = sheetFromRows("Narrative", [
      ["Overview"],
      ["Headlines"],
      ["Risks"],
      ["Safety Valve programme overview"],
    ]);
    const book = { sheets: [...plan.sheets, narrative] };
    expect(recogniseTemplate(book).profile.id).toBe("dsg-management-plan");
    // Its Financial summary sheet alone is not a Safety Valve return either.
    const summaryOnly = { sheets: plan.sheets.filter((s) => s.name === "Financial summary") };
    expect(recogniseTemplate(summaryOnly).profile.id).toBe("dsg-management-plan");
  });

  it("should match the page headings by meaning: case, prefix and punctuation aside", () => {
    const book = edited(published(), (rows) => {
      for (const r of rows)
        if (r[0] === "SAFETY VALVE PROGRAMME DETAILED UPDATE")
          r[0] = "Safety Valve Programme - detailed update (Quarter 3)";
        else if (r[0] === "SAFETY VALVE PROGRAMME RISK REGISTER")
          r[0] = "SV Programme: Risk register";
    });
    const { recognition } = recogniseTemplate(book);
    expect(recognition.missing).not.toContain("section 'Safety Valve programme detailed update'");
    expect(recognition.missing).not.toContain("section 'Safety Valve programme risk register'");
    expect(Object.keys(levels(sv(book).conditions))).toHaveLength(7);
  });
});

describe("locating the published return's overview", () => {
  it("should read the header row's values in the row below, the empty sign-off included", () => {
    const overview = sv(published()).overview;
    expect(overview?.laName?.value.value).toBe("Wiltshire");
    expect(overview?.dateSubmitted?.value.value).toBe("11 th December 2024");
    expect(overview?.signedOff?.value).toMatchObject({ row: 5, col: 2, value: null });
    expect(overview?.keyPersonnel?.label).toBe("Name & Email Address of Key Personnel");
  });

  it("should read each key contact beside its label, name and email in one cell", () => {
    const contacts = sv(published()).overview?.contacts ?? [];
    expect(contacts.map((c) => [c.role, at(c.name), String(c.name.value).split(" ")[0]])).toEqual([
      ["ceo", "E6", "Lucy"],
      ["s151", "E7", "Lizzie"],
      ["dcs", "E8", "Darryl"],
      ["other", "E9", "Kathryn"],
    ]);
  });

  it("should read a contact written in its label cell ('DCS: name')", () => {
    const book = edited(published(), (rows) => {
      const dcs = rows.findIndex((r) => r[3] === "DCS:");
      rows[dcs][3] = "DCS: Darryl Freeman Darryl.Freeman@wiltshire.gov.uk";
      rows[dcs][4] = null;
    });
    const dcs = sv(book).overview?.contacts.find((c) => c.role === "dcs");
    expect(dcs && [at(dcs.name), dcs.email && at(dcs.email)]).toEqual(["D8", "D8"]);
  });
});

describe("locating the published return's on-track questions", () => {
  it("should find both plan questions and the capital-project question in its own table", () => {
    const questions = sv(published()).questions;
    expect(
      questions.map((q) => [at(q.at), at(q.answer), at(q.commentary), q.answer.value])
    ).toEqual([
      ["A12", "B12", "C12", "No"],
      ["A13", "B13", "C13", "No"],
      ["A21", "B21", "C21", "Yes"],
    ]);
    expect(questions[2].text).toBe("Is your LA's Safety Valve capital project on track?");
  });

  it("should not take a Yes/No table about something else for an on-track question", () => {
    const book = edited(published(), (rows) => {
      const capital = rowStarting(rows, 0, "Is your LA's Safety Valve capital project");
      rows[capital][0] = "Do you need additional support from our SEND advisers?";
    });
    expect(sv(book).questions).toHaveLength(2);
  });
});

describe("locating the published return's conditions and risks", () => {
  it("should find the seven conditions and five risks, in the stacked layout", () => {
    const found = sv(published());
    expect(found.conditions.map((c) => c.name)).toEqual([
      "Condition 1",
      "Condition 2",
      "Condition 3.1",
      "Condition 3.2",
      "Condition 3.3",
      "Condition 3.4",
      "Condition 3.5",
    ]);
    expect(found.risks.map((r) => r.name)).toEqual([
      "Risk 1",
      "Risk 2",
      "Risk 3",
      "Risk 4",
      "Risk 5",
    ]);
    expect([...found.conditions, ...found.risks].every((i) => i.layout === "stacked")).toBe(true);
  });

  it("should read every level as published: labels and levels stacked, wherever the rendering put them", () => {
    const found = sv(published());
    expect(levels([...found.conditions, ...found.risks])).toEqual(WILTSHIRE_LEVELS);
  });

  it("should read Condition 2 as one condition though its text is repeated for Update 3", () => {
    const condition2 = sv(published()).conditions[1];
    expect(condition2.at).toMatchObject({ row: 62, col: 0 });
    expect(condition2.assurance.map((a) => [a.update.label, at(a.cell)])).toEqual([
      ["Update 1 (May)", "B64"],
      ["Update 2 (August)", "B66"],
      ["Update 3 (November)", "B68"],
    ]);
  });

  it("should take the update label's cell for a level that has no row of its own", () => {
    const risk1 = sv(published()).risks[0].assurance[2];
    expect([at(risk1.cell), risk1.cell.value, risk1.labelAt && at(risk1.labelAt)]).toEqual([
      "B182",
      null,
      "B182",
    ]);
  });

  it("should carry a condition across page breaks and not take pasted figures or narrative for conditions", () => {
    const condition = sv(published()).conditions[2];
    // Condition 3.1's Update 1 level is the first level after its label, past the pasted EHCP figures.
    expect(condition.assurance.map((a) => at(a.cell))).toEqual(["B80", "A82", "A84"]);
    expect(condition.progress && at(condition.progress)).toBe("C76");
  });

  it("should read a risk's mitigation and progress columns", () => {
    const risk = sv(published()).risks[3];
    expect([risk.mitigation && at(risk.mitigation), risk.progress && at(risk.progress)]).toEqual([
      "C198",
      "D198",
    ]);
  });

  it("should find a level below its label after a page break", () => {
    const book = edited(published(), (rows) => {
      const risk3 = rowStarting(rows, 0, "Risk 3:");
      const label = rows.findIndex((r, i) => i > risk3 && r[1] === "Update 3 (November)");
      rows.splice(
        label + 1,
        0,
        [],
        ["SAFETY VALVE PROGRAMME RISK REGISTER"],
        [],
        ["Risk", "Assurance Level", "Mitigation", "Progress Update from this Quarter"]
      );
    });
    const risk3 = sv(book).risks[2].assurance[2];
    expect([risk3.cell.value, at(risk3.cell)]).toEqual(["Green", "B197"]);
  });

  it("should read the RAG legend's letters and definitions", () => {
    expect(sv(published()).legend.map((e) => [e.letter, e.definition])).toEqual([
      ["S", "Savings/cost avoidance and/or workstream(s) complete"],
      ["A", "Savings/cost avoidance and/or workstream(s) remains on target"],
      [
        "O",
        "Savings/cost avoidance and/or workstream(s) are currently off target, with plans to mitigate",
      ],
      ["R", "Savings/cost avoidance and/or workstream(s) are off target"],
    ]);
  });
});

describe("locating a tidy copy: merged conditions, one sheet per part", () => {
  it("should read each merged condition's stacked levels from the cells below its labels", () => {
    const found = sv(tidy());
    const got = levels([...found.conditions, ...found.risks]);
    expect(got["Condition 1"]).toEqual(["Green", "Amber", "Red"]);
    expect(got["Risk 4"]).toEqual(["Amber", "Amber", "Blue"]);
    expect(Object.keys(got)).toHaveLength(12);
    expect(found.conditions[0].at).toMatchObject({ sheet: SV_TIDY_SHEETS.update, row: 3 });
    expect(found.risks[0].at).toMatchObject({ sheet: SV_TIDY_SHEETS.risks, row: 3 });
  });

  it("should point at the blank cell under a label inside a merged condition", () => {
    const book = tidy();
    const sheets = book.sheets.map((sheet) => {
      if (sheet.name !== SV_TIDY_SHEETS.update) return sheet;
      const values = sheet.values.map((r) => [...r]);
      values[8 - sheet.top][1 - sheet.left] = null; // B9: Condition 1's Update 3 level
      return { ...sheet, values };
    });
    const condition1 = sv({ sheets }).conditions[0].assurance[2];
    expect([condition1.cell.value, at(condition1.cell)]).toEqual([null, "B9"]);
  });

  it("should name a condition written without its number by the start of its text", () => {
    const sheets = tidy().sheets.map((sheet) => {
      if (sheet.name !== SV_TIDY_SHEETS.update) return sheet;
      const values = sheet.values.map((r) => [...r]);
      values[3 - sheet.top][0 - sheet.left] =
        "Reach a positive in-year balance by the end of 2028-29.";
      return { ...sheet, values };
    });
    const condition = sv({ sheets }).conditions[0];
    expect(condition.name).toBe("Condition 'Reach a positive in-year balance by the…'");
    expect(condition.assurance.map((a) => a.cell.value)).toEqual(["Green", "Amber", "Red"]);
  });

  it("should read the overview of the tidy copy: a real date and a merged sign-off", () => {
    const overview = sv(tidy()).overview;
    expect(overview?.sheet).toBe(SV_TIDY_SHEETS.overview);
    expect(typeof overview?.dateSubmitted?.value.value).toBe("number");
    expect(overview?.signedOff?.value.value).toBe("Yes");
    expect(sv(tidy()).questions.map((q) => q.answer.value)).toEqual(["No", "No", "Yes"]);
  });
});

describe("the published layout's sheet", () => {
  it("should be the one sheet of the published examples", () => {
    expect(published().sheets.map((s) => s.name)).toEqual([SV_PUBLISHED_SHEET]);
  });
});
