/**
 * Finding things in a sheet by their labels. Councils reword, abbreviate and annotate row labels
 * ("Cumulative DSG deficit - brought forward (deficit at beginning of financial year)"), so matching is
 * done on a normalised form and a label may carry extra words after a synonym.
 */
import type { CellRange, CellValue, Sheet } from "../workbook/workbook";
import { usedBottomRight } from "../workbook/workbook";

// Locating scans the same label cells many times (once per row or section sought), so each distinct
// text is normalised once. The texts come from one workbook's cells, so the cache stays small; it is
// cleared when it grows past a bound so a long-running task pane cannot accumulate every workbook seen.
const normalised = new Map<string, string>();
const NORMALISED_LIMIT = 50_000;

// Councils number their rows ("1. Cumulative deficit brought forward", "(b) Schools block"). Only a
// number or letter closed by "." or ")" counts, so age bands such as "5 to 10" keep their digits.
const ENUMERATOR = /^\s*(\d+(\.\d+)*[.)]|\(?[a-z][.)]|\(?[ivx]+[.)]|\(\d+\))\s+/i;

/**
 * Lower case, a leading row number ("1.", "(a)") dropped, `&` as "and", £/'000 units kept, other
 * punctuation and repeated spaces dropped.
 */
export function normaliseLabel(text: string): string {
  const known = normalised.get(text);
  if (known !== undefined) return known;
  const result = text
    .replace(ENUMERATOR, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9£%]+/g, " ")
    .trim();
  if (normalised.size >= NORMALISED_LIMIT) normalised.clear();
  normalised.set(text, result);
  return result;
}

/** Synonyms prepared once (normalised) so scanning a large sheet does not redo the work per cell. */
export type LabelSet = readonly string[];

export function labelSet(synonyms: readonly string[]): LabelSet {
  return synonyms.map(normaliseLabel);
}

/**
 * True when the text is one of the synonyms, or starts with one followed by further words
 * ("In year DSG deficit (before Safety Valve ...)" matches "in year dsg deficit").
 * `exact` rejects the trailing-words form, for short labels such as "Total" or "ASD".
 */
export function labelMatches(value: CellValue, labels: LabelSet, exact = false): boolean {
  if (typeof value !== "string") return false;
  const text = normaliseLabel(value);
  if (text === "") return false;
  return labels.some((label) => text === label || (!exact && text.startsWith(label + " ")));
}

/** A label cell found in a sheet (0-based sheet coordinates). */
export interface LabelHit {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The part of a sheet to search: the whole used range unless narrowed. */
export function searchArea(sheet: Sheet, within?: Partial<CellRange>): CellRange {
  const { bottom, right } = usedBottomRight(sheet);
  return {
    top: Math.max(sheet.top, within?.top ?? sheet.top),
    left: Math.max(sheet.left, within?.left ?? sheet.left),
    bottom: Math.min(bottom, within?.bottom ?? bottom),
    right: Math.min(right, within?.right ?? right),
  };
}

/** Every text cell matching the labels, in reading order (row by row, left to right). */
export function findLabels(
  sheet: Sheet,
  labels: LabelSet,
  within?: Partial<CellRange>,
  exact = false
): LabelHit[] {
  const area = searchArea(sheet, within);
  const hits: LabelHit[] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const cells = sheet.values[row - sheet.top];
    for (let col = area.left; col <= area.right; col++) {
      const value = cells[col - sheet.left];
      if (typeof value === "string" && labelMatches(value, labels, exact))
        hits.push({ row, col, text: value });
    }
  }
  return hits;
}

/** The first matching label in reading order, or undefined. */
export function findLabel(
  sheet: Sheet,
  labels: LabelSet,
  within?: Partial<CellRange>,
  exact = false
): LabelHit | undefined {
  return findLabels(sheet, labels, within, exact)[0];
}

/** Normalised sheet-name match: "CYP summary" finds a sheet called "CYP Summary " or "cyp-summary". */
export function findSheetByName(
  sheets: readonly Sheet[],
  names: readonly string[]
): Sheet | undefined {
  const wanted = labelSet(names);
  return sheets.find((sheet) => wanted.includes(normaliseLabel(sheet.name)));
}
