import { describe, expect, it } from "vitest";
import { headingsAfterName } from "../../src/templates/sections";
import {
  readInlineLevel,
  readItemLabel,
  readSignOffLabel,
  readUpdateLabel,
  readYesNo,
} from "../../src/templates/svReturn/svWording";

describe("readYesNo", () => {
  it.each<[unknown, "yes" | "no" | undefined]>([
    ["Yes", "yes"],
    ["Y", "yes"],
    ["yes.", "yes"],
    ["Yes - see commentary", "yes"],
    ["No", "no"],
    ["N", "no"],
    ["No – see commentary", "no"],
    ["no, off track", "no"],
    ["<p>No</p>", "no"],
    ["On track", "yes"],
    ["Off track", "no"],
    ["Not on track - see commentary", "no"],
    [true, "yes"],
    [false, "no"],
    ["On track?", undefined],
    ["N/A", undefined],
    ["Not yet", undefined],
    ["Yes/No", undefined],
    ["Partially", undefined],
    ["None", undefined],
    [null, undefined],
    [1, undefined],
  ])("should read %j as %s", (value, answer) => {
    expect(readYesNo(value)).toBe(answer);
  });
});

describe("readUpdateLabel", () => {
  it.each<[string, number | undefined, ("numbered" | "dated")?]>([
    ["Update 1 (May)", 1, "numbered"],
    ["Update 3 - November 2024", 3, "numbered"],
    ["Assurance level - Update 2", 2, "numbered"],
    ["Second update", 2, "numbered"],
    ["3rd update", 3, "numbered"],
    ["Update three", 3, "numbered"],
    ["Update #2", 2, "numbered"],
    ["Upd. 3", 3, "numbered"],
    ["Round 1", 1, "numbered"],
    ["Monitoring return 2", 2, "numbered"],
    ["31/05/2024", 1, "dated"],
    ["30.11.24", 3, "dated"],
    ["31/13/2024", undefined],
    ["May", 1, "dated"],
    ["August", 2, "dated"],
    ["November", 3, "dated"],
    ["Nov-24", 3, "dated"],
    ["May 2024", 1, "dated"],
    ["Sept 2024", 2, "dated"],
    ["February 2025", 4, "dated"],
    ["May update", 1, "dated"],
    ["Update - August", 2, "dated"],
    ["Q2", 2, "dated"],
    ["Quarter 3 2024-25", 3, "dated"],
    ["May (Update 1)", 1, "numbered"],
    ["Q1 (May)", 1, "dated"],
    ["Quarter 2 (August 2024)", 2, "dated"],
    ["RAG - May", 1, "dated"],
    ["August RAG rating", 2, "dated"],
    ["Update 2 RAG", 2, "numbered"],
    ["RAG rating Update 3", 3, "numbered"],
    ["Summer term update", 1, "numbered"],
    ["Update Autumn 2024", 20242, "numbered"],
    ["Spring 2025", 20244, "numbered"],
    ["Term 1", 1, "numbered"],
    ["T2 update", 2, "numbered"],
    ["Qtr 3", 3, "dated"],
    ["Q1 (Apr-Jun)", 1, "dated"],
    ["Return 1 – May 2024", 1, "numbered"],
    ["Monitoring report 2 (August)", 2, "numbered"],
    ["As at 31 May 2024", 1, "dated"],
    ["Last quarter RAG", 1, "numbered"],
    ["Current quarter", 2, "numbered"],
    ["May (see commentary)", undefined],
    ["This quarter's progress update", undefined],
    ["Term time only", undefined],
    ["May's update was late", undefined],
    ["Since update 1 the position has worsened badly", undefined],
    ["Mayor", undefined],
    ["Q5", undefined],
    ["2024/25", undefined],
  ])("should read %j as update %s", (text, number, style) => {
    const read = readUpdateLabel(text);
    expect(read?.number).toBe(number);
    if (style) expect(read?.style).toBe(style);
  });
});

describe("readItemLabel", () => {
  it.each<[string, string | undefined]>([
    ["Condition 1: The authority undertakes", "Condition 1"],
    ["Condition 3.2 - Prevent escalation", "Condition 3.2"],
    ["Condition 3b - Provide earlier support", "Condition 3b"],
    ["Condition 3(b): Provide", "Condition 3(b)"],
    ["Condition 3 (ii) Provide", "Condition 3(ii)"],
    ["Condition 3.1a Provide", "Condition 3.1a"],
    ["Condition 1. The authority", "Condition 1"],
    ["Deal condition 3.2: Prevent", "Condition 3.2"],
    ["<p>Condition 3.4: Improve</p>", "Condition 3.4"],
    ["Condition No. 4 Improve", "Condition 4"],
    ["Risk 2 - Relationships", "Risk 2"],
    ["R2: There is a risk", "Risk R2"],
    ["Condition 3ab is not numbering", undefined],
    ["Conditions of the agreement", undefined],
    ["Risk register", undefined],
    ["Red", undefined],
  ])("should read %j as %s", (text, name) => {
    expect(readItemLabel(text)?.name).toBe(name);
  });
});

