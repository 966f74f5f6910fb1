/**
 * Reading a row label for what it means rather than for one spelling. Councils write the same row as
 * "Cumulative DSG deficit - brought forward (deficit at beginning of financial year)", "Cumulative DSG
 * surplus/(deficit) b/f" or "Deficit brought forward", so a label is turned into its words (abbreviations
 * spelled out, plurals made singular, long bracketed notes set aside) and scored against each meaning a
 * table's rows can have. A row is taken for a meaning only when that meaning clearly beats every other;
 * a label two meanings fit equally is ambiguous and is reported, never guessed.
 */

/** The words of a label: the ones that say what the row is, and those of its notes ("(before ...)"). */
export interface LabelWords {
  readonly words: readonly string[];
  readonly note: readonly string[];
}

// Councils number their rows ("1. Cumulative deficit", "(b) Schools block", "7.1 Summary", "3a. …") and
// tables ("Table 3a: Number of EHCPs by age group"). Only a number or letter closed by ".", ":" or ")" (or a
// section number such as 7.1) counts, so "5 to 10" keeps its digits.
export const ENUMERATOR =
  /^\s*(table\s+\d+[a-z]?\s*[.:)-]?|\d+[a-z]?(\.\d+)+\.?|\d+[a-z]?[.):]|\(?[a-z][.)]|\(?[ivx]+[.)]|\(\d+\))\s+/i;

// Spelled out before the label is split into words: forms that hide their words behind slashes or run
// them together. Applied to the lower-cased text.
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bb\s*\/\s*f(wd)?\b|\bbfwd\b|\bb\/fwd\b/g, " brought forward "],
  [/\bc\s*\/\s*f(wd)?\b|\bcfwd\b|\bc\/fwd\b/g, " carried forward "],
  // Misspellings councils' sheets carry: "brought foward", "brougth forward", "Cummulative", "defecit".
  [/\bfoward\b|\bforwad\b|\bfwd\b/g, " forward "],
  [/\bbrougth\b|\bbrough\b/g, " brought "],
  [/\bcumm?ulitive\b|\bcummulative\b/g, " cumulative "],
  [/\bdefi?ecit\b|\bdefict\b/g, " deficit "],
  [/\bin[\s-]*(year|yr)\b/g, " inyear "],
  [/\bwrite[\s-]*off\b|\bwritten[\s-]*off\b/g, " writeoff "],
  [/\bpost[\s-]*16\b/g, " post16 "],
  // One name, one word: "Safety Valve" weighs as much as "local" when a label is scored.
  [/\bsafety[\s-]*valve\b/g, " safetyvalve "],
  [/\bre[\s-]*coupment\b/g, " recoupment "],
  [/\bnon[\s-]+maintained\b/g, " nonmaintained "],
  [/\bmulti[\s-]+sensory\b/g, " multisensory "],
  [/\bsub[\s-]*total\b/g, " subtotal "],
  // "In-year deficit after Safety Valve funding": the in-year figure net of the payments, not a payment.
  [
    /\bafter\s+(?:the\s+)?(?:safety[\s-]*valve|sv|dfe)\s+(?:income|funding|grant|payments?|contributions?)\b/g,
    " aftersafetyvalve ",
  ],
  // The DSG adjustment account is where the deficit is held: a balance, not an adjustment.
  [/\badjustments?\s+account\b/g, " adjustmentaccount "],
  [/\bover[\s-]*spend/g, " overspend"],
  [/\bunder[\s-]*spend/g, " underspend"],
  [/\behc\s+plans?\b/g, " ehcp "],
  [/\be\.?h\.?c\.?p\.?s?\b/g, " ehcp "],
  [/\bcarry\b/g, " carried "],
  [/&/g, " and "],
  [/[’'`]/g, ""],
];

/** The text with every phrase spelled out. */
function spelledOut(text: string): string {
  let spelled = text;
  for (const [pattern, replacement] of PHRASES) spelled = spelled.replace(pattern, replacement);
  return spelled;
}

/** Short forms written as one word, and what they stand for (after plurals are made singular). */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  sv: ["safetyvalve"],
  sva: ["safetyvalve", "agreement"],
  hnsg: ["high", "need", "stability", "grant"],
  la: ["local", "authority"],
  lea: ["local", "authority"],
  gf: ["general", "fund"],
  hnb: ["high", "need", "block"],
  alloc: ["allocation"],
  tfr: ["transfer"],
  cssb: ["central", "school", "service", "block"],
  eyb: ["early", "year", "block"],
  sb: ["school", "block"],
  yr: ["year"],
  fy: ["financial", "year"],
  exp: ["expenditure"],
  ap: ["alternative", "provision"],
  fe: ["further", "education"],
  nmss: ["nonmaintained", "special", "school"],
  inmss: ["independent", "nonmaintained", "special", "school"],
  ehcps: ["ehcp"],
};

