/**
 * What JUnit and SARIF say about each check: its id, title and description, from the rule registry, plus
 * the ids the runner itself gives findings (checks not run, layout not confirmed, row map, internal error)
 * and the one the command gives a file it could not read.
 */
import { RULES } from "../../validation/rules";
import { RULE_SETS, rulesOfSet } from "../../validation/ruleSets";
import { CHECKS_NOT_RUN, INTERNAL_ERROR } from "../../validation/validate";
import { LAYOUT_NOT_CONFIRMED } from "../../validation/layoutEvidence";
import { ROW_MAP } from "../../validation/rowMapFindings";
import { TEMPLATE_RECOGNISED } from "../../validation/rules/template-recognised";
import type { CheckedFile } from "../checkFile";

/** The id a file that could not be read is reported under in JUnit, SARIF and CSV. */
export const FILE_NOT_READ = "file-not-read";

export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

const RUNNER_RULES: readonly RuleInfo[] = [
  {
    id: CHECKS_NOT_RUN,
    title: "Checks that did not run",
    description:
      "Lists the checks whose rows or sections were not found in the workbook, with what each needed.",
  },
  {
    id: LAYOUT_NOT_CONFIRMED,
    title: "Layout not confirmed",
    description:
      "A check the template's own arithmetic ties together failed in most years of one row: the row was probably misread, so the rows read are named instead of an error per year.",
  },
  {
    id: ROW_MAP,
    title: "Row map",
    description: "A row the row map points at could not be used, and why.",
  },
  {
    id: INTERNAL_ERROR,
    title: "Internal error",
    description:
      "A part of the checker stopped with an unexpected error; the other checks still ran.",
  },
  {
    id: FILE_NOT_READ,
    title: "File could not be read",
    description:
      "The file is missing, not an Excel workbook, too large or too slow to read, so it was not checked.",
  },
];

const CATALOGUE = new Map<string, RuleInfo>(
  [...RULES, ...RUNNER_RULES].map((r) => [
    r.id,
    { id: r.id, title: r.title, description: r.description },
  ])
);

/** The rule's id, title and description; an id not known (a newer rule set) is its own title. */
export function ruleInfo(id: string): RuleInfo {
  return CATALOGUE.get(id) ?? { id, title: id, description: id };
}

/** Every rule the registry knows, then the runner's own ids, in a fixed order. */
export function allRules(): RuleInfo[] {
  return [...CATALOGUE.values()];
}

/**
 * The checks of a checked file, in registry order: template recognition, then its template's rule set,
 * then any other id its findings carry (the runner's own).
 */
export function checksOfFile(report: CheckedFile): string[] {
  const set = report.template
    ? rulesOfSet(RULES, RULE_SETS[report.template.id]).map((r) => r.id)
    : [];
  const ids = [TEMPLATE_RECOGNISED, ...set];
  for (const finding of report.findings) if (!ids.includes(finding.rule)) ids.push(finding.rule);
  return ids;
}
