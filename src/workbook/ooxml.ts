/**
 * Readers for the package-level parts of an .xlsx/.xlsm (OOXML SpreadsheetML) that the validator needs:
 * relationships, the sheet list with visibility, the shared string table and the number format of each
 * cell style. Each is a PartReader fed by the streaming XML layer (./xmlEvents.ts); the sheets themselves
 * are read by ./sheetCells.ts.
 *
 * The shared strings, which may be megabytes, are read from the XML layer's byte events; the other
 * parts (a few KB) through PartReaders, with names and attributes as strings.
 *
 * Why not exceljs's loader: measured on this project's machine it takes 0.9 s cold for a one-sheet plan
 * and 26 s and 730 MB for a 200,000-row sheet, because it builds a styled Cell object per cell.
 */
import { BYTES_PER_CHAR, BYTES_PER_OBJECT, ReadBudget } from "./limits";
import {
  attributeByLocalName,
  bytesEqual,
  decodeOoxmlEscapes,
  decodeText,
  type Attributes,
  type ByteReader,
  type PartReader,
} from "./xmlEvents";

/** A relationship of a part: where its target is (as a package path) and what kind it is. */
export interface Relationship {
  readonly target: string;
  readonly type: string;
}

/** Relationship targets by id, resolved to package paths relative to the folder of `partPath`. */
export function relationshipsReader(partPath: string): PartReader<Map<string, Relationship>> {
  const folder = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const found = new Map<string, Relationship>();
  return {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const { Id, Target, Type } = attributes;
      if (Id && Target) found.set(Id, { target: resolvePath(folder, Target), type: Type ?? "" });
    },
    result: () => found,
  };
}

function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

/** A sheet as listed in workbook.xml: its tab name, visibility state and relationship id. */
export interface SheetEntry {
  readonly name: string;
  readonly state: string;
  readonly relationshipId: string | undefined;
}

/** The sheets of workbook.xml in tab order. */
export function sheetEntriesReader(): PartReader<SheetEntry[]> {
  const entries: SheetEntry[] = [];
  return {
    open(name, attributes) {
      if (name !== "sheet") return;
      entries.push({
        name: decodeOoxmlEscapes(attributes.name ?? ""),
        state: attributes.state ?? "visible",
        relationshipId: attributeByLocalName(attributes, "id"),
      });
    },
    result: () => entries,
  };
}

/**
 * The workbook's defined names and what each refers to ("Deficit2026" → "'Financial summary'!$E$13"), by
 * name in lower case, as Excel matches names without regard to case.
 */
export function definedNamesReader(): PartReader<Map<string, string>> {
  const names = new Map<string, string>();
  let current: string | undefined;
  let refersTo = "";
  return {
    open(name, attributes) {
      if (name !== "definedName") return;
      current = attributes.name;
      refersTo = "";
    },
    text(text) {
      if (current !== undefined) refersTo += text;
    },
    close(name) {
      if (name !== "definedName" || current === undefined) return;
      names.set(decodeOoxmlEscapes(current).toLowerCase(), decodeOoxmlEscapes(refersTo).trim());
      current = undefined;
    },
    result: () => names,
  };
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const T = ascii("t");
const R_PH = ascii("rPh");
const SI = ascii("si");

/**
 * Collects the text of string items (`<si>` in the shared string table, `<is>` in a cell) from the XML
 * layer's byte events: all their `<t>` runs, rich text included, leaving out phonetic guides (`<rPh>`),
 * which Excel does not show.
 */
export class ItemText {
  private depth = 0;
  private phonetic = 0;
  private inRun = false;
  private collected = "";

  /** `item` is the item's element name (`si` or `is`). */
  constructor(private readonly item: Uint8Array) {}

  /** Feeds an element start; returns true while inside the item. */
  open(b: Uint8Array, s: number, e: number): boolean {
    if (bytesEqual(b, s, e, this.item)) {
      this.depth++;
      this.collected = "";
    } else if (this.depth > 0) {
      if (bytesEqual(b, s, e, R_PH)) this.phonetic++;
      else if (this.phonetic === 0 && bytesEqual(b, s, e, T)) this.inRun = true;
    }
    return this.depth > 0;
  }

  /** Feeds an element end; returns the item's text when the item itself ends. */
  close(b: Uint8Array, s: number, e: number): string | undefined {
    if (this.depth === 0) return undefined;
    if (bytesEqual(b, s, e, T)) this.inRun = false;
    else if (bytesEqual(b, s, e, R_PH)) this.phonetic = Math.max(0, this.phonetic - 1);
    else if (bytesEqual(b, s, e, this.item)) {
      this.depth--;
      this.inRun = false;
      return decodeOoxmlEscapes(this.collected);
    }
    return undefined;
  }

  text(b: Uint8Array, s: number, e: number, cdata: boolean): void {
    if (!this.inRun) return;
    const text = cdata ? new TextDecoder().decode(b.subarray(s, e)) : decodeText(b, s, e, false);
    this.collected = this.collected === "" ? text : this.collected + text;
  }
}

/**
 * The shared string table (xl/sharedStrings.xml): cells of type `s` hold an index into it. Each string
 * kept is counted against the memory budget.
 */
export function sharedStringsReader(budget: ReadBudget = new ReadBudget()): ByteReader<string[]> {
  const strings: string[] = [];
  const item = new ItemText(SI);
  let unbudgeted = 0;
  return {
    kind: "bytes",
    open: (b, s, e) => void item.open(b, s, e),
    close(b, s, e) {
      const text = item.close(b, s, e);
      if (text === undefined) return;
      strings.push(text);
      unbudgeted += BYTES_PER_OBJECT + text.length * BYTES_PER_CHAR;
      if (unbudgeted > 1 << 20) {
        budget.hold(unbudgeted);
        unbudgeted = 0;
      }
    },
    text: (b, s, e, cdata) => item.text(b, s, e, cdata),
    result: () => {
      budget.hold(unbudgeted);
      unbudgeted = 0;
      return strings;
    },
  };
}

/** Excel's built-in number formats (ECMA-376 §18.8.30) that a style may refer to by id alone. */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The number format code of each cell style index (the `s` attribute of a cell), from xl/styles.xml. */
export function styleFormatsReader(): PartReader<string[]> {
  const custom = new Map<number, string>();
  const styleFormatIds: number[] = [];
  // Only <xf> inside <cellXfs> are cell styles; <cellStyleXfs> holds named styles they are based on.
  let inCellXfs = false;
  return {
    open(name, attributes: Attributes) {
      if (name === "numFmt") {
        const { numFmtId, formatCode } = attributes;
        if (numFmtId !== undefined && formatCode !== undefined)
          custom.set(Number(numFmtId), decodeOoxmlEscapes(formatCode));
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) styleFormatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    result: () => styleFormatIds.map((id) => custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General"),
  };
}
