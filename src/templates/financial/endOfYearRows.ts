/**
 * Choosing the end-of-year rows from what a table's labels were read as. The rows of the roll-forward sit
 * together: brought forward, the in-year result, the payments and contributions, carried forward. A sheet
 * often shows other rows worded the same way (each block's "In-year deficit/(surplus)" above or below the
 * summary), so a row between brought forward and carried forward is preferred to one outside them; and a
 * row between the in-year result and carried forward that the template does not name ("Contribution from
 * reserves", "High Needs Stability Grant") is a movement of the roll-forward, not something to ignore.
 */
import type { LocatedRow } from "../located";
import type { TableReading, TableRow } from "../tableRows";
import type { EndOfYearRowKey } from "./endOfYearLabels";
import type { EndOfYearPositions, OtherMovement } from "./endOfYearModel";
import { labelWords } from "../meaning";
import { isBreakdown } from "./lines";

/** The rows that move the deficit within a year, chosen between the opening and closing rows. */
const MOVEMENT_KEYS: readonly EndOfYearRowKey[] = [
  "inYear",
  "dfePayments",
  "laContribution",
  "adjustments",
];

// Movements that reduce the deficit, shown with either sign.
const REDUCING_KEYS: ReadonlySet<EndOfYearRowKey> = new Set(["dfePayments", "laContribution"]);

// Words of a row that restates a balance rather than moving it ("Deficit after Safety Valve payments",
// "Sub-total", "Net position"): never a movement.
const BALANCE_WORDS = new Set([
  "total",
  "subtotal",
  "cumulative",
  "balance",
  "position",
  "before",
  "after",
  "net",
  "brought",
  "carried",
  "opening",
  "closing",
  "memo",
  "memorandum",
]);

// A breakdown of a figure above it ("of which: High Needs Block", "o/w HNB", "including ..."), or one
// block's share of the in-year result: part of a figure already counted, not a movement of its own.
const BLOCK_WORDS = new Set(["block", "school", "central", "early"]);
const MOVED_WORDS = new Set(["contribution", "transfer", "recovery", "clawback"]);

/** True when the words name a DSG block ("High needs", "HNB", "Schools block"), not the grant named after one. */
function namesBlock(words: readonly string[]): boolean {
  // "Contribution from schools", "Transfer from early years block surplus": money moved, not a block's share.
  if (words.some((word) => MOVED_WORDS.has(word))) return false;
  if (words.some((word) => BLOCK_WORDS.has(word))) return true;
  return words.includes("high") && words.includes("need") && !words.includes("grant");
}

// "Less: Safety Valve funding received", "Deduct general fund contribution".
const SAYS_LESS = /^\W*(less|deduct|minus)\b|\((less|deduct)\)/i;

/** True when the row's label says its figures are taken away ("Less: …"), so they are shown positive. */
export function saysLess(row: LocatedRow): boolean {
  return SAYS_LESS.test(row.label);
}

const isBetween = (row: number, top: number, bottom: number) => row > top && row < bottom;

/**
 * The table's chosen rows, with each movement row that lies outside brought forward … carried forward
 * replaced by the best row of its meaning between them, when there is one. Rows the user pointed at
 * (`pointed`) stay as they are.
 */
export function keptTogether(
  reading: TableReading<EndOfYearRowKey>,
  pointed: ReadonlySet<EndOfYearRowKey>
): Partial<Record<EndOfYearRowKey, LocatedRow>> {
  const rows = { ...reading.rows };
  const top = rows.broughtForward?.row;
  const bottom = rows.carriedForward?.row;
  if (top === undefined || bottom === undefined || top >= bottom) return rows;
  for (const key of MOVEMENT_KEYS) {
    const chosen = rows[key]?.row;
    if (pointed.has(key) || (chosen !== undefined && isBetween(chosen, top, bottom))) continue;
    const inside = reading.all
      .filter((r) => r.key === key && r.hasFigures && isBetween(r.row.row, top, bottom))
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))[0];
    if (inside) rows[key] = inside.row;
    // Payments, contributions and adjustments move the deficit between its opening and closing rows: one
    // worded alike elsewhere on the sheet (a block's "Less: import/export adjustments") is not one of them.
    else if (key !== "inYear") delete rows[key];
  }
  return rows;
}

