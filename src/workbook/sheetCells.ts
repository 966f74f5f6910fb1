/**
 * Reads a worksheet part: every stored cell with its value (the cached result for a formula), its formula
 * and its style index, and the merged ranges. Cells are collected into flat arrays in document order;
 * the reader builds the dense grids of the used range from them.
 */
import { columnLetters, parseA1 } from "./address";
import { StringItemText } from "./ooxml";
import { decodeOoxmlEscapes, type PartReader } from "./xmlEvents";

/** Cells of one sheet in flat arrays (one entry per stored cell, in document order). */
export interface SheetCells {
  readonly rows: number[];
  readonly cols: number[];
  readonly values: (number | string | boolean | { error: string } | null)[];
  readonly formulas: (string | null)[];
  readonly styles: number[];
  readonly merges: { top: number; left: number; bottom: number; right: number }[];
}

/** The master of a shared formula: its text and where it stands, for moving it to each dependent cell. */
interface SharedFormula {
  readonly formula: string;
  readonly row: number;
  readonly col: number;
}

/** Which element's text is being collected for the current cell. */
const enum Capture {
  None,
  Value,
  Formula,
}

/** A PartReader for a worksheet; `strings` is the shared string table that `t="s"` cells index. */
export function sheetCellsReader(strings: readonly string[]): PartReader<SheetCells> {
  const cells: SheetCells = {
    rows: [],
    cols: [],
    values: [],
    formulas: [],
    styles: [],
    merges: [],
  };
  const shared = new Map<string, SharedFormula>();
  const inline = new StringItemText();
  let inSheetData = false;
  let row = -1;
  let col = -1;
  // The cell being read: its attributes and the text of its <v>, <f> and <is>.
  let type = "n";
  let style = 0;
  let raw: string | undefined;
  let inlineText: string | undefined;
  let formulaText: string | undefined;
  let formulaType: string | undefined;
  let sharedIndex: string | undefined;
  let capture = Capture.None;

  return {
    open(name, attributes) {
      if (!inSheetData) {
        if (name === "sheetData") inSheetData = true;
        else if (name === "mergeCell") {
          const range = attributes.ref ? parseA1(attributes.ref) : null;
          if (range) cells.merges.push(range);
        }
        return;
      }
      switch (name) {
        case "row": {
          // Rows and cells may omit their reference (r): they then follow the previous one.
          const r = attributes.r;
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          return;
        }
        case "c": {
          const ref = attributes.r;
          if (ref) [row, col] = cellPosition(ref, row);
          else col += 1;
          type = attributes.t ?? "n";
          style = attributes.s ? Number(attributes.s) : 0;
          raw = inlineText = formulaText = formulaType = sharedIndex = undefined;
          capture = Capture.None;
          return;
        }
        case "v":
          raw = "";
          capture = Capture.Value;
          return;
        case "f":
          formulaText = "";
          formulaType = attributes.t;
          sharedIndex = attributes.si;
          capture = Capture.Formula;
          return;
        default:
          if (type === "inlineStr") inline.open(name, "is");
      }
    },
    text(text) {
      if (capture === Capture.Value) raw += text;
      else if (capture === Capture.Formula) formulaText += text;
      else inline.text(text);
    },
    close(name) {
      if (name === "sheetData") inSheetData = false;
      if (!inSheetData) return;
      if (name === "v" || name === "f") capture = Capture.None;
      else if (name === "c") {
        const formula =
          formulaText === undefined
            ? null
            : cellFormula(formulaText, formulaType, sharedIndex, row, col, shared);
        const value = type === "inlineStr" ? (inlineText ?? null) : cellValue(raw, type, strings);
        if (value === null && formula === null && style === 0) return;
        cells.rows.push(row);
        cells.cols.push(col);
        cells.values.push(value);
        cells.formulas.push(formula);
        cells.styles.push(style);
      } else if (type === "inlineStr") {
        const text = inline.close(name, "is");
        if (text !== undefined) inlineText = text;
      }
    },
    result: () => cells,
  };
}

/** The 0-based [row, col] of an A1 reference, read without a regular expression (once per cell). */
function cellPosition(ref: string, currentRow: number): [number, number] {
  let split = 0;
  let col = 0;
  for (; split < ref.length && ref.charCodeAt(split) >= 65; split++)
    col = col * 26 + ref.charCodeAt(split) - 64;
  return [split < ref.length ? Number(ref.slice(split)) - 1 : currentRow, col - 1];
}

/** A cell's value from the text of its <v> and its type (`t`); null when it has none. */
function cellValue(
  raw: string | undefined,
  type: string,
  strings: readonly string[]
): SheetCells["values"][number] {
  if (raw === undefined) return null;
  switch (type) {
    case "s":
      return strings[Number(raw)] ?? null;
    case "str":
      return decodeOoxmlEscapes(raw);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return { error: decodeOoxmlEscapes(raw) };
    case "d": {
      // ISO 8601 date cells (rare): as an Excel serial day number, like every other date.
      const time = Date.parse(raw);
      return Number.isNaN(time)
        ? decodeOoxmlEscapes(raw)
        : (time - Date.UTC(1899, 11, 30)) / 86_400_000;
    }
    default: {
      const n = Number(raw);
      return raw.trim() === "" || Number.isNaN(n) ? null : n;
    }
  }
}

/** A cell's formula as "=…" text; a shared formula's dependent cells get the master's formula moved to them. */
function cellFormula(
  written: string,
  formulaType: string | undefined,
  sharedIndex: string | undefined,
  row: number,
  col: number,
  shared: Map<string, SharedFormula>
): string | null {
  const text = decodeOoxmlEscapes(written).trim();
  if (formulaType === "shared" && sharedIndex !== undefined) {
    if (text) {
      shared.set(sharedIndex, { formula: text, row, col });
      return `=${text}`;
    }
    const master = shared.get(sharedIndex);
    return master ? `=${moveFormula(master.formula, row - master.row, col - master.col)}` : null;
  }
  return text ? `=${text}` : null;
}

/**
 * Moves a formula by (rows, cols) as Excel does when it fills a shared formula: relative references
 * shift, `$`-anchored parts stay. Text in quotes and function names are left alone.
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return formula.replace(
    /("[^"]*"|'[^']*'!?)|(?<![\w.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g,
    (
      whole,
      quoted: string | undefined,
      colAnchor: string,
      letters: string,
      rowAnchor: string,
      digits: string
    ) => {
      if (quoted) return whole;
      const newCol = colAnchor ? columnIndex(letters) : columnIndex(letters) + cols;
      const newRow = rowAnchor ? Number(digits) : Number(digits) + rows;
      if (newCol < 0 || newRow < 1) return "#REF!";
      return `${colAnchor}${columnLetters(newCol)}${rowAnchor}${newRow}`;
    }
  );
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}
