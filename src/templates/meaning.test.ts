import { describe, expect, it } from "vitest";
import { labelWords, meanings, readLabel } from "./meaning";
import { END_OF_YEAR_MEANINGS } from "./financial/endOfYearLabels";

describe("labelWords", () => {
  it("should spell out b/f and c/f, make plurals singular and set long brackets aside as notes", () => {
    expect(labelWords("Cumulative DSG surplus/(deficit) b/f").words).toEqual([
      "cumulative",
      "dsg",
      "surplus",
      "deficit",
      "brought",
      "forward",
    ]);
    const read = labelWords("In year DSG deficit (before Safety Valve and local contributions)");
    expect(read.words).toEqual(["inyear", "dsg", "deficit"]);
    expect(read.note).toContain("safetyvalve");
    expect(labelWords("1. Speech, Language and Communications needs").words).toEqual([
      "speech",
      "language",
      "communication",
      "need",
    ]);
    expect(labelWords("7.1 Summary of end of year positions").words).toEqual([
      "summary",
      "end",
      "year",
      "position",
    ]);
  });
});

describe("readLabel", () => {
  const cases: [string, string | undefined][] = [
    [
      "Cumulative DSG deficit - brought forward (deficit at beginning of financial year)",
      "broughtForward",
    ],
    ["In year DSG deficit (before Safety Valve and local contributions)", "inYear"],
    ["Safety Valve programme contribution", "dfePayments"],
    ["Local general fund contribution", "laContribution"],
    [
      "Cumulative DSG deficit - carry forward (deficit at end of financial year including SV payments and local contributions)",
      "carriedForward",
    ],
    ["Cumulative DSG surplus/(deficit) brought forward", "broughtForward"],
    ["Cumulative DSG surplus/(deficit) carried forward", "carriedForward"],
    ["Deficit c/f", "carriedForward"],
    ["DSG in-year surplus/(deficit)", "inYear"],
    ["Opening balance", "broughtForward"],
    ["DfE Safety Valve payments", "dfePayments"],
    ["LA contribution", "laContribution"],
    ["Other adjustments", "adjustments"],
    ["Cumulative deficit", "carriedForward"],
    ["DSG deficit at 31 March", "carriedForward"],
    ["Deficit at 1 April", "broughtForward"],
    ["In year movement", "inYear"],
    ["Balance b/fwd", "broughtForward"],
    ["Contribution from LA reserves", "laContribution"],
    ["Mitigated in-year deficit", undefined],
    ["Schools block", undefined],
  ];
  it.each(cases)("should read %j as %s", (label, key) => {
    const reading = readLabel(label, END_OF_YEAR_MEANINGS);
    expect(reading.kind === "taken" ? reading.key : undefined).toBe(key);
  });

  it("should call a row of Safety Valve and council contributions together ambiguous", () => {
    expect(
      readLabel("Safety Valve and local authority contributions", END_OF_YEAR_MEANINGS)
    ).toEqual({
      kind: "ambiguous",
      keys: ["dfePayments", "laContribution"],
    });
  });

  it("should call a label that two meanings fit equally ambiguous", () => {
    const both = meanings([
      { key: "grant", name: "Grant", means: ["funding"] },
      { key: "income", name: "Income", means: ["funding"] },
    ]);
    expect(readLabel("Funding", both)).toEqual({
      kind: "ambiguous",
      keys: ["grant", "income"],
    });
    expect(readLabel("Other funding", both).kind).toBe("ambiguous");
  });
});
