/** Text and attribute values for the XML formats, escaped, with the characters XML cannot hold removed. */
import { withoutControls } from "../terminalText";

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Kept as references so a parser does not fold them into spaces inside an attribute.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** For an attribute value or element text. */
export function xmlText(text: string): string {
  return withoutControls(text).replace(/[&<>"'\t\n\r]/g, (c) => ENTITIES[c]);
}

/** `name="value" …` from the pairs given, in order. */
export function xmlAttributes(attributes: Readonly<Record<string, string | number>>): string {
  return Object.entries(attributes)
    .map(([name, value]) => `${name}="${xmlText(String(value))}"`)
    .join(" ");
}
