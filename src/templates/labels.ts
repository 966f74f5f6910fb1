/**
 * Finding things in a sheet by their labels. Councils reword, abbreviate and annotate row labels
 * ("Cumulative DSG deficit - brought forward (deficit at beginning of financial year)"), so matching is
 * done on a normalised form and a label may carry extra words after a synonym.
 */
import type { CellRange, CellValue, Sheet, Workbook } from "../workbook/workbook";
import { usedBottomRight } from "../workbook/workbook";
// Row and table numbers ("1.", "(b)", "7.1", "Table 3a:") are dropped as meaning.ts drops them.
import { ENUMERATOR } from "./meaning";

/**
 * Lower case, a leading row number ("1.", "(a)") dropped, `&` as "and", £/'000 units kept, other
 * punctuation and repeated spaces dropped.
 */
export function normaliseLabel(text: string): string {
  return text
    .replace(ENUMERATOR, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9£%]+/g, " ")
    .trim();
}

/** Synonyms normalised, so scanning a large sheet does not redo the work per cell. */
export type LabelSet = readonly string[];

export function labelSet(synonyms: readonly string[]): LabelSet {
  return synonyms.map(normaliseLabel);
}

/** True when the text starts with the words followed by more ("dsg allocation 2024" and "dsg allocation"). */
export function startsWithWords(text: string, words: string): boolean {
  // Tested in place rather than with `words + " "`: label searches make thousands of these tests.
  return text.startsWith(words) && text[words.length] === " ";
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
  return labels.some((label) => text === label || (!exact && startsWithWords(text, label)));
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

/** A text cell with its normalised text. */
export interface TextCell extends LabelHit {
  readonly normalised: string;
}

/**
 * The text cells of an area (empty normalised texts left out): all of them in reading order, and by the
 * first word of their normalised text, each list in reading order. A text matching a label starts with
 * the label's first word, so a label search looks at only the few cells sharing it rather than at
 * every cell.
 */
export interface TextIndex {
  readonly cells: IndexedCell[];
  readonly byFirstWord: Map<string, IndexedCell[]>;
}

/** A text cell of the index, its normalised text worked out when a search first looks at it. */
interface IndexedCell extends LabelHit {
  normalised?: string;
}

function normalisedCell(cell: IndexedCell): TextCell {
  cell.normalised ??= normaliseLabel(cell.text);
  return cell as TextCell;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;
const SPACE = 32;

function isPlainLetterOrDigit(code: number): boolean {
  return (
    (code >= DIGIT_0 && code <= DIGIT_9) ||
    (code >= UPPER_A && code <= UPPER_Z) ||
    (code >= LOWER_A && code <= LOWER_Z)
  );
}

/**
 * The first word of the normalised text, read straight from a text that starts with ASCII letters and
 * digits followed by a space or nothing; undefined for any other text. Normalising leaves such a word as
 * it is, lower-cased (no row number can start it, as those end in "." or ")"; "Table" is the one word a
 * table number starts with, so its texts are normalised whole), so the whole text needs
 * normalising only when a search looks at it: most texts of a sheet no search ever looks at.
 */
function plainFirstWord(text: string): string | undefined {
  let end = 0;
  while (end < text.length && isPlainLetterOrDigit(text.charCodeAt(end))) end++;
  if (end === 0 || (end < text.length && text.charCodeAt(end) !== SPACE)) return undefined;
  const word = text.slice(0, end).toLowerCase();
  // "Table 3a: Number of EHCPs…" loses its table number when normalised: its first word is "number".
  return word === "table" ? undefined : word;
}

function firstWord(text: string): string {
  const space = text.indexOf(" ");
  return space < 0 ? text : text.slice(0, space);
}

function indexText(sheet: Sheet, area: CellRange): TextIndex {
  const index: TextIndex = { cells: [], byFirstWord: new Map() };
  for (let row = area.top; row <= area.bottom; row++) {
    const values = sheet.values[row - sheet.top];
    for (let col = area.left; col <= area.right; col++) {
      const text = values[col - sheet.left];
      if (typeof text !== "string") continue;
      let key = plainFirstWord(text);
      const cell: IndexedCell = { row, col, text };
      if (key === undefined) {
        const normalised = normaliseLabel(text);
        if (normalised === "") continue;
        cell.normalised = normalised;
        key = firstWord(normalised);
      }
      index.cells.push(cell);
      const cells = index.byFirstWord.get(key);
      if (cells === undefined) index.byFirstWord.set(key, [cell]);
      else cells.push(cell);
    }
  }
  return index;
}

/**
 * A sheet with the index of its text, made once per locating run (`labelWorkbook`) and shared by every
 * label search of the run; the workbook cannot change during a run, and the next run indexes afresh.
 */
export interface LabelledSheet extends Sheet {
  readonly text: TextIndex;
  /**
   * `find()` worked out the first time `what` is asked of this sheet in the run and kept for the rest of
   * it (recognising and locating ask for a sheet's year header several times). The result must not be
   * modified by its users.
   */
  once<T>(what: string, find: () => T): T;
}

export interface LabelledWorkbook extends Workbook {
  readonly sheets: readonly LabelledSheet[];
}

/**
 * The sheet with its text indexed. The index and the run's findings are not enumerable, so a copy made
 * with spread (`{ ...sheet, values }`, other figures) is a plain sheet again and is indexed afresh.
 */
export function labelSheet(sheet: Sheet): LabelledSheet {
  if (isLabelled(sheet)) return sheet;
  const found = new Map<string, unknown>();
  const once = <T>(what: string, find: () => T): T => {
    if (!found.has(what)) found.set(what, find());
    return found.get(what) as T;
  };
  return Object.defineProperties(
    { ...sheet },
    {
      text: { value: indexText(sheet, searchArea(sheet)), enumerable: false },
      once: { value: once, enumerable: false },
    }
  ) as LabelledSheet;
}

function isLabelled(sheet: Sheet): sheet is LabelledSheet {
  return "text" in sheet;
}

/** The workbook with every sheet's text indexed, for one locating or validation run. */
export function labelWorkbook(workbook: Workbook): LabelledWorkbook {
  return workbook.sheets.every(isLabelled)
    ? (workbook as LabelledWorkbook)
    : { ...workbook, sheets: workbook.sheets.map(labelSheet) };
}

const NO_CELLS: readonly IndexedCell[] = [];

function isIn(cell: LabelHit, area: CellRange): boolean {
  return (
    cell.row >= area.top &&
    cell.row <= area.bottom &&
    cell.col >= area.left &&
    cell.col <= area.right
  );
}

/**
 * The position of the first cell on or below `top` in a list in reading order: a sheet of many similar
 * tables (one per placement) repeats its labels, and a search in a lower table skips those above it.
 */
function firstAtOrBelow(cells: readonly LabelHit[], top: number): number {
  let low = 0;
  let high = cells.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cells[middle].row < top) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The text cells of the area with their normalised text, in reading order: for a reader that classifies
 * every label of an area itself (from the sheet's index, without normalising the texts again).
 */
export function textCellsIn(sheet: LabelledSheet, within?: Partial<CellRange>): TextCell[] {
  const area = searchArea(sheet, within);
  const { cells } = sheet.text;
  const found: TextCell[] = [];
  for (let i = firstAtOrBelow(cells, area.top); i < cells.length; i++) {
    const cell = cells[i];
    if (cell.row > area.bottom) break;
    if (isIn(cell, area)) found.push(normalisedCell(cell));
  }
  return found;
}

/**
 * True when some row of the sheet holds a heading of each column (`columns`: each column's synonyms, matched
 * exactly): the header row of a table such as "Agreement Condition | Assurance Level".
 */
export function hasHeaderRow(sheet: LabelledSheet, columns: readonly LabelSet[]): boolean {
  const [first, ...rest] = columns;
  if (first === undefined) return false;
  return findLabels(sheet, first, undefined, true).some((hit) => {
    const row = textCellsIn(sheet, { top: hit.row, bottom: hit.row });
    return rest.every((synonyms) =>
      row.some((cell) => cell.col !== hit.col && synonyms.includes(cell.normalised))
    );
  });
}

/** Every text cell matching the labels, in reading order (row by row, left to right). */
export function findLabels(
  sheet: LabelledSheet,
  labels: LabelSet,
  within?: Partial<CellRange>,
  exact = false
): LabelHit[] {
  const area = searchArea(sheet, within);
  const found: IndexedCell[] = [];
  for (const label of labels) {
    const cells = sheet.text.byFirstWord.get(firstWord(label)) ?? NO_CELLS;
    for (let i = firstAtOrBelow(cells, area.top); i < cells.length; i++) {
      const cell = cells[i];
      if (cell.row > area.bottom) break; // the cells are in reading order
      const { normalised } = normalisedCell(cell);
      const matches = normalised === label || (!exact && startsWithWords(normalised, label));
      if (matches && isIn(cell, area) && !found.includes(cell)) found.push(cell);
    }
  }
  // Each label's cells come in reading order, so only hits of several labels need sorting.
  return (found.length > 1 ? found.sort(inReadingOrder) : found).map(asHit);
}

function inReadingOrder(a: LabelHit, b: LabelHit): number {
  return a.row - b.row || a.col - b.col;
}

function asHit({ row, col, text }: LabelHit): LabelHit {
  return { row, col, text };
}

/** The first matching label in reading order, or undefined. */
export function findLabel(
  sheet: LabelledSheet,
  labels: LabelSet,
  within?: Partial<CellRange>,
  exact = false
): LabelHit | undefined {
  return findLabels(sheet, labels, within, exact)[0];
}

/** Normalised sheet-name match: "CYP summary" finds a sheet called "CYP Summary " or "cyp-summary". */
export function findSheetByName<S extends Sheet>(
  sheets: readonly S[],
  names: readonly string[]
): S | undefined {
  const wanted = labelSet(names);
  return sheets.find((sheet) => wanted.includes(normaliseLabel(sheet.name)));
}
