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
import { withLabelIndex } from "../templates/labels";
import { withSharedFigures } from "../templates/figures";
import { profileById, type TemplateProfile } from "../templates/profiles";
import { SEVERITIES, type Finding, type Severity } from "./finding";
import type { Location, Rule, RuleReport, ValidationOptions } from "./rule";
import { ruleSettings } from "./settings";
import { RULES } from "./rules";
import { TEMPLATE_RECOGNISED } from "./rules/template-recognised";

export interface ValidationResult {
  /** The template the workbook was checked as, or null when it matched none. */
  readonly template: {
    readonly id: ProfileId;
    readonly name: string;
    readonly unit: MoneyUnit;
    readonly sign: SignConvention;
  } | null;
  readonly findings: Finding[];
}

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
    severity: rule.severity,
    sheet: at?.sheet ?? "",
    address,
    message: report.message,
    ...(report.expected !== undefined && { expected: report.expected }),
    ...(report.actual !== undefined && { actual: report.actual }),
  };
  return { finding, at };
}

/** Runs one rule, turning an exception into an internal-error finding rather than losing the others. */
function runRule(
  rule: Rule,
  workbook: Workbook,
  template: LocatedTemplate,
  options: ValidationOptions,
  profileThresholds: TemplateProfile["thresholds"]
): Placed[] {
  try {
    const settings = ruleSettings(rule, profileThresholds, options);
    return rule
      .check({ workbook, template, settings, options })
      .map((report) => toFinding(rule, report));
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

/** A finding for a part of the validator that threw: what stopped, why, and what is missing because of it. */
function internalError(what: string, error: unknown, consequence: string): Placed {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `${what} stopped with an internal error (${reason}), ${consequence} Please report this with the workbook.`;
  return toFinding({ id: INTERNAL_ERROR, severity: "error" }, { message });
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
  // Rules that look for labels themselves (reference outturn rows) share the locator's index of each
  // sheet, and every rule shares the Decimals of the figures it reads.
  return withLabelIndex(() =>
    withSharedFigures(() => validateIndexed(workbook, options, registry))
  );
}

function validateIndexed(
  workbook: Workbook,
  options: ValidationOptions,
  registry: readonly Rule[]
): ValidationResult {
  let template: LocatedTemplate;
  try {
    template = locateTemplate(workbook, options);
  } catch (error) {
    const placed = internalError(
      "Finding the template's sheets and sections",
      error,
      "so no checks ran."
    );
    return { template: null, findings: [placed.finding] };
  }
  const recognised = template.recognition?.recognised ?? true;
  const rules = recognised ? registry : registry.filter((rule) => rule.id === TEMPLATE_RECOGNISED);
  const thresholds = profileById(template.profileId)?.thresholds;
  const placed = rules.flatMap((rule) =>
    runRule(rule as Rule, workbook, template, options, thresholds)
  );
  return {
    template: recognised
      ? {
          id: template.profileId,
          name: template.profileName,
          unit: template.unit,
          sign: template.sign,
        }
      : null,
    findings: sortFindings(placed, workbook),
  };
}
