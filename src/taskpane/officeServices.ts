/**
 * The pane's services inside Excel (and over the workbench's stand-in host): Office.js work is engineer
 * "office"'s functions in ./office, checking is the validator's `validateWorkbook`. Nothing here decides
 * anything about the workbook; it only connects the pane to those functions.
 */
import { validateWorkbook } from "../validation/validate";
import { RULES } from "../validation/rules/index";
import {
  insertFunction,
  loadRowMap,
  loadSettings,
  readOfficeWorkbook,
  saveRowMap,
  saveSettings,
  selectCell,
  selectedRow,
  writeReportSheet,
} from "./office/index";
import type { PaneServices } from "./services";
import { thresholdFields } from "../validation/report/thresholds";
import { workbookPosition } from "../validation/report/position";

/** Connects the pane to the open workbook through Office.js. */
export function officeServices(): PaneServices {
  return {
    readWorkbook: (onProgress) => readOfficeWorkbook(onProgress),
    validate: (workbook, options) => {
      const { template, findings, checks } = validateWorkbook(workbook, options);
      return {
        template: template && { ...template, unit: template.unit.label },
        findings,
        checks,
        position: template ? workbookPosition(workbook, options) : null,
      };
    },
    selectCell,
    writeReportSheet: (result, checkedAt) =>
      writeReportSheet(
        result.findings,
        checkedAt,
        result.template?.name ?? null,
        result.checks,
        result.position ?? null
      ),
    loadSettings,
    saveSettings,
    selectedRow,
    loadRowMap,
    saveRowMap,
    insertFunction: (entry, overwrite) => insertFunction(entry.example, { overwrite }),
    thresholds: thresholdFields(RULES),
  };
}
