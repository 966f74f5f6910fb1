/**
 * The validator: recognise the template, locate its sections, run every registered rule, and return
 * the findings sorted for reading (errors first, then sheet by sheet in tab order, row by row). A rule
 * that throws becomes one `internal-error` finding and the other rules still run; a locator that throws
 * becomes one `internal-error` finding in place of the checks.
 */
import type { Workbook } from "../workbook/workbook";
import { a1Range } from "../workbook/address";
import type { LocatedTemplate, MoneyUnit, ProfileId, SignConvention } from "../templates/located";
import { locateTemplate } from "../templates/locate";
import { labelWorkbook, type LabelledWorkbook } from "../templates/labels";
import { profileById, type TemplateProfile } from "../templates/profiles";
import { SEVERITIES, type Finding, type Severity } from "./finding";
import type { Location, Rule, RuleReport, ValidationOptions } from "./rule";
import { ruleSettings } from "./settings";
import { RULES } from "./rules";
import { TEMPLATE_RECOGNISED } from "./rules/template-recognised";
import { RULE_SETS, rulesOfSet } from "./ruleSets";
import { confirmLayout, LAYOUT_NOT_CONFIRMED } from "./layoutEvidence";
import { ROW_MAP, rowMapReports } from "./rowMapFindings";

export interface ValidationResult {
  /** The template the workbook was checked as, or null when it matched none. */
  readonly template: {
    readonly id: ProfileId;
    readonly name: string;
    readonly unit: MoneyUnit;
    readonly sign: SignConvention;
  } | null;
  readonly findings: Finding[];
  /** How many of the template's checks ran, and why the others did not. */
  readonly checks: CheckCount;
}

/** A check that did not run, and the rows or sections it needed that were not found. */
export interface CheckNotRun {
  readonly rule: string;
  readonly title: string;
  readonly needs: readonly string[];
}

export interface CheckCount {
  readonly ran: number;
  /** The checks of the template the workbook was checked as (template recognition not counted). */
  readonly of: number;
  readonly notRun: readonly CheckNotRun[];
}

/** The rule id of the one note listing the checks that did not run. */
export const CHECKS_NOT_RUN = "checks-not-run";

/** The rule id of findings about a check that stopped with an unexpected error. */
export const INTERNAL_ERROR = "internal-error";

interface Placed {
  readonly finding: Finding;
  readonly at?: Location;
}

function toFinding(rule: Pick<Rule, "id" | "severity">, report: RuleReport): Placed {
  const { at } = report;
  const address = at
    ? a1Range({ top: at.row, left: at.col, bottom: at.bottom ?? at.row, right: at.right ?? at.col })
    : "";
  const finding: Finding = {
    rule: rule.id,
    severity: report.severity ?? rule.severity,
    sheet: at?.sheet ?? "",
    address,
    message: report.message,
    ...(report.expected !== undefined && { expected: report.expected }),
    ...(report.actual !== undefined && { actual: report.actual }),
  };
  return { finding, at };
}

/**
 * Runs one rule, turning an exception into an internal-error finding rather than losing the others. A
 * layout-confirming rule that fails in most years of a row gives one layout-not-confirmed finding there.
 */
function runRule(
  rule: Rule,
  workbook: LabelledWorkbook,
  template: LocatedTemplate,
  options: ValidationOptions,
  profileThresholds: TemplateProfile["thresholds"]
): Placed[] {
  try {
    const settings = ruleSettings(rule, profileThresholds, options);
    const reports = rule.check({ workbook, template, settings, options });
    if (!rule.confirmsLayout) return reports.map((report) => toFinding(rule, report));
    const { kept, unconfirmed } = confirmLayout(rule.title, template, reports);
    return [
      ...kept.map((report) => toFinding(rule, report)),
      ...unconfirmed.map((report) =>
        toFinding({ id: LAYOUT_NOT_CONFIRMED, severity: "warning" }, report)
      ),
    ];
  } catch (error) {
    return [
      internalError(
        `The check "${rule.title}" (${rule.id})`,
        error,
        "so its results are missing. The other checks ran."
      ),
    ];
  }
}

