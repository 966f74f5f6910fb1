/**
 * Everything the pane asks of Excel and of the validator, as one interface. The task pane page wires it to
 * Office.js (officeServices.ts) and the workbench to the same functions over its stand-in host, so the pane
 * itself holds no Office or rule code and is tested in a browser exactly as it runs in Excel.
 */
import type { Finding } from "../validation/finding";
import type { Workbook } from "../workbook/workbook";
import type { FunctionEntry } from "./functionCatalogue";
import type { ValidationOptions } from "../validation/rule";
import type { PaneSettings } from "./paneSettings";
import type { ThresholdField } from "../validation/report/thresholds";
import type { ChecksRan } from "../validation/report/findingsText";
import type { RowMap } from "../templates/rowMap";
import type { SelectedRow } from "./office/selectedRow";
import type { PlanPosition } from "../validation/report/position";
import type { WriteOffSheetContent } from "../validation/report/writeOffSheet";
import type { WriteOffClaim } from "../validation/report/writeOffClaim";
import type { WriteOffSheetOutcome } from "./office/writeOffSheet";
import type { Comparison } from "../validation/compare/compare";

/** The template a check recognised, as the validator reports it. */
export interface CheckedTemplate {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly sign: string;
}

export interface CheckResult {
  readonly template: CheckedTemplate | null;
  readonly findings: readonly Finding[];
  /** How many checks ran, and the ones that did not with what they needed. */
  readonly checks: ChecksRan;
  /** The plan's position year by year (position panel, report chart); null when the workbook has none. */
  readonly position?: PlanPosition | null;
  /** The sheet Add write-off reconciliation would write; null when the plan has no 31 March 2026 figure. */
  readonly writeOffSheet?: WriteOffSheetContent | null;
  /** The write-off claim's figures (eligible, grant, kept, carrying cost); null when there is none. */
  readonly writeOffClaim?: WriteOffClaim | null;
}

/** The open workbook compared with an earlier version of it, picked from disk. */
export interface VersionComparison {
  /** The earlier version's file name, as picked. */
  readonly olderName: string;
  /** The template of the open workbook, in whose unit the comparison is given. */
  readonly template: CheckedTemplate;
  readonly comparison: Comparison;
}

/** A cell whose formula calls an add-in function, as Prepare for submission lists it. */
export interface AddinFormulaCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
}

/** What Prepare for submission writes over DSG cells: plain Excel formulas where there are some, or values only. */
export type SubmissionKeeps = "formulas" | "values";

/** What Prepare for submission did. */
export interface SubmissionPrepared {
  /** Cells that now hold values instead of formulas (every cell of a spilled result counts). */
  readonly cellsWritten: number;
  /** Listed cells replaced. */
  readonly replaced: number;
  /** Of the cells written, those that hold plain Excel formulas (the rest hold their values). */
  readonly asFormulas: number;
  /** Listed cells left alone: their formula changed since they were listed, or they show an error. */
  readonly leftAlone: readonly {
    readonly sheet: string;
    readonly address: string;
    readonly why: string;
  }[];
  /** The audit sheet added. */
  readonly auditSheet: string;
}

/** One threshold a rule lets the user change, with the rule's default. */
export interface PaneServices {
  /** Reads the open workbook; `onProgress` receives the stage in words ("Reading sheets…"). */
  readWorkbook(onProgress: (stage: string) => void): Promise<Workbook>;
  validate(workbook: Workbook, options: ValidationOptions): CheckResult;
  /** Activates the sheet and selects the cell or range. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Adds or replaces the report sheet; the only write a check ever makes, and only on request. */
  writeReportSheet(
    result: CheckResult,
    checkedAt: Date
  ): Promise<{ readonly sheet: string; readonly address: string; readonly position?: string }>;
  /**
   * Adds the write-off reconciliation as the new sheet `name`; a sheet of that name is replaced only when
   * `replace` is true, else nothing is written and the outcome offers a free name. Only on request.
   */
  addWriteOffSheet(
    result: CheckResult,
    name: string,
    replace: boolean
  ): Promise<WriteOffSheetOutcome>;
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Where the user's selection is (its sheet, first row as Excel numbers it, and row count). */
  selectedRow(): Promise<SelectedRow>;
  /** The rows the user pointed at, saved in the workbook. */
  loadRowMap(): Promise<RowMap>;
  saveRowMap(map: RowMap): Promise<void>;
  /**
   * Puts the function's example formula into the selected cell. A cell that already holds something is left
   * alone (`inserted: false`) unless `overwrite` is true, so the pane can ask first.
   */
  insertFunction(
    entry: FunctionEntry,
    overwrite: boolean
  ): Promise<{ readonly inserted: boolean; readonly address: string; readonly previous: string }>;
  readonly thresholds: readonly ThresholdField[];
  /**
   * Reads an earlier version of the plan from the file the user picked, in the page with the command line's
   * reader (nothing is sent anywhere), and compares it with the open workbook as read. Throws with a sentence
   * for the user when the file cannot be read or is not a DfE template.
   */
  compareWithFile(file: File, current: Workbook): Promise<VersionComparison>;
  /** Every cell of the workbook (as read) whose formula calls a DSG or other add-in function, sheet by sheet. */
  addinFormulaCells(workbook: Workbook): AddinFormulaCell[];
  /**
   * Prepare for submission, after the user confirmed: replaces each listed cell that still holds its formula
   * (a spilled result's every cell) with plain Excel formulas computing what it shows where there are some and
   * `keeps` is "formulas", else with the value it shows, and adds an audit sheet listing cell, original
   * formula, value and what the cell holds now. Nothing else changes.
   */
  replaceForSubmission(
    cells: readonly AddinFormulaCell[],
    keeps: SubmissionKeeps
  ): Promise<SubmissionPrepared>;
  /** Adds or replaces the comparison sheet; only on request, and nothing else in the workbook changes. */
  writeComparisonSheet(
    compared: VersionComparison,
    comparedAt: Date
  ): Promise<{ readonly sheet: string; readonly address: string }>;
}

/** The name of the sheet "Write report sheet" adds or replaces. */
export const REPORT_SHEET_NAME = "DSG check report";

/** The name of the sheet "Write comparison sheet" adds or replaces. */
export const COMPARISON_SHEET_NAME = "DSG comparison";

/** The name of the audit sheet Prepare for submission adds (numbered when one is already there). */
export const AUDIT_SHEET_NAME = "DSG submission audit";
