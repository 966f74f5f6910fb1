/**
 * Locating the section "Safety Valve agreement": the agreed limits per year, the basis of the
 * cumulative limit, the agreement's total of DfE payments and each year's instalment status.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import { cellValue } from "../../workbook/workbook";
import type { YearColumn } from "../located";
import { findLabel, labelSet, normaliseLabel, searchArea } from "../labels";
import { findRow, locateCell } from "../rows";
import type { LimitBasis, LocatedFigure, SafetyValveAgreement } from "./safetyValveModel";

/** Row labels of the section; the first synonym is the template's own wording. */
export const SAFETY_VALVE_ROW_LABELS = {
  cumulativeLimit: [
    "Deficit limit",
    "Agreed cumulative deficit",
    "Cumulative deficit limit",
    "Agreed deficit limit",
  ],
  inYearLimit: ["Agreed in-year deficit", "In-year deficit limit", "Agreed in-year deficit limit"],
  basis: ["Limit basis", "Basis of limit", "Deficit limit basis"],
  agreementTotal: [
    "Agreement total",
    "Total agreed DfE payments",
    "Total Safety Valve funding",
    "Agreed DfE contribution",
    "Total Safety Valve agreement",
    "Safety Valve agreement total",
    "Total agreement value",
    "Total value of the agreement",
    "Total Safety Valve payments",
    "Total DfE contribution",
  ],
  status: ["Status", "Instalment status", "Payment status"],
} as const;

/** The first non-blank cell right of a label: where a single figure or word sits beside its label. */
function figureBeside(
  sheet: LabelledSheet,
  labels: readonly string[],
  area: CellRange
): LocatedFigure | undefined {
  const hit = findLabel(sheet, labelSet(labels), area);
  if (!hit) return undefined;
  for (let col = hit.col + 1; col <= area.right; col++) {
    const value = cellValue(sheet, hit.row, col);
    if (value !== null && value !== "")
      return { sheet: sheet.name, label: hit.text.trim(), cell: locateCell(sheet, hit.row, col) };
  }
  return undefined;
}

/** "gross" when the basis cell says gross (of Safety Valve payments); otherwise net, the balance-sheet figure. */
function basisOf(figure: LocatedFigure | undefined): LimitBasis {
  const text = typeof figure?.cell.value === "string" ? normaliseLabel(figure.cell.value) : "";
  return /\bgross\b/.test(text) ? "gross" : "net";
}

/**
 * The Safety Valve agreement section in `area` of `sheet` (the whole used range when omitted), its rows
 * read under `years`; undefined when it has no limit, agreement total or status row. The limit basis is
 * net unless a "Limit basis" cell says gross.
 */
export function locateSafetyValveAgreement(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  area?: Partial<CellRange>
): SafetyValveAgreement | undefined {
  if (years.length === 0) return undefined;
  const searched = searchArea(sheet, area);
  const cumulativeLimit = findRow(sheet, SAFETY_VALVE_ROW_LABELS.cumulativeLimit, searched, years);
  const inYearLimit = findRow(sheet, SAFETY_VALVE_ROW_LABELS.inYearLimit, searched, years);
  const agreementTotal = figureBeside(sheet, SAFETY_VALVE_ROW_LABELS.agreementTotal, searched);
  const status = findRow(sheet, SAFETY_VALVE_ROW_LABELS.status, searched, years);
  if (!cumulativeLimit && !inYearLimit && !agreementTotal && !status) return undefined;
  const basisCell = figureBeside(sheet, SAFETY_VALVE_ROW_LABELS.basis, searched);
  return {
    sheet: sheet.name,
    years,
    cumulativeLimit,
    inYearLimit,
    basis: basisOf(basisCell),
    basisCell,
    agreementTotal,
    status,
  };
}
