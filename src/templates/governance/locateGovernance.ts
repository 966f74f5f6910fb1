/**
 * Finding the management plan's governance sheet by its labels: sign-off, schools forum date and the
 * workstream log (`Workstream`, `Owner`, `Savings`, `RAG` headings over one row per workstream).
 */
import type { LabelledSheet, LabelledWorkbook } from "../labels";
import { cellValue } from "../../workbook/workbook";
import { findLabel, findSheetByName, labelSet } from "../labels";
import { fieldAt, findField, isBlank } from "./fieldCell";
import type { GovernanceSection, WorkstreamEntry } from "./governanceModel";

export const GOVERNANCE_SHEET = [
  "Governance",
  "Governance and management",
  "Governance and sign off",
];

const LABELS = {
  signedOffBy: labelSet(["Signed off by", "Sign off by", "Sign-off by", "Approved by"]),
  dateOfSignOff: labelSet([
    "Date of sign-off",
    "Date of sign off",
    "Sign-off date",
    "Date signed off",
    "Date approved",
  ]),
  schoolsForumDate: labelSet([
    "Schools forum date",
    "Date of schools forum",
    "Date presented to schools forum",
    "Schools forum",
  ]),
  workstream: labelSet(["Workstream", "Workstreams", "Workstream name"]),
  owner: labelSet(["Owner", "Lead", "Responsible officer"]),
  savings: labelSet(["Savings", "Saving", "Savings (£m)", "Savings £m"]),
  rag: labelSet(["RAG", "RAG rating", "RAG status", "Status"]),
};

/** The log's rows under its `Workstream` heading, until the first row without a workstream. */
function workstreams(sheet: LabelledSheet): WorkstreamEntry[] {
  const heading = findLabel(sheet, LABELS.workstream, undefined, true);
  if (heading === undefined) return [];
  const headerRow = { top: heading.row, bottom: heading.row };
  const column = (labels: readonly string[]) => findLabel(sheet, labels, headerRow, true)?.col;
  const [owner, savings, rag] = [column(LABELS.owner), column(LABELS.savings), column(LABELS.rag)];
  const entries: WorkstreamEntry[] = [];
  for (let row = heading.row + 1; !isBlank(cellValue(sheet, row, heading.col)); row++) {
    const at = (col: number | undefined) =>
      col === undefined ? undefined : fieldAt(sheet, row, col);
    entries.push({
      row,
      workstream: fieldAt(sheet, row, heading.col),
      owner: at(owner),
      savings: at(savings),
      rag: at(rag),
    });
  }
  return entries;
}

/** Finds the management plan's governance sheet; undefined when the workbook has none. */
export function locateGovernance(workbook: LabelledWorkbook): GovernanceSection | undefined {
  const sheet =
    findSheetByName(workbook.sheets, GOVERNANCE_SHEET) ??
    workbook.sheets.find((s) => findLabel(s, LABELS.signedOffBy) !== undefined);
  if (sheet === undefined) return undefined;
  return {
    sheet: sheet.name,
    signedOffBy: findField(sheet, LABELS.signedOffBy),
    dateOfSignOff: findField(sheet, LABELS.dateOfSignOff),
    schoolsForumDate: findField(sheet, LABELS.schoolsForumDate),
    workstreams: workstreams(sheet),
  };
}
