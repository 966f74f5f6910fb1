/**
 * The reusable check of the common kind: "this figure is the sum of those", stated as data. A rule gives
 * what it looks at (`given`: one equation per year, each naming what it is about) and its message; the
 * check weighs every equation through the balance primitive and reports the ones that do not balance,
 * at the reported cell, with the figures the message needs.
 */
import type { LocatedTemplate, MoneyUnit } from "../../templates/located";
import { moneyOf, weigh, type Equation, type Weighed } from "../balance";
import { defineRule, type Rule, type RuleReport } from "../rule";
import type { Severity } from "../finding";
import type { Needs } from "../needs";

/** One equation of a rule, with the words its message needs. */
export interface Given extends Equation {
  readonly sheet: string;
  /** What the equation is about ("High needs block"), and the year's label ("2025-26"). */
  readonly subject: string;
  readonly year: string;
}

/** What a message may say: the equation's words and its worked-out figures, as money in the sheet's unit. */
export interface AddsUpFacts {
  readonly subject: string;
  readonly year: string;
  readonly reported: string;
  readonly expected: string;
  readonly gap: string;
  readonly weighed: Weighed;
}

export interface AddsUpRule {
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly description: string;
  readonly needs?: Needs;
  /** The equations to weigh, one per year and subject. */
  readonly given: (template: LocatedTemplate, options: { tolerance?: number }) => readonly Given[];
  readonly message: (facts: AddsUpFacts) => string;
}

function report(given: Given, weighed: Weighed, unit: MoneyUnit, rule: AddsUpRule): RuleReport {
  const money = moneyOf(weighed, unit);
  const { reported } = given;
  return {
    message: rule.message({
      subject: given.subject,
      year: given.year,
      reported: money(weighed.reported),
      expected: money(weighed.expected),
      gap: money(weighed.gap),
      weighed,
    }),
    at: { sheet: given.sheet, row: reported.row, col: reported.col },
    expected: weighed.expected.toNumber(),
    actual: weighed.reported.toNumber(),
  };
}

/** A rule of the common kind, from its data. It compares within the tolerance and confirms the layout. */
export function addsUp(rule: AddsUpRule): Rule {
  return defineRule({
    id: rule.id,
    severity: rule.severity,
    title: rule.title,
    description: rule.description,
    defaults: {},
    needs: rule.needs,
    usesTolerance: true,
    confirmsLayout: true,
    check({ template, options }) {
      return rule.given(template, options).flatMap((given) => {
        const weighed = weigh(given, options);
        return weighed && !weighed.holds ? [report(given, weighed, template.unit, rule)] : [];
      });
    },
  });
}
