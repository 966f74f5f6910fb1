/**
 * The pane's services inside Excel (and over the workbench's stand-in host): Office.js work is engineer
 * "office"'s functions in ./office, checking is the validator's `validateWorkbook`. Nothing here decides
 * anything about the workbook; it only connects the pane to those functions.
 */
import { validateWorkbook } from "../validation/validate";
import { RULES } from "../validation/rules/index";
import {
  addWriteOffSheet,
  insertFunction,
  loadRowMap,
  loadSettings,
  readOfficeWorkbook,
  saveRowMap,
  saveSettings,
  selectCell,
  selectedRow,
  replaceForSubmission,
  writeComparisonSheet,
  writeReportSheet,
} from "./office/index";
import type { PaneServices } from "./services";
import { thresholdFields } from "../validation/report/thresholds";
import { planPosition } from "../validation/report/position";
import { locatedPlan } from "../validation/report/locatedPlan";
import { writeOffOf } from "../validation/report/writeOffClaim";
import type { Workbook } from "../workbook/workbook";
import { addinFormulaCells } from "../validation/addinFormulas";
import { a1 } from "../workbook/address";
import { sheetMayHoldSections } from "../templates/sheetWords";

/** Connects the pane to the open workbook through Office.js. */
export function officeServices(): PaneServices {
  return {
    readWorkbook: (onProgress) =>
      readOfficeWorkbook(onProgress, { formatsFor: sheetMayHoldSections }),
    validate: (workbook, options) => {
      const { template, findings, checks } = validateWorkbook(workbook, options);
      // The position and write-off panels read one more locating run, shared between them.
      const plan = template ? locatedPlan(workbook, options) : null;
      const writeOff = writeOffOf(plan);
      return {
        template: template && { ...template, unit: template.unit.label },
        findings,
        checks,
        position: plan && planPosition(plan.template, plan.settings),
        writeOffSheet: writeOff?.sheet ?? null,
        writeOffClaim: writeOff?.claim ?? null,
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
    addWriteOffSheet: async (result, name, replace) => {
      if (!result.writeOffSheet)
        throw new Error("The plan shows no deficit at 31 March 2026 to reconcile.");
      return addWriteOffSheet(result.writeOffSheet, name, replace);
    },
    loadSettings,
    saveSettings,
    selectedRow,
    loadRowMap,
    saveRowMap,
    insertFunction: (entry, overwrite) => insertFunction(entry.example, { overwrite }),
    thresholds: thresholdFields(RULES),
    compareWithFile,
    writeComparisonSheet,
    addinFormulaCells: (workbook) =>
      workbook.sheets.flatMap((sheet) =>
        addinFormulaCells(sheet).map((cell) => ({
          sheet: sheet.name,
          address: a1(cell.row, cell.col),
          formula: cell.formula,
        }))
      ),
    replaceForSubmission,
  };
}

/** Reads the earlier version in the page and compares it with the open workbook; a sentence when it cannot. */
async function compareWithFile(
  file: File,
  current: Workbook
): ReturnType<PaneServices["compareWithFile"]> {
  // The file reader (unzip, XML, formulas without values) and the comparing load only when a version is
  // compared, so the pane opens without them.
  const [{ readWorkbookFile }, { compareVersions, locateVersion, whyNotComparable }] =
    await Promise.all([
      import(/* webpackChunkName: "reader" */ "../workbench/openFile"),
      import(/* webpackChunkName: "reader" */ "../validation/compare/compare"),
    ]);
  const older = locateVersion(await readWorkbookFile(file));
  if (typeof older === "string") throw new Error(`${file.name}: ${older}.`);
  const newer = locateVersion(current);
  if (typeof newer === "string") throw new Error(`This workbook: ${newer}.`);
  const different = whyNotComparable(older, newer);
  if (different) throw new Error(`${different.charAt(0).toUpperCase()}${different.slice(1)}.`);
  return {
    olderName: file.name,
    template: {
      id: newer.profileId,
      name: newer.profileName,
      unit: newer.unit.label,
      sign: newer.sign,
    },
    comparison: compareVersions(older, newer),
  };
}
