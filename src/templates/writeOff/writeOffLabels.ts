/**
 * The wording of the write-off reconciliation sheet. The first wording of each list is the one the pane
 * writes; the others are how a council may retype it, so an edited sheet is still recognised.
 */
import type { WriteOffSourceKey } from "./writeOffModel";

/** The sheet's heading: the locator finds the sheet by it, whatever the sheet is called. */
export const WRITE_OFF_HEADING = [
  "High Needs Stability Grant: write-off reconciliation",
  "Write-off reconciliation",
  "DSG write-off reconciliation",
  "High Needs Stability Grant (HNSG) write-off reconciliation",
  "HNSG write-off reconciliation",
  "HNSG reconciliation",
  "High Needs Stability Grant reconciliation",
];

/** The name the pane gives the sheet it adds. */
export const WRITE_OFF_SHEET_NAME = "DSG write-off reconciliation";

export const SOURCE_LABELS: Readonly<Record<WriteOffSourceKey, readonly string[]>> = {
  s251: ["s251 outturn", "Section 251 outturn", "s251 outturn return", "s251"],
  dsgNoteDraft: ["DSG note (draft accounts)", "DSG note draft", "Draft DSG note"],
  dsgNotePublished: ["DSG note (published accounts)", "DSG note published", "Published DSG note"],
  s151: ["S151 assurance", "Section 151 assurance", "S151 officer assurance", "S151 sign-off"],
  revenueOutturn: ["RO (revenue outturn)", "Revenue outturn", "RO return", "RO"],
  accounts: ["Accounts (unusable reserve)", "Statement of accounts", "Accounts"],
};

export const COLUMN_LABELS = {
  source: ["Source", "Source of the figure"],
  figure: ["Deficit at 31 March 2026", "Figure", "Deficit"],
  difference: ["Difference from the plan", "Difference"],
  explanation: ["Explanation", "Explanation of the difference", "Reason"],
};

export const LINE_LABELS = {
  plan: ["Deficit in the DSG management plan", "DSG management plan", "Plan"],
  share: ["Share written off", "Write-off share", "Share"],
  ineligible: [
    "Part not eligible (other blocks, equal pay)",
    "Not eligible",
    "Ineligible part",
    "Ineligible",
  ],
  eligible: ["Eligible deficit", "Eligible figure"],
  grant: ["High Needs Stability Grant", "Grant written off", "Written off"],
  kept: ["Kept by the council at 31 March 2028", "Kept by the council", "Council keeps"],
  rate: ["Rate of carrying the deficit a year", "Carrying rate", "Interest rate", "Rate"],
  carryingCost: ["Carrying cost per year", "Carrying cost", "Cost of carrying the deficit"],
};
