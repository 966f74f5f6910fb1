import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dateOfSerial, serialOfTime } from "../../src/workbook/excelDate";

const iso = (serial: number) => dateOfSerial(serial).toISOString().slice(0, 16);

describe("Excel date serials", () => {
  it("counts from 1 January 1900 as day 1, with Excel's 29 February 1900", () => {
    expect(iso(1)).toBe("1900-01-01T00:00");
    expect(iso(59)).toBe("1900-02-28T00:00");
    expect(iso(61)).toBe("1900-03-01T00:00");
    expect(iso(45382)).toBe("2024-03-31T00:00");
    expect(iso(46112.6)).toBe("2026-03-31T14:24");
  });

  it("gives back the serial of a date, either side of 1 March 1900", () => {
    expect(serialOfTime(Date.UTC(2026, 2, 31))).toBe(46112);
    expect(serialOfTime(Date.UTC(1900, 0, 1))).toBe(1);
    expect(serialOfTime(Date.UTC(1900, 2, 1))).toBe(61);
  });

  it("turns a whole serial into its date and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_958_465 }), (serial) => {
        if (serial === 60) return; // 29 February 1900 never was
        expect(serialOfTime(dateOfSerial(serial).getTime())).toBe(serial);
      })
    );
  });
});
