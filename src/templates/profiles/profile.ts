/**
 * A template profile: what a DfE template looks like, as data. Recognition counts how many of a
 * profile's markers (sheets and section headings) a workbook has; a new template version is a change
 * to this data, not to the code.
 */
import type { ProfileId } from "../located";
import type { LabelSet } from "../labels";

/** Something a workbook of this template has: a sheet (by name) or a section (by heading, on any sheet). */
export interface Marker {
  readonly kind: "sheet" | "section";
  /** What to call it when it is missing ("sheet 'Financial summary'"). */
  readonly name: string;
  /** Accepted names (sheet) or headings (section), compared after normalisation. */
  readonly synonyms: readonly string[];
  /** When missing from a recognised workbook, the checks that need it cannot run: reported. */
  readonly required?: boolean;
  /**
   * The marker is where the end of year positions usually are. When the locator finds those rows
   * anyway (on a sheet named otherwise, or without the heading), the marker counts as found: the
   * checks that need it can run.
   */
  readonly holdsEndOfYear?: boolean;
  /**
   * A section's heading may follow a name, as page headings often do ("Borsetshire – SAFETY VALVE
   * PROGRAMME OVERVIEW").
   */
  readonly afterName?: boolean;
  /**
   * Tables whose header row shows the section where its heading is missing (the DfE's "Agreement
   * Condition | Assurance Level" under a page heading that was a printed page header): each table's
   * columns, each column's headings (normalised with `labelSet`).
   */
  readonly headerRows?: readonly (readonly LabelSet[])[];
}

export interface TemplateProfile {
  readonly id: ProfileId;
  readonly name: string;
  readonly markers: readonly Marker[];
  /** Sheet names where the financial summary (end of year positions) is looked for first. */
  readonly financialSheets: readonly string[];
  /**
   * The template may come without finance figures (the Safety Valve return points to a separate finance
   * template): the deficit checks run when a finance sheet or section is there, and its absence is not
   * reported.
   */
  readonly financeOptional?: boolean;
  /** Share of markers (0–1) a workbook needs to be taken for this template. */
  readonly minimumScore: number;
  /** Per-rule threshold overrides for this template, by rule id; user settings still win. */
  readonly thresholds?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}
