/**
 * The user's choices for checking this workbook, kept in the document's settings so they travel with the
 * file. Blank or "auto" means "let the validator decide", so an untouched workbook is checked with the
 * validator's own defaults.
 */
import type { ValidationOptions } from "../validation/rule";
import type { MoneyUnit, ProfileId, SignConvention } from "../templates/located";
import type { RowMap } from "../templates/rowMap";

export interface PaneSettings {
  /** Absolute tolerance in the sheet's unit; `null` keeps the rounding-aware default. */
  readonly tolerance: number | null;
  readonly template: "auto" | ProfileId;
  readonly unit: "auto" | MoneyUnit["label"];
  readonly sign: "auto" | SignConvention;
  /** Only the thresholds the user changed, by rule id then threshold name. */
  readonly thresholds: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  tolerance: null,
  template: "auto",
  unit: "auto",
  sign: "auto",
  thresholds: {},
};

/** The choices offered in the settings form, in the users' words. */
export const TEMPLATE_CHOICES: readonly { value: PaneSettings["template"]; label: string }[] = [
  { value: "auto", label: "Recognise automatically" },
  { value: "dsg-management-plan", label: "DSG deficit management plan" },
  { value: "safety-valve-return", label: "Safety Valve monitoring return" },
];

export const UNIT_CHOICES: readonly { value: PaneSettings["unit"]; label: string }[] = [
  { value: "auto", label: "As the sheet says" },
  { value: "£", label: "£" },
  { value: "£000", label: "£000" },
  { value: "£m", label: "£m" },
];

export const SIGN_CHOICES: readonly { value: PaneSettings["sign"]; label: string }[] = [
  { value: "auto", label: "Detect from the figures" },
  { value: "deficit-positive", label: "Deficits are positive" },
  { value: "deficit-negative", label: "Deficits are negative" },
];

/**
 * Turns the saved settings into validator options, leaving out every "auto" and blank choice, with the
 * rows the user pointed at (`map`, kept apart in the workbook) when there are any.
 */
export function toValidationOptions(settings: PaneSettings, map?: RowMap): ValidationOptions {
  return {
    ...(map !== undefined && map.rows.length > 0 && { rows: map.rows }),
    ...(settings.tolerance !== null && { tolerance: settings.tolerance }),
    ...(settings.template !== "auto" && { template: settings.template }),
    ...(settings.unit !== "auto" && { unit: settings.unit }),
    ...(settings.sign !== "auto" && { sign: settings.sign }),
    ...(Object.keys(settings.thresholds).length > 0 && { thresholds: settings.thresholds }),
  };
}

const isOneOf = <T>(choices: readonly { value: T }[], value: unknown): value is T =>
  choices.some((c) => c.value === value);
const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value);

/**
 * Reads settings saved by any earlier version, keeping each value that is still valid and falling back to
 * the default for the rest, so a hand-edited or old document never stops the pane from opening.
 */
export function normaliseSettings(saved: unknown): PaneSettings {
  const raw = (typeof saved === "object" && saved !== null ? saved : {}) as Record<string, unknown>;
  const thresholds: Record<string, Record<string, number>> = {};
  if (typeof raw.thresholds === "object" && raw.thresholds !== null) {
    for (const [rule, values] of Object.entries(raw.thresholds)) {
      if (typeof values !== "object" || values === null) continue;
      const kept = Object.entries(values as Record<string, unknown>).filter(
        (entry): entry is [string, number] => isNumber(entry[1])
      );
      if (kept.length > 0) thresholds[rule] = Object.fromEntries(kept);
    }
  }
  return {
    tolerance:
      isNumber(raw.tolerance) && raw.tolerance >= 0 ? raw.tolerance : DEFAULT_SETTINGS.tolerance,
    template: isOneOf(TEMPLATE_CHOICES, raw.template) ? raw.template : DEFAULT_SETTINGS.template,
    unit: isOneOf(UNIT_CHOICES, raw.unit) ? raw.unit : DEFAULT_SETTINGS.unit,
    sign: isOneOf(SIGN_CHOICES, raw.sign) ? raw.sign : DEFAULT_SETTINGS.sign,
    thresholds,
  };
}

/** What a number field of the Settings tab holds: the tolerance, or one threshold of one rule. */
export type SettingField =
  | { readonly kind: "tolerance" }
  | { readonly kind: "threshold"; readonly key: string; readonly defaultValue: number };

const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;

/**
 * Why the text typed into a number field cannot be saved, in a sentence shown at the field; null when it
 * can (blank always can: it keeps the default). `badInput` is the browser's verdict on a number input that
 * holds something other than a number, whose value then reads as blank.
 */
export function settingProblem(
  text: string,
  badInput: boolean,
  field: SettingField
): string | null {
  const blank =
    field.kind === "tolerance"
      ? "leave it blank"
      : `leave it blank for the default (${field.defaultValue})`;
  const trimmed = text.trim();
  if (badInput) return `Enter a number, or ${blank}.`;
  if (trimmed === "") return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return `Enter a number, or ${blank}.`;
  if (field.kind === "tolerance")
    return value < 0 ? "A tolerance cannot be negative: enter 0 or more, or leave it blank." : null;
  if (field.key === "cutOffYear")
    return Number.isInteger(value) && value >= EARLIEST_YEAR && value <= LATEST_YEAR
      ? null
      : "Enter the first year of a financial year, such as 2025 for 2025-26.";
  if (/percent$/i.test(field.key)) {
    // A minimum uplift may be a cut; every other percentage is a share from 0 to 100.
    const lowest = field.key === "minPercent" ? -100 : 0;
    return value >= lowest && value <= 100
      ? null
      : `Enter a percentage from ${lowest} to 100, or ${blank}.`;
  }
  return value >= 0 ? null : `Enter 0 or more, or ${blank}.`;
}
