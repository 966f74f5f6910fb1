/**
 * Random real-wording plans for property tests: random figures (consistent by construction), a random
 * style among the real wordings, signs, units, rounding and layouts (planStyle.ts), and optionally one
 * seeded fault of a random kind that applies to the plan. Everything follows from one seed, so a failing
 * case is reproduced by `randomPlan(seed, options)`.
 *
 *   import { realPlanArbitrary } from "../../examples/real/randomPlan";
 *   fc.assert(fc.property(realPlanArbitrary({ fault: "maybe" }), (plan) => …plan.workbook, plan.expected…));
 */
import fc from "fast-check";
import type { Workbook } from "../../src/workbook/workbook";
import type { DraftRef } from "../draft";
import { type BuiltRealPlan, buildRealPlan } from "./buildPlan";
import {
  BLOCK_IN_YEAR_SURPLUS,
  BLOCK_WORDING_VARIANTS,
  type BlockWording,
  CYP_TABS,
  END_OF_YEAR_WORDINGS,
  type EndOfYearWording,
  FINANCIAL_TABS,
  GOVERNANCE_TABS,
  INTRODUCTION_TABS,
  NARRATIVE_TABS,
  type PlanStyle,
  type RealSign,
  type RealUnit,
  STAKEHOLDER_TABS,
} from "./planStyle";
import {
  type ExpectedFinding,
  FAULT_KINDS,
  FAULT_RULES,
  type FaultRule,
  seedFault,
} from "./realFaults";
import { generateFigures, Rng } from "./realFigures";

const MONEY_FORMATS: Readonly<Record<RealUnit, readonly string[]>> = {
  "£000": [
    "#,##0;(#,##0)",
    "#,##0",
    "#,##0;-#,##0",
    "_-* #,##0_-;(#,##0)",
    '_-* #,##0_-;-* #,##0_-;_-* "-"??_-;_-@_-',
  ],
  "£m": [
    "#,##0.000;(#,##0.000)",
    "#,##0.000",
    "0.000",
    "_-* #,##0.000_-;(#,##0.000)",
    '_-* #,##0.000_-;-* #,##0.000_-;_-* "-"???_-;_-@_-',
  ],
};
const UNIT_TEXTS: Readonly<Record<RealUnit, readonly string[]>> = {
  "£000": ["£000", "£'000", "£k"],
  "£m": ["£m"],
};
const LA_NAMES = [
  "Ashdown",
  "Brackenfield",
  "Coldharbour",
  "Dunmore",
  "Elmstead",
  "Foxley",
  "Glenbury",
  "Holmwood",
];

