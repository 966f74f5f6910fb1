/**
 * Reference outturn rows: figures the user copies from the s251 outturn, the DSG note to the accounts or
 * the assurance statement, so `outturn-agrees` can check the plan's actual years against them (domain
 * A13: the DfE uses the lowest figure when sources disagree). They are rows the user adds to the
 * Financial summary, anywhere on the sheet, under the same year columns; the DfE template has none.
 */
import type { CellRange } from "../../workbook/workbook";
import type { LabelledSheet } from "../labels";
import type { LocatedRow, YearColumn } from "../located";
import { findRow } from "../rows";

export const REFERENCE_ROW_LABELS = {
  inYear: [
    "Reference in-year deficit",
    "Reference outturn in-year deficit",
    "s251 in-year deficit",
    "Reference outturn",
  ],
  carriedForward: [
    "Reference cumulative deficit",
    "Reference carried forward",
    "DSG note cumulative deficit",
    "Cumulative deficit per DSG note",
  ],
} as const;

export interface ReferenceOutturn {
  /** The total DSG in-year deficit each actual year should show. */
  readonly inYear?: LocatedRow;
  /** The cumulative deficit carried forward each actual year should show. */
  readonly carriedForward?: LocatedRow;
}

/** The reference rows in `area` of `sheet` (the whole used range when omitted), read under `years`. */
export function locateReferenceOutturn(
  sheet: LabelledSheet,
  years: readonly YearColumn[],
  area?: Partial<CellRange>
): ReferenceOutturn {
  if (years.length === 0) return {};
  return {
    inYear: findRow(sheet, REFERENCE_ROW_LABELS.inYear, area, years),
    carriedForward: findRow(sheet, REFERENCE_ROW_LABELS.carriedForward, area, years),
  };
}
