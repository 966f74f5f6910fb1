/**
 * Finding a titled section of a sheet ("Summary of end of year positions"): the rows from its heading
 * down to the next known section heading, so row labels that recur in several sections ("Total",
 * "DSG allocation") are looked for in the right one.
 */
import type { CellRange } from "../workbook/workbook";
import type { LabelledSheet } from "./labels";
import { cellValue } from "../workbook/workbook";
import { findLabels, labelSet, normaliseLabel, searchArea } from "./labels";
import { ALL_SECTION_HEADINGS } from "./profiles/headings";

/** A section: its heading cell and the rows it spans (heading row included) across the searched columns. */
export interface Section extends CellRange {
  readonly heading: string;
  readonly headingRow: number;
  readonly headingCol: number;
}

/** A heading stands alone on its row: a row with figures is a data row whose label merely starts alike. */
function hasNumbers(sheet: LabelledSheet, row: number, area: CellRange): boolean {
  for (let col = area.left; col <= area.right; col++)
    if (typeof cellValue(sheet, row, col) === "number") return true;
  return false;
}

/** Heading cells in the area, in reading order, skipping rows that hold figures. */
function headingHits(sheet: LabelledSheet, synonyms: readonly string[], area: CellRange) {
  return findLabels(sheet, labelSet(synonyms), area).filter(
    (hit) => !hasNumbers(sheet, hit.row, area)
  );
}

/** True when the sheet has a heading matching one of the synonyms (without working out where its section ends). */
export function hasSectionHeading(
  sheet: LabelledSheet,
  headingSynonyms: readonly string[]
): boolean {
  return headingHits(sheet, headingSynonyms, searchArea(sheet)).length > 0;
}

// A page heading may follow a name or a period, parted by a dash, colon or bar: "Borsetshire – SAFETY
// VALVE PROGRAMME OVERVIEW", "Borsetshire County Council: ...", "Q3 2024-25 | ...", or written in
// capitals after it: "Borsetshire SAFETY VALVE PROGRAMME OVERVIEW". The name is a few capitalised words
// or figures, so a sentence that mentions the heading's words does not start one.
const NAME_WORD = String.raw`(?:[A-Z0-9][\w'’&.()/-]*|of|and|the|upon|on|in|&)`;
const NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,7}`;
const NAME_BEFORE = new RegExp(String.raw`^\s*${NAME}\s*(?:[-–—:|]\s*)+(\S.*)$`);
const CAPITALS_WORD = String.raw`[A-Z][A-Z0-9'’&]*`;
// The name as short as it can be, so that the capitals after it are as many as they can be.
const SHORTEST_NAME = String.raw`${NAME_WORD}(?:\s+${NAME_WORD}){0,7}?`;
const NAME_BEFORE_CAPITALS = new RegExp(
  String.raw`^\s*(?:${SHORTEST_NAME}\s+)?(${CAPITALS_WORD}(?:\s+${CAPITALS_WORD})+)(?:\s*(?:[:|(]|\s[-–—]).*)?$`
);
// Words after the heading come after a dash, colon, bar or bracket ("... OVERVIEW – Q3 2024-25").
const AFTER_HEADING = /\s*(?:[:|(]|\s[-–—]).*$/;
const MAX_NAMED_HEADING_LENGTH = 120;
// A heading of a word or two after a name ("Condition 3.1 – Detailed update", "Risk 2: Risks") is an
// item's title, not a page heading: only headings of three words or more are read after a name.
const MIN_NAMED_HEADING_WORDS = 3;

/**
 * The headings a text may hold after a name, normalised: what follows a name and a separator
 * ("Borsetshire – SAFETY VALVE PROGRAMME OVERVIEW – Q3" gives "safety valve programme overview"), or
 * the words in capitals that end a text after a name, the longest first ("WILTSHIRE COUNCIL SAFETY VALVE
 * PROGRAMME OVERVIEW" gives "council safety valve programme overview", "safety valve programme
 * overview", ...). Only headings of three words or more; none for a sentence.
 */
export function headingsAfterName(text: string): string[] {
  if (text.length > MAX_NAMED_HEADING_LENGTH) return [];
  const long = (heading: string) => heading.split(" ").length >= MIN_NAMED_HEADING_WORDS;
  const named = NAME_BEFORE.exec(text);
  const rest = named === null ? undefined : named[1].replace(AFTER_HEADING, "");
  const separated = rest === undefined ? [] : [normaliseLabel(rest)];
  // Capitals after the name, or after a name and a separator ("Borsetshire - Q3 SAFETY VALVE ...").
  const tails = [text, ...(rest === undefined ? [] : [rest])].flatMap((part) => {
    const capitals = NAME_BEFORE_CAPITALS.exec(part);
    const words = capitals === null ? [] : normaliseLabel(capitals[1]).split(" ");
    return words.map((_, i) => words.slice(i).join(" "));
  });
  return [...separated, ...tails].filter(long);
}

/**
 * True when the sheet has one of the headings after a name ("Borsetshire County Council: SAFETY VALVE
 * PROGRAMME RISK REGISTER"): the heading's own words, whole, with nothing but a dash or bracket after.
 */
export function hasSectionHeadingAfterName(
  sheet: LabelledSheet,
  headingSynonyms: readonly string[]
): boolean {
  const headings = sheet.once("headings after a name", () =>
    sheet.text.cells.flatMap((cell) => headingsAfterName(cell.text))
  );
  const wanted = new Set(labelSet(headingSynonyms));
  return headings.some((heading) => wanted.has(heading));
}

/** The headings in `stopAt` other than the section's own. */
function otherHeadings(own: readonly string[], stopAt: readonly string[]): readonly string[] {
  const ownLabels = new Set(labelSet(own));
  return stopAt.filter((heading) => !ownLabels.has(normaliseLabel(heading)));
}

/**
 * The first section whose heading matches one of the synonyms, running to the row before the next
 * heading in `stopAt` (by default every known section heading) or to the end of the area; undefined
 * when the heading is not there. The section's own headings do not end it: a sheet titled "Finance
 * summary" with a "Summary of end of year positions" table below holds one section, not two. Where the
 * heading comes more than once, the first one `preferred` accepts is taken (else the first).
 */
export function findSection(
  sheet: LabelledSheet,
  headingSynonyms: readonly string[],
  within?: Partial<CellRange>,
  stopAt: readonly string[] = ALL_SECTION_HEADINGS,
  preferred: (heading: string) => boolean = () => true
): Section | undefined {
  const area = searchArea(sheet, within);
  const hits = headingHits(sheet, headingSynonyms, area);
  const start = hits.find((hit) => preferred(hit.text)) ?? hits[0];
  if (start === undefined) return undefined;
  const next = headingHits(sheet, otherHeadings(headingSynonyms, stopAt), {
    ...area,
    top: start.row + 1,
  })[0];
  return {
    heading: start.text,
    headingRow: start.row,
    headingCol: start.col,
    top: start.row,
    left: area.left,
    bottom: next === undefined ? area.bottom : next.row - 1,
    right: area.right,
  };
}
