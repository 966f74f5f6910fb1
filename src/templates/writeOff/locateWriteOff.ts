/**
 * Finding the write-off reconciliation sheet by its heading and labels, never by address: the heading,
 * then the `Source` header row (with its figure, difference and explanation columns), one row per source
 * under it, and the labelled lines below (eligible deficit, grant, kept, carrying cost).
 */
import { cellValue } from "../../workbook/workbook";
import {
  findLabel,
  labelMatches,
  labelSet,
  type LabelledSheet,
  type LabelledWorkbook,
} from "../labels";
import { locateCell } from "../rows";
import { figure } from "../figures";
import { fieldAt } from "../governance/fieldCell";
import { COLUMN_LABELS, LINE_LABELS, SOURCE_LABELS, WRITE_OFF_HEADING } from "./writeOffLabels";
import type { Decimal } from "decimal.js";
import type {
  WriteOffLine,
  WriteOffReconciliation,
  WriteOffSource,
  WriteOffSourceKey,
} from "./writeOffModel";

const HEADING = labelSet(WRITE_OFF_HEADING);
const COLUMNS = {
  source: labelSet(COLUMN_LABELS.source),
  figure: labelSet(COLUMN_LABELS.figure),
  difference: labelSet(COLUMN_LABELS.difference),
  explanation: labelSet(COLUMN_LABELS.explanation),
};
const SOURCES = Object.entries(SOURCE_LABELS).map(
  ([key, labels]) => [key as WriteOffSourceKey, labelSet(labels)] as const
);
const LINES = Object.entries(LINE_LABELS).map(
  ([key, labels]) => [key as keyof typeof LINE_LABELS, labelSet(labels)] as const
);

// The sources sit within a few rows of their header; a sheet with more rows of them is not this one.
const MAX_SOURCE_ROWS = 12;

function sourceOf(text: unknown): WriteOffSourceKey | undefined {
  if (typeof text !== "string") return undefined;
  return SOURCES.find(([, labels]) => labelMatches(text, labels))?.[0];
}

const PLAN_LINE = labelSet(LINE_LABELS.plan);

/**
 * The reconciliation on one sheet, found under its heading, or on a sheet named as one ("DSG write-off
 * reconciliation") from its top; undefined when the sheet is neither headed nor named so.
 */
function onSheet(sheet: LabelledSheet): WriteOffReconciliation | undefined {
  const heading =
    findLabel(sheet, HEADING) ??
    (labelMatches(sheet.name, HEADING, true)
      ? { row: sheet.top - 1, col: sheet.left, text: sheet.name }
      : undefined);
  if (heading === undefined) return undefined;
  const header = findLabel(sheet, COLUMNS.source, { top: heading.row + 1 }, true);
  const sources: WriteOffSource[] = [];
  const lines: Partial<Record<keyof typeof LINE_LABELS, WriteOffLine>> = {};
  if (header !== undefined) {
    const headerRow = { top: header.row, bottom: header.row };
    const column = (labels: readonly string[]) => findLabel(sheet, labels, headerRow)?.col;
    const figureCol = column(COLUMNS.figure) ?? header.col + 1;
    const differenceCol = column(COLUMNS.difference);
    const explanationCol = column(COLUMNS.explanation);
    let row = header.row + 1;
    for (; row <= header.row + MAX_SOURCE_ROWS; row++) {
      const label = cellValue(sheet, row, header.col);
      const key = sourceOf(label);
      // The plan's own figure may head the sources ("Management plan"): the sources go on below it.
      const headsSources = sources.length === 0 && typeof label === "string";
      if (key === undefined && headsSources && labelMatches(label, PLAN_LINE)) continue;
      if (key === undefined) break;
      if (sources.some((s) => s.key === key)) continue;
      sources.push({
        key,
        label: String(label),
        row,
        figure: locateCell(sheet, row, figureCol),
        ...(differenceCol !== undefined && { difference: locateCell(sheet, row, differenceCol) }),
        ...(explanationCol !== undefined && { explanation: fieldAt(sheet, row, explanationCol) }),
      });
    }
    const below = { top: row, left: header.col, right: header.col };
    for (const [key, labels] of LINES) {
      const hit = findLabel(sheet, labels, below);
      if (hit) lines[key] = { label: hit.text, cell: locateCell(sheet, hit.row, figureCol) };
    }
  }
  return {
    sheet: sheet.name,
    heading: fieldAt(sheet, Math.max(heading.row, sheet.top), heading.col),
    sources,
    ...lines,
  };
}

/**
 * Finds the write-off reconciliation: the first sheet headed as one with sources under the heading, else
 * the first headed as one; undefined when there is none. (A report or a note may quote the heading
 * without holding the table.)
 */
export function locateWriteOff(workbook: LabelledWorkbook): WriteOffReconciliation | undefined {
  let headingOnly: WriteOffReconciliation | undefined;
  for (const sheet of workbook.sheets) {
    const found = onSheet(sheet);
    if (found && found.sources.length > 0) return found;
    headingOnly ??= found;
  }
  return headingOnly;
}

/** A source with a figure filled in, as a Decimal. */
export interface FilledSource {
  readonly source: WriteOffSource;
  readonly value: Decimal;
}

/** The sources whose figure is a number (a blank, text or error is not filled in), in the sheet's order. */
export function filledSources(reconciliation: WriteOffReconciliation | undefined): FilledSource[] {
  return (reconciliation?.sources ?? []).flatMap((source) => {
    const value = figure(source.figure);
    return value === undefined ? [] : [{ source, value }];
  });
}