// Words that carry no meaning of their own in a row label.
const STOP_WORDS = new Set([
  "the",
  "of",
  "and",
  "or",
  "for",
  "to",
  "a",
  "an",
  "at",
  "by",
  "in",
  "on",
  "as",
  "is",
  "per",
  "from",
  "with",
]);

// A bracket or a clause opened by one of these is a note about the row, not its name ("In year DSG
// deficit (before Safety Valve and local contributions)"): its words must not make the row mean the
// Safety Valve contribution.
const NOTE_OPENERS =
  /\s(before|including|includes|excluding|excludes|exclusive|inclusive|net of|i\.e\.|ie|see|note)\b/;
// A bracket of this many words or more is a note; shorter ones are part of the name ("surplus/(deficit)",
// "(HNB)", "(NMSS or independent)").
const NOTE_BRACKET_WORDS = 4;

/** A word made singular the simple way English plurals allow ("needs" → "need", "academies" → "academy"). */
function singular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses") || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
    return word.endsWith("sses") ? word.slice(0, -2) : word;
  }
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/[^a-z0-9£%]+/)) {
    if (raw === "" || STOP_WORDS.has(raw)) continue;
    const expanded = ABBREVIATIONS[raw] ?? ABBREVIATIONS[singular(raw)];
    if (expanded) words.push(...expanded);
    else words.push(singular(raw));
  }
  return words;
}

/** The words of a label, its notes set apart. */
export function labelWords(text: string): LabelWords {
  let main = ` ${text.replace(ENUMERATOR, "").toLowerCase()} `;
  const notes: string[] = [];
  // Long brackets are notes; short ones stay part of the name.
  main = main.replace(/\(([^()]*)\)|\[([^[\]]*)\]/g, (_whole, round?: string, square?: string) => {
    const inside = round ?? square ?? "";
    if (inside.trim().split(/\s+/).length >= NOTE_BRACKET_WORDS) {
      notes.push(inside);
      return " ";
    }
    return ` ${inside} `;
  });
  main = spelledOut(main);
  const opener = NOTE_OPENERS.exec(main);
  if (opener && opener.index > 0) {
    notes.push(main.slice(opener.index));
    main = main.slice(0, opener.index);
  }
  let note = notes.join(" ");
  note = spelledOut(note);
  return { words: wordsOf(main), note: wordsOf(note) };
}

/**
 * One meaning a row can have, as data. `means` lists its wordings: each is a list of terms that must
 * all be in the label, a term being one word or alternatives joined by "|" ("opening|closing").
 * `not` lists words that rule the meaning out ("brought forward" is never "carried").
 */
export interface MeaningSource<K extends string> {
  readonly key: K;
  /** What the row is, in the template's words, for messages ("Cumulative deficit brought forward"). */
  readonly name: string;
  readonly means: readonly string[];
  readonly not?: readonly string[];
  /** Only when the label has no other words than a wording's (short forms such as "ASD", "Total"). */
  readonly whole?: boolean;
}

