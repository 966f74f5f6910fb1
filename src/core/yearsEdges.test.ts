/** Edges of the year readers: the first and last years accepted, and dates around 1 April. */
import { describe, expect, it } from "vitest";
import { financialYearOfDate, financialYearOfSerial, parseCensusYear } from "./years";

describe("parseCensusYear at its limits", () => {
  it.each([
    [1900, 1900],
    [1899, null],
    [9999, 9999],
    [10000, null],
    [2024.5, null],
    ["1900", 1900],
    ["1899", null],
    ["Jan. 2024", 2024],
    ["Sept 2023", 2023],
    ["Janvier 2024", null],
  ])("should read %j as %j", (text, year) => {
    expect(parseCensusYear(text)).toBe(year);
  });
});

describe("financialYearOfDate", () => {
  it.each([
    // DATE(2026,11,23), DATE(2026,3,31), DATE(2026,4,1): 31 March ends the year, 1 April starts one.
    [46349, "2026-27"],
    [46112, "2025-26"],
    [46113, "2026-27"],
    [46113.99, "2026-27"],
    // The first and last dates Excel has.
    [1, "1899-00"],
    [2958465, "9999-00"],
  ])("should give serial %d the year %s", (serial, label) => {
    expect(financialYearOfDate(serial)).toEqual({ ok: true, value: label });
  });

  it.each([0, -1, 2958466, Number.NaN])("should refuse serial %d", (serial) => {
    expect(financialYearOfDate(serial)).toEqual({
      ok: false,
      error: {
        kind: "invalid",
        message: `date is ${serial}; it must be an Excel date from 1 (1 January 1900) to 2958465 (31 December 9999)`,
      },
    });
  });

  it("should put Excel's phantom 29 February 1900 (serial 60) and the days around it in 1899-1900", () => {
    expect([59, 60, 61, 91, 92].map(financialYearOfSerial)).toEqual([1899, 1899, 1899, 1899, 1900]);
  });
});
