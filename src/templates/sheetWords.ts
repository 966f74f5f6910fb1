/**
 * The words a sheet must hold for any section of the templates to be found on it, for the command line to
 * pass over large sheets of records that hold none of them (src/workbook/passOver.ts). Every section is
 * found by its labels: the financial summary by its balances and deficits, the funding blocks by "block",
 * the EHCP tables by their titles, the Safety Valve return by its conditions, risks, agreement and
 * instalments, the governance sheet by its sign-off and workstreams, and every table of years by its year
 * headings. A text holding none of these words, and no year, is no label or heading a check reads.
 *
 * Wide on purpose: a word here that a sheet of records happens to hold only costs the time of reading that
 * sheet; a word missing would lose a section in silence. The test `test/workbook/passOver.test.ts` reads
 * every example and real-wording workbook with every sheet a candidate and asserts the same findings.
 */
import type { CellValue } from "../workbook/workbook";

// Financial years (2024-25, 24/25, FY2025), census years (2024, January 2024) and dates written as text.
const YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)|(?<!\d)\d\d\s*[-/–—]\s*\d\d(?!\d)|\bfy\s*\d/i;

const SECTION_WORDS = new RegExp(
  [
    // The financial summary, its balances and the funding blocks.
    "deficit",
    "surplus",
    "balance",
    "brought",
    "carried",
    "\\b[bc]\\s*/\\s*f",
    "[bc]fwd",
    "in[\\s-]*y(?:ea)?r",
    "opening",
    "closing",
    "cumulative",
    "position",
    "reserve",
    "dsg",
    "dedicated",
    "block",
    "outturn",
    "forecast",
    "budget",
    "expenditure",
    "spend",
    "income",
    "fund",
    "grant",
    "contribution",
    "transfer",
    "recoup",
    "movement",
    "override",
    "write[\\s-]*off",
    "written",
    "hnsg",
    "stability",
    // The Safety Valve agreement and its return.
    "safety[\\s-]*valve",
    "\\bsva?\\b",
    "agreement",
    "instalment",
    "installment",
    "payment",
    "condition",
    "risk",
    "assurance",
    "\\brag\\b",
    "status",
    "update",
    "milestone",
    "mitigat",
    "saving",
    "avoid",
    "workstream",
    // Sign-off and governance.
    "sign",
    "approv",
    "forum",
    "\\b(?:s\\.?|section)\\s*151\\b",
    // Children and young people, EHCPs and their tables.
    "ehc",
    "education,?\\s*health",
    "children",
    "\\bcyp\\b",
    "\\bsend?\\b",
    "placement",
    "primary need",
    "age group",
    "unit cost",
    "cost per",
    "census",
  ].join("|"),
  "i"
);

// A sheet named for a placement type (one sheet per placement) or a funding block holds its tables
// without their titles.
const SHEET_NAME_WORDS =
  /mainstream|special|independent|non[\s-]*maintained|resourced|provision|post[\s-]*1[69]|further education|college|school|high need|early year|central|summary|plan/i;

/** Whether a cell's text could be a label, heading or year a check reads. */
export function mayHoldSections(text: string): boolean {
  return YEAR.test(text) || SECTION_WORDS.test(text);
}

/** Whether a sheet's name could be one a check finds its section by. */
export function mayNameASection(name: string): boolean {
  return mayHoldSections(name) || SHEET_NAME_WORDS.test(name);
}

// A sheet smaller than this is cheap to read in full: only larger ones are judged by their words.
const SMALL_SHEET_CELLS = 20_000;

/**
 * Whether a sheet whose values are read may hold a section (so its number formats are worth asking Excel
 * for): a small sheet always, else one named as a section's sheet or holding a word a section is found by.
 */
export function sheetMayHoldSections(
  name: string,
  values: readonly (readonly CellValue[])[]
): boolean {
  if (values.length * (values[0]?.length ?? 0) < SMALL_SHEET_CELLS || mayNameASection(name))
    return true;
  return values.some((row) => row.some((v) => typeof v === "string" && mayHoldSections(v)));
}
