/**
 * The XML layer of the .xlsx reader: a streaming scanner over a part's bytes, written for SpreadsheetML.
 * It hands out element starts and ends and runs of text as byte offsets, never building a tree, strings
 * or attribute objects unless a reader asks, so a 20 MB sheet costs about as long to scan as to unzip and
 * only what the reader keeps stays in memory. Parts arrive in chunks: an element or a run of text cut by
 * a chunk's end is carried over to the next, up to MAX_TOKEN_BYTES.
 *
 * What it does not do, on purpose: validate (a few well-formedness errors are passed over, as Excel's
 * own repair would), expand entities declared in a DTD (no "billion laughs": only the five XML entities
 * and character references are decoded), or keep a stack of open elements (nesting costs nothing).
 * Encodings: UTF-8 (with or without a byte-order mark) is read as it is; UTF-16 (either byte order) and
 * any other encoding a part declares that the platform can decode are converted to UTF-8 first; text
 * that is not valid UTF-8 is refused with an EncodingError rather than read as the wrong characters.
 */
import { MAX_TOKEN_BYTES } from "./limits";

/**
 * What one part's reader does with the scanner's events, as byte offsets into `b` (valid only during
 * the call). Names are local names (the namespace prefix dropped: `x:c` → `c`), since SpreadsheetML
 * written by other tools may prefix every element. The element's attributes are in the scanner's
 * `attributes` list while `open` runs. A self-closing element (`<c/>`) is an `open` then a `close`.
 */
export interface ByteHandler {
  open(b: Uint8Array, nameStart: number, nameEnd: number, scanner: XmlScanner): void;
  close(b: Uint8Array, nameStart: number, nameEnd: number): void;
  /** A run of character data; `cdata` when it came from a CDATA section (no entities in it). */
  text(b: Uint8Array, start: number, end: number, cdata: boolean): void;
}

/** A ByteHandler that gives what it read once the part has ended. */
export interface ByteReader<T> extends ByteHandler {
  readonly kind: "bytes";
  result(): T;
}

/** Thrown when a part's XML cannot be read on: a single token longer than MAX_TOKEN_BYTES. */
export class MalformedPart extends Error {}

/** Thrown when a part is not in an encoding the reader can read, or its text is not valid UTF-8. */
export class EncodingError extends Error {}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const COLON = 0x3a;
const AMP = 0x26;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

/** Bytes of a new chunk joined to the carried-over end of the last one to finish its cut token. */
const CARRY_PIECE = 64 * 1024;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const COMMENT_END = ascii("-->");
const CDATA_START = ascii("<![CDATA[");
const CDATA_END = ascii("]]>");
const PI_END = ascii("?>");

/** Whether `b` holds `pattern` at `at`. */
export function bytesAt(b: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > b.length) return false;
  for (let i = 0; i < pattern.length; i++) if (b[at + i] !== pattern[i]) return false;
  return true;
}

/** Whether the bytes [start, end) are exactly `pattern`. */
export function bytesEqual(
  b: Uint8Array,
  start: number,
  end: number,
  pattern: Uint8Array
): boolean {
  return end - start === pattern.length && bytesAt(b, start, pattern);
}

/**
 * The first `byte` in `b` from `from`, or -1: a plain loop, as the runs searched (a cell's value, an
 * attribute) are a few bytes long, where a native indexOf costs more to call than to run.
 */
function find(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  for (let i = from; i < n; i++) if (b[i] === byte) return i;
  return -1;
}

function indexOfSequence(b: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = b.indexOf(pattern[0], from); at >= 0; at = b.indexOf(pattern[0], at + 1)) {
    if (at + pattern.length > b.length) return -1;
    if (bytesAt(b, at, pattern)) return at;
  }
  return -1;
}

/** The scanner of one part: `write` each chunk of bytes, then `end`. */
export class XmlScanner {
  /**
   * The attributes of the element being opened, four offsets each: name start (local name), name end,
   * value start, value end (the value still escaped). `attributeCount` of them are valid.
   */
  attributes = new Int32Array(64);
  attributeCount = 0;
  /** Where each attribute's full name (with any prefix) starts, parallel to `attributes`. */
  private qualifiedStarts = new Int32Array(16);
  private carry: Uint8Array | null = null;
  private bytes: Uint8Array = new Uint8Array(0);

