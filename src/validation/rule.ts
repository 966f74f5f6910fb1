import type { LabelledWorkbook } from "../templates/labels";
import type { LocatedTemplate, MoneyUnit, SignConvention } from "../templates/located";
import type { Severity } from "./finding";
import type { Needs } from "./needs";
import type { RowMapping } from "../templates/rowMap";

/** Where a report points: a cell, or a rectangle when `bottom`/`right` are given (0-based). */
export interface Location {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly bottom?: number;
  readonly right?: number;
}

/** What a rule's check returns; the runner adds the rule id and severity and formats the address. */
export interface RuleReport {
  readonly message: string;
  /**
   * A report less serious than its rule's findings usually are (template-recognised: a part not found in
   * a recognised workbook is a warning, a workbook of no known kind an error). Omitted: the rule's.
   */
  readonly severity?: Severity;
  /** Omitted for workbook-level reports (for example "no profile matched"). */
  readonly at?: Location;
  readonly expected?: number;
  readonly actual?: number;
}

/** Settings shared by every rule, chosen by the user (task pane settings, CLI flags). */
export interface ValidationOptions {
  /** Absolute tolerance in the sheet's money unit; when absent the rounding-aware default applies. */
  readonly tolerance?: number;
  /** Force a profile id instead of recognising one. */
  readonly template?: string;
  /** Override the detected money unit (task pane setting). */
  readonly unit?: MoneyUnit["label"];
  /** Override the detected sign convention (task pane setting). */
  readonly sign?: SignConvention;
  /** Per-rule threshold overrides, by rule id. */
  readonly thresholds?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Rows the user pointed at (a row map: the pane's saved map, `dsg-validate --map`). */
  readonly rows?: readonly RowMapping[];
}

/** Everything a check may read: the workbook, what the locator found in it, and the rule's settings. */
export interface RuleContext<S> {
  /** The workbook with each sheet's text indexed once for the run (label searches of any rule). */
  readonly workbook: LabelledWorkbook;
  readonly template: LocatedTemplate;
  readonly settings: S;
  readonly options: ValidationOptions;
}

export interface Rule<S extends Record<string, number> = Record<string, number>> {
  /** Stable kebab-case id; never renamed once released. */
  readonly id: string;
  readonly severity: Severity;
  /** A short title for lists ("Carried forward rolls forward"). */
  readonly title: string;
  /** One paragraph for users: what is checked, why it matters, what to do. */
  readonly description: string;
  /** Thresholds with their defaults; users and profiles may override each one. */
  readonly defaults: S;
  /**
   * The rows and sections the check reads. When one was not found the check does not run, and the
   * result says which checks did not run and what they needed. Absent: the check reads whatever is there.
   */
  readonly needs?: Needs;
  /**
   * The check compares figures the template's own arithmetic ties together, year by year: when it fails
   * in most years of one row, the row was misread rather than wrongly filled, and the runner reports the
   * layout once instead of an error per year.
   */
  readonly confirmsLayout?: boolean;
  /**
   * The check compares figures within the shared tolerance (the task pane's Tolerance, `--tolerance`):
   * half a unit of each rounded figure's last shown decimal unless the user sets one.
   */
  readonly usesTolerance?: boolean;
  /** A pure check over the located template. */
  check(context: RuleContext<S>): RuleReport[];
}

export function defineRule<S extends Record<string, number>>(rule: Rule<S>): Rule<S> {
  return rule;
}
