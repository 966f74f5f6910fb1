/**
 * Locating the section "Mitigations": the unmitigated in-year deficit, one row per saving, their total,
 * the mitigated in-year deficit, and optionally the cumulative deficit before and after mitigations.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import type { YearColumn } from "../located";
import { searchArea, textCellsIn } from "../labels";
import { findRow, readRow } from "../rows";
import { labelWords } from "../meaning";
import { firstColumn } from "../tableRows";
import type { LocatedRow } from "../located";
import { listedLines } from "./lines";
import type { Mitigations } from "./mitigationsModel";
import { signBalance } from "./sign";

/** Row labels of the section; the first synonym is the template's own wording. */
export const MITIGATION_ROW_LABELS = {
  unmitigated: [
    "Unmitigated in-year deficit",
    "Unmitigated in-year position",
    "Unmitigated deficit",
    "Unmitigated position",
    "In-year deficit before mitigations",
    "In-year deficit before mitigation",
    "Position before mitigations",
    "Deficit before savings",
  ],
  total: [
    "Total mitigations",
    "Total mitigation",
    "Total savings",
    "Mitigations total",
    "Total of mitigations",
    "Total mitigating actions",
  ],
  mitigated: [
    "Mitigated in-year deficit",
    "Mitigated in-year position",
    "Mitigated deficit",
    "Mitigated position",
    "In-year deficit after mitigations",
    "In-year deficit after mitigation",
    "Position after mitigations",
    "Deficit after savings",
  ],
  unmitigatedCumulative: [
    "Unmitigated cumulative deficit",
    "Unmitigated cumulative position",
    "Cumulative deficit before mitigations",
  ],
  mitigatedCumulative: [
    "Mitigated cumulative deficit",
    "Mitigated cumulative position",
    "Cumulative deficit after mitigations",
  ],
} as const;

/** Whether a label's words (its notes included) name a row. */
type WordTest = (words: ReadonlySet<string>) => boolean;

// Councils word these rows their own way ("Unmitigated in-year DSG deficit", "In-year DSG deficit -
// unmitigated", "Forecast in-year deficit (unmitigated)"): when no listed wording is there, a row whose
// words say unmitigated (or mitigated) and in-year, and not cumulative, is taken.
const inYearNotCumulative = (words: ReadonlySet<string>) =>
  !words.has("cumulative") &&
  (words.has("inyear") || words.has("deficit") || words.has("position"));
// "Unmitigated …" or "… before mitigations"; "Mitigated …" or "… after savings".
// "Mitigations", "Savings", "Management actions".
const mitigationWord = (words: ReadonlySet<string>) =>
  words.has("mitigation") ||
  words.has("saving") ||
  (words.has("management") && words.has("action"));
// "Do nothing in-year deficit": the position before any action.
const saysUnmitigated = (words: ReadonlySet<string>) =>
  words.has("unmitigated") ||
  (words.has("before") && mitigationWord(words)) ||
  (words.has("do") && words.has("nothing"));
const saysMitigated = (words: ReadonlySet<string>) =>
  (words.has("mitigated") && !words.has("unmitigated")) ||
  (words.has("after") && mitigationWord(words));
const UNMITIGATED_IN_YEAR: WordTest = (words) =>
  saysUnmitigated(words) && inYearNotCumulative(words);
const MITIGATED_IN_YEAR: WordTest = (words) => saysMitigated(words) && inYearNotCumulative(words);
const UNMITIGATED_CUMULATIVE: WordTest = (words) =>
  saysUnmitigated(words) && words.has("cumulative");
const MITIGATED_CUMULATIVE: WordTest = (words) => saysMitigated(words) && words.has("cumulative");
// "Total mitigations", "Total savings"; not a running total of them ("Cumulative mitigations (running total)").
const TOTAL_SAVINGS: WordTest = (words) =>
  words.has("total") && mitigationWord(words) && !words.has("cumulative") && !words.has("running");

/** The first row of the area, left of the figures, whose label's words pass `wanted`. */
function rowByWords(
  sheet: LabelledSheet,
  area: CellRange,
  years: readonly YearColumn[],
  wanted: WordTest
): LocatedRow | undefined {
  const labels = textCellsIn(sheet, {
    ...area,
    right: Math.min(area.right, firstColumn(years) - 1),
  });
  const hit = labels.find((cell) => {
    const { words, note } = labelWords(cell.text);
    return wanted(new Set([...words, ...note]));
  });
  return hit && readRow(sheet, hit.row, hit.col, years);
}

/**
 * The Mitigations section in `area` of `sheet` (the whole used range when omitted), its rows read under
 * `years`; undefined when none of the unmitigated, total or mitigated rows is there. Mitigation lines
 * are the rows with figures between the unmitigated row and the total row (or the mitigated row when
 * there is no total).
 */
export function locateMitigations(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  area?: Partial<CellRange>
): Mitigations | undefined {
  if (years.length === 0) return undefined;
  const searched = searchArea(sheet, area);
  const find = (labels: readonly string[]) => findRow(sheet, labels, searched, years);
  const byWords = (wanted: WordTest) => rowByWords(sheet, searched, years, wanted);
  const unmitigated = find(MITIGATION_ROW_LABELS.unmitigated) ?? byWords(UNMITIGATED_IN_YEAR);
  const mitigated = find(MITIGATION_ROW_LABELS.mitigated) ?? byWords(MITIGATED_IN_YEAR);
  const total = lastTotal(find(MITIGATION_ROW_LABELS.total) ?? byWords(TOTAL_SAVINGS), (top) => {
    const below = { ...searched, top, bottom: (mitigated?.row ?? searched.bottom + 1) - 1 };
    return (
      findRow(sheet, MITIGATION_ROW_LABELS.total, below, years) ??
      rowByWords(sheet, below, years, TOTAL_SAVINGS)
    );
  });
  if (!unmitigated && !total && !mitigated) return undefined;
  const end = total ?? mitigated;
  const lines =
    unmitigated && end && end.row > unmitigated.row
      ? listedLines(sheet, unmitigated.row, end.row, searched, years, total)
      : [];
  return {
    sheet: sheet.name,
    years,
    unmitigated,
    lines,
    total,
    mitigated,
    unmitigatedCumulative:
      find(MITIGATION_ROW_LABELS.unmitigatedCumulative) ?? byWords(UNMITIGATED_CUMULATIVE),
    mitigatedCumulative:
      find(MITIGATION_ROW_LABELS.mitigatedCumulative) ?? byWords(MITIGATED_CUMULATIVE),
  };
}

/**
 * The last of the total rows above the mitigated row: "Total savings" and "Total cost avoidance" add up
 * groups of lines, and "Total mitigations" below them is the section's total.
 */
function lastTotal(
  first: LocatedRow | undefined,
  nextBelow: (top: number) => LocatedRow | undefined
): LocatedRow | undefined {
  let total = first;
  for (let next = total && nextBelow(total.row + 1); next; next = nextBelow(next.row + 1))
    total = next;
  return total;
}

/**
 * True when the section shows its savings as negative numbers ("Inclusion in mainstream  (0.420)")
 * rather than as positive amounts saved: the savings' majority sign decides, whichever way the sheet
 * shows deficits.
 */
export function savingsShownNegative(section: Mitigations): boolean {
  return signBalance([...section.lines, section.total]) < 0;
}
