/**
 * Text for a terminal: what dsg-validate prints comes partly from the files it checks (sheet names, cell
 * text) and from file names, and a crafted workbook could otherwise move the cursor, clear the screen or
 * reorder a line on the user's terminal (a sheet named `_x001B_[2J` is ESC [2J). Control characters
 * are shown as visible symbols instead; the JSON output keeps the text exact but escapes them.
 */

/** C0 and C1 control characters, DEL, line and paragraph separators, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A line of text safe to print: C0 controls as their control pictures (␛), the others as �. */
export function plainText(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\ufffd";
  });
}

/** What JSON.stringify leaves raw in strings: DEL, C1 controls, separators and bidi overrides. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with every control character (JSON.stringify escapes only C0 ones) as a \u escape. */
export function escapeControls(json: string): string {
  return json.replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Characters XML 1.0 cannot hold even escaped (C0 controls but tab, line feed and carriage return; U+FFFE,
 * U+FFFF; halves of surrogate pairs on their own), and the ones a viewer might act on (C1, separators,
 * bidirectional overrides).
 */
const UNSHOWABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with those characters removed, for XML and CSV documents (the JSON keeps them, escaped). */
export function withoutControls(text: string): string {
  return text.replace(UNSHOWABLE, "");
}