  constructor(private readonly handler: ByteHandler) {}

  write(bytes: Uint8Array): void {
    // Node's zlib hands out Buffers, the carried-over pieces are plain Uint8Arrays, and V8 gives the two
    // different maps: fed both, every hot reader function deoptimises and is compiled again for two kinds
    // of array. Viewing each chunk as a plain Uint8Array (no copy) keeps them to one.
    const chunk =
      Object.getPrototypeOf(bytes) === Uint8Array.prototype
        ? bytes
        : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const carry = this.carry;
    this.carry = null;
    let from = 0;
    if (carry) {
      // Finish the token cut by the last chunk's end from a short piece (the carry and the start of this
      // chunk), so the chunk itself is never copied; a token longer than the piece takes the slow way.
      const take = Math.min(chunk.length, CARRY_PIECE);
      const piece = new Uint8Array(carry.length + take);
      piece.set(carry);
      piece.set(chunk.subarray(0, take), carry.length);
      this.bytes = piece;
      const stop = this.scan(piece, 0);
      if (stop >= carry.length) from = stop - carry.length;
      else {
        const whole = new Uint8Array(carry.length + chunk.length);
        whole.set(carry);
        whole.set(chunk, carry.length);
        return this.scanAndKeep(whole, stop);
      }
    }
    this.scanAndKeep(chunk, from);
  }

  /** Scans `b` from `from` and keeps what is left of it for the next chunk. */
  private scanAndKeep(b: Uint8Array, from: number): void {
    this.bytes = b;
    const stop = this.scan(b, from);
    if (stop < b.length) {
      if (b.length - stop > MAX_TOKEN_BYTES)
        throw new MalformedPart("a single piece of its XML is longer than any Excel writes");
      this.carry = b.slice(stop);
    }
  }

  /** The part has ended; text left over at the end is delivered, a tag cut short is dropped. */
  end(): void {
    const rest = this.carry;
    this.carry = null;
    if (rest && rest[0] !== LT) this.handler.text(rest, 0, rest.length, false);
  }

  /** The attribute `name` (a local name, compared as bytes) of the element being opened: its value's offsets. */
  findAttribute(name: Uint8Array): number {
    const a = this.attributes;
    for (let i = 0; i < this.attributeCount; i++)
      if (bytesEqual(this.bytes, a[4 * i], a[4 * i + 1], name)) return i;
    return -1;
  }

  /** Every attribute of the element being opened, decoded, by the name as written (with its prefix). */
  attributeObject(): Record<string, string> {
    const out: Record<string, string> = {};
    const a = this.attributes;
    for (let i = 0; i < this.attributeCount; i++) {
      const name = decodeText(this.bytes, this.qualifiedStarts[i], a[4 * i + 1], false);
      out[name] = decodeText(this.bytes, a[4 * i + 2], a[4 * i + 3], true);
    }
    return out;
  }

  /** Scans complete tokens of `b`; returns where the first incomplete one starts. */
  private scan(b: Uint8Array, from: number): number {
    const n = b.length;
    const h = this.handler;
    let p = from;
    while (p < n) {
      if (b[p] !== LT) {
        const lt = find(b, LT, p);
        if (lt < 0) return p;
        h.text(b, p, lt, false);
        p = lt;
      }
      if (p + 1 >= n) return p;
      const c = b[p + 1];
      if (c === SLASH) {
        const gt = find(b, GT, p + 2);
        if (gt < 0) return p;
        let nameEnd = p + 2;
        while (nameEnd < gt && !isSpace(b[nameEnd])) nameEnd++;
        h.close(b, localStart(b, p + 2, nameEnd), nameEnd);
        p = gt + 1;
      } else if (c === BANG) {
        if (p + 3 < n && b[p + 2] === 0x2d && b[p + 3] === 0x2d) {
          const e = indexOfSequence(b, COMMENT_END, p + 4);
          if (e < 0) return p;
          p = e + 3;
        } else if (bytesAt(b, p, CDATA_START)) {
          const e = indexOfSequence(b, CDATA_END, p + 9);
          if (e < 0) return p;
          h.text(b, p + 9, e, true);
          p = e + 3;
        } else {
          if (p + 9 > n) return p;
          const e = declarationEnd(b, p + 2);
          if (e < 0) return p;
          p = e;
        }
      } else if (c === QUESTION) {
        const e = indexOfSequence(b, PI_END, p + 2);
        if (e < 0) return p;
        p = e + 2;
      } else {
        const e = this.startTag(b, p);
        if (e < 0) return p;
        p = e;
      }
    }
    return p;
  }