describe("headingsAfterName", () => {
  it.each<[string, string]>([
    ["Borsetshire – SAFETY VALVE PROGRAMME OVERVIEW", "safety valve programme overview"],
    [
      "Borsetshire County Council: SAFETY VALVE PROGRAMME RISK REGISTER",
      "safety valve programme risk register",
    ],
    [
      "Borsetshire - SAFETY VALVE PROGRAMME DETAILED UPDATE – Q3 2024-25",
      "safety valve programme detailed update",
    ],
    ["Q3 2024-25 | Safety Valve programme overview (December)", "safety valve programme overview"],
    ["Stoke-on-Trent City Council – Safety Valve risk register", "safety valve risk register"],
    ["Borsetshire SAFETY VALVE PROGRAMME OVERVIEW", "safety valve programme overview"],
    [
      "Wiltshire Council SAFETY VALVE PROGRAMME RISK REGISTER",
      "safety valve programme risk register",
    ],
    ["WILTSHIRE COUNCIL SAFETY VALVE PROGRAMME OVERVIEW", "safety valve programme overview"],
    ["Borsetshire Council - Q3 SAFETY VALVE PROGRAMME OVERVIEW", "safety valve programme overview"],
    ["Q3 2024/25 SAFETY VALVE PROGRAMME RISK REGISTER", "safety valve programme risk register"],
    [
      "London Borough of Barking and Dagenham SAFETY VALVE PROGRAMME DETAILED UPDATE – Q3",
      "safety valve programme detailed update",
    ],
  ])("should find the heading in %j", (text, heading) => {
    expect(headingsAfterName(text)).toContain(heading);
  });

  it.each([
    // Sentences, headings with words after them, and an item's short title are not a heading after a name.
    "In summary – the Safety Valve programme overview shows progress",
    "Update: Safety Valve programme risk register reviewed monthly",
    "The council has reviewed its Safety Valve programme overview",
    "The council reviewed the SAFETY VALVE PROGRAMME OVERVIEW",
    "Condition 3.1 – Detailed update",
    "Risk 2: Risks",
  ])("should find no page heading in %j", (text) => {
    const headings = ["safety valve programme overview", "safety valve programme risk register"];
    const found = headingsAfterName(text);
    expect(found.filter((h) => headings.includes(h) || h.split(" ").length < 3)).toEqual([]);
  });
});

describe("readInlineLevel", () => {
  it.each<[string, [number, string, string] | undefined]>([
    ["Update 1 (May): Amber", [1, "Update 1 (May)", "Amber"]],
    ["Update 2 (August) - A", [2, "Update 2 (August)", "A"]],
    ["Update 1 - May 2024: Green", [1, "Update 1 - May 2024", "Green"]],
    ["Update 3 (November): N/A", [3, "Update 3 (November)", "N/A"]],
    ["Update 3 (November):", [3, "Update 3 (November)", ""]],
    ["Update 3 (November) -: Red - off target", [3, "Update 3 (November) -", "Red - off target"]],
    ["Q2: Amber/Green", [2, "Q2", "Amber/Green"]],
    ["Update 1 (May) Amber", [1, "Update 1 (May)", "Amber"]],
    ["Update 2 (August) – R", [2, "Update 2 (August)", "R"]],
    // A label alone, or a label followed by words that are not a level.
    ["Update 1 (May)", undefined],
    ["Update 1 - May 2024", undefined],
    ["Update 2 (August): see commentary", undefined],
    ["Update 2 (August 2024) see commentary", undefined],
    ["Condition 1: Amber", undefined],
  ])("should read %j", (text, read) => {
    const found = readInlineLevel(text);
    expect(found && [found.update.number, found.label, found.level]).toEqual(read);
  });
});

describe("readSignOffLabel", () => {
  it.each<[string, "name" | "date" | "role" | undefined]>([
    ["Signed off by: J Smith", "name"],
    ["S151 Officer name", "name"],
    ["DCS signature", "name"],
    ["Name of Director of Children's Services", "name"],
    ["Approved by", "name"],
    ["Name", "name"],
    ["Print name:", "name"],
    ["Full name", "name"],
    ["Date: 12/12/2024", "date"],
    ["Date signed", "date"],
    ["Date of S151 sign-off", "date"],
    ["Role", "role"],
    ["Position", "role"],
    // The key personnel's labels and commentary are not sign-off labels.
    ["S151 Officer:", undefined],
    ["DCS:", undefined],
    ["LA Name", undefined],
    ["Name of local authority", undefined],
    ["Name & Email Address of Key Personnel", undefined],
    [
      "The plan was signed off by the schools forum and the cabinet in March 2024 after consultation",
      undefined,
    ],
  ])("should read %j as %s", (text, part) => {
    expect(readSignOffLabel(text)).toBe(part);
  });
});
