/**
 * Reads a worksheet part: every cell holding a value or a formula, with its style index, the styled
 * empty cells whose number format is not General (as runs along their row, so a sheet of formatted but
 * empty cells costs a few bytes a row, not a few dozen a cell), and the merged ranges. It works on the
 * XML layer's byte offsets (./xmlEvents.ts): numbers are read from the bytes, shared strings looked up
 * by index, and only text becomes strings.
 *
 * Every row number and cell reference is checked against Excel's limits (1,048,576 rows, 16,384
 * columns): a reference Excel could not have written is a SheetDamage naming it, never a loop over a
 * row number of 10^300 or a cell at a column no grid can hold.
 */
import { columnLetters } from "./address";
import { serialOfTime } from "./excelDate";
import { BYTES_PER_CELL, EXCEL_COLUMNS, EXCEL_ROWS, ReadBudget } from "./limits";
import { ItemText } from "./ooxml";
import {
  asciiString,
  bytesEqual,
  decodeOoxmlEscapes,
  decodeText,
  type ByteReader,
  type XmlScanner,
} from "./xmlEvents";
import type { CellRange, CellValue } from "./workbook";

/**
 * Cells of one sheet, one entry per cell holding a value or a formula, in document order. Positions,
 * styles and numbers are kept in typed arrays (no object per cell, nothing for the garbage collector to
 * trace while a large sheet is read); text, booleans and errors, and formulas, in short lists of their
 * own, each entry with the cell's index. The grids are built from it at the end (./xlsxBuffer.ts).
 */
export class SheetCells {
  count = 0;
  rows = new Int32Array(256);
  cols = new Int32Array(256);
  styles = new Int32Array(256);
  /** 0: empty (a formula without a cached value), 1: a number in `numbers`, 2: a value in `others`. */
  kinds = new Uint8Array(256);
  numbers = new Float64Array(256);
  readonly otherAt: number[] = [];
  readonly others: Exclude<CellValue, number | null>[] = [];
  readonly formulaAt: number[] = [];
  readonly formulaTexts: string[] = [];
  /** Styled empty cells with a number format other than General: runs of columns [first, last] of a row. */
  readonly styled = {
    rows: [] as number[],
    firstCols: [] as number[],
    lastCols: [] as number[],
    styles: [] as number[],
  };
  readonly merges: CellRange[] = [];
  /** The bounding box of the cells (their used range); bottom < 0 when there are none. */
  top = Infinity;
  left = Infinity;
  bottom = -1;
  right = -1;

  add(row: number, col: number, style: number, value: CellValue, formula: string | null): void {
    const i = this.count;
    if (i === this.rows.length) this.grow();
    this.rows[i] = row;
    this.cols[i] = col;
    this.styles[i] = style;
    if (typeof value === "number") {
      this.kinds[i] = 1;
      this.numbers[i] = value;
    } else if (value === null) this.kinds[i] = 0;
    else {
      this.kinds[i] = 2;
      this.otherAt.push(i);
      this.others.push(value);
    }
    if (formula !== null) {
      this.formulaAt.push(i);
      this.formulaTexts.push(formula);
    }
    this.count = i + 1;
    if (row < this.top) this.top = row;
    if (row > this.bottom) this.bottom = row;
    if (col < this.left) this.left = col;
    if (col > this.right) this.right = col;
  }

  /** The cells as plain lists (for tests and debugging). */
  toLists(): {
    rows: number[];
    cols: number[];
    values: CellValue[];
    formulas: (string | null)[];
    styles: number[];
  } {
    const values: CellValue[] = [];
    const formulas: (string | null)[] = Array<string | null>(this.count).fill(null);
    let other = 0;
    for (let i = 0; i < this.count; i++)
      values.push(
        this.kinds[i] === 1 ? this.numbers[i] : this.kinds[i] === 2 ? this.others[other++] : null
      );
    this.formulaAt.forEach((at, k) => (formulas[at] = this.formulaTexts[k]));
    return {
      rows: [...this.rows.subarray(0, this.count)],
      cols: [...this.cols.subarray(0, this.count)],
      values,
      formulas,
      styles: [...this.styles.subarray(0, this.count)],
    };
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const widen = <A extends Int32Array | Uint8Array | Float64Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.rows = widen(this.rows, new Int32Array(size));
    this.cols = widen(this.cols, new Int32Array(size));
    this.styles = widen(this.styles, new Int32Array(size));
    this.kinds = widen(this.kinds, new Uint8Array(size));
    this.numbers = widen(this.numbers, new Float64Array(size));
  }
}