  /** Reads the start tag at `p` (attributes into `attributes`), calls the handler; returns the end, or -1. */
  private startTag(b: Uint8Array, p: number): number {
    const n = b.length;
    let q = p + 1;
    while (q < n) {
      const x = b[q];
      if (x === GT || x === SLASH || isSpace(x)) break;
      q++;
    }
    if (q >= n) return -1;
    const nameEnd = q;
    let count = 0;
    let selfClosing = false;
    for (;;) {
      while (q < n && isSpace(b[q])) q++;
      if (q >= n) return -1;
      const x = b[q];
      if (x === GT) break;
      if (x === SLASH) {
        if (q + 1 >= n) return -1;
        if (b[q + 1] === GT) {
          selfClosing = true;
          q++;
          break;
        }
        q++;
        continue;
      }
      const qualifiedStart = q;
      let nameStart = q;
      while (q < n) {
        const y = b[q];
        if (y === EQUALS || y === GT || y === SLASH || isSpace(y)) break;
        if (y === COLON) nameStart = q + 1;
        q++;
      }
      const attrNameEnd = q;
      while (q < n && isSpace(b[q])) q++;
      if (q >= n) return -1;
      if (b[q] !== EQUALS) continue; // an attribute without a value: not XML, passed over
      q++;
      while (q < n && isSpace(b[q])) q++;
      if (q >= n) return -1;
      const quote = b[q];
      let valueStart: number;
      let valueEnd: number;
      if (quote === DQUOTE || quote === SQUOTE) {
        valueStart = q + 1;
        valueEnd = find(b, quote, valueStart);
        if (valueEnd < 0) return -1;
        q = valueEnd + 1;
      } else {
        // An unquoted value: not XML; read it up to the next space or the end of the tag.
        valueStart = q;
        while (q < n && !isSpace(b[q]) && b[q] !== GT) q++;
        if (q >= n) return -1;
        valueEnd = q;
      }
      if (4 * count + 4 > this.attributes.length) this.grow();
      const a = this.attributes;
      a[4 * count] = nameStart;
      a[4 * count + 1] = attrNameEnd;
      a[4 * count + 2] = valueStart;
      a[4 * count + 3] = valueEnd;
      this.qualifiedStarts[count] = qualifiedStart;
      count++;
    }
    this.attributeCount = count;
    const nameStart = localStart(b, p + 1, nameEnd);
    this.handler.open(b, nameStart, nameEnd, this);
    if (selfClosing) this.handler.close(b, nameStart, nameEnd);
    this.attributeCount = 0;
    return q + 1;
  }

  private grow(): void {
    const attributes = new Int32Array(this.attributes.length * 2);
    attributes.set(this.attributes);
    this.attributes = attributes;
    const starts = new Int32Array(this.qualifiedStarts.length * 2);
    starts.set(this.qualifiedStarts);
    this.qualifiedStarts = starts;
  }
}

/** Where the local name of the name [start, end) starts (after its prefix's colon, if any). */
function localStart(b: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === COLON) return i + 1;
  return start;
}

