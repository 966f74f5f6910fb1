/**
 * Which sheets a sheet's formulas read from. A dashboard, a chart's source table or a narrative's summary
 * links to the live plan (`='Financial Summary 7'!D11`); an old version kept beside it is linked to by
 * nothing. The links tell the live sheet from its copies, and a derived sheet from a second plan.
 */
import type { LabelledSheet } from "./labels";

// A sheet name before "!" in a formula: quoted ('Financial summary (old)'!, '' for a quote) or plain (Data!).
const SHEET_REFERENCE = /(?:'((?:[^']|'')+)'|([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*))!/g;

/** The names (lower case) of the other sheets the sheet's formulas refer to, each with how many formulas do. */
export function sheetsReadBy(sheet: LabelledSheet): ReadonlyMap<string, number> {
  return sheet.once("sheets read", () => readFrom(sheet));
}

function readFrom(sheet: LabelledSheet): ReadonlyMap<string, number> {
  const read = new Map<string, number>();
  const own = sheet.name.toLowerCase();
  for (const row of sheet.formulas)
    for (const formula of row) {
      if (formula === null || !formula.includes("!")) continue;
      const named = new Set<string>();
      for (const match of formula.matchAll(SHEET_REFERENCE))
        named.add((match[1]?.replace(/''/g, "'") ?? match[2]).toLowerCase());
      for (const name of named) if (name !== own) read.set(name, (read.get(name) ?? 0) + 1);
    }
  return read;
}

/** How many formulas on the other sheets of the workbook read from `sheet`. */
export function formulasReading(sheets: readonly LabelledSheet[], sheet: LabelledSheet): number {
  const name = sheet.name.toLowerCase();
  return sheets.reduce((count, other) => count + (sheetsReadBy(other).get(name) ?? 0), 0);
}