/** A sheet whose XML Excel could not have written, and why (the reader adds the sheet's name). */
export class SheetDamage extends Error {}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const N = {
  sheetData: ascii("sheetData"),
  row: ascii("row"),
  c: ascii("c"),
  v: ascii("v"),
  f: ascii("f"),
  is: ascii("is"),
  mergeCell: ascii("mergeCell"),
  r: ascii("r"),
  s: ascii("s"),
  t: ascii("t"),
  si: ascii("si"),
  ref: ascii("ref"),
  str: ascii("str"),
  inlineStr: ascii("inlineStr"),
  shared: ascii("shared"),
};

const enum Type {
  Number,
  Shared,
  Text,
  Inline,
  Boolean,
  Error,
  Date,
}

const enum Capture {
  None,
  Value,
  Formula,
}

/** Powers of ten that are exact doubles, for reading decimals of up to 15 digits exactly. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Cells are counted against the memory budget in batches, to keep the per-cell cost to a compare. */
const BUDGET_BATCH = 4096;

export interface SheetCellsOptions {
  /** The number format of each style index (from styles.xml): styled empty cells keep only non-General ones. */
  readonly formats?: readonly string[];
  readonly budget?: ReadBudget;
}

/** A reader of one worksheet part; `strings` is the shared string table that `t="s"` cells index. */
export function sheetCellsReader(
  strings: readonly string[],
  options: SheetCellsOptions = {}
): ByteReader<SheetCells> {
  return new SheetCellsReader(strings, options);
}

class SheetCellsReader implements ByteReader<SheetCells> {
  readonly kind = "bytes";
  private readonly cells = new SheetCells();
  private readonly formatted: boolean[];
  private readonly budget: ReadBudget;
  private unbudgeted = 0;
  private inSheetData = false;
  private row = -1;
  private col = -1;
  // The cell being read.
  private type = Type.Number;
  private style = 0;
  private capture = Capture.None;
  private hasValue = false;
  /** The value's text as bytes (one run, the usual case), or as a string once it came in several runs. */
  private valueBytes: Uint8Array | null = null;
  private valueStart = 0;
  private valueEnd = 0;
  private valueString: string | null = null;
  private formulaText: string | null = null;
  /** The formula as "=" and its text in one flat string, when it came as one run of plain text. */
  private formulaSigned: string | null = null;
  private formulaShared = false;
  private sharedIndex: string | null = null;
  private readonly inline = new ItemText(N.is);
  private inlineText: string | null = null;
  private readonly shared = new Map<string, SharedFormula>();

  constructor(
    private readonly strings: readonly string[],
    options: SheetCellsOptions
  ) {
    this.formatted = (options.formats ?? []).map((f) => f !== "General");
    this.budget = options.budget ?? new ReadBudget();
  }

  open(b: Uint8Array, s: number, e: number, scanner: XmlScanner): void {
    if (!this.inSheetData) {
      if (bytesEqual(b, s, e, N.sheetData)) this.inSheetData = true;
      else if (bytesEqual(b, s, e, N.mergeCell)) this.merge(b, scanner);
      return;
    }
    const length = e - s;
    const first = b[s];
    if (length === 1) {
      if (first === 0x63 /* c */) return this.openCell(b, scanner);
      if (first === 0x76 /* v */) {
        this.capture = Capture.Value;
        this.hasValue = true;
        this.valueBytes = null;
        this.valueString = null;
        return;
      }
      if (first === 0x66 /* f */) return this.openFormula(b, scanner);
    } else if (length === 3 && bytesEqual(b, s, e, N.row)) return this.openRow(b, scanner);
    if (this.type === Type.Inline) this.inline.open(b, s, e);
  }

  text(b: Uint8Array, s: number, e: number, cdata: boolean): void {
    if (this.capture === Capture.Value) {
      if (this.valueBytes === null && this.valueString === null) {
        if (cdata) this.valueString = new TextDecoder().decode(b.subarray(s, e));
        else {
          this.valueBytes = b;
          this.valueStart = s;
          this.valueEnd = e;
        }
      } else {
        // More than one run (a comment or CDATA inside <v>): join them as text.
        this.valueString =
          this.valueSoFar() +
          (cdata ? new TextDecoder().decode(b.subarray(s, e)) : decodeText(b, s, e, false));
        this.valueBytes = null;
      }
    } else if (this.capture === Capture.Formula) {
      if (this.formulaText === "" && this.formulaSigned === null && !cdata) {
        this.formulaSigned = signedFormula(b, s, e);
        if (this.formulaSigned !== null) return;
      } else if (this.formulaSigned !== null) {
        // A second run after all: back to joining the text.
        this.formulaText = this.formulaSigned.slice(1);
        this.formulaSigned = null;
      }
      const text = cdata ? new TextDecoder().decode(b.subarray(s, e)) : decodeText(b, s, e, false);
      this.formulaText = (this.formulaText ?? "") + text;
    } else if (this.type === Type.Inline) this.inline.text(b, s, e, cdata);
  }

