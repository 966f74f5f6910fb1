/**
 * The custom functions called exactly as Excel calls them: ranges as rows of cells, optional
 * arguments as null, errors as CustomFunctions.Error.
 */
import { describe, expect, it } from "vitest";
import * as dsg from "../../src/functions/functions";
import { asColumn, asRow, outcome } from "./outcome";
import { closeTo, wiltshire } from "./wiltshire";

const cells = (values: readonly unknown[]) => asRow(values) as any[][];
const column = (values: readonly unknown[]) => asColumn(values) as any[][];
const omitted = null as any;

describe("DSG.CUMULATIVE on the Wiltshire August 2024 forecast", () => {
  const args = [
    wiltshire.opening,
    wiltshire.inYear,
    wiltshire.safetyValve,
    wiltshire.generalFund,
  ] as const;

  it("should spill the recomputed carried-forward row across a row", () => {
    const result = dsg.cumulative(args[0], cells(args[1]), cells(args[2]), cells(args[3]), omitted);
    expect(result).toHaveLength(1);
    result[0].forEach((value, i) => expect(closeTo(value, wiltshire.recomputed[i])).toBe(true));
  });

  it("should agree with the published row to within its rounding", () => {
    const [result] = dsg.cumulative(
      args[0],
      cells(args[1]),
      cells(args[2]),
      cells(args[3]),
      omitted
    );
    result.forEach((value, i) =>
      expect(Math.abs(value - wiltshire.carriedForward[i])).toBeLessThanOrEqual(0.0010000001)
    );
  });

  it("should spill down a column when in_year is a column", () => {
    const result = dsg.cumulative(
      args[0],
      column(args[1]),
      column(args[2]),
      column(args[3]),
      omitted
    );
    expect(result.map((row) => row.length)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(result.flat()).toEqual(wiltshire.recomputed);
  });

  it("should accept payments typed as a row while in_year is a column", () => {
    expect(
      dsg.cumulative(args[0], column(args[1]), cells(args[2]), cells(args[3]), omitted).flat()
    ).toEqual(wiltshire.recomputed);
  });

  it("should give the gross deficit with only opening and in_year", () => {
    expect(dsg.cumulative(args[0], cells(args[1]))[0].at(-1)).toBe(171.776);
  });
});

describe("the DSG functions on hand-worked cases", () => {
  it.each<[string, () => unknown, unknown]>([
    [
      "CUMULATIVE with adjustments",
      () => dsg.cumulative(10, cells([5, 5]), cells([-1, 0]), omitted, cells([0, -2])),
      [[14, 17]],
    ],
    [
      "CUMULATIVE with payments typed as 0",
      () => dsg.cumulative(10, cells([5, 5]), [[0]], [[null]], omitted),
      [[15, 20]],
    ],
    ["CUMULATIVE of one year", () => dsg.cumulative(10, [[5]], [[2]]), [[13]]],
    [
      "CUMULATIVE of tenths, exact where floating point gives 0.30000000000000004",
      () => dsg.cumulative(0.1, [[0.2, 0.1]]),
      [[0.3, 0.4]],
    ],
    [
      // Too many digits for whole units, so decimal.js adds them: exactly, unlike 1/3 + 1/3 + 1/3 = 1.
      "CUMULATIVE of thirds typed to 16 digits",
      () => dsg.cumulative(1 / 3, [[1 / 3, 1 / 3]]),
      [[0.6666666666666666, 0.9999999999999999]],
    ],
    [
      "CUMULATIVE with blank cells as 0, null or empty text",
      () => dsg.cumulative(0, cells([1, 0, null, "", undefined, 2])),
      [[1, 1, 1, 1, 1, 3]],
    ],
    ["RESIDUAL of Wiltshire's original plan", () => dsg.residual(0, [[137.2]], [[67]]), 70.2],
    [
      "RESIDUAL of the revised forecast",
      () =>
        dsg.residual(
          wiltshire.opening,
          cells(wiltshire.inYear),
          cells(wiltshire.safetyValve),
          cells(wiltshire.generalFund)
        ),
      34.509,
    ],
    [
      "RESIDUAL without contributions",
      () => dsg.residual(wiltshire.opening, cells(wiltshire.inYear), cells(wiltshire.safetyValve)),
      104.776,
    ],
    [
      "RESIDUAL with an instalment at risk",
      () => dsg.residual(10, cells([0, 0]), cells([2, 3]), omitted, cells(["received", "At Risk"])),
      8,
    ],
    [
      "RESIDUAL with blank statuses for no instalment",
      () => dsg.residual(10, cells([0, 0]), cells([0, 3]), omitted, cells([0, "expected"])),
      7,
    ],
    ["RESIDUAL of a surplus", () => dsg.residual(1, [[-5]], [[0]]), -4],
    ["HNSG at 90%", () => dsg.hnsg(100, omitted, omitted), 90],
    ["HNSG with ineligible overspend", () => dsg.hnsg(100, 0.9, 10), 81],
    [
      "ELIGIBLE of Wiltshire's deficit at 31 March 2026 as published (Schools Forum report autumn 2024, para 16)",
      () => dsg.eligible([[77.319]], omitted),
      77.319,
    ],
    [
      "ELIGIBLE as the lowest of a column of sources, published £77.319m and recomputed £77.318m (fixture fact 1)",
      () => dsg.eligible(column([77.319, 77.318]), omitted),
      77.318,
    ],
    [
      "ELIGIBLE less an ineligible part, sources across a row",
      () => dsg.eligible(cells([80, 77.318, 79.5]), 2.5),
      74.818,
    ],
    [
      "EXPOSURE of Wiltshire: 10% of £77.319m plus the net in-year deficits of 2026-27 and 2027-28 (para 16)",
      () => dsg.exposure(77.319, cells([21.879, 0.728]), omitted, omitted),
      30.3389,
    ],
    [
      "EXPOSURE with a share and an ineligible part",
      () => dsg.exposure(100, column([10, -5]), 0.9, 10),
      24,
    ],
    [
      "EXPOSURE with later years left blank",
      () => dsg.exposure(100, cells([null, ""]), omitted, omitted),
      10,
    ],
    [
      "CARRYCOST of BCP's deficit growing from £63m to £91m at 5% (cabinet report, May 2024)",
      () => dsg.carrycost(63, [[91]], [[0.05]]),
      [[3.85]],
    ],
    ["CARRYCOST as scalars", () => dsg.carrycost(63, 91 as any, 0.05 as any), [[3.85]]],
    [
      "CARRYCOST down a column, a rate per year and a surplus year",
      () => dsg.carrycost(63, column([91, 99, -120]), column([0.05, 0.04, 0.05])),
      [[3.85], [3.8], [0]],
    ],
    [
      "ROLLGAP on the published Wiltshire row",
      () =>
        dsg.rollgap(
          wiltshire.opening,
          cells(wiltshire.inYear),
          cells(wiltshire.safetyValve),
          cells(wiltshire.generalFund),
          cells(wiltshire.carriedForward)
        ),
      [[0, 0.001, 0, 0, 0, -0.001]],
    ],
    [
      "ROLLGAP with payments and contributions given as 0",
      () => dsg.rollgap(10, column([5, 5]), [[0]], [[0]], column([15, 21])),
      [[0], [1]],
    ],
    [
      "BALANCEYEAR on the Wiltshire forecast",
      () => dsg.balanceyear(cells(wiltshire.years), cells(wiltshire.inYear)),
      "2028-29",
    ],
    [
      "BALANCEYEAR on column labels in other styles",
      () => dsg.balanceyear(column(["2024/25", "FY25/26"]), cells([1, -1])),
      "2025-26",
    ],
    ["UPLIFT with a rate repeated", () => dsg.uplift(100, [[0.1]], 2), [[110, 121]]],
    ["UPLIFT with one rate and no periods", () => dsg.uplift(100, [[0.1]], omitted), [[110]]],
    [
      "UPLIFT down a column of rates",
      () => dsg.uplift(100, column([0.1, 0.1]), omitted),
      [[110], [121]],
    ],
    [
      "COST with inflation",
      () =>
        dsg.cost(
          [
            [10, 11],
            [5, 6],
          ],
          column([1000, 2000]),
          [[0.1]]
        ),
      [[20000, 25300]],
    ],
    [
      "COST with unit costs in a row",
      () =>
        dsg.cost(
          [
            [10, 11],
            [5, 6],
          ],
          cells([1000, 2000]),
          omitted
        ),
      [[20000, 23000]],
    ],
    ["AYTOFY across a row", () => dsg.aytofy(cells([12, 24, 36]), omitted), [[19, 31]]],
    ["AYTOFY down a column with 5 months", () => dsg.aytofy(column([12, 24]), 5), [[17]]],
    ["FY of 23 November 2026", () => dsg.fy(46349), "2026-27"],
    ["FY of 31 March 2026", () => dsg.fy(46112), "2025-26"],
    ["FY of 1 April 2026", () => dsg.fy(46113), "2026-27"],
    [
      "TRAJECTORY of a month's new and ceased plans",
      () => dsg.trajectory(1576, 1, omitted, [[34]], [[10]], omitted),
      [[1600]],
    ],
    [
      "TRAJECTORY down a column of new plans",
      () => dsg.trajectory(10, 2, [[0]], column([1, 2]), omitted, omitted),
      [[11], [13]],
    ],
    [
      "TRAJECTORY with mitigation",
      () => dsg.trajectory(100, 2, omitted, omitted, omitted, [[39]]),
      [[61, 22]],
    ],
  ])("should compute %s", (_, call, expected) => {
    expect(outcome(call)).toEqual(expected);
  });
});

describe("the DSG functions on bad input", () => {
  it.each<[string, () => unknown, string]>([
    [
      "text in a money series",
      () => dsg.cumulative(0, cells([1, 2, "n/a"])),
      "#VALUE! in_year: value 3 is text ('n/a')",
    ],
    [
      "long text, shortened",
      () => dsg.cumulative(0, cells(["a very long piece of text indeed"])),
      "#VALUE! in_year: value 1 is text ('a very long piece of...')",
    ],
    [
      "a logical value",
      () => dsg.cumulative(0, column([1, true])),
      "#VALUE! in_year: value 2 is a logical value (TRUE)",
    ],
    [
      "an Excel error value",
      () =>
        dsg.cumulative(
          0,
          cells([1, new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero)])
        ),
      "#VALUE! in_year: value 2 is an error (#DIV/0!)",
    ],
    [
      "a snapshot error cell",
      () => dsg.cumulative(0, cells([{ error: "#REF!" }])),
      "#VALUE! in_year: value 1 is an error (#REF!)",
    ],
    ["an object", () => dsg.cumulative(0, cells([{}])), "#VALUE! in_year: value 1 is not a number"],
    [
      "NaN",
      () => dsg.cumulative(0, cells([Number.NaN])),
      "#VALUE! in_year: value 1 is not a finite number",
    ],
    ["text as opening", () => dsg.cumulative("35" as any, [[1]]), "#VALUE! opening is text ('35')"],
    [
      "a range as opening",
      () => dsg.cumulative([[1, 2]] as any, [[1]]),
      "#VALUE! opening must be a single value, not a range",
    ],
    [
      "a block for in_year",
      () =>
        dsg.cumulative(0, [
          [1, 2],
          [3, 4],
        ]),
      "#VALUE! in_year must be one row or one column (got 2 rows × 2 columns)",
    ],
    [
      "an empty range",
      () => dsg.cumulative(0, []),
      "#VALUE! in_year is empty: give at least one value",
    ],
    [
      "a ragged range",
      () => dsg.cumulative(0, [[1, 2], [3]]),
      "#VALUE! in_year is not a rectangular range",
    ],
    [
      "payments of another length",
      () => dsg.cumulative(0, cells([1, 2, 3, 4, 5, 6]), cells([1, 2, 3, 4, 5])),
      "#VALUE! payments has 5 values but in_year has 6",
    ],
    [
      "payments of mixed signs",
      () => dsg.cumulative(0, cells([1, 2]), cells([1, -2])),
      "#VALUE! payments mixes positive (value 1) and negative (value 2) amounts: type every amount with the same sign, they always reduce the deficit",
    ],
    [
      "text in contributions",
      () => dsg.cumulative(0, cells([1, 2]), omitted, cells([0, "x"])),
      "#VALUE! contributions: value 2 is text ('x')",
    ],
    [
      "an unknown payment status",
      () => dsg.residual(0, cells([1]), cells([1]), omitted, cells(["paid"])),
      "#VALUE! payment_status: value 1 is 'paid'; use received, expected, at risk, withheld or suspended",
    ],
    [
      "a logical payment status",
      () => dsg.residual(0, cells([1]), cells([1]), omitted, cells([true])),
      "#VALUE! payment_status: value 1 is a logical value (TRUE)",
    ],
    [
      "a share over 1",
      () => dsg.hnsg(100, 90, omitted),
      "#VALUE! share is 90; it must be between 0 and 1 (0.9 is 90%)",
    ],
    [
      "a blank source figure",
      () => dsg.eligible(column([77.319, null, 77.318]), omitted),
      "#VALUE! figures: value 2 is blank: give the deficit that source shows, or leave the source out of the range",
    ],
    [
      "a source figure left as empty text",
      () => dsg.eligible(cells([""]), omitted),
      "#VALUE! figures: value 1 is blank: give the deficit that source shows, or leave the source out of the range",
    ],
    [
      "a negative source figure",
      () => dsg.eligible(cells([77.319, -77.319]), omitted),
      "#VALUE! figures: value 2 is -77.319; give each source's deficit as a positive figure (a surplus has nothing to write off)",
    ],
    [
      "a source figure as text",
      () => dsg.eligible(cells(["£77.3m"]), omitted),
      "#VALUE! figures: value 1 is text ('£77.3m')",
    ],
    [
      "sources as a block",
      () =>
        dsg.eligible(
          [
            [1, 2],
            [3, 4],
          ],
          omitted
        ),
      "#VALUE! figures must be one row or one column (got 2 rows × 2 columns)",
    ],
    [
      "an ineligible part above the lowest figure",
      () => dsg.eligible(cells([80, 77.318]), 78),
      "#VALUE! ineligible is 78; it must be between 0 and the lowest figure (77.318)",
    ],
    [
      "an ineligible part as a range",
      () => dsg.eligible(cells([80]), [[1, 2]] as any),
      "#VALUE! ineligible must be a single value, not a range",
    ],
    [
      "an exposure on a surplus",
      () => dsg.exposure(-5, [[1]], omitted, omitted),
      "#VALUE! deficit is -5, a surplus: the High Needs Stability Grant only writes off a deficit",
    ],
    [
      "an exposure with the share as a percentage number",
      () => dsg.exposure(100, [[1]], 90, omitted),
      "#VALUE! share is 90; it must be between 0 and 1 (0.9 is 90%)",
    ],
    [
      "an exposure with text among the later years",
      () => dsg.exposure(100, cells([1, "tbc"]), omitted, omitted),
      "#VALUE! later_in_year: value 2 is text ('tbc')",
    ],
    [
      "an exposure with too much ineligible",
      () => dsg.exposure(100, [[1]], omitted, 101),
      "#VALUE! ineligible is 101; it must be between 0 and the deficit (100)",
    ],
    [
      "a carrying cost at a rate typed as a percentage number",
      () => dsg.carrycost(63, [[91]], [[5]]),
      "#VALUE! rate is 5; give the rate as a fraction (0.05 is 5%)",
    ],
    [
      "a carrying cost at a negative rate",
      () => dsg.carrycost(63, cells([91, 99]), cells([0.05, -0.01])),
      "#VALUE! rate: value 2 is negative (-0.01); it must be 0 or more",
    ],
    [
      "carrying-cost rates neither one nor one per year",
      () => dsg.carrycost(63, cells([91, 99, 100]), cells([0.05, 0.04])),
      "#VALUE! rate has 2 values but closing has 3: give one rate, or one per year",
    ],
    [
      "a carrying cost with text in closing",
      () => dsg.carrycost(63, cells([91, "n/a"]), [[0.05]]),
      "#VALUE! closing: value 2 is text ('n/a')",
    ],
    [
      "a carrying cost with an empty closing range",
      () => dsg.carrycost(63, [], [[0.05]]),
      "#VALUE! closing is empty: give at least one value",
    ],
    [
      "closing of another length",
      () => dsg.rollgap(0, cells([1, 2]), [[0]], [[0]], cells([1])),
      "#VALUE! closing has 1 value but in_year has 2",
    ],
    [
      "never balancing",
      () => dsg.balanceyear(cells(["2024-25", "2025-26"]), cells([1, 2])),
      "#N/A in-year balance is never reached in 2024-25..2025-26",
    ],
    [
      "a year that is a number",
      () => dsg.balanceyear(cells([2024]), cells([1])),
      "#VALUE! years: value 1 is '2024', not a financial year like 2024-25",
    ],
    [
      "a blank year",
      () => dsg.balanceyear(cells(["2024-25", 0]), cells([1, 2])),
      "#VALUE! years: value 2 is blank, not a financial year like 2024-25",
    ],
    [
      "years as a block",
      () =>
        dsg.balanceyear(
          [
            ["2024-25", "2025-26"],
            ["a", "b"],
          ],
          cells([1, 2])
        ),
      "#VALUE! years must be one row or one column (got 2 rows × 2 columns)",
    ],
    [
      "growth beyond Excel's numbers",
      () => dsg.uplift(1e300, [[10]], 400),
      "#NUM! the result is too large for Excel",
    ],
    ["periods as text", () => dsg.uplift(1, [[0.1]], "3" as any), "#VALUE! periods is text ('3')"],
    [
      "caseload with text",
      () => dsg.cost([[1, "x"]], [[1]], omitted),
      "#VALUE! caseload: row 1, column 2 is text ('x')",
    ],
    [
      "unit costs missing",
      () => dsg.cost([[1], [2]], [[1]], omitted),
      "#VALUE! unit_cost has 1 value but caseload has 2 rows (one per placement type)",
    ],
    [
      "one academic year",
      () => dsg.aytofy([[12]], omitted),
      "#VALUE! academic_year_values needs at least 2 academic years to make one financial year",
    ],
    [
      "a date before 1900",
      () => dsg.fy(0),
      "#VALUE! date is 0; it must be an Excel date from 1 (1 January 1900) to 2958465 (31 December 9999)",
    ],
    ["a date as text", () => dsg.fy("23/11/2026" as any), "#VALUE! date is text ('23/11/2026')"],
    [
      "a stock below zero",
      () => dsg.trajectory(1, 3, omitted, omitted, [[1]], omitted),
      "#VALUE! the number of plans falls below zero in period 2 (-1)",
    ],
    [
      "periods left blank",
      () => dsg.trajectory(1, null as any),
      "#VALUE! periods is 0; it must be a whole number from 1 to 16384",
    ],
  ])("should refuse %s", (_, call, message) => {
    expect(outcome(call)).toBe(message);
  });

  it("should turn an unexpected exception into #VALUE! with a message", () => {
    const hostile = {
      get code(): string {
        throw new Error("boom");
      },
    };
    expect(outcome(() => dsg.cumulative(0, [[hostile]]))).toBe("#VALUE! unexpected problem: boom");
  });
});