/** The rows and sections a rule needs that the locator did not find (none: it can run). */
function missingNeeds(rule: Rule, template: LocatedTemplate): string[] {
  const missing = (rule.needs?.(template) ?? []).filter((need) => !need.found);
  return [...new Set(missing.map((need) => need.what))];
}

/** One note for the checks that did not run, grouped by what they needed. */
function notRunNote(notRun: readonly CheckNotRun[], ran: number, of: number): Placed {
  const byNeed = new Map<string, string[]>();
  for (const check of notRun) {
    const key = check.needs.join(", ");
    byNeed.set(key, [...(byNeed.get(key) ?? []), check.rule]);
  }
  const why = [...byNeed].map(
    ([needs, rules]) => `${rules.join(", ")} ${rules.length === 1 ? "needs" : "need"} ${needs}`
  );
  return toFinding(
    { id: CHECKS_NOT_RUN, severity: "info" },
    {
      message:
        `${ran} of ${of} checks ran; ${notRun.length} did not, because what they need was not found: ${why.join("; ")}. ` +
        "If the workbook has these rows under other labels, check their wording, or point the checks at them.",
    }
  );
}

/** A finding for a part of the validator that threw: what stopped, why, and what is missing because of it. */
function internalError(what: string, error: unknown, consequence: string): Placed {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `${what} stopped with an internal error (${reason}), ${consequence} Please report this with the workbook.`;
  return toFinding({ id: INTERNAL_ERROR, severity: "error" }, { message });
}

// Checks of how a figure was entered (its formula, or a number typed over one). Where the same cell is
// already an error the arithmetic found, their warning only repeats its cause, so it is left out.
const ENTRY_CHECKS: ReadonlySet<string> = new Set(["formula-pattern", "hardcoded-total"]);

// A figure typed with the other sign breaks every sum it is in; sign-convention names the cause, so other
// checks' findings at that same cell only repeat it.
const SIGN_CONVENTION = "sign-convention";

/**
 * The findings without entry-check warnings at cells that already carry an error, and without other
 * findings at a cell whose sign sign-convention reports.
 */
function withoutEchoes(placed: readonly Placed[]): Placed[] {
  const cellOf = (p: Placed) => `${p.finding.sheet}\u0000${p.finding.address}`;
  const errorCells = new Set(
    placed.filter((p) => p.finding.severity === "error" && p.finding.address !== "").map(cellOf)
  );
  const signCells = new Set(
    placed.filter((p) => p.finding.rule === SIGN_CONVENTION && p.finding.address !== "").map(cellOf)
  );
  return placed.filter(
    (p) =>
      !(
        ENTRY_CHECKS.has(p.finding.rule) &&
        p.finding.severity !== "error" &&
        errorCells.has(cellOf(p))
      ) && !(p.finding.rule !== SIGN_CONVENTION && signCells.has(cellOf(p)))
  );
}

/** Errors first, then by sheet in tab order (workbook-level findings first), row, column. */
function sortFindings(placed: Placed[], workbook: Workbook): Finding[] {
  const sheetOrder = (name: string | undefined) =>
    name === undefined ? -1 : workbook.sheets.findIndex((s) => s.name === name);
  const severityOrder = (severity: Severity) => SEVERITIES.indexOf(severity);
  return [...placed]
    .sort(
      (a, b) =>
        severityOrder(a.finding.severity) - severityOrder(b.finding.severity) ||
        sheetOrder(a.at?.sheet) - sheetOrder(b.at?.sheet) ||
        (a.at?.row ?? -1) - (b.at?.row ?? -1) ||
        (a.at?.col ?? -1) - (b.at?.col ?? -1)
    )
    .map((p) => p.finding);
}

/**
 * Checks a workbook against the DfE template it matches (or `options.template`). When no profile
 * matches, the result has `template: null` and one `template-recognised` finding saying which came
 * closest and what is missing; the other rules do not run on a workbook of unknown shape. `registry` is
 * the rule registry; tests pass their own rules.
 */
