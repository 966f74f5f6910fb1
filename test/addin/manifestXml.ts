/**
 * A small element tree over fast-xml-parser's ordered output, enough to check the add-in manifest's
 * structure offline (the official validator is a Microsoft web service).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlElement {
  /** Tag name with its prefix, e.g. `bt:Image`. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

function toElement(node: OrderedNode): XmlElement | null {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (!name || name.startsWith("#") || name.startsWith("?")) return null;
  const content = node[name] as OrderedNode[];
  return {
    name,
    attributes: node[":@"] ?? {},
    children: content.map(toElement).filter((e): e is XmlElement => e !== null),
    text: content
      .map((c) => (typeof c["#text"] === "string" ? c["#text"] : ""))
      .join("")
      .trim(),
  };
}

/** Parses XML text into its root element; throws with the parser's message when it is not well-formed. */
export function parseXml(text: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
    parseTagValue: false,
  });
  const root = (parser.parse(text) as OrderedNode[])
    .map(toElement)
    .find((e): e is XmlElement => e !== null);
  if (!root) throw new Error("no root element");
  return root;
}

/** The local name of a tag (`bt:Image` → `Image`). */
export function localName(element: XmlElement): string {
  return element.name.slice(element.name.indexOf(":") + 1);
}

/** Every element below `element` (depth first, document order). */
export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((child) => [child, ...descendants(child)]);
}

/** The first child with this local name; throws naming the path when missing, so a failing test says where. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = element.children.find((c) => localName(c) === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

/** Follows a path of local names: `path(root, "VersionOverrides", "Hosts", "Host")`. */
export function path(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, element);
}