/** The end of a `<!DOCTYPE …>` (or other `<!…>`) declaration starting before `from`, skipping its internal subset. */
function declarationEnd(b: Uint8Array, from: number): number {
  let depth = 0;
  let quote = 0;
  for (let q = from; q < b.length; q++) {
    const x = b[q];
    if (quote) {
      if (x === quote) quote = 0;
    } else if (x === DQUOTE || x === SQUOTE) quote = x;
    else if (x === 0x5b) depth++;
    else if (x === 0x5d) depth--;
    else if (x === GT && depth <= 0) return q + 1;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes UTF-8 bytes, refusing bytes that are not UTF-8 (e.g. Latin-1 text in a part that says it is UTF-8). */
function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  try {
    return utf8.decode(b.subarray(start, end));
  } catch {
    throw new EncodingError(
      "its text is not in UTF-8, the encoding its XML declares (it may have been saved in another, such as Latin-1)"
    );
  }
}

/** Node's Buffer#latin1Slice, the fastest way from bytes to a string there; absent in a browser. */
const latin1Slice = (
  globalThis as { Buffer?: { prototype: { latin1Slice?: (start: number, end: number) => string } } }
).Buffer?.prototype.latin1Slice;

/** A run of ASCII bytes as a string. */
export function asciiString(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 4) {
    let text = "";
    for (let i = start; i < end; i++) text += String.fromCharCode(b[i]);
    return text;
  }
  return latin1Slice ? latin1Slice.call(b, start, end) : utf8.decode(b.subarray(start, end));
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/**
 * The text of bytes [start, end): UTF-8 decoded, the XML entities and character references replaced
 * (any other `&name;` is left as written). In an attribute value, tabs and line breaks become spaces,
 * as XML says.
 */
export function decodeText(b: Uint8Array, start: number, end: number, attribute: boolean): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 0x80 || c === AMP || (attribute && c < 0x20)) {
      plain = false;
      break;
    }
  }
  if (plain) return asciiString(b, start, end);
  let out = "";
  let from = start;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (attribute && (c === 0x09 || c === 0x0a || c === 0x0d)) {
      out += decodeUtf8(b, from, i) + " ";
      from = i + 1;
    } else if (c === AMP) {
      const semicolon = b.indexOf(0x3b, i + 1);
      if (semicolon < 0 || semicolon - i > 12) continue;
      const name = asciiString(b, i + 1, semicolon);
      const replacement = entityText(name);
      if (replacement === undefined) continue;
      out += decodeUtf8(b, from, i) + replacement;
      from = semicolon + 1;
      i = semicolon;
    }
  }
  return out + decodeUtf8(b, from, end);
}