  close(b: Uint8Array, s: number, e: number): void {
    if (!this.inSheetData) return;
    const length = e - s;
    const first = b[s];
    if (length === 1) {
      if (first === 0x76 /* v */ || first === 0x66 /* f */) {
        this.capture = Capture.None;
        return;
      }
      if (first === 0x63 /* c */) return this.closeCell();
    } else if (bytesEqual(b, s, e, N.sheetData)) {
      this.inSheetData = false;
      return;
    }
    if (this.type === Type.Inline) {
      const text = this.inline.close(b, s, e);
      if (text !== undefined) this.inlineText = text;
    }
  }

  result(): SheetCells {
    this.budget.hold(this.unbudgeted * BYTES_PER_CELL);
    this.unbudgeted = 0;
    return this.cells;
  }

  private openRow(b: Uint8Array, scanner: XmlScanner): void {
    const i = scanner.findAttribute(N.r);
    if (i < 0) {
      if (this.row + 1 >= EXCEL_ROWS) throw rowsBeyondLimit();
      this.row += 1;
    } else {
      const a = scanner.attributes;
      this.row = rowNumber(b, a[4 * i + 2], a[4 * i + 3]);
    }
    this.col = -1;
  }

  private openCell(b: Uint8Array, scanner: XmlScanner): void {
    let type = Type.Number;
    let style = 0;
    let positioned = false;
    const a = scanner.attributes;
    for (let i = 0; i < scanner.attributeCount; i++) {
      const ns = a[4 * i];
      if (a[4 * i + 1] - ns !== 1) continue;
      const vs = a[4 * i + 2];
      const ve = a[4 * i + 3];
      const name = b[ns];
      if (name === 0x72 /* r */) {
        this.position(b, vs, ve);
        positioned = true;
      } else if (name === 0x73 /* s */) style = styleIndex(b, vs, ve);
      else if (name === 0x74 /* t */) type = cellType(b, vs, ve);
    }
    if (!positioned) {
      if (this.col + 1 >= EXCEL_COLUMNS) throw columnsBeyondLimit(this.row);
      this.col += 1;
      if (this.row < 0) this.row = 0;
    }
    this.type = type;
    this.style = style;
    this.capture = Capture.None;
    this.hasValue = false;
    this.valueBytes = null;
    this.valueString = null;
    this.formulaText = null;
    this.formulaSigned = null;
    this.formulaShared = false;
    this.sharedIndex = null;
    this.inlineText = null;
  }

  /** Reads a cell reference (`B12`) into the current row and column, checking it against Excel's limits. */
  private position(b: Uint8Array, start: number, end: number): void {
    let i = start;
    let col = 0;
    for (; i < end; i++) {
      let c = b[i];
      if (c >= 0x61 && c <= 0x7a) c -= 0x20;
      if (c < 0x41 || c > 0x5a) break;
      col = col * 26 + (c - 0x40);
      if (col > EXCEL_COLUMNS) throw beyondLimits(b, start, end);
    }
    if (i === start) throw notAReference(b, start, end);
    if (i === end) {
      // Letters only: the column, in the current row (not Excel's, but readable).
      this.col = col - 1;
      if (this.row < 0) this.row = 0;
      return;
    }
    let row = 0;
    for (let j = i; j < end; j++) {
      const c = b[j];
      if (c < 0x30 || c > 0x39) throw notAReference(b, start, end);
      row = row * 10 + (c - 0x30);
      if (row > EXCEL_ROWS) throw beyondLimits(b, start, end);
    }
    if (row === 0) throw notAReference(b, start, end);
    this.row = row - 1;
    this.col = col - 1;
  }

  private openFormula(b: Uint8Array, scanner: XmlScanner): void {
    this.capture = Capture.Formula;
    this.formulaText = "";
    this.formulaSigned = null;
    const a = scanner.attributes;
    const t = scanner.findAttribute(N.t);
    this.formulaShared = t >= 0 && bytesEqual(b, a[4 * t + 2], a[4 * t + 3], N.shared);
    const si = scanner.findAttribute(N.si);
    this.sharedIndex = si < 0 ? null : decodeText(b, a[4 * si + 2], a[4 * si + 3], true);
  }

