/**
 * Hand-built located models for the EHCP and Safety Valve rule tests, and a way to run one rule over a
 * model with its defaults (optionally overridden), as the engine does.
 */
import type { LocatedRow, LocatedTemplate, YearColumn } from "../../src/templates/located";
import type { EhcpFlows, EhcpTables, PlacementTables } from "../../src/templates/ehcp/ehcpModel";
import type { AgeGroup, PlacementType, PrimaryNeed } from "../../src/templates/ehcp/ehcpLabels";
import type { Rule, RuleReport } from "../../src/validation/rule";
import type { CellValue } from "../../src/workbook/workbook";

export const FIRST_YEAR_COL = 2;

export function censusYears(...starts: number[]): YearColumn[] {
  return starts.map((start, i) => ({ label: String(start), start, col: FIRST_YEAR_COL + i }));
}

export function row(
  sheet: string,
  at: number,
  label: string,
  values: readonly CellValue[]
): LocatedRow {
  return {
    sheet,
    row: at,
    label,
    labelCol: 0,
    cells: values.map((value, i) => ({
      row: at,
      col: FIRST_YEAR_COL + i,
      value,
      formula: null,
      decimals: 0,
    })),
  };
}

export interface PlacementFigures {
  placement?: PlacementType;
  name?: string;
  sheet?: string;
  /** Sheet row of the first table row; rows follow one another downwards. */
  top?: number;
  years?: readonly number[];
  byAge?: Partial<Record<AgeGroup, CellValue[]>>;
  ageTotal?: CellValue[];
  byNeed?: Partial<Record<PrimaryNeed, CellValue[]>>;
  needTotal?: CellValue[];
  newPlans?: CellValue[];
  ceasedPlans?: CellValue[];
}

/** A placement's tables laid out from `top` down: age rows, age total, need rows, need total, flows. */
/**
 * One placement's consistent tables from sheet row 5: ages (5-7), age total (8), needs (9-11), need total (12),
 * new (13), ceased (14); census years 2022, 2023, 2024 in columns C, D, E. 80 + 10 − 4 = 86, 86 + 12 − 6 = 92.
 */
export const CONSISTENT_PLACEMENT: PlacementFigures = {
  byAge: { "under-5": [10, 11, 12], "5-to-10": [40, 42, 45], "11-to-15": [30, 33, 35] },
  ageTotal: [80, 86, 92],
  byNeed: { ASD: [30, 32, 35], SEMH: [20, 22, 24], SLCN: [30, 32, 33] },
  needTotal: [80, 86, 92],
  newPlans: [null, 10, 12],
  ceasedPlans: [null, 4, 6],
};

export function placement(figures: PlacementFigures): PlacementTables {
  const sheet = figures.sheet ?? "CYP summary";
  let next = figures.top ?? 5;
  const at = (label: string, values: CellValue[]) => row(sheet, next++, label, values);
  const byAge = Object.entries(figures.byAge ?? {}).map(([key, v]) => ({
    key: key as AgeGroup,
    row: at(key, v!),
  }));
  const ageTotal = figures.ageTotal && at("Total number by age group", figures.ageTotal);
  const byNeed = Object.entries(figures.byNeed ?? {}).map(([key, v]) => ({
    key: key as PrimaryNeed,
    row: at(key, v!),
  }));
  const needTotal =
    figures.needTotal && at("Total number of EHCPs by primary need", figures.needTotal);
  const flows: EhcpFlows = {
    newPlans: figures.newPlans && at("New EHCPs", figures.newPlans),
    ceasedPlans: figures.ceasedPlans && at("Ceased EHCPs", figures.ceasedPlans),
  };
  return {
    placement: figures.placement ?? "mainstream",
    name: figures.name ?? "Mainstream schools or academies",
    sheet,
    years: censusYears(...(figures.years ?? [2022, 2023, 2024])),
    byAge: { rows: byAge, total: ageTotal },
    byNeed: { rows: byNeed, total: needTotal },
    flows,
  };
}

export function ehcpTemplate(
  ehcp: EhcpTables,
  extra: Partial<LocatedTemplate> = {}
): LocatedTemplate {
  return {
    profileId: "dsg-management-plan",
    profileName: "DSG management plan",
    unit: { label: "£m", pounds: 1_000_000 },
    sign: "deficit-positive",
    ehcp,
    ...extra,
  };
}

/** Runs a rule with its defaults, overridden by `thresholds`. */
export function runRule<S extends Record<string, number>>(
  rule: Rule<S>,
  template: LocatedTemplate,
  thresholds: Partial<S> = {}
): RuleReport[] {
  return rule.check({
    workbook: { sheets: [] },
    template,
    settings: { ...rule.defaults, ...thresholds },
    options: {},
  });
}