/** A random style: each choice among the real variants, wording that reads right for the sign. */
export function randomStyle(rng: Rng): PlanStyle {
  const sign = rng.pick<RealSign>(["deficit-positive", "deficit-negative"]);
  const unit = rng.pick<RealUnit>(["£000", "£m"]);
  const nil = rng.pick<PlanStyle["nil"]>(["zero", "blank", "dash"]);
  const wordings = END_OF_YEAR_WORDINGS[sign];
  const whole = rng.pick(wordings);
  // Now and then a council words its rows from more than one model.
  const mixed = rng.chance(0.3);
  const row = (key: keyof EndOfYearWording) => (mixed ? rng.pick(wordings)[key] : whole[key]);
  const endOfYear: EndOfYearWording = {
    broughtForward: row("broughtForward"),
    inYear: row("inYear"),
    safetyValve: row("safetyValve"),
    localContribution: row("localContribution"),
    carriedForward: row("carriedForward"),
  };
  const wordingOf = (key: keyof BlockWording) => rng.pick(BLOCK_WORDING_VARIANTS[key]);
  const block: BlockWording = {
    gross: wordingOf("gross"),
    schoolsRecoupment: wordingOf("schoolsRecoupment"),
    highNeedsDeduction: wordingOf("highNeedsDeduction"),
    totalFunding: wordingOf("totalFunding"),
    netFunding: wordingOf("netFunding"),
    transfers: wordingOf("transfers"),
    totalExpenditure: wordingOf("totalExpenditure"),
    inYear: sign === "deficit-negative" ? rng.pick(BLOCK_IN_YEAR_SURPLUS) : wordingOf("inYear"),
  };
  const yearHeader = rng.pick<PlanStyle["yearHeader"]>([
    "word-and-year",
    "merged-kind",
    "kind-per-column",
  ]);
  const actualWords =
    yearHeader === "merged-kind"
      ? ["Actual (s251 outturn)", "Actual", "Outturn"]
      : ["Outturn", "Actual"];
  return {
    unit,
    rounding: rng.chance(0.3) ? "published" : "formulas",
    sign,
    moneyFormat: rng.pick(MONEY_FORMATS[unit]),
    nil,
    unitMarker: rng.pick<PlanStyle["unitMarker"]>(["header", "title", "note"]),
    unitText: rng.pick(UNIT_TEXTS[unit]),
    endOfYear,
    safetyValveRow: rng.chance(0.5),
    block,
    funding: rng.pick<PlanStyle["funding"]>(["deductions", "deductions", "net"]),
    deductionSign: rng.pick<PlanStyle["deductionSign"]>(["negative", "positive"]),
    lines: rng.pick<PlanStyle["lines"]>(["all-blocks", "high-needs-only"]),
    lineCodes: rng.chance(0.3),
    inYearFormula: nil === "dash" ? "sum" : rng.pick<PlanStyle["inYearFormula"]>(["plus", "sum"]),
    yearHeader,
    yearFormat: rng.pick<PlanStyle["yearFormat"]>(["slash", "dash", "long", "fy"]),
    actualWord: rng.pick(actualWords),
    forecastWord: rng.pick(["Forecast", "Forecast", "Projection"]),
    headers: rng.pick<PlanStyle["headers"]>(["shared", "per-section", "per-block"]),
    sectionNumbers: rng.chance(0.7),
    labelCol: rng.int(0, 2),
    topRows: rng.int(0, 3),
    commentary: rng.chance(0.3),
    sheets: {
      cover: "Cover",
      introduction: rng.pick(INTRODUCTION_TABS),
      narrative: rng.pick(NARRATIVE_TABS),
      financial: rng.pick(FINANCIAL_TABS),
      cyp: rng.pick(CYP_TABS),
      governance: rng.pick(GOVERNANCE_TABS),
      stakeholders: rng.pick(STAKEHOLDER_TABS),
    },
    ehcpLayout: rng.pick<PlanStyle["ehcpLayout"]>(["combined", "per-placement"]),
    placementHeadings: rng.pick<PlanStyle["placementHeadings"]>(["v5", "short"]),
    placementTabs: rng.pick<PlanStyle["placementTabs"]>(["short", "truncated"]),
    censusHeader: rng.pick<PlanStyle["censusHeader"]>(["number", "january", "jan"]),
    countFormat: rng.pick(["#,##0", "0", "General"]),
    signOff: rng.pick<PlanStyle["signOff"]>(["name-role-date", "signed-off-by"]),
    ehcpLabelCol: rng.int(0, 2),
    extraSheets: rng.chance(0.4),
    dsgTotal: rng.chance(0.3),
    refColumn: rng.chance(0.25),
    percentRow: rng.chance(0.3),
    noteRows: rng.chance(0.4),
  };
}

export interface RandomPlanOptions {
  /** No fault (the default), one of a random applicable kind, one half the time, or one of this kind. */
  readonly fault?: "none" | "random" | "maybe" | FaultRule;
}

export interface RandomPlan {
  readonly name: string;
  readonly seed: number;
  readonly plan: BuiltRealPlan;
  readonly workbook: Workbook;
  /** The findings that must appear (empty for a consistent plan); `optional` ones are allowed, not required. */
  readonly expected: readonly ExpectedFinding[];
  readonly fault?: FaultRule;
  /** Every cell the fault changed. */
  readonly seeded: readonly DraftRef[];
}

/** The fault kinds that can be seeded cleanly in a plan. */
export function applicableFaults(plan: BuiltRealPlan): FaultRule[] {
  return FAULT_RULES.filter((rule) => FAULT_KINDS[rule].applies(plan));
}

/** A random plan (and optional fault) from a seed. */
export function randomPlan(seed: number, options: RandomPlanOptions = {}): RandomPlan {
  const rng = new Rng(seed);
  const style = randomStyle(rng);
  const figures = generateFigures(rng.int(1, 2 ** 31 - 1), {
    laName: rng.pick(LA_NAMES),
    laCode: String(rng.int(800, 940)),
    safetyValve: rng.chance(0.6),
    transferAboveNetHalfPercent: style.funding === "deductions" && rng.chance(0.2),
  });
  const plan = buildRealPlan(figures, style);
  const wanted = options.fault ?? "none";
  let rule: FaultRule | undefined;
  if (wanted === "random" || (wanted === "maybe" && rng.chance(0.5)))
    rule = rng.pick(applicableFaults(plan));
  else if (wanted !== "none" && wanted !== "maybe") rule = wanted;
  const seeded = rule ? seedFault(plan, rule, rng) : undefined;
  return {
    name: rule ? `random-${seed}-${rule}` : `random-${seed}`,
    seed,
    plan,
    workbook: plan.draft.toWorkbook(),
    expected: seeded?.expected ?? [],
    ...(rule ? { fault: rule } : {}),
    seeded: seeded?.seeded ?? [],
  };
}

/** A fast-check arbitrary of random plans (shrinking moves to smaller seeds, not simpler plans). */
export function realPlanArbitrary(options: RandomPlanOptions = {}): fc.Arbitrary<RandomPlan> {
  return fc.integer({ min: 1, max: 2 ** 31 - 1 }).map((seed) => randomPlan(seed, options));
}
