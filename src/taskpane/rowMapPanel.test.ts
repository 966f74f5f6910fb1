import { describe, expect, it } from "vitest";
import { rowTarget } from "../templates/rowMap";
import { neededTargets, targetLabel } from "./rowMapPanel";

const notRun = (...needs: string[]) => ({
  ran: 20,
  of: 21,
  notRun: [{ rule: "some-check", title: "Some check", needs }],
});
const ids = (needs: string[]) => neededTargets(notRun(...needs)).map((t) => t.id);

describe("neededTargets", () => {
  it("should offer the end of year row a check needed", () => {
    expect(
      ids(["row 'Cumulative deficit carried forward' of 'Summary of end of year positions'"])
    ).toEqual(["endOfYear.carriedForward"]);
  });

  it("should offer a block's row in the block the need names, or in every block when it names none", () => {
    expect(ids(["row 'Block movements' of the High needs block"])).toEqual([
      "block.high-needs.movements",
    ]);
    expect(ids(["rows 'DSG funding' and 'Total funding available' in a block"])).toEqual([
      "block.schools.allocation",
      "block.schools.totalFunding",
      "block.central-school-services.allocation",
      "block.central-school-services.totalFunding",
      "block.early-years.allocation",
      "block.early-years.totalFunding",
      "block.high-needs.allocation",
      "block.high-needs.totalFunding",
    ]);
  });

  it("should offer a block's heading when the block was not found", () => {
    expect(ids(["the High needs block in 'Financial plan per funding block'"])).toEqual([
      "block.high-needs.heading",
    ]);
  });

  it("should offer nothing for what no row can stand for", () => {
    expect(ids(["the tables 'Number of EHCPs by age group' and 'by primary need'"])).toEqual([]);
    expect(neededTargets({ ran: 3, of: 3, notRun: [] })).toEqual([]);
  });
});

describe("targetLabel", () => {
  it("should name end of year rows alone and block rows with their block", () => {
    expect(targetLabel(rowTarget("endOfYear.inYear")!)).toBe("Total DSG in-year deficit");
    expect(targetLabel(rowTarget("block.early-years.expenditure")!)).toBe(
      "Early years block: Total expenditure"
    );
  });
});