  private closeCell(): void {
    const formula =
      this.formulaSigned !== null
        ? this.signedCellFormula(this.formulaSigned)
        : this.formulaText === null
          ? null
          : this.cellFormula(this.formulaText);
    const value = this.type === Type.Inline ? this.inlineText : this.cellValue();
    const cells = this.cells;
    if (value === null && formula === null) {
      if (this.style === 0 || !this.formatted[this.style]) return;
      const styled = cells.styled;
      const last = styled.rows.length - 1;
      if (
        last >= 0 &&
        styled.rows[last] === this.row &&
        styled.lastCols[last] === this.col - 1 &&
        styled.styles[last] === this.style
      ) {
        styled.lastCols[last] = this.col;
        return;
      }
      styled.rows.push(this.row);
      styled.firstCols.push(this.col);
      styled.lastCols.push(this.col);
      styled.styles.push(this.style);
    } else cells.add(this.row, this.col, this.style, value, formula);
    if (++this.unbudgeted === BUDGET_BATCH) {
      this.budget.hold(BUDGET_BATCH * BYTES_PER_CELL);
      this.unbudgeted = 0;
    }
  }

  private valueSoFar(): string {
    if (this.valueString !== null) return this.valueString;
    if (this.valueBytes === null) return "";
    return decodeText(this.valueBytes, this.valueStart, this.valueEnd, false);
  }

  /** The cell's value from its <v> and its type; null when it has none. */
  private cellValue(): CellValue {
    if (!this.hasValue) return null;
    const bytes = this.valueBytes;
    switch (this.type) {
      case Type.Number: {
        if (bytes !== null) {
          const n = readNumber(bytes, this.valueStart, this.valueEnd);
          if (n !== undefined) return n;
        }
        const raw = this.valueSoFar();
        const n = Number(raw);
        return raw.trim() === "" || !Number.isFinite(n) ? null : n;
      }
      case Type.Shared: {
        const index =
          bytes !== null
            ? readIndex(bytes, this.valueStart, this.valueEnd)
            : Number(this.valueSoFar());
        return this.strings[index] ?? null;
      }
      case Type.Text:
        return decodeOoxmlEscapes(this.valueSoFar());
      case Type.Boolean: {
        const raw = this.valueSoFar().trim();
        return raw === "1" || raw === "true";
      }
      case Type.Error:
        return { error: decodeOoxmlEscapes(this.valueSoFar()) };
      case Type.Date: {
        // ISO 8601 date cells (rare): as an Excel serial day number, like every other date.
        const raw = this.valueSoFar();
        const time = Date.parse(raw);
        return Number.isNaN(time) ? decodeOoxmlEscapes(raw) : serialOfTime(time);
      }
      default:
        return null;
    }
  }

  /** A cell's formula read as one run of plain text, "=" already before it (the usual case). */
  private signedCellFormula(signed: string): string {
    if (this.formulaShared && this.sharedIndex !== null)
      this.shared.set(this.sharedIndex, {
        formula: signed.slice(1),
        row: this.row,
        col: this.col,
        parts: null,
      });
    return signed;
  }

  /** A cell's formula as "=…" text; a shared formula's dependent cells get the master's formula moved to them. */
  private cellFormula(written: string): string | null {
    const text = decodeOoxmlEscapes(written).trim();
    if (this.formulaShared && this.sharedIndex !== null) {
      if (text) {
        this.shared.set(this.sharedIndex, {
          formula: text,
          row: this.row,
          col: this.col,
          parts: null,
        });
        return `=${text}`;
      }
      const master = this.shared.get(this.sharedIndex);
      if (!master) return null;
      master.parts ??= formulaParts(master.formula);
      return movedFormula(master.parts, this.row - master.row, this.col - master.col);
    }
    return text ? `=${text}` : null;
  }

  private merge(b: Uint8Array, scanner: XmlScanner): void {
    const i = scanner.findAttribute(N.ref);
    if (i < 0) return;
    const a = scanner.attributes;
    const text = decodeText(b, a[4 * i + 2], a[4 * i + 3], true);
    const range = rangeReference(text);
    if (range === "beyond")
      throw new SheetDamage(
        `it merges the cells ${text.length > 40 ? `${text.slice(0, 40)}…` : text}, beyond ${LIMITS_TEXT}`
      );
    if (range) this.cells.merges.push(range);
  }
}