function entityText(name: string): string | undefined {
  if (name.charCodeAt(0) !== 0x23) return NAMED_ENTITIES[name];
  const hex = name.charCodeAt(1) === 0x78 || name.charCodeAt(1) === 0x58;
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

/** A parser fed a part's bytes in chunks: `write` each chunk, then `end`. */
export interface XmlFeed {
  write(bytes: Uint8Array): void;
  end(): void;
}

/** Encodings a part may be in that are read as UTF-8 as they are. */
const UTF8_NAMES = new Set(["utf-8", "utf8", "us-ascii", "ascii"]);

/**
 * A feed that finds the part's encoding from its first bytes (byte-order mark, UTF-16 without one, the
 * XML declaration) and hands UTF-8 to the scanner, converting from other encodings on the way.
 */
export function encodingFeed(handler: ByteHandler): XmlFeed {
  const scanner = new XmlScanner(handler);
  let start: Uint8Array | null = new Uint8Array(0);
  let convert: ((bytes: Uint8Array, last: boolean) => Uint8Array) | null = null;
  const encoder = new TextEncoder();

  const decide = (head: Uint8Array): Uint8Array => {
    const [a, b, c] = head;
    let label: string | null = null;
    let skip = 0;
    if (a === 0xef && b === 0xbb && c === 0xbf) skip = 3;
    else if (a === 0xff && b === 0xfe) ((label = "utf-16le"), (skip = 2));
    else if (a === 0xfe && b === 0xff) ((label = "utf-16be"), (skip = 2));
    else if (a === 0x3c && b === 0x00) label = "utf-16le";
    else if (a === 0x00 && b === 0x3c) label = "utf-16be";
    else {
      const declared = declaredEncoding(head);
      if (declared && !UTF8_NAMES.has(declared)) label = declared;
    }
    if (label) {
      let decoder: TextDecoder;
      try {
        decoder = new TextDecoder(label);
      } catch {
        throw new EncodingError(
          `it is written in the "${label}" encoding, which this checker cannot read (Excel writes UTF-8)`
        );
      }
      convert = (bytes, last) => encoder.encode(decoder.decode(bytes, { stream: !last }));
    }
    return head.subarray(skip);
  };

  return {
    write(bytes) {
      if (start) {
        // The first 512 bytes decide the encoding (the XML declaration is within them).
        const head = concat(start, bytes);
        if (head.length < 512) {
          start = head;
          return;
        }
        start = null;
        bytes = decide(head);
      }
      scanner.write(convert ? convert(bytes, false) : bytes);
    },
    end() {
      if (start) {
        const head = decide(start);
        start = null;
        scanner.write(convert ? convert(head, true) : head);
      } else if (convert) scanner.write(convert(new Uint8Array(0), true));
      scanner.end();
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The encoding named in an XML declaration at the start of `head`, lower-cased; null if none. */
function declaredEncoding(head: Uint8Array): string | null {
  let at = 0;
  while (at < head.length && isSpace(head[at])) at++;
  if (!bytesAt(head, at, ascii("<?xml"))) return null;
  const end = indexOfSequence(head, PI_END, at);
  if (end < 0) return null;
  const declaration = asciiString(head, at, end);
  const match = /encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration);
  return match ? match[1].toLowerCase() : null;
}

/**
 * What a reader of a small part (relationships, the sheet list, styles) does with its XML, with names
 * and attributes as strings: simpler to write than a ByteHandler and fast enough for parts of a few KB.
 */
export interface PartReader<T> {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
  /** What the part held, once every event has been delivered. */
  result(): T;
}

/** An element's attributes by their name as written (with any prefix, e.g. `r:id`). */
export type Attributes = Readonly<Record<string, string>>;

/** A ByteHandler that gives a PartReader names and attributes as strings. */
export function stringHandler(reader: PartReader<unknown>): ByteHandler {
  const close = reader.close?.bind(reader);
  const text = reader.text?.bind(reader);
  return {
    open: (b, s, e, scanner) => reader.open(asciiString(b, s, e), scanner.attributeObject()),
    close: (b, s, e) => close?.(asciiString(b, s, e)),
    text: (b, s, e, cdata) => {
      if (text && e > s) text(cdata ? decodeUtf8(b, s, e) : decodeText(b, s, e, false));
    },
  };
}

/** A reader of either kind. */
export type AnyReader<T> = PartReader<T> | ByteReader<T>;

const isByteReader = <T>(reader: AnyReader<T>): reader is ByteReader<T> =>
  "kind" in reader && reader.kind === "bytes";

/** A feed for a byte reader, or for a PartReader (names and attributes as strings). */
export function xmlFeed(reader: AnyReader<unknown>): XmlFeed {
  return encodingFeed(isByteReader(reader) ? reader : stringHandler(reader));
}

/** Runs a reader over XML held in memory (for tests and small parts). */
export function readXmlText<T>(xml: string | Uint8Array, reader: AnyReader<T>): T {
  const feed = xmlFeed(reader);
  feed.write(typeof xml === "string" ? new TextEncoder().encode(xml) : xml);
  feed.end();
  return reader.result();
}

/** An element or attribute name without its namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever prefix it was written with (`r:id`, `rel:id`, `id`). */
export function attributeByLocalName(attributes: Attributes, name: string): string | undefined {
  if (attributes[name] !== undefined) return attributes[name];
  for (const key in attributes) if (localName(key) === name) return attributes[key];
  return undefined;
}

/**
 * Decodes the `_xHHHH_` escapes OOXML uses for characters XML cannot carry (control characters); the XML
 * layer has already decoded the entities.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
