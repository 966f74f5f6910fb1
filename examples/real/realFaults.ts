/**
 * The seeded faults of the real-wording test bed. Each kind changes a freshly built plan the way a user
 * slip would (a formula that leaves a row out, a figure typed over a formula or with the wrong sign, a
 * mislabelled year), records every cell it changed, and says which rule must report it and at which cell.
 * A kind applies only to plans it can break cleanly: a fault that moves a block result needs the summary
 * of end of year positions to be formulas, or the typed (published) summary would break as well.
 */
import Decimal from "decimal.js";
import type { Severity } from "../../src/validation/finding";
import { a1 } from "../../src/workbook/address";
import type { DraftRef } from "../draft";
import { type BuiltRealPlan, NEED_ROWS, PLACEMENT_HEADINGS } from "./buildPlan";
import { yearText } from "./planStyle";
import type { Rng } from "./realFigures";

/** A finding an example must give: the rule, its severity and the cell it points at. */
export interface ExpectedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly address: string;
  /** What was changed (faulty copies). */
  readonly fault?: string;
  /**
   * An allowed companion rather than a required finding: a formula edited out of its row's pattern may
   * also be reported by formula-pattern at the same cell, and a year heading mislabelled alike in several
   * headers may be reported at the first only.
   */
  readonly optional?: true;
}

/** Changes cells as a user would, and records every cell changed. */
export class Editor {
  readonly seeded: DraftRef[] = [];
  constructor(private readonly plan: BuiltRealPlan) {}

  private cell(ref: DraftRef) {
    const sheet = this.plan.draft.sheet(ref.sheet);
    if (!sheet.get(ref.row, ref.col))
      sheet.set(ref.row, ref.col, null, this.plan.style.moneyFormat);
    if (!this.seeded.some((s) => s.sheet === ref.sheet && s.row === ref.row && s.col === ref.col))
      this.seeded.push(ref);
    return sheet.get(ref.row, ref.col)!;
  }

  /** Types a value over a cell (a formula becomes a typed value). */
  type(ref: DraftRef, value: number | string | null): DraftRef {
    const cell = this.cell(ref);
    cell.value = value;
    cell.formula = null;
    return ref;
  }

  formula(ref: DraftRef, formula: string): DraftRef {
    const cell = this.cell(ref);
    cell.formula = formula;
    cell.value = null;
    return ref;
  }

  /** The value a cell would show, by evaluating the draft as it stands. */
  valueOf(ref: DraftRef): number {
    const sheet = this.plan.draft.toWorkbook().sheets.find((s) => s.name === ref.sheet)!;
    return sheet.values[ref.row - sheet.top][ref.col - sheet.left] as number;
  }
}

/** A figure in whole £000 as a plan's sheet holds it. */
export function inUnit(plan: BuiltRealPlan, thousands: number): number {
  return (plan.style.unit === "£m" ? thousands / 1000 : thousands) || 0;
}

/** A figure in whole £000 as a message says it (size only). */
export function moneyText(plan: BuiltRealPlan, thousands: number): string {
  const value = Math.abs(thousands);
  return plan.style.unit === "£m"
    ? `£${new Decimal(value).div(1000).toFixed(3)}m`
    : `£${value.toLocaleString("en-GB")}k`;
}

const address = (ref: DraftRef) => a1(ref.row, ref.col);
const refOf = (plan: BuiltRealPlan, key: string, i: number) => address(plan.cells.at(key, i));
const year = (plan: BuiltRealPlan, i: number) => yearText(plan.figures.firstYear + i, "dash");
const shown = (plan: BuiltRealPlan, key: string) => plan.shown.get(key) ?? [];
const formulas = (plan: BuiltRealPlan) => plan.style.rounding === "formulas";

/** Year indexes from `from` whose shown figure in `key` is not zero. */
function nonZeroYears(plan: BuiltRealPlan, key: string, from = 0): number[] {
  return shown(plan, key).flatMap((v, i) => (i >= from && v !== 0 ? [i] : []));
}