/** The master of a shared formula: its text, where it stands, and its text split at references (once). */
interface SharedFormula {
  readonly formula: string;
  readonly row: number;
  readonly col: number;
  parts: FormulaPart[] | null;
}

/**
 * Scratch bytes where a formula's text is put after its "=" and made into one string: "=" + text would
 * keep a second string and a link between them for each of a sheet's (often hundreds of thousands of)
 * formulas, and a copy of both once anything searches it.
 */
let signedBytes = Uint8Array.of(0x3d);

function signedScratch(length: number): Uint8Array {
  if (length > signedBytes.length) {
    signedBytes = new Uint8Array(Math.max(length, 2 * signedBytes.length));
    signedBytes[0] = 0x3d;
  }
  return signedBytes;
}

/**
 * "=" and the bytes [start, end) as one string, when they are plain text as written (ASCII, no entity,
 * no _xHHHH_ escape, nothing to trim at either end); null otherwise, for the general path.
 */
function signedFormula(b: Uint8Array, start: number, end: number): string | null {
  const length = end - start;
  if (length === 0 || b[start] <= 0x20 || b[end - 1] <= 0x20) return null;
  const out = signedScratch(length + 1);
  for (let i = start, j = 1; i < end; i++, j++) {
    const c = b[i];
    if (c >= 0x80 || c === 0x26 /* & */ || (c === 0x5f /* _ */ && i + 1 < end && b[i + 1] === 0x78))
      return null;
    out[j] = c;
  }
  return asciiString(out, 0, length + 1);
}

/** Reads a decimal of up to 15 digits (`-12.5`) exactly as Number() does; undefined for anything else. */
function readNumber(b: Uint8Array, start: number, end: number): number | undefined {
  let i = start;
  const negative = b[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 0x2e && decimals < 0) decimals = 0;
    else return undefined;
  }
  if (digits === 0 || digits > 15) return undefined;
  // Below 2^53 and divided by an exact power of ten: one correctly rounded division, as Number() gives.
  const value = decimals > 0 ? mantissa / POW10[decimals] : mantissa;
  return negative ? -value : value;
}

/** A shared-string index; -1 when the text is not one. */
function readIndex(b: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c < 0x30 || c > 0x39 || i - start > 9) return -1;
    n = n * 10 + (c - 0x30);
  }
  return end > start ? n : -1;
}

function styleIndex(b: Uint8Array, start: number, end: number): number {
  const n = readIndex(b, start, end);
  return n < 0 ? 0 : n;
}

function cellType(b: Uint8Array, start: number, end: number): Type {
  const length = end - start;
  if (length === 1) {
    switch (b[start]) {
      case 0x73 /* s */:
        return Type.Shared;
      case 0x62 /* b */:
        return Type.Boolean;
      case 0x65 /* e */:
        return Type.Error;
      case 0x64 /* d */:
        return Type.Date;
      default:
        return Type.Number;
    }
  }
  if (bytesEqual(b, start, end, N.str)) return Type.Text;
  if (bytesEqual(b, start, end, N.inlineStr)) return Type.Inline;
  return Type.Number;
}

/** Reads a `<row r>` number, 1 to 1,048,576; anything else is a SheetDamage. */
function rowNumber(b: Uint8Array, start: number, end: number): number {
  let row = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c < 0x30 || c > 0x39) throw badRow(b, start, end);
    row = row * 10 + (c - 0x30);
    if (row > EXCEL_ROWS) throw badRow(b, start, end);
  }
  if (row === 0) throw badRow(b, start, end);
  return row - 1;
}

/** Written text of an attribute for a message: at most 30 characters. */
function shown(b: Uint8Array, start: number, end: number): string {
  const text = decodeText(b, start, Math.min(end, start + 30), true);
  return end - start > 30 ? `${text}…` : text;
}

const LIMITS_TEXT = `Excel's limits of ${EXCEL_ROWS.toLocaleString("en-GB")} rows and ${EXCEL_COLUMNS.toLocaleString("en-GB")} columns (A to ${columnLetters(EXCEL_COLUMNS - 1)})`;

function badRow(b: Uint8Array, start: number, end: number): SheetDamage {
  return new SheetDamage(
    `it has a row numbered "${shown(b, start, end)}", but Excel's rows are numbered 1 to ${EXCEL_ROWS.toLocaleString("en-GB")}`
  );
}

