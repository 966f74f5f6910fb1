/**
 * The XML layer of the .xlsx reader, on saxes (a maintained, streaming SAX parser that exceljs also uses).
 * Parts are read as events, never as a document tree, so a 200,000-row sheet costs time and memory in
 * proportion to its size and only what the reader keeps stays in memory.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";

/** An element's attributes by their name as written (with any prefix, e.g. `r:id`). */
export type Attributes = Readonly<Record<string, string>>;

/**
 * What one part's reader does with the events of its XML. Element names are local names (the namespace
 * prefix dropped: `x:c` → `c`), as SpreadsheetML written by other tools may prefix every element.
 */
export interface PartReader<T> {
  open(name: string, attributes: Attributes): void;
  close?(name: string): void;
  text?(text: string): void;
  /** What the part held, once every event has been delivered. */
  result(): T;
}

/** A parser fed a part's text in chunks: `write` each chunk, then `end`. */
export interface XmlFeed {
  write(text: string): void;
  end(): void;
}

/**
 * Thrown by a feed when its part is too broken to read on: more than MAX_XML_ERRORS well-formedness errors,
 * or elements nested deeper than MAX_DEPTH. The reader then keeps what it had read.
 */
export class MalformedPart extends Error {}

/**
 * Well-formedness errors tolerated per part. saxes reports each one with an Error object, which costs a
 * few microseconds: a crafted part of millions of control characters (a few KB zipped) would otherwise
 * take minutes.
 */
const MAX_XML_ERRORS = 1000;
/** Element nesting depth tolerated: SpreadsheetML nests about ten deep; saxes keeps every open element. */
const MAX_DEPTH = 1000;

/** Connects a saxes parser to a part reader. */
export function xmlFeed(reader: PartReader<unknown>): XmlFeed {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({
    xmlns: false,
    position: false,
  });
  // A few well-formedness errors are not fatal: saxes reports them and carries on, and the reader takes
  // what it can, as Excel's own "repair" would.
  let errors = 0;
  let depth = 0;
  parser.on("error", () => {
    if (++errors > MAX_XML_ERRORS) throw new MalformedPart("too many XML errors");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (++depth > MAX_DEPTH) throw new MalformedPart("elements nested too deep");
    reader.open(localName(tag.name), tag.attributes);
  });
  const close = reader.close?.bind(reader);
  parser.on("closetag", (tag: SaxesTagPlain) => {
    depth--;
    close?.(localName(tag.name));
  });
  const text = reader.text?.bind(reader);
  if (text) {
    parser.on("text", text);
    parser.on("cdata", text);
  }
  return { write: (chunk) => void parser.write(chunk), end: () => void parser.close() };
}

/** Runs a part reader over XML text held in memory (for tests and small parts). */
export function readXmlText<T>(xml: string, reader: PartReader<T>): T {
  const feed = xmlFeed(reader);
  try {
    feed.write(xml);
    feed.end();
  } catch (error) {
    if (!(error instanceof MalformedPart)) throw error;
  }
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
 * parser has already decoded the entities.
 */
export function decodeOoxmlEscapes(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}