/** Every year's non-zero Safety Valve payment and council contribution, the payments first. */
function reductionYears(
  plan: BuiltRealPlan
): { key: "safetyValve" | "localContribution"; i: number }[] {
  return (["safetyValve", "localContribution"] as const).flatMap((key) =>
    plan.cells.has(`eoy.${key}`) ? nonZeroYears(plan, `eoy.${key}`).map((i) => ({ key, i })) : []
  );
}

/** The first of some candidates, or a random one when an Rng is given. */
function choose(candidates: readonly number[], rng?: Rng): number {
  if (candidates.length === 0) throw new Error("No year the fault can be seeded in");
  return rng ? rng.pick(candidates) : candidates[0];
}

interface Seeded {
  readonly at: readonly DraftRef[];
  readonly fault: string;
}

export interface FaultKind {
  readonly rule: string;
  readonly severity: Severity;
  /** True when the fault can be seeded in the plan without breaking anything else. */
  readonly applies: (plan: BuiltRealPlan) => boolean;
  /** Changes the plan; returns the cells the findings must point at, and what was done. */
  readonly seed: (plan: BuiltRealPlan, edit: Editor, rng?: Rng) => Seeded;
  /** Findings at the cells after the first are allowed, not required (the same slip repeated). */
  readonly firstRequired?: boolean;
  /** The fault edits one formula out of its row's pattern: a formula-pattern warning there is allowed. */
  readonly patternBreak?: boolean;
}

const forecastYears = (plan: BuiltRealPlan) =>
  Array.from({ length: plan.figures.years }, (_, i) => i).filter(
    (i) => i >= plan.figures.actualYears
  );