function beyondLimits(b: Uint8Array, start: number, end: number): SheetDamage {
  return new SheetDamage(`it has a cell at ${shown(b, start, end)}, beyond ${LIMITS_TEXT}`);
}

function notAReference(b: Uint8Array, start: number, end: number): SheetDamage {
  return new SheetDamage(
    `it has a cell whose reference "${shown(b, start, end)}" is not a cell address`
  );
}

const rowsBeyondLimit = () =>
  new SheetDamage(`it has more rows than Excel's ${EXCEL_ROWS.toLocaleString("en-GB")}`);

const columnsBeyondLimit = (row: number) =>
  new SheetDamage(
    `its row ${row + 1} has more cells than Excel's ${EXCEL_COLUMNS.toLocaleString("en-GB")} columns`
  );

/**
 * A merge's range (`A1:D1`, or one cell); "beyond" when it lies past Excel's limits, null when it is not a
 * reference at all.
 */
export function rangeReference(text: string): CellRange | null | "beyond" {
  const match = /^\s*\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const col = (letters: string) =>
    letters.length > 3
      ? Infinity
      : [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const top = Number(match[2]) - 1;
  const left = col(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? col(match[3]) : left;
  const inside = (r: number, c: number) => r >= 0 && r < EXCEL_ROWS && c >= 0 && c < EXCEL_COLUMNS;
  if (!inside(top, left) || !inside(bottom, right)) return "beyond";
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** A formula split at its cell references: text as written, or a reference to move. */
type FormulaPart =
  | string
  | {
      readonly colAnchor: boolean;
      readonly col: number;
      readonly rowAnchor: boolean;
      readonly row: number;
    };

const REFERENCE = /("[^"]*"|'[^']*'!?)|(?<![\w.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** Splits a formula at its A1 references (text in quotes and function names left as they are). */
function formulaParts(formula: string): FormulaPart[] {
  const parts: FormulaPart[] = [];
  let from = 0;
  for (const match of formula.matchAll(REFERENCE)) {
    if (match[1] !== undefined) continue;
    const at = match.index;
    if (at > from) parts.push(formula.slice(from, at));
    parts.push({
      colAnchor: match[2] === "$",
      col: columnIndex(match[3]),
      rowAnchor: match[4] === "$",
      row: Number(match[5]),
    });
    from = at + match[0].length;
  }
  if (from < formula.length) parts.push(formula.slice(from));
  return parts;
}

/** Column letters by index, made once each (a filled column moves thousands of formulas). */
const LETTERS: string[] = [];
const lettersOf = (col: number) => (LETTERS[col] ??= columnLetters(col));

/** "=" and a shared formula moved by (rows, cols), as one string (see signedFormula). */
function movedFormula(parts: readonly FormulaPart[], rows: number, cols: number): string {
  let out = signedScratch(256);
  let j = 1;
  const put = (text: string): boolean => {
    if (j + text.length > out.length) {
      const sofar = out;
      out = signedScratch(2 * (j + text.length));
      out.set(sofar.subarray(0, j));
    }
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) return false;
      out[j++] = c;
    }
    return true;
  };
  for (const part of parts) {
    if (typeof part === "string") {
      if (!put(part)) return `=${moveParts(parts, rows, cols)}`;
      continue;
    }
    const col = part.colAnchor ? part.col : part.col + cols;
    const row = part.rowAnchor ? part.row : part.row + rows;
    if (col < 0 || row < 1 || col >= EXCEL_COLUMNS || row > EXCEL_ROWS) put("#REF!");
    else {
      if (part.colAnchor) put("$");
      put(lettersOf(col));
      if (part.rowAnchor) put("$");
      put(String(row));
    }
  }
  return asciiString(out, 0, j);
}

function moveParts(parts: readonly FormulaPart[], rows: number, cols: number): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const col = part.colAnchor ? part.col : part.col + cols;
    const row = part.rowAnchor ? part.row : part.row + rows;
    if (col < 0 || row < 1 || col >= EXCEL_COLUMNS || row > EXCEL_ROWS) out += "#REF!";
    else out += `${part.colAnchor ? "$" : ""}${lettersOf(col)}${part.rowAnchor ? "$" : ""}${row}`;
  }
  return out;
}

/**
 * Moves a formula by (rows, cols) as Excel does when it fills a shared formula: relative references
 * shift, `$`-anchored parts stay, a reference moved off the sheet becomes #REF!. Text in quotes and
 * function names are left alone.
 */
export function moveFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return moveParts(formulaParts(formula), rows, cols);
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n - 1;
}
