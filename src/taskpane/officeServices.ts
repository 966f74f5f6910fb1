/**
 * The pane's services inside Excel (and over the workbench's stand-in host): Office.js work is engineer
 * "office"'s functions in ./office, checking is the validator's `validateWorkbook`. Nothing here decides
 * anything about the workbook; it only connects the pane to those functions.
 */
import { validateWorkbook } from "../validation/validate";
import { RULES } from "../validation/rules/index";
import {
  insertFunction,
  loadSettings,
  readOfficeWorkbook,
  saveSettings,
  selectCell,
  writeReportSheet,
} from "./office/index";
import type { PaneServices } from "./services";
import { thresholdFields } from "./thresholds";

/** Connects the pane to the open workbook through Office.js. */
export function officeServices(): PaneServices {
  return {
    readWorkbook: (onProgress) => readOfficeWorkbook(onProgress),
    validate: (workbook, options) => {
      const { template, findings } = validateWorkbook(workbook, options);
      return { template: template && { ...template, unit: template.unit.label }, findings };
    },
    selectCell,
    writeReportSheet: (result, checkedAt) =>
      writeReportSheet(result.findings, checkedAt, result.template?.name ?? null),
    loadSettings,
    saveSettings,
    insertFunction: (entry, overwrite) => insertFunction(entry.example, { overwrite }),
    thresholds: thresholdFields(RULES),
  };
}