/** A meaning with its wordings split into terms once, when it is defined, rather than per label read. */
export interface Meaning<K extends string> extends MeaningSource<K> {
  /** Each wording's terms, each term its alternative words (made singular). */
  readonly wordings: readonly (readonly (readonly string[])[])[];
  readonly excluded: ReadonlySet<string>;
}

/** The meanings of a table's rows, ready to read labels with. */
export function meanings<K extends string>(sources: readonly MeaningSource<K>[]): Meaning<K>[] {
  return sources.map((source) => ({
    ...source,
    wordings: source.means.map((wording) =>
      wording
        .split(" ")
        .filter((term) => term !== "")
        .map((term) => term.split("|").map(singular))
    ),
    excluded: new Set((source.not ?? []).map(singular)),
  }));
}

/**
 * How well a label fits one meaning: the terms matched, the share of the label's words they cover, and
 * which of the meaning's wordings fitted (0 for its first, most specific one).
 */
interface Fit {
  readonly terms: number;
  readonly cover: number;
  readonly rank: number;
}

function wordingFit(
  words: readonly string[],
  terms: readonly (readonly string[])[],
  whole: boolean,
  rank: number
): Fit | undefined {
  const used = new Set<number>();
  for (const options of terms) {
    const at = words.findIndex((word, i) => !used.has(i) && options.includes(word));
    if (at < 0) return undefined;
    used.add(at);
  }
  if (whole && used.size !== words.length) return undefined;
  return { terms: terms.length, cover: used.size / Math.max(1, words.length), rank };
}

/** The best fit of a label's words to a meaning, or undefined when no wording fits. */
function meaningFit<K extends string>(
  words: readonly string[],
  meaning: Meaning<K>
): Fit | undefined {
  if (words.some((word) => meaning.excluded.has(word))) return undefined;
  let best: Fit | undefined;
  meaning.wordings.forEach((terms, rank) => {
    const fit = wordingFit(words, terms, meaning.whole ?? false, rank);
    if (fit && (!best || score(fit) > score(best))) best = fit;
  });
  return best;
}

// More terms matched counts most; among equal term counts the wording covering more of the label wins.
function score(fit: Fit): number {
  return fit.terms + fit.cover;
}

/** A label read against a set of meanings. */
export type Reading<K extends string> =
  | { readonly kind: "none" }
  /** `rank`: which of the meaning's wordings fitted, 0 for the first (most specific). */
  | { readonly kind: "taken"; readonly key: K; readonly rank: number }
  | { readonly kind: "ambiguous"; readonly keys: readonly K[] };

// The best meaning must beat the runner-up by at least this much (one more term, or clearly more of the
// label covered) to be taken.
const CLEAR_MARGIN = 0.25;

/** What a label means among `meanings`: one clearly, several equally (ambiguous), or none. */
export function readLabel<K extends string>(
  text: string,
  meanings: readonly Meaning<K>[]
): Reading<K> {
  const { words } = labelWords(text);
  if (words.length === 0) return { kind: "none" };
  // Several meanings may share a key (a need by its full name, and by its abbreviation as the whole
  // label): each key counts with its best fit.
  const byKey = new Map<K, Fit>();
  for (const meaning of meanings) {
    const fit = meaningFit(words, meaning);
    const known = byKey.get(meaning.key);
    if (fit && (!known || score(fit) > score(known))) byKey.set(meaning.key, fit);
  }
  const fits = [...byKey]
    .map(([key, fit]) => ({ key, fit }))
    .sort((a, b) => score(b.fit) - score(a.fit));
  if (fits.length === 0) return { kind: "none" };
  const [best, runnerUp] = fits;
  if (runnerUp === undefined || score(best.fit) - score(runnerUp.fit) >= CLEAR_MARGIN)
    return { kind: "taken", key: best.key, rank: best.fit.rank };
  const close = fits.filter((entry) => score(best.fit) - score(entry.fit) < CLEAR_MARGIN);
  return { kind: "ambiguous", keys: close.map((entry) => entry.key) };
}