export function validateWorkbook(
  workbook: Workbook,
  options: ValidationOptions = {},
  registry: readonly Rule[] = RULES
): ValidationResult {
  let labelled: LabelledWorkbook;
  let template: LocatedTemplate;
  try {
    // The locator and the rules that look for labels themselves share one index of each sheet's text.
    labelled = labelWorkbook(workbook);
    template = locateTemplate(labelled, options);
  } catch (error) {
    const placed = internalError(
      "Finding the template's sheets and sections",
      error,
      "so no checks ran."
    );
    return { template: null, findings: [placed.finding], checks: { ran: 0, of: 0, notRun: [] } };
  }
  return checkLocated(
    labelled,
    template,
    options,
    registry,
    alsoAPlan(labelled, template, options)
  );
}

/**
 * A Safety Valve return that also holds parts of a management plan (its funding blocks, mitigations or
 * EHCP tables, on sheets beside the return): those parts located as the plan's, so the plan's own checks
 * run on them as well. Undefined when the user chose the template.
 */
function alsoAPlan(
  workbook: LabelledWorkbook,
  template: LocatedTemplate,
  options: ValidationOptions
): LocatedTemplate | undefined {
  if (template.profileId !== "safety-valve-return" || options.template !== undefined)
    return undefined;
  try {
    return locateTemplate(workbook, { ...options, template: "dsg-management-plan" });
  } catch {
    return undefined;
  }
}

/**
 * Runs the template's rule set (or the registry a test gives) over the located template, then the plan's
 * own checks over `plan` (a return that also holds parts of a plan) where what they need was found there.
 */
function checkLocated(
  workbook: LabelledWorkbook,
  template: LocatedTemplate,
  options: ValidationOptions,
  registry: readonly Rule[],
  plan?: LocatedTemplate
): ValidationResult {
  const recognised = template.recognition?.recognised ?? true;
  // The template's rule set picks the checks; a registry given by a test runs as it is.
  const others = registry.filter((rule) => rule.id !== TEMPLATE_RECOGNISED) as Rule[];
  const checks = registry === RULES ? rulesOfSet(others, RULE_SETS[template.profileId]) : others;
  const thresholds = profileById(template.profileId)?.thresholds;
  const recognition = registry.filter((rule) => rule.id === TEMPLATE_RECOGNISED);
  const placed = recognition.flatMap((rule) =>
    runRule(rule as Rule, workbook, template, options, thresholds)
  );
  // Rows the user pointed at that could not be used say so.
  for (const report of rowMapReports(workbook, template, options.rows ?? []))
    placed.push(toFinding({ id: ROW_MAP, severity: "warning" }, report));
  const notRun: CheckNotRun[] = [];
  let ran = 0;
  if (recognised) {
    for (const rule of checks) {
      const needs = missingNeeds(rule, template);
      if (needs.length > 0) {
        notRun.push({ rule: rule.id, title: rule.title, needs });
        continue;
      }
      ran++;
      placed.push(...runRule(rule, workbook, template, options, thresholds));
    }
  }
  let of = checks.length;
  if (recognised && plan && registry === RULES) {
    const own = new Set(checks.map((rule) => rule.id));
    const planThresholds = profileById(plan.profileId)?.thresholds;
    for (const rule of rulesOfSet(others, RULE_SETS[plan.profileId])) {
      if (own.has(rule.id) || missingNeeds(rule, plan).length > 0) continue;
      ran++;
      of++;
      placed.push(...runRule(rule, workbook, plan, options, planThresholds));
    }
  }
  if (notRun.length > 0) placed.push(notRunNote(notRun, ran, of));
  return {
    template: recognised
      ? {
          id: template.profileId,
          name: template.profileName,
          unit: template.unit,
          sign: template.sign,
        }
      : null,
    findings: sortFindings(withoutEchoes(placed), workbook),
    checks: { ran, of, notRun },
  };
}
