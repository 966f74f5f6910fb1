/**
 * How councils word the parts of a Safety Valve return that carry meaning in a few characters: the Yes/No
 * answers of the on-track table, the labels of the updates of the year, and the numbering of the
 * conditions of the agreement and of the risks, and the assurance levels written beside them.
 */
import { normaliseLabel } from "../labels";
import { COLOUR_WORDS, STATUS_LEVELS } from "./svReturnLabels";

/** A cell's text as a reader sees it: HTML tags dropped ("<p>Condition 3.4: ...</p>"), entities decoded. */
export function plainText(value: unknown): string {
  if (typeof value !== "string") return "";
  return value
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------------
// Yes/No answers

// "Yes", "Y", "No." and "No – see commentary" are answers; "N/A", "Not yet" and "Yes/No" are not (the
// word must end at a space or a stop, not at a slash or more letters).
const YES_NO = /^(yes|no|y|n)(?=$|[\s.,;:!*()–—-])/i;

// A ticked box and the answer after it, as Word's check boxes paste: "☑ Yes", "☒ No", "✓ Yes".
const TICKED_BOX = /[☑☒✓✔✅■]\s*(yes|no)\b/gi;

// "On track" answers "Is your LA's Safety Valve plan on track?" as plainly as "Yes".
const ON_TRACK = /^(on|off|not\s+on)\s+track(?=$|[\s.,;:!*()–—-])/i;

/**
 * The answer a Yes/No cell gives: a yes or no, alone or followed by words, "On track" or "Off track", or a
 * ticked (TRUE) or unticked (FALSE) checkbox; undefined for anything else.
 */
export function readYesNo(value: unknown): "yes" | "no" | undefined {
  if (typeof value === "boolean") return value ? "yes" : "no";
  const text = plainText(value);
  // "☑ Yes ☐ No", pasted from a Word return: the word after the ticked box.
  const ticked = [...text.matchAll(TICKED_BOX)].map((m) => m[1].toLowerCase());
  if (ticked.length === 1) return ticked[0] === "yes" ? "yes" : "no";
  const match = YES_NO.exec(text);
  if (match !== null) return match[1].toLowerCase().startsWith("y") ? "yes" : "no";
  const track = ON_TRACK.exec(text);
  if (track !== null) return track[1].toLowerCase() === "on" ? "yes" : "no";
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Update labels

/**
 * How an update is labelled. "numbered": "Update 2 (August)", "Update 1 - May 2024", "Second update".
 * "dated": a month or quarter alone ("August", "May update", "Q2"), numbered by the quarter of the
 * financial year it falls in, so that May, August and November are Updates 1, 2 and 3 as the DfE numbers
 * them and any other months still come in order.
 */
export interface UpdateLabel {
  readonly number: number;
  readonly style: "numbered" | "dated";
}

// A label is short; commentary that mentions an update ("since update 1 ...") is longer or says more.
const MAX_UPDATE_LABEL_LENGTH = 40;

// Words a heading may put before or after the update: "Assurance level - Update 2", "May RAG rating".
const LEVEL_WORDS = String.raw`(?:assurance(?:\s+level)?|rag(?:\s+(?:rating|status))?|rating|level|status)`;
// "Update 2", and the other names councils give their updates: "Return 1", "Monitoring report 1",
// "Term 1", "T1 update", "U1 (May)", "Period 1".
// The agreement's year may come first: "Year 2 Update 1 (May)", "SV Year 2 – Update 1", "2025-26 Update 1".
const AGREEMENT_YEAR = String.raw`(?:(?:(?:sv|safety\s+valve)\s+)?year\s*\d+|(?:fy\s*)?\d{4}\s*[-/]\s*\d{2,4})\s*[-–:]?\s*`;
const NUMBERED = new RegExp(
  String.raw`^(?:${AGREEMENT_YEAR})?(?:${LEVEL_WORDS}\s*[-–:]?\s*)?(?:update|upd\.?|return|submission|(?:monitoring\s+)?(?:report|return)|review|round|term|period|[tu](?=\d))\s*(?:no\.?\s*|#\s*)?(\d+)\b`,
  "i"
);
// Two columns, the last update and this one: "Last quarter RAG", "Previous quarter", "Current RAG".
const LAST_OR_THIS = new RegExp(
  String.raw`^(last|previous|prior|this|current|latest)\s+(?:(?:quarter|term|update|return|period)\b\s*)?(?:${LEVEL_WORDS})?$`,
  "i"
);
// School terms in the order of the financial year their returns fall in: summer (April to August),
// autumn, winter, then spring (January to March). Numbered, not dated: with a year ("Spring 2025") the
// financial year comes first, so a stack headed "Spring 2024", "Summer 2024", "Autumn 2024" runs in order.
const TERM_OF_SEASON: Record<string, number> = { summer: 1, autumn: 2, winter: 3, spring: 4 };
const ORDINALS = ["first", "second", "third", "fourth"];
const ORDINAL_FIRST = /^(first|second|third|fourth|1st|2nd|3rd|4th)\s+update\b/i;
const WORD_AFTER = /^update\s+(one|two|three|four)\b/i;
const WORD_NUMBERS = ["one", "two", "three", "four"];

const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const YEAR = String.raw`(?:\d{2}\s*[-/]\s*\d{2}|'?\d{2}|\d{4}(?:\s*[-/]\s*\d{2,4})?)`;
const BEFORE = String.raw`(?:(?:${LEVEL_WORDS}|update|return|as\s+at)\s*[-–:]?\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?`;
const AFTER = String.raw`(?:\s*[-–:]?\s*(?:update|return|submission|position|review|${LEVEL_WORDS}))?`;
// The whole cell is the label: "May", "May 2024", "Aug-24", "May update", "Update - November", "Q3 2024-25".
const DATED = new RegExp(
  String.raw`^${BEFORE}(?:${MONTH}\.?(?:\s*[-–/]?\s*${YEAR})?|(?:q|qtr|quarter)\s*([1-4])(?:\s*[-–/]?\s*${YEAR})?)${AFTER}$`,
  "i"
);
const SEASON = new RegExp(
  String.raw`^(?:update\s*[-–:]?\s*)?(spring|summer|autumn|winter)(?:\s+term)?(?:\s*[-–/]?\s*(${YEAR}))?(?:\s*[-–:]?\s*(?:update|return|${LEVEL_WORDS}))?$`,
  "i"
);
// Months by the quarter of the financial year (April to March) they fall in.
const QUARTER_OF_MONTH: Record<string, number> = {
  apr: 1,
  may: 1,
  jun: 1,
  jul: 2,
  aug: 2,
  sep: 2,
  oct: 3,
  nov: 3,
  dec: 3,
  jan: 4,
  feb: 4,
  mar: 4,
};

// "Apr-Jun", "April to June".
const MONTH_SPAN = new RegExp(String.raw`^\s*${MONTH}\s*(?:[-–—]|to)\s*${MONTH}\s*$`, "i");

// "Q1 (May)", "May (Update 1)": a label with another way of saying it in brackets.
const BRACKETED = /^(.+?)\s*\((.+)\)$/;

/** The update a label names ("Update 2 (August)", "August", "Q2"), or undefined for any other text. */
export function readUpdateLabel(value: unknown): UpdateLabel | undefined {
  const text = plainText(value);
  if (text === "" || text.length > MAX_UPDATE_LABEL_LENGTH) return undefined;
  const read = readOneLabel(text);
  if (read !== undefined) return read;
  const bracketed = BRACKETED.exec(text);
  if (bracketed === null) return undefined;
  const [outside, inside] = [readOneLabel(bracketed[1]), readOneLabel(bracketed[2])];
  // "Q1 (Apr-Jun)": the months a quarter spans, in brackets, leave the label outside them.
  if (inside === undefined) return MONTH_SPAN.test(bracketed[2]) ? outside : undefined;
  if (outside === undefined) return undefined;
  return inside.style === "numbered" ? inside : outside;
}

/** A term's update: by its order in the financial year, after the financial year itself when it is given. */
function seasonUpdate(season: string, year: string | undefined): UpdateLabel {
  const order = TERM_OF_SEASON[season];
  const calendar =
    year === undefined ? NaN : Number(/\d{4}/.exec(year)?.[0] ?? `20${/\d{2}/.exec(year)?.[0]}`);
  if (Number.isNaN(calendar)) return { number: order, style: "numbered" };
  const financial = season === "spring" ? calendar - 1 : calendar;
  return { number: financial * 10 + order, style: "numbered" };
}

// A date typed as text, day first as in England: "31/05/2024", "30.11.24".
const TEXT_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const MONTH_KEYS = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

function readOneLabel(text: string): UpdateLabel | undefined {
  const date = TEXT_DATE.exec(text);
  if (date) {
    const month = MONTH_KEYS[Number(date[2]) - 1];
    return month === undefined ? undefined : { number: QUARTER_OF_MONTH[month], style: "dated" };
  }
  const numbered = NUMBERED.exec(text);
  if (numbered) return { number: Number(numbered[1]), style: "numbered" };
  const ordinal = ORDINAL_FIRST.exec(text);
  if (ordinal) {
    const word = ordinal[1].toLowerCase();
    const number = ORDINALS.indexOf(word) + 1 || Number(word[0]);
    return { number, style: "numbered" };
  }
  const spelled = WORD_AFTER.exec(text);
  if (spelled)
    return { number: WORD_NUMBERS.indexOf(spelled[1].toLowerCase()) + 1, style: "numbered" };
  const lastOrThis = LAST_OR_THIS.exec(text);
  if (lastOrThis)
    return { number: /^(last|previous|prior)$/i.test(lastOrThis[1]) ? 1 : 2, style: "numbered" };
  const season = SEASON.exec(text);
  if (season) return seasonUpdate(season[1].toLowerCase(), season[2]);
  const dated = DATED.exec(text);
  if (dated === null) return undefined;
  const number = dated[1] ? QUARTER_OF_MONTH[dated[1].slice(0, 3).toLowerCase()] : Number(dated[2]);
  return { number, style: "dated" };
}

// ---------------------------------------------------------------------------------------------------
// Conditions and risks

// "3", "3.2", "3b", "3.2a", "3(b)", "3(ii)", "3b(i)": a number, its sub-numbers, a letter, a roman numeral.
const NUMBERING = String.raw`\d+(?:\.\d+)*(?:\.?[a-z]|\s?\([a-z]\))?(?:\s?\((?:i{1,3}|iv|vi{0,3}|ix|x)\))?`;
// The numbering ends where the words do not go on ("Condition 3ab" is no numbering).
const END = "(?![a-z0-9])";
const ITEM = new RegExp(
  String.raw`^(?:(?:deal|agreement|sv|safety\s+valve|dsg)\s+)?(condition|risk)\s*(?:no\.?\s*|number\s*|#\s*)?(${NUMBERING})${END}`,
  "i"
);
// Risk registers often number risks "R1", "R2".
const SHORT_RISK = new RegExp(String.raw`^(r)\s?(\d+(?:\.\d+)*[a-z]?)${END}`, "i");

/** A condition or risk as its label numbers it: "Condition 3b", "Risk 2", "Risk R2". */
export interface ItemLabel {
  readonly kind: "condition" | "risk";
  readonly name: string;
}

/** The condition or risk a cell's text starts with ("Deal condition 3b - Provide ..."), if it is numbered. */
export function readItemLabel(value: unknown): ItemLabel | undefined {
  const text = plainText(value);
  const item = ITEM.exec(text);
  if (item) {
    const kind = item[1].toLowerCase() === "risk" ? "risk" : "condition";
    const number = item[2].replace(/\s+/g, "");
    return { kind, name: `${kind === "risk" ? "Risk" : "Condition"} ${number}` };
  }
  const risk = SHORT_RISK.exec(text);
  if (risk) return { kind: "risk", name: `Risk R${risk[2]}` };
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Assurance levels

// What a council may write before a level in its cell: "RAG: Amber", "Rating = G", "RAG status - Amber".
const LEVEL_PREFIX =
  /^(?:rag|rating|status|level|assurance)(?:\s+(?:rating|status|level))?(?:\s*[:=]|\s+[-–—])\s*(?=\S)/i;

/** A level cell's text without the word before its level ("RAG: Amber" → "Amber"), tags dropped. */
export function levelText(value: unknown): string {
  return plainText(value).replace(LEVEL_PREFIX, "");
}

// A level: a colour word or a letter, alone or followed by its meaning ("A - on target", "Amber/Green").
const MAX_LEVEL_LENGTH = 40;
const LEVEL_WITH_MEANING = /^\s*([A-Za-z]+)\s*[-–:=(/]/;

/** The standard level a status written as a level stands for ("On track" → A, "At risk - mitigations" → O). */
export function statusLevel(value: unknown): string | undefined {
  // "N/A – condition met": the status after a "not applicable".
  const text = normaliseLabel(levelText(value)).replace(/^(?:n a|not applicable) /, "");
  // "On track - good progress", "High (see commentary)": the status, then why after a stop or a dash; not
  // a heading that starts with one ("High Needs Block financial forecast").
  const raw = levelText(value)
    .toLowerCase()
    .replace(/(\w)-(\w)/g, "$1 $2")
    .replace(/\s+/g, " ")
    .replace(/^\s*(?:n\s*\/\s*a|not applicable)\s*[-–—:]?\s*/, "")
    .trim();
  const status = Object.keys(STATUS_LEVELS).find(
    (words) =>
      text === words || (raw.startsWith(words) && /^\s*[-–—:(,.;]/.test(raw.slice(words.length)))
  );
  return status === undefined ? undefined : STATUS_LEVELS[status];
}

/** True when the text reads as an assurance level: a colour word or a letter, alone or with its meaning. */
export function readsAsLevel(value: unknown): boolean {
  const text = levelText(value);
  if (text === "" || text.length > MAX_LEVEL_LENGTH) return false;
  if (statusLevel(text) !== undefined) return true;
  const words = normaliseLabel(text).split(" ");
  const isWord = (w: string) => w.length === 1 || COLOUR_WORDS.includes(w);
  if (words.length === 1) return isWord(words[0]);
  const match = LEVEL_WITH_MEANING.exec(text);
  return match !== null && isWord(match[1].toLowerCase());
}

// Words where a level would be that give none, alone or followed by why: "N/A", a dash, "Not rated", "See
// previous return", "TBC", "Not yet due", "N/A - new risk".
const NO_LEVEL = new RegExp(
  String.raw`^(?:n\s*\/\s*a|not\s+applicable|not\s+(?:yet\s+)?(?:rated|due|reported|assessed|available)|no\s+update(?:\s+(?:this|for\s+this)\s+(?:quarter|period|update))?|see\s+(?:the\s+)?(?:previous|last|earlier)\s+(?:return|update|submission|report)s?|tb[cd]|to\s+be\s+(?:confirmed|determined|reported)|to\s+follow|pending|due\s+in\s+\w+|[-–—]+)\.?(?:\s*[-–:(].*)?$`,
  "i"
);

/**
 * True when the text says in words that it gives no level ("N/A", "-", "Not yet due", "TBC"), unless the
 * words after it give one ("N/A – condition met").
 */
export function saysNoLevel(value: unknown): boolean {
  const text = plainText(value);
  if (!NO_LEVEL.test(text)) return false;
  const after = /^[^-–:(]*[-–:(]\s*(.+)$/.exec(text)?.[1];
  return after === undefined || statusLevel(after) === undefined;
}

/** An update's label with its level written after it in the same cell ("Update 1 (May): Amber"). */
export interface InlineLevel {
  readonly update: UpdateLabel;
  /** The label as written, without the level. */
  readonly label: string;
  /** The level as written ("Amber", "N/A"), or "" when the label ends in a colon or dash with nothing after. */
  readonly level: string;
}

// The label and the level are parted by a colon, a dash between spaces, an equals sign, or a space after
// the label's bracket ("Update 1 (May) Amber").
const INLINE_SEPARATOR = /\s*(?::|=|\s[-–—]+)\s*|(?<=\))\s+/g;

/**
 * The update and level of a cell that writes both: "Update 1 (May): Amber", "Q2 - A", "Update 3
 * (November): N/A", and "Update 3 (November):" with the level left out. Undefined when the words after
 * the label are not a level ("Update 1 - May 2024" is a label alone): commentary is not taken for a level.
 */
export function readInlineLevel(value: unknown): InlineLevel | undefined {
  const text = plainText(value);
  // The first separator after which a level follows: "Update 1 - May 2024: Green" is parted at the colon.
  for (const separator of text.matchAll(INLINE_SEPARATOR)) {
    const label = text.slice(0, separator.index).trim();
    const level = text.slice(separator.index + separator[0].length).trim();
    const update = readUpdateLabel(label);
    if (update !== undefined && (level === "" || readsAsLevel(level) || saysNoLevel(level)))
      return { update, label, level };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Sign-off rows

/** What a label of a sign-off written in rows of its own asks for. */
export type SignOffLabel = "name" | "date" | "role";

// A label is short: a sentence that mentions signing ("The plan was signed off by the forum in March ...")
// is commentary.
const MAX_SIGN_OFF_LABEL_LENGTH = 60;
const SIGN_OFF_ROLE = /^(?:role|position|job title|title|post)$/;
const SIGN_OFF_DATE = /\bdate\b|\bsigned on\b/;
const SIGN_OFF_NAME =
  /^(?:name|signed)$|\b(?:signed|signature|signatory|sign off|signoff|approved)\b/;
const OFFICER = /\b(?:s151|section 151|dcs|director|officer|chief)\b/;
// "LA name", "Name of local authority": the council's name, not a signatory's.
const COUNCIL = /\b(?:la|local authority|authority|council)\b/;
const MAX_NAME_LABEL_WORDS = 3;

/**
 * The part a label of a sign-off block plays ("Signed off by:", "S151 Officer signature", "DCS name",
 * "Date signed", "Name" and "Role" over a table): the words before a colon, normalised; undefined for
 * any other text, and for the key personnel's labels ("S151 Officer:").
 */
export function readSignOffLabel(text: string): SignOffLabel | undefined {
  const colon = text.indexOf(":");
  const label = colon < 0 ? text : text.slice(0, colon);
  if (label.length > MAX_SIGN_OFF_LABEL_LENGTH) return undefined;
  const words = normaliseLabel(label);
  if (SIGN_OFF_ROLE.test(words)) return "role";
  if (SIGN_OFF_DATE.test(words)) return "date";
  if (SIGN_OFF_NAME.test(words)) return "name";
  if (!/\bname\b/.test(words) || COUNCIL.test(words)) return undefined;
  // "DCS name", "Name of S151 officer", and short ones: "Print name", "Full name".
  return OFFICER.test(words) || words.split(" ").length <= MAX_NAME_LABEL_WORDS
    ? "name"
    : undefined;
}
