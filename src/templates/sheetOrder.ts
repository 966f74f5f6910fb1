/**
 * Which of two sheets holding the same part of a return is the live one, to read first: councils keep the
 * previous version as a tab ("SUPERSEDED plan v1", "DSG Plan Mar 2024", "Detailed update Q2", "Finance Q2
 * (Aug)") beside the current one.
 */
import type { Sheet } from "../workbook/workbook";

// A copy kept for the record or set beside the plan: "SUPERSEDED plan v1", "Old plan", "Plan (previous
// submission)", "Scenario - high growth". A draft is the plan being written, so it is not one.
const STALE =
  /\b(?:supersed\w*|old|previous|prior|last|archived?|backup|copy|obsolete|do not use|scenarios?|sensitivity|what if|illustrative)\b/i;
const VERSION = /\bv(?:ersion)?\s*(\d+)\b/i;
const MONTHS = "aprmayjunjulaugsepoctnovdecjanfebmar";
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\s*[-']?\s*(\d{4}|\d{2})\b`, "i");
const FINANCIAL_YEAR = /\b(20\d\d)\s*[-/–]\s*(?:20)?\d\d\b/;
const QUARTER = /\b(?:q|qtr|quarter)\s*([1-4])\b/i;
const MONTH_ALONE = new RegExp(String.raw`\b${MONTH}(?![a-z])`, "i");

/**
 * When a sheet's name dates it, as a number that grows with time: a month and year ("Dec 2024"), else a
 * financial year ("2025-26"), else a quarter ("Q3"), else a month alone ("Aug", counted from April).
 * Undefined when the name gives none. Only names dated the same way are compared.
 */
function periodOf(name: string): { kind: string; at: number } | undefined {
  const dated = MONTH_YEAR.exec(name);
  if (dated) {
    const year = Number(dated[2].length === 2 ? `20${dated[2]}` : dated[2]);
    const month = "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(dated[1].toLowerCase()) / 3;
    return { kind: "month", at: year * 12 + month };
  }
  const financial = FINANCIAL_YEAR.exec(name);
  if (financial) return { kind: "month", at: Number(financial[1]) * 12 + 3 };
  const quarter = QUARTER.exec(name);
  if (quarter) return { kind: "quarter", at: Number(quarter[1]) };
  const month = MONTH_ALONE.exec(name);
  if (month)
    return { kind: "quarter", at: 1 + Math.floor(MONTHS.indexOf(month[1].toLowerCase()) / 9) };
  return undefined;
}

/** True when the text dates something ("Sept 24", "2024-25", "Q2"): a sheet name ending so is a snapshot. */
export function namesAPeriod(text: string): boolean {
  return periodOf(text) !== undefined;
}

/** True for a sheet kept aside: hidden, or named as a kept copy ("Risks (superseded)", "Previous - Risks"). */
export function isSetAside(sheet: Sheet): boolean {
  return sheet.visibility !== "visible" || STALE.test(sheet.name);
}

/** Orders sheets kept aside last: a hidden sheet after a visible one, one named as a kept copy after one that is not. */
export function bySetAside(a: Sheet, b: Sheet): number {
  const hidden = (s: Sheet) => (s.visibility === "visible" ? 0 : 1);
  const stale = (s: Sheet) => (STALE.test(s.name) ? 1 : 0);
  return hidden(a) - hidden(b) || stale(a) - stale(b);
}

// What a tab's name says of the plan it holds: the one sent ("FINAL", "Submitted", "Agreed"), or one kept
// beside it ("Unmitigated", "Before mitigations", "Do nothing", "Working", "Draft").
const SENT = /\b(?:final|submitted|approved|agreed)\b/i;
// Tab names are cut at 31 characters: "Financial summary - Unmitigate", "… before mitiga".
const BESIDE = /\b(?:unmitig\w*|before\s+mitig\w*|do\s+nothing|working|draft)\b/i;

/** Orders the plan sent before one kept beside it: "FINAL" before "working", "mitigated" before "unmitigated". */
export function bySent(a: Sheet, b: Sheet): number {
  const standing = (s: Sheet) => (SENT.test(s.name) ? 0 : BESIDE.test(s.name) ? 2 : 1);
  return standing(a) - standing(b);
}

/**
 * Orders sheets the later first: the later version ("v2" before "v1"), the later period ("Dec 2024" before
 * "Mar 2024", "2025-26" before "2024-25", "Q3" before "Q2") when both names give one, and a sheet before a
 * copy of it named with a period ("Detailed update" before "Detailed update Q2").
 */
export function byLater(a: Sheet, b: Sheet): number {
  const version = (s: Sheet) => Number(VERSION.exec(s.name)?.[1] ?? NaN);
  const [va, vb] = [version(a), version(b)];
  const [pa, pb] = [periodOf(a.name), periodOf(b.name)];
  const period = pa && pb ? (pa.kind === pb.kind ? pb.at - pa.at : 0) : copyOf(a, b) - copyOf(b, a);
  return (Number.isNaN(va) || Number.isNaN(vb) ? 0 : vb - va) || period;
}

/** Orders sheets live first (`bySetAside`, then `byLater`); else tab order, as sorting keeps ties in place. */
export function byCurrency(a: Sheet, b: Sheet): number {
  return bySetAside(a, b) || byLater(a, b);
}

/** 1 when sheet `a` is sheet `b`'s name with a period after it ("Detailed update Q2" of "Detailed update"). */
function copyOf(a: Sheet, b: Sheet): number {
  const [name, of] = [a.name.trim().toLowerCase(), b.name.trim().toLowerCase()];
  return name !== of && name.startsWith(of) && periodOf(name.slice(of.length)) !== undefined
    ? 1
    : 0;
}
