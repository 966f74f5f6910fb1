/** Which levels a return's RAG legend allows: the DfE's S/A/O/R letters, or a council's own B/G/A/R initials. */
import { describe, expect, it } from "vitest";
import { allowedLevels } from "../../src/validation/rules/sv-assurance";
import type { SvLegendEntry } from "../../src/templates/svReturn/svReturnModel";

const at = { sheet: "Return", row: 0, col: 0, value: null };
const legend = (entries: [string, string][]): SvLegendEntry[] =>
  entries.map(([letter, definition]) => ({ letter, definition, at }));

describe("allowedLevels", () => {
  it("should read the DfE's letters as their colours: A is Green, O is Amber", () => {
    const allowed = allowedLevels(
      legend([
        ["S", "Complete"],
        ["A", "Remains on target"],
        ["O", "Off target, with plans to mitigate"],
        ["R", "Off target"],
      ])
    );
    expect(allowed.sort()).toEqual(["A", "Amber", "Blue", "Green", "O", "R", "Red", "S"]);
  });

  it("should read a council's B/G/A/R letters as the initials of their colours: A is Amber", () => {
    const allowed = allowedLevels(
      legend([
        ["B", "Complete"],
        ["G", "On track"],
        ["A", "At risk"],
        ["R", "Off track"],
      ])
    );
    expect(allowed.sort()).toEqual(["A", "Amber", "B", "Blue", "G", "Green", "O", "R", "Red", "S"]);
  });

  it("should read a letter by the colour written beside it", () => {
    const allowed = allowedLevels([
      { letter: "A", colour: "Amber", definition: "At risk", at },
      { letter: "G", colour: "Green", definition: "On track", at },
    ]);
    expect(new Set(allowed)).toEqual(new Set(["A", "O", "G", "Amber", "Green"]));
  });
});
