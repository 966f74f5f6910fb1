/**
 * The money unit a financial table declares (`£`, `£000`, `£'000`, `£k`, `£m`), read from its header area
 * so messages can show money as the sheet does and a tolerance means the same thing as its figures.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import { cellValue } from "../../workbook/workbook";
import type { MoneyUnit } from "../located";
import { searchArea } from "../labels";

export const POUNDS: MoneyUnit = { label: "£", pounds: 1 };
export const THOUSANDS: MoneyUnit = { label: "£000", pounds: 1000 };
export const MILLIONS: MoneyUnit = { label: "£m", pounds: 1_000_000 };

/** The unit worth this many pounds (1, 1,000 or 1,000,000), or undefined. */
export function unitOfPounds(pounds: number): MoneyUnit | undefined {
  return [POUNDS, THOUSANDS, MILLIONS].find((unit) => unit.pounds === pounds);
}

/** The unit with this label ("£000" → thousands). */
export function unitByLabel(label: MoneyUnit["label"]): MoneyUnit {
  return { "£": POUNDS, "£000": THOUSANDS, "£m": MILLIONS }[label];
}

// Order matters: "£m" and "£000" both contain a bare "£".
const MARKERS: readonly [RegExp, MoneyUnit][] = [
  [/£\s*(m|mn|million|millions)\b/i, MILLIONS],
  [/£\s*[’',]?\s*(000|k\b|thousand)/i, THOUSANDS],
  [/(^|[\s(])£s?($|[\s)])/i, POUNDS],
];

/** The unit a piece of header text declares ("£m", "(£'000)", "Figures in £k"), or undefined. */
export function unitFromText(text: string): MoneyUnit | undefined {
  return MARKERS.find(([pattern]) => pattern.test(text))?.[1];
}

/**
 * The unit a number format writes after its figures ('"£"#,##0"k"', '#,##0.000"m"', '£#,##0"m";(£#,##0"m")'),
 * or undefined when it writes none: its quoted or escaped text beside the digits.
 */
export function unitFromFormat(format: string): MoneyUnit | undefined {
  const section = format.split(";")[0];
  const literal = [...section.matchAll(/"([^"]*)"|\\(.)/g)].map((m) => m[1] ?? m[2]).join("");
  if (/^\s*£?\s*(?:m|mn|million|millions)\s*$/i.test(literal)) return MILLIONS;
  if (/^\s*£?\s*(?:k|000|thousands?)\s*$/i.test(literal)) return THOUSANDS;
  return undefined;
}

/** The first unit marker in the area, in reading order, or undefined. */
export function findUnitMarker(
  sheet: LabelledSheet,
  area: Partial<CellRange>
): MoneyUnit | undefined {
  const { top, left, bottom, right } = searchArea(sheet, area);
  for (let row = top; row <= bottom; row++) {
    for (let col = left; col <= right; col++) {
      const value = cellValue(sheet, row, col);
      const unit = typeof value === "string" ? unitFromText(value) : undefined;
      if (unit) return unit;
    }
  }
  return undefined;
}

/**
 * A best guess when no marker is shown, from the size of the figures: a DSG deficit in pounds runs to
 * hundreds of thousands or more; figures with several decimals are millions shown to the nearest £1k;
 * otherwise whole thousands.
 */
export function guessUnit(figures: readonly number[]): MoneyUnit {
  const largest = Math.max(0, ...figures.map(Math.abs));
  if (largest >= 100_000) return POUNDS;
  return figures.some((f) => !Number.isInteger(f)) ? MILLIONS : THOUSANDS;
}