export const FAULT_KINDS = {
  "roll-forward": {
    rule: "roll-forward",
    severity: "error",
    patternBreak: true,
    applies: (plan) =>
      formulas(plan) &&
      (nonZeroYears(plan, "eoy.localContribution").length > 0 ||
        (plan.cells.has("eoy.safetyValve") && nonZeroYears(plan, "eoy.safetyValve").length > 0)),
    seed: (plan, edit, rng) => {
      const local = nonZeroYears(plan, "eoy.localContribution");
      const key = local.length > 0 ? "localContribution" : "safetyValve";
      const i = choose(local.length > 0 ? local : nonZeroYears(plan, "eoy.safetyValve"), rng);
      const keep = ["broughtForward", "inYear", "safetyValve", "localContribution"]
        .filter((k) => k !== key && plan.cells.has(`eoy.${k}`))
        .map((k) => refOf(plan, `eoy.${k}`, i));
      // SUM, not +, so a "-" nil in a kept row counts as 0 rather than giving #VALUE!.
      const at = edit.formula(plan.cells.at("eoy.carriedForward", i), `=SUM(${keep.join(",")})`);
      const words = plan.style.endOfYear[key];
      return {
        at: [at],
        fault: `The ${year(plan, i)} carried-forward formula leaves out the "${words}" row (${moneyText(plan, shown(plan, `eoy.${key}`)[i])}), so it does not roll forward.`,
      };
    },
  },
  "opening-balance": {
    rule: "opening-balance",
    severity: "error",
    patternBreak: true,
    applies: (plan) => formulas(plan) && plan.figures.years >= 3,
    seed: (plan, edit, rng) => {
      // A year whose previous year moved the balance, so last year's brought forward is not its carried forward.
      const opening = shown(plan, "eoy.broughtForward");
      const candidates = opening.flatMap((v, i) => (i >= 2 && v !== opening[i - 1] ? [i] : []));
      const i = choose(candidates, rng);
      const at = edit.formula(
        plan.cells.at("eoy.broughtForward", i),
        `=${refOf(plan, "eoy.broughtForward", i - 1)}`
      );
      return {
        at: [at],
        fault: `The ${year(plan, i)} brought-forward formula points at the ${year(plan, i - 1)} brought-forward cell instead of the ${year(plan, i - 1)} carried-forward cell.`,
      };
    },
  },
  "block-total": {
    rule: "block-total",
    severity: "error",
    patternBreak: true,
    applies: (plan) => formulas(plan) && nonZeroYears(plan, "earlyYears.inYear").length > 0,
    seed: (plan, edit, rng) => {
      const i = choose(
        nonZeroYears(plan, "earlyYears.inYear", plan.figures.actualYears).concat(
          nonZeroYears(plan, "earlyYears.inYear")
        ),
        rng
      );
      const parts = ["schools", "cssb", "highNeeds"].map((b) => refOf(plan, `${b}.inYear`, i));
      const at = edit.formula(plan.cells.at("eoy.inYear", i), `=${parts.join("+")}`);
      return {
        at: [at],
        fault: `The ${year(plan, i)} in-year DSG formula of the summary of end of year positions leaves out the early years block (${moneyText(plan, shown(plan, "earlyYears.inYear")[i])}).`,
      };
    },
  },
  "block-result": {
    rule: "block-result",
    severity: "error",
    patternBreak: true,
    applies: (plan) => formulas(plan) && nonZeroYears(plan, "schools.transfers").length > 0,
    seed: (plan, edit, rng) => {
      const i = choose(nonZeroYears(plan, "schools.transfers"), rng);
      const [e, f] = [
        refOf(plan, "schools.expenditure", i),
        refOf(plan, "schools.totalFunding", i),
      ];
      const formula = plan.style.sign === "deficit-negative" ? `=${f}-${e}` : `=${e}-${f}`;
      const at = edit.formula(plan.cells.at("schools.inYear", i), formula);
      return {
        at: [at],
        fault: `The schools block ${year(plan, i)} in-year formula leaves out the transfer between blocks (the ${moneyText(plan, shown(plan, "schools.transfers")[i])} transfer out).`,
      };
    },
  },
  "block-movements": {
    rule: "block-movements",
    severity: "error",
    applies: (plan) => formulas(plan) && nonZeroYears(plan, "schools.transfers").length > 0,
    seed: (plan, edit, rng) => {
      const i = choose(
        nonZeroYears(plan, "schools.transfers", plan.figures.actualYears).concat(
          nonZeroYears(plan, "schools.transfers")
        ),
        rng
      );
      const was = shown(plan, "schools.transfers")[i];
      const now = Math.round(was / 2);
      const at = edit.type(plan.cells.at("schools.transfers", i), inUnit(plan, now));
      return {
        at: [at],
        fault: `The schools block ${year(plan, i)} transfer is typed ${moneyText(plan, now)} out while the high needs block still receives ${moneyText(plan, was)}, so transfers between blocks net to ${moneyText(plan, now - was)}.`,
      };
    },
  },
  "schools-block-transfer": {
    rule: "schools-block-transfer",
    severity: "warning",
    applies: (plan) => formulas(plan) && plan.figures.years > plan.figures.actualYears,
    seed: (plan, edit, rng) => {
      const i = choose(forecastYears(plan), rng);
      const gross = shown(plan, "schools.gross")[i];
      const amount = Math.round((gross * 0.008) / 10) * 10;
      edit.type(plan.cells.at("highNeeds.transfers", i), inUnit(plan, amount));
      const at = edit.type(plan.cells.at("schools.transfers", i), inUnit(plan, -amount));
      return {
        at: [at],
        fault: `The ${year(plan, i)} transfer from the schools block to the high needs block is ${moneyText(plan, amount)} on both sides, 0.8% of the schools block before recoupment (${moneyText(plan, gross)}), above the 0.5% schools forum limit.`,
      };
    },
  },
  "sign-convention": {
    rule: "sign-convention",
    severity: "error",
    // One figure with the deficits' sign among payments and contributions shown the other way: a sheet
    // that shows them all with the deficits' sign (and takes them away) is using its own convention.
    applies: (plan) => formulas(plan) && reductionYears(plan).length >= 2,
    seed: (plan, edit) => {
      const [{ key, i }] = reductionYears(plan);
      const value = shown(plan, `eoy.${key}`)[i];
      const flip = plan.style.sign === "deficit-negative";
      edit.type(plan.cells.at(`eoy.${key}`, i), inUnit(plan, flip ? value : -value));
      const rows = ["broughtForward", "inYear", "safetyValve", "localContribution"].filter((k) =>
        plan.cells.has(`eoy.${k}`)
      );
      // Every year's carried forward reduces the deficit by the row whatever its sign (adding it where
      // deficits are negative), so the roll-forward holds and
      // the formulas keep one pattern (SUM reads a dash typed for nil as 0): only the sign is wrong.
      shown(plan, `eoy.${key}`).forEach((_, year) => {
        const added = rows.filter((k) => k !== key).map((k) => refOf(plan, `eoy.${k}`, year));
        edit.formula(
          plan.cells.at("eoy.carriedForward", year),
          `=SUM(${added.join(",")})${flip ? "+" : "-"}ABS(SUM(${refOf(plan, `eoy.${key}`, year)}))`
        );
      });
      const words = plan.style.endOfYear[key];
      const deficits = flip ? "negative" : "positive";
      return {
        at: [plan.cells.at(`eoy.${key}`, i)],
        fault: `The "${words}" figure for ${year(plan, i)} has the deficits' sign (${deficits}), and the carried-forward formulas take the row's amounts away whatever their sign, while the other payments and contributions that reduce the deficit take the opposite sign to deficits.`,
      };
    },
  },
  "year-sequence": {
    rule: "year-sequence",
    severity: "error",
    firstRequired: true,
    applies: (plan) => plan.figures.years - plan.figures.actualYears >= 2,
    seed: (plan, edit, rng) => {
      const i = choose(forecastYears(plan).slice(0, -1), rng);
      const { style, figures } = plan;
      const written = (start: number) => {
        const text = yearText(start, style.yearFormat);
        return style.yearHeader === "word-and-year" ? `${style.forecastWord} ${text}` : text;
      };
      // Every financial year header of the plan is mislabelled alike, so the sections still agree.
      const headers = [...plan.cells.rows.keys()].filter((k) => k.startsWith("years."));
      const at = headers.map((k) =>
        edit.type(plan.cells.at(k, i), written(figures.firstYear + i + 1))
      );
      return {
        at,
        fault: `The year heading "${written(figures.firstYear + i)}" is written "${written(figures.firstYear + i + 1)}"${headers.length > 1 ? ` in all ${headers.length} financial year headers` : ""}, so that year appears twice.`,
      };
    },
  },
  "ehcp-totals": {
    rule: "ehcp-totals",
    severity: "error",
    patternBreak: true,
    applies: (plan) => plan.figures.ehcps[2].byNeed[NEED_ROWS.length - 1].some((n) => n > 0),
    seed: (plan, edit, rng) => {
      const last = plan.figures.ehcps[2].byNeed[NEED_ROWS.length - 1];
      const j = choose(last.flatMap((n, k) => (n > 0 ? [k] : [])).reverse(), rng);
      const first = refOf(plan, "ehcp.2.need.0", j);
      const upTo = refOf(plan, `ehcp.2.need.${NEED_ROWS.length - 2}`, j);
      const at = edit.formula(plan.cells.at("ehcp.2.needTotal", j), `=SUM(${first}:${upTo})`);
      return {
        at: [at],
        fault: `The January ${plan.figures.firstYear + 1 + j} total by primary need under "${PLACEMENT_HEADINGS[plan.style.placementHeadings][2]}" leaves out the last row ("${NEED_ROWS[NEED_ROWS.length - 1]}", ${last[j]} plans).`,
      };
    },
  },
  "ehcp-values": {
    rule: "ehcp-values",
    severity: "error",
    applies: () => true,
    seed: (plan, edit, rng) => {
      const j = choose(
        Array.from({ length: plan.figures.years }, (_, k) => k)
          .slice(2)
          .concat([0]),
        rng
      );
      const counts = plan.figures.ehcps[0].byAge;
      const under5 = counts[0][j];
      const at = edit.type(plan.cells.at("ehcp.0.age.0", j), -2);
      edit.type(plan.cells.at("ehcp.0.age.1", j), counts[1][j] + under5 + 2);
      return {
        at: [at],
        fault: `The January ${plan.figures.firstYear + 1 + j} mainstream "Under 5" count is typed -2 (and "Age 5 to 10" raised by ${under5 + 2} so the totals still agree): a count cannot be negative.`,
      };
    },
  },
  "bad-value": {
    rule: "bad-value",
    severity: "error",
    applies: formulas,
    seed: (plan, edit, rng) => {
      const i = choose(forecastYears(plan), rng);
      const line = plan.figures.blocks.highNeeds.lines.findIndex(
        (l) => l.label === "Hospital education services"
      );
      const at = edit.type(plan.cells.at(`highNeeds.line.${line}`, i), "tbc");
      return {
        at: [at],
        fault: `The ${year(plan, i)} "Hospital education services" figure is the text "tbc" instead of a number.`,
      };
    },
  },
  "block-result-lines": {
    rule: "block-result",
    severity: "error",
    patternBreak: true,
    applies: formulas,
    seed: (plan, edit, rng) => {
      const i = choose(forecastYears(plan), rng);
      const lines = plan.figures.blocks.highNeeds.lines;
      const left = lines.findIndex((l) => l.label === "Hospital education services");
      const col = (k: number) => refOf(plan, `highNeeds.line.${k}`, i);
      const at = edit.formula(
        plan.cells.at("highNeeds.expenditure", i),
        `=SUM(${col(0)}:${col(left - 1)})+SUM(${col(left + 1)}:${col(lines.length - 1)})`
      );
      return {
        at: [at],
        fault: `The ${year(plan, i)} high needs total expenditure formula leaves out the "Hospital education services" line (${moneyText(plan, shown(plan, `highNeeds.line.${left}`)[i])}), so the lines do not add up to the total.`,
      };
    },
  },
  "funding-uplift": {
    rule: "funding-uplift",
    severity: "warning",
    applies: (plan) => formulas(plan) && plan.style.funding === "deductions",
    seed: (plan, edit) => {
      // The last year, so the jump is not followed by a fall back.
      const i = plan.figures.years - 1;
      const gross = shown(plan, "highNeeds.gross");
      const raised = Math.round(gross[i - 1] * 1.16);
      const at = edit.type(plan.cells.at("highNeeds.gross", i), inUnit(plan, raised));
      return {
        at: [at],
        fault: `The ${year(plan, i)} high needs block DSG funding is typed ${moneyText(plan, raised)}, 16% above ${year(plan, i - 1)} (${moneyText(plan, gross[i - 1])}), outside the usual 0-10% a year.`,
      };
    },
  },
  "hardcoded-total": {
    rule: "hardcoded-total",
    severity: "warning",
    applies: (plan) => plan.figures.years - plan.figures.actualYears >= 2,
    seed: (plan, edit, rng) => {
      const i = choose(forecastYears(plan).slice(1), rng);
      const cell = plan.cells.at("highNeeds.expenditure", i);
      const value = edit.valueOf(cell);
      const at = edit.type(cell, value);
      return {
        at: [at],
        fault: `The ${year(plan, i)} high needs total expenditure holds the typed number ${value} instead of its SUM formula (the same value).`,
      };
    },
  },
} satisfies Record<string, FaultKind>;

