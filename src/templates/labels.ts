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

// Locators pass the same constant synonym lists on every search, so each list is prepared once. Keyed
// weakly by the list itself: it holds nothing from any workbook, and a list built for one call is let go.
const preparedSets = new WeakMap<readonly string[], LabelSet>();

export function labelSet(synonyms: readonly string[]): LabelSet {
  let prepared = preparedSets.get(synonyms);
  if (prepared === undefined) {
    prepared = synonyms.map(normaliseLabel);
    preparedSets.set(synonyms, prepared);
  }
  return prepared;
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
interface TextIndex {
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
 * it is, lower-cased (no row number can start it, as those end in "." or ")"), so the whole text needs
 * normalising only when a search looks at it: most texts of a sheet no search ever looks at.
 */
function plainFirstWord(text: string): string | undefined {
  let end = 0;
  while (end < text.length && isPlainLetterOrDigit(text.charCodeAt(end))) end++;
  if (end === 0 || (end < text.length && text.charCodeAt(end) !== SPACE)) return undefined;
  return text.slice(0, end).toLowerCase();
}

function firstWord(text: string): string {
  const space = text.indexOf(" ");
  return space < 0 ? text : text.slice(0, space);
}

// Label searches look up the first words of the same constant synonym lists thousands of times; a word
// cut afresh is a new string the index must hash each time, so each list's first words are kept,
// weakly keyed by the list (it holds nothing from a workbook).
const firstWordsOfSets = new WeakMap<LabelSet, readonly string[]>();

function firstWordsOf(labels: LabelSet): readonly string[] {
  let words = firstWordsOfSets.get(labels);
  if (words === undefined) {
    words = labels.map(firstWord);
    firstWordsOfSets.set(labels, words);
  }
  return words;
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

// Locating a template searches the same few sheets for dozens of labels, mostly among figures. Inside
// `withLabelIndex` each sheet's text is indexed once and shared by every search; the index lives for
// one run (locating, or a whole validation), so a workbook edited between runs is never read stale.
let sheetIndexes: Map<Sheet, TextIndex> | undefined;
// Other whole-sheet findings asked for again and again in one run (a sheet's year header), by sheet
// and by what was found; they live exactly as long as the index.
let sheetFindings: Map<Sheet, Map<string, unknown>> | undefined;

/** Runs `locate` with each sheet's text indexed once and shared by every label search inside it. */
export function withLabelIndex<T>(locate: () => T): T {
  const [outerIndexes, outerFindings] = [sheetIndexes, sheetFindings];
  sheetIndexes = outerIndexes ?? new Map();
  sheetFindings = outerFindings ?? new Map();
  try {
    return locate();
  } finally {
    [sheetIndexes, sheetFindings] = [outerIndexes, outerFindings];
  }
}

/**
 * `find(sheet)`, worked out once per sheet and `what` inside `withLabelIndex` (the workbook cannot change
 * during the run) and every time outside it. The result must not be modified by its users.
 */
export function oncePerSheet<T>(sheet: Sheet, what: string, find: (sheet: Sheet) => T): T {
  if (sheetFindings === undefined) return find(sheet);
  let found = sheetFindings.get(sheet);
  if (found === undefined) {
    found = new Map();
    sheetFindings.set(sheet, found);
  }
  if (!found.has(what)) found.set(what, find(sheet));
  return found.get(what) as T;
}

/** The index to search the area with: the sheet's shared one when locating, else one of the area. */
function indexFor(sheet: Sheet, area: CellRange): TextIndex {
  if (sheetIndexes === undefined) return indexText(sheet, area);
  let index = sheetIndexes.get(sheet);
  if (index === undefined) {
    index = indexText(sheet, searchArea(sheet));
    sheetIndexes.set(sheet, index);
  }
  return index;
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
 * every label of an area itself (inside `withLabelIndex`, without normalising the texts again).
 */
export function textCellsIn(sheet: Sheet, within?: Partial<CellRange>): TextCell[] {
  const area = searchArea(sheet, within);
  const { cells } = indexFor(sheet, area);
  const found: TextCell[] = [];
  for (let i = firstAtOrBelow(cells, area.top); i < cells.length; i++) {
    const cell = cells[i];
    if (cell.row > area.bottom) break;
    if (isIn(cell, area)) found.push(normalisedCell(cell));
  }
  return found;
}

/** Every text cell matching the labels, in reading order (row by row, left to right). */
export function findLabels(
  sheet: Sheet,
  labels: LabelSet,
  within?: Partial<CellRange>,
  exact = false
): LabelHit[] {
  const area = searchArea(sheet, within);
  const index = indexFor(sheet, area);
  const found: IndexedCell[] = [];
  const words = firstWordsOf(labels);
  for (let l = 0; l < labels.length; l++) {
    const label = labels[l];
    const cells = index.byFirstWord.get(words[l]) ?? NO_CELLS;
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