/** True when the row restates a balance (a subtotal, a position before or after something). */
function restatesBalance(entry: TableRow<EndOfYearRowKey>): boolean {
  const { words, note } = labelWords(entry.row.label);
  return (
    isBreakdown(entry.row.label) ||
    // "Deficit subject to statutory override", "Deficit in unusable reserve": the balance again, as a memo.
    /\bstatutory override\b|\bunusable reserve\b/i.test(entry.row.label) ||
    namesBlock(words) ||
    [...words, ...note].some((word) => BALANCE_WORDS.has(word))
  );
}

/**
 * The rows with figures between the in-year row (or brought forward, whichever is lower) and carried
 * forward that were not chosen for a meaning of their own: further payments, contributions and
 * adjustments. Rows read as a balance, rows two meanings fit (reported as unclear), rows that restate a
 * balance and breakdowns of a figure above them ("of which: High Needs Block") are left out.
 */
export function otherMovements(
  reading: TableReading<EndOfYearRowKey>,
  rows: Partial<Record<EndOfYearRowKey, LocatedRow>>
): OtherMovement[] {
  const bottom = rows.carriedForward?.row;
  const starts = [rows.inYear, rows.broughtForward].flatMap((row) => (row ? [row.row] : []));
  if (bottom === undefined || starts.length === 0) return [];
  const top = Math.max(...starts);
  const chosen = new Set(Object.values(rows).map((row) => row?.row));
  const unclear = new Set(reading.ambiguous.map((a) => a.row.row));
  return reading.all
    .filter((entry) => {
      const { row } = entry.row;
      return (
        isBetween(row, top, bottom) &&
        entry.hasFigures &&
        !chosen.has(row) &&
        !unclear.has(row) &&
        (entry.key === undefined || MOVEMENT_KEYS.includes(entry.key)) &&
        entry.key !== "inYear" &&
        !restatesBalance(entry)
      );
    })
    .map((entry) => ({
      row: entry.row,
      reduces:
        ((entry.key !== undefined && REDUCING_KEYS.has(entry.key)) || saysLess(entry.row)) &&
        !TWO_WAY.test(entry.row.label) &&
        !bothSigns(entry.row),
    }));
}

/** True when the row's figures go both ways (some above zero, some below): they carry their own sign. */
function bothSigns(row: LocatedRow): boolean {
  const signs = new Set(
    row.cells.flatMap((cell) =>
      typeof cell.value === "number" && cell.value !== 0 ? [Math.sign(cell.value)] : []
    )
  );
  return signs.size === 2;
}

// A row that moves money either way, its sign saying which: "Transfer (to)/from earmarked reserve",
// "Transfers to/(from) reserves", "Movement in/(out)". Added with its sign, as an adjustment is.
const TWO_WAY = /\(\s*(?:to|from|in|out)\s*\)\s*\/|\/\s*\(\s*(?:to|from|in|out)\s*\)/i;

// A further Safety Valve row among the movements: "DfE Safety Valve final instalment (subject to conditions)".
const SAFETY_VALVE_ROW = /\b(?:safety[\s-]*valve|sv|dfe)\b/i;
const NOT_A_PAYMENT = /\b(?:limit|target|total|cumulative|agreement)\b/i;

/**
 * The rows of DfE Safety Valve payments: the positions' own, and any other movement that names the Safety
 * Valve or the DfE (a final instalment shown on a row of its own), in the roll-forward as in the instalments.
 */
export function safetyValvePayments(positions: EndOfYearPositions | undefined): LocatedRow[] {
  if (positions === undefined) return [];
  const others = (positions.otherMovements ?? [])
    .map((m) => m.row)
    .filter((row) => SAFETY_VALVE_ROW.test(row.label) && !NOT_A_PAYMENT.test(row.label));
  return [...(positions.dfePayments ? [positions.dfePayments] : []), ...others];
}
