import { describe, expect, it } from "vitest";
import {
  findLabel,
  findLabels,
  findSheetByName,
  labelMatches,
  labelSet,
  normaliseLabel,
  labelSheet,
  startsWithWords,
} from "./labels";
import { sheetFromRows } from "../../test/support/sheets";

describe("normaliseLabel", () => {
  it.each([
    ["Cumulative DSG deficit - brought forward", "cumulative dsg deficit brought forward"],
    ["  Transfers in/(out) ", "transfers in out"],
    ["£'000", "£000"],
    ["Children & young people", "children and young people"],
    ["1. Cumulative deficit brought forward", "cumulative deficit brought forward"],
    ["(b) Schools block", "schools block"],
    ["iv) Other adjustments", "other adjustments"],
    ["5 to 10", "5 to 10"],
    ["1.2.1 Top-up funding", "top up funding"],
    ["7.1 Summary of end of year positions", "summary of end of year positions"],
    ["A. Summary", "summary"],
  ])("should normalise %j to %j", (text, expected) => {
    expect(normaliseLabel(text)).toBe(expected);
  });
});

describe("labelMatches", () => {
  const broughtForward = labelSet([
    "Cumulative deficit brought forward",
    "Cumulative DSG deficit - brought forward",
  ]);

  it("should match a synonym followed by an explanation", () => {
    const wiltshire =
      "Cumulative DSG deficit - brought forward (deficit at beginning of financial year)";
    expect(labelMatches(wiltshire, broughtForward)).toBe(true);
  });

  it("should not match a longer word that merely starts with the label", () => {
    expect(labelMatches("ASDF", labelSet(["ASD"]))).toBe(false);
  });

  it("should refuse trailing words when exact matching is asked for", () => {
    expect(labelMatches("Total number by age group", labelSet(["Total"]), true)).toBe(false);
  });

  it("should ignore numbers, blanks and errors", () => {
    expect(labelMatches(12, broughtForward)).toBe(false);
    expect(labelMatches(null, broughtForward)).toBe(false);
    expect(labelMatches({ error: "#REF!" }, broughtForward)).toBe(false);
  });
});

describe("startsWithWords", () => {
  it.each([
    ["dsg allocation 2024", "dsg allocation", true],
    ["dsg allocation", "dsg allocation", false],
    ["dsg allocations", "dsg allocation", false],
    ["schools dsg allocation", "dsg allocation", false],
  ])("should tell whether %j starts with the words %j and more", (text, words, expected) => {
    expect(startsWithWords(text, words)).toBe(expected);
  });
});

describe("findLabels", () => {
  const sheet = sheetFromRows("Financial summary", [
    ["Schools block", null],
    ["DSG allocation", 10],
    ["High needs block", null],
    ["DSG allocation", 20],
  ]);

  it("should find a title numbered as a table ('Table 3a:', '3a.') by its words", () => {
    const titles = sheetFromRows("CYP", [
      ["Table 3a: Number of EHCPs by age group"],
      ["3b. Number of EHCPs by age group"],
      ["Tables of EHCPs"],
    ]);
    const hits = findLabels(labelSheet(titles), labelSet(["Number of EHCPs by age group"]));
    expect(hits.map((h) => h.row)).toEqual([0, 1]);
  });

  it("should return hits in reading order within an area", () => {
    const hits = findLabels(sheet, labelSet(["DSG allocation"]));
    expect(hits.map((h) => h.row)).toEqual([1, 3]);
    expect(findLabel(sheet, labelSet(["DSG allocation"]), { top: 2 })?.row).toBe(3);
  });

  it.each([
    ["the whole sheet", undefined, [1, 3]],
    ["below a row", { top: 2 }, [3]],
    ["above a row", { bottom: 2 }, [1]],
    ["right of the labels", { left: 1 }, []],
  ])("should find the labels in %s", (_, within, rows) => {
    expect(findLabels(sheet, labelSet(["DSG allocation"]), within).map((h) => h.row)).toEqual(rows);
  });

  // The index reads a plain first word straight from the text and normalises the rest only when searched,
  // so texts whose first word normalising changes must be found exactly as `labelMatches` finds them.
  it.each([
    ["Total DSG in-year deficit", "Total DSG in-year deficit", true],
    ["TOTAL  expenditure", "Total expenditure", true],
    ["1. Deficit brought forward", "Deficit brought forward", true],
    ["A. Summary", "Summary", true],
    ["A summary", "Summary", false],
    ["1.2.1 Top-up funding", "Top-up funding", true],
    ["LA's contribution", "LAs contribution", true],
    ["Schools\u00a0block", "Schools block", true],
    ["Café", "Caf", true],
    ["Children & young people", "Children and young people", true],
    ["Totals", "Total", false],
    ["£m figures", "£m", true],
    ["  Schools block", "Schools block", true],
  ])("should find %j by the label %j as labelMatches does (%s)", (text, label, matches) => {
    const texts = sheetFromRows("Notes", [[text]]);
    const labels = labelSet([label]);
    expect(labelMatches(text, labels)).toBe(matches);
    expect(findLabels(texts, labels).length > 0).toBe(matches);
  });

  it("should index a copy of a sheet afresh, so a label edited between two runs is seen", () => {
    const sheet = sheetFromRows("Financial summary", [["Schools block"], ["DSG allocation"]]);
    const funding = labelSet(["Schools block funding"]);
    expect(findLabel(sheet, funding)).toBeUndefined();
    const values = sheet.values.map((row) => [...row]);
    values[1][0] = "Schools block funding";
    expect(findLabel(labelSheet({ ...sheet, values }), funding)?.row).toBe(1);
  });

  it("should work out a sheet's finding once per run and keep it for the run", () => {
    const sheet = sheetFromRows("Financial summary", [["Schools block"]]);
    let asked = 0;
    const find = () => ++asked;
    expect([sheet.once("header", find), sheet.once("header", find)]).toEqual([1, 1]);
    expect(labelSheet({ ...sheet }).once("header", find)).toBe(2);
  });
});

describe("findSheetByName", () => {
  it("should find a sheet whatever its case and punctuation", () => {
    const sheets = [sheetFromRows("Cover", []), sheetFromRows("CYP-Summary ", [])];
    expect(findSheetByName(sheets, ["CYP summary"])?.name).toBe("CYP-Summary ");
  });
});
