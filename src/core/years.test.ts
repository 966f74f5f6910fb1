import { describe, expect, it } from "vitest";
import {
  financialYearLabel,
  financialYearOfSerial,
  parseCensusYear,
  parseFinancialYear,
  financialYearIn,
} from "./years";

describe("parseFinancialYear", () => {
  it.each([
    ["2024-25", 2024],
    ["2024/25", 2024],
    ["2024-2025", 2024],
    ["2024 to 2025", 2024],
    ["2024 TO 2025", 2024],
    ["FY24/25", 2024],
    ["fy 2024-25", 2024],
    [" 2024 – 25 ", 2024],
    ["1999-00", 1999],
    ["2099-2100", 2099],
    ["2024-26", null],
    ["2024-2026", null],
    ["24-25", 2024],
    ["23/24", 2023],
    ["01/02", null],
    ["61/62", null],
    ["24/26", null],
    ["24-2025", null],
    ["2024", null],
    ["Total", null],
    ["", null],
  ])("should read %j as %j", (text, start) => {
    expect(parseFinancialYear(text)).toBe(start);
  });
});

describe("financialYearIn", () => {
  it.each([
    ["SV Year 1 2024/25", 2024],
    ["Year 1 2024/25", 2024],
    ["2024/25 (Year 1)", 2024],
    ["Y1 2024/25", 2024],
    ["Baseline 2023/24", 2023],
    ["Outturn 2023/24 (s251)", 2023],
    ["Outturn 23/24", 2023],
    ["Plan 2024-25 to 2028-29", null],
    ["Prepared 01/02/2024", null],
    ["As at 31.03.2025", null],
    ["Year 1", null],
  ])("should find the one financial year in %j: %j", (text, start) => {
    expect(financialYearIn(text)).toBe(start);
  });
});

describe("financialYearLabel", () => {
  it.each([
    [2024, "2024-25"],
    [1999, "1999-00"],
    [2008, "2008-09"],
  ])("should label %i as %s", (start, label) => {
    expect(financialYearLabel(start)).toBe(label);
  });
});

describe("parseCensusYear", () => {
  it.each([
    ["2024", 2024],
    ["Jan 2024", 2024],
    ["January 2024", 2024],
    ["jan. 2024", 2024],
    [2024, 2024],
    [2024.5, null],
    ["Janu 2024", null],
    ["2024-25", null],
    ["1066", null],
  ])("should read %j as %j", (text, year) => {
    expect(parseCensusYear(text)).toBe(year);
  });
});

describe("financialYearOfSerial", () => {
  it.each([
    ["1 January 1900", 1, 1899],
    ["28 February 1900", 59, 1899],
    ["Excel's phantom 29 February 1900", 60, 1899],
    ["31 March 1900", 91, 1899],
    ["1 April 1900", 92, 1900],
    ["31 March 2026, the last day of 2025-26", 46112, 2025],
    ["31 March 2026 at 6pm", 46112.75, 2025],
    ["1 April 2026", 46113, 2026],
    ["23 November 2026", 46349, 2026],
    ["31 December 9999", 2958465, 9999],
    ["0, before Excel's first date", 0, null],
    ["a serial after 9999", 2958466, null],
    ["a negative serial", -5, null],
    ["NaN", Number.NaN, null],
  ])("should place %s in the year starting %j", (_, serial, start) => {
    expect(financialYearOfSerial(serial)).toBe(start);
  });
});
