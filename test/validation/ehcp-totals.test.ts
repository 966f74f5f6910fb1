import { describe, expect, it } from "vitest";
import { ehcpTotals } from "../../src/validation/rules/ehcp-totals";
import type { PlacementTables } from "../../src/templates/ehcp/ehcpModel";
import { ehcpTemplate, placement, row, runRule, type PlacementFigures } from "./ehcpSupport";

// Sheet rows from 5: ages (5-7), age total (8), needs (9-11), need total (12); years 2022-2024 in C-E.
const consistent: PlacementFigures = {
  byAge: { "under-5": [10, 11, 12], "5-to-10": [40, 42, 45], "11-to-15": [30, 33, 35] },
  ageTotal: [80, 86, 92],
  byNeed: { ASD: [30, 32, 35], SEMH: [20, 22, 24], SLCN: [30, 32, 33] },
  needTotal: [80, 86, 92],
};

const run = (placements: PlacementTables[], roundingPerRow = 0) =>
  runRule(ehcpTotals, ehcpTemplate({ sheet: "CYP summary", placements }), { roundingPerRow });

/** The placement with unread rows added to its need table. */
function withUnread(p: PlacementTables, ...labels: string[]): PlacementTables {
  const unread = labels.map((label, i) => row(p.sheet, 30 + i, label, [1, 1, 1]));
  return { ...p, byNeed: { ...p.byNeed!, unread } };
}

const UNREAD_TAIL =
  "and the rows that were read do not add up to their tables' totals, so those totals were not checked. " +
  "Label each row as in the DfE template, or by its SEN2 code.";

describe("ehcp-totals: rows whose labels were not read", () => {
  it("should warn once, naming the row, instead of failing a total the unread row explains", () => {
    // Sensory impairment (1 a year) is counted in the need total but its label was not read.
    const p = placement({ ...consistent, needTotal: [81, 87, 93], ageTotal: [81, 87, 93] });
    const rows = withUnread(p, "Sensory impairment (SI)");
    // The age rows do not add up either (they lack the same child), so the age total is reported.
    const reports = run([rows]);
    expect(reports[0]).toEqual({
      severity: "warning",
      message:
        "The EHCP tables have a row with counts whose label was not read as an age group or primary need " +
        `('Sensory impairment'), ${UNREAD_TAIL}`,
      at: { sheet: "CYP summary", row: 30, col: 0 },
    });
    expect(reports.slice(1).every((r) => r.message.includes("total by age group"))).toBe(true);
  });

  it("should count the rows and list at most five labels", () => {
    const labels = ["HI", "VI", "MSI", "PD", "Other", "Not known"];
    const p = withUnread(placement({ ...consistent, needTotal: [86, 92, 98] }), ...labels);
    const [warning] = run([p]);
    expect(warning.message).toBe(
      "The EHCP tables have 6 rows with counts whose label was not read as an age group or primary need " +
        `('HI', 'VI', 'MSI', 'PD', 'Other', …), ${UNREAD_TAIL}`
    );
  });

  it("should warn when only one year's total is out, and not when the rows read add up", () => {
    const oneYear = withUnread(placement({ ...consistent, needTotal: [80, 86, 93] }), "SI");
    const reports = run([oneYear]);
    // The 2024 need total is not failed against its rows, though it still disagrees with the age total.
    expect(reports.map((r) => r.severity ?? r.message)).toEqual([
      "warning",
      "Mainstream schools or academies 2024: the total by age group (92) does not equal the total by primary need (93).",
    ]);
    const addsUp = withUnread(placement(consistent), "Of which: new this year");
    expect(run([addsUp])).toEqual([]);
  });
});

describe("ehcp-totals: what a total is checked against", () => {
  it("should still add up a year whose blank cells hold spaces (a blank is not text)", () => {
    const spaced = { ...consistent, byNeed: { ...consistent.byNeed, ASD: [30, 32, " "] } };
    const reports = run([placement(spaced)]);
    expect(reports.map((r) => r.message)).toEqual([
      "Mainstream schools or academies 2024: the total by primary need (92) does not equal the sum of its rows (57).",
    ]);
    expect(reports[0]).toMatchObject({ expected: 57, actual: 92 });
  });

  it("should compare fractional projected counts exactly", () => {
    const projected: PlacementFigures = {
      byAge: { "under-5": [10.5, 11, 12], "5-to-10": [20.25, 42, 45] },
      ageTotal: [30.75, 53, 57],
      byNeed: { ASD: [15.5, 20, 27], SEMH: [15.25, 33, 30] },
      needTotal: [30.75, 53, 57],
    };
    expect(run([placement(projected)])).toEqual([]);
    // The need table without a total: its rows' exact sum is compared with the age total.
    expect(run([placement({ ...projected, needTotal: undefined })])).toEqual([]);
    const off = placement({
      ...projected,
      needTotal: undefined,
      byNeed: { ASD: [15.5, 20, 27], SEMH: [15.5, 33, 30] },
    });
    expect(run([off]).map((r) => r.message)).toEqual([
      "Mainstream schools or academies 2022: the total by age group (30.75) does not equal the total by primary need (31).",
    ]);
  });

  it("should compare the age rows' sum with the need total when a year's age total is blank", () => {
    expect(run([placement({ ...consistent, ageTotal: [80, 86, null] })])).toEqual([]);
    const disagree = placement({
      ...consistent,
      ageTotal: [80, 86, null],
      byAge: { ...consistent.byAge, "under-5": [10, 11, 13] },
    });
    const reports = run([disagree]);
    expect(reports.map((r) => r.message)).toEqual([
      "Mainstream schools or academies 2024: the total by age group (93) does not equal the total by primary need (92).",
    ]);
    expect(reports[0]).toMatchObject({ at: { sheet: "CYP summary", row: 12, col: 4 } });
  });

  it("should check a placement that has only a need table", () => {
    const p = placement(consistent);
    expect(run([{ ...p, byAge: undefined }])).toEqual([]);
    const wrong = placement({ ...consistent, needTotal: [80, 86, 90] });
    expect(run([{ ...wrong, byAge: undefined }]).map((r) => r.actual)).toEqual([90]);
  });

  it("should have no cell to point at when neither table has a total row", () => {
    const bare = placement({
      ...consistent,
      ageTotal: undefined,
      needTotal: undefined,
      byNeed: { ...consistent.byNeed, ASD: [30, 32, 36] },
    });
    expect(run([bare])).toEqual([]);
  });
});
