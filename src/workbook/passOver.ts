/**
 * Passing over large sheets that no check can use (the command line's reading of a real-size template:
 * most of its cells are on sheets of records the checks never look at). A sheet is passed over only when
 * its XML is large and none of its text could be a label or heading a check reads, going by the caller's
 * `mayMatter` (the templates layer's words), nor anything a whole-workbook check counts: no `#NAME?`, no
 * add-in function, no formula text result or inline text it cannot see into cheaply. A passed-over sheet is
 * still inflated and its CRC-32 checked, so a damaged part is refused as before; only its parsing into
 * grids is saved. The snapshot keeps it, by name, with no cells.
 *
 * The test is a few plain searches over the sheet's bytes read as Latin-1 (one character a byte, so the
 * searches run at native speed and a position is a byte offset), not an XML parse.
 */

import { decodeText } from "./xmlEvents";

export interface PassOver {
  /** Sheets whose XML is at least this many bytes are looked at; smaller ones are always read whole. */
  readonly fromBytes: number;
  /** Whether a cell's text (a label, a heading) could be one the checks look for. */
  readonly mayMatter: (text: string) => boolean;
  /** Whether a sheet's name could be one a check finds its section by (such a sheet is always read). */
  readonly mayMatterAsName: (name: string) => boolean;
}

/**
 * Anything a whole-workbook check counts (#NAME? values, add-in functions as Excel saves them), or text
 * this search does not look into (single-quoted attributes, inline strings). Plain searches: faster than
 * one case-insensitive pattern over megabytes.
 */
const ALWAYS_READ = [
  "#NAME?",
  "DSG.",
  "dsg.",
  "Dsg.",
  "_xldudf_",
  "_XLDUDF_",
  "t='",
  't="inlineStr"',
];

const latin1 = new TextDecoder("latin1");

/**
 * Whether a large sheet's XML could hold something a check reads: a shared string or a formula's text
 * result that `mayMatter` keeps, or anything in ALWAYS_READ. `strings` are the workbook's shared strings;
 * `kept` remembers, per shared string, what `mayMatter` said, across the sheets of one workbook.
 */
export function sheetMayMatter(
  xml: Uint8Array,
  strings: readonly string[],
  passOver: PassOver,
  kept: Map<number, boolean>
): boolean {
  // A UTF-16 part (a byte order mark, or a zero byte among the first) is left to the full reader.
  if (xml[0] === 0xfe || xml[0] === 0xff || xml.subarray(0, 64).includes(0)) return true;
  const text = latin1.decode(xml);
  if (ALWAYS_READ.some((sign) => text.includes(sign))) return true;
  const keeps = (index: number) => {
    let keep = kept.get(index);
    if (keep === undefined) kept.set(index, (keep = passOver.mayMatter(strings[index] ?? "")));
    return keep;
  };
  for (let at = text.indexOf(' t="s"'); at >= 0; at = text.indexOf(' t="s"', at + 6)) {
    const value = valueAt(text, at);
    if (value === undefined) return true;
    if (value === null) continue;
    const index = Number(text.slice(value.start, value.end));
    if (!Number.isInteger(index) || keeps(index)) return true;
  }
  for (let at = text.indexOf(' t="str"'); at >= 0; at = text.indexOf(' t="str"', at + 8)) {
    const value = valueAt(text, at);
    if (value === undefined) return true;
    if (value === null) continue;
    if (passOver.mayMatter(decodeText(xml, value.start, value.end, false))) return true;
  }
  return false;
}

/**
 * Where the text of the `<v>` of the cell whose type attribute starts at `at` lies; null when the cell
 * has none (`<c .../>`, a formula without its result), undefined when the cell is not laid out as
 * expected (then the sheet is read whole).
 */
function valueAt(text: string, at: number): { start: number; end: number } | null | undefined {
  const close = text.indexOf(">", at);
  if (close < 0) return undefined;
  if (text[close - 1] === "/") return null;
  const end = text.indexOf("</c>", close);
  if (end < 0) return undefined;
  const start = text.indexOf("<v", close);
  if (start < 0 || start > end) return null;
  if (text[start + 2] !== ">") return undefined;
  const stop = text.indexOf("</v>", start);
  return stop < 0 || stop > end ? undefined : { start: start + 3, end: stop };
}