export type FaultRule = keyof typeof FAULT_KINDS;
export const FAULT_RULES = Object.keys(FAULT_KINDS) as FaultRule[];

/** Seeds one fault in a built plan; returns the findings it must give and every cell changed. */
export function seedFault(
  plan: BuiltRealPlan,
  rule: FaultRule,
  rng?: Rng
): { expected: ExpectedFinding[]; seeded: DraftRef[]; fault: string } {
  const kind: FaultKind = FAULT_KINDS[rule];
  if (!kind.applies(plan)) throw new Error(`The ${rule} fault does not apply to this plan`);
  const edit = new Editor(plan);
  const { at, fault } = kind.seed(plan, edit, rng);
  const expected: ExpectedFinding[] = at.map((ref, n) => ({
    rule: kind.rule,
    severity: kind.severity,
    sheet: ref.sheet,
    address: address(ref),
    fault,
    ...(kind.firstRequired && n > 0 ? { optional: true as const } : {}),
  }));
  if (kind.patternBreak)
    expected.push(
      ...at.map((ref) => ({
        rule: "formula-pattern",
        severity: "warning" as const,
        sheet: ref.sheet,
        address: address(ref),
        fault: "The edited formula no longer follows its row's pattern (allowed, not required).",
        optional: true as const,
      }))
    );
  return {
    expected,
    seeded: edit.seeded,
    fault,
  };
}
