/**
 * Locating the section "Safety Valve agreement": the agreed limits per year, the basis of the
 * cumulative limit, the agreement's total of DfE payments and each year's instalment status.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import { cellValue } from "../../workbook/workbook";
import type { LocatedRow, YearColumn } from "../located";
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
    "Cumulative deficit per agreement",
    "Cumulative deficit per Safety Valve agreement",
    "Cumulative deficit per SV agreement",
    "Safety Valve agreement deficit limit",
    "Safety Valve agreement cumulative deficit",
    "SV agreement cumulative deficit",
    "SV agreement deficit limit",
    "Cumulative deficit target",
  ],
  inYearLimit: [
    "Agreed in-year deficit",
    "In-year deficit limit",
    "Agreed in-year deficit limit",
    "In-year deficit per agreement",
    "In-year deficit per Safety Valve agreement",
    "In-year deficit per SV agreement",
    "Safety Valve agreement in-year deficit",
    "SV agreement in-year deficit",
    "In-year deficit target",
  ],
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
  status: [
    "Status",
    "Instalment status",
    "Payment status",
    "SV instalment status",
    "Safety Valve instalment status",
    "SV payment status",
    "Safety Valve payment status",
    "DfE payment status",
    "Instalment received",
  ],
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

// A limit measured before the DfE's payments: "gross", "excluding Safety Valve payments" (Wiltshire's
// agreement's own words), "before SV funding", "before DfE contributions".
const GROSS =
  /\bgross\b|\b(?:excluding|excl|before|pre|without)\s+(?:the\s+)?(?:safety\s*valve|safetyvalve|sv|dfe)\b/;

/**
 * "gross" when the basis cell, or the cumulative limit's own label, says the limit is before Safety Valve
 * payments; otherwise net, the balance-sheet figure.
 */
function basisOf(figure: LocatedFigure | undefined, limit: LocatedRow | undefined): LimitBasis {
  const said = typeof figure?.cell.value === "string" ? figure.cell.value : "";
  return [said, limit?.label ?? ""].some((text) => GROSS.test(normaliseLabel(text)))
    ? "gross"
    : "net";
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
    basis: basisOf(basisCell, cumulativeLimit),
    basisCell,
    agreementTotal,
    status,
  };
}
