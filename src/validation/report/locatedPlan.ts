/**
 * The workbook located as the validator locates it (same template, unit, sign and rows pointed at), with
 * the grant settings the hnsg-split check runs with: what the pane's position and write-off panels read.
 * One locating run serves both panels.
 */
import type { Workbook } from "../../workbook/workbook";
import type { LocatedTemplate } from "../../templates/located";
import { locateTemplate } from "../../templates/locate";
import { grantSettings } from "../rules/hnsg-split";
import type { ValidationOptions } from "../rule";

export interface LocatedPlan {
  readonly template: LocatedTemplate;
  readonly settings: ReturnType<typeof grantSettings>;
}

/** The located workbook and its grant settings; null when it is not a recognised template. */
export function locatedPlan(
  workbook: Workbook,
  options: ValidationOptions = {}
): LocatedPlan | null {
  const template = locateTemplate(workbook, options);
  if (template.recognition && !template.recognition.recognised) return null;
  return { template, settings: grantSettings(template, options) };
}
