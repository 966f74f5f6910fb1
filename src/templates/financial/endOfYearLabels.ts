/**
 * Row labels of "Summary of end of year positions" (templates.md §1), with the wordings councils and the
 * DfE's own versions use. The first synonym of each list is the template's wording.
 */
export const END_OF_YEAR_ROW_LABELS = {
  inYear: [
    "Total DSG in-year deficit",
    "In year DSG deficit",
    "In-year DSG deficit",
    "Total in-year deficit",
    "DSG in-year deficit",
    "In-year deficit",
    "Total DSG in-year surplus/(deficit)",
  ],
  broughtForward: [
    "Cumulative deficit brought forward",
    "Cumulative DSG deficit - brought forward",
    "Cumulative DSG deficit brought forward",
    "Deficit brought forward",
    "Brought forward",
    "Opening cumulative deficit",
  ],
  dfePayments: [
    "DfE deficit payments",
    "Safety Valve programme contribution",
    "Safety Valve payments",
    "Safety Valve contribution",
    "DfE Safety Valve payments",
    "DfE contribution",
  ],
  laContribution: [
    "Local authority contribution",
    "Local general fund contribution",
    "General fund contribution",
    "LA contribution",
    "Council contribution",
  ],
  adjustments: ["Other adjustments", "Other approved adjustments"],
  carriedForward: [
    "Cumulative deficit carried forward",
    "Cumulative DSG deficit - carry forward",
    "Cumulative DSG deficit - carried forward",
    "Cumulative DSG deficit carried forward",
    "Deficit carried forward",
    "Carried forward",
    "Closing cumulative deficit",
  ],
} as const;

export type EndOfYearRowKey = keyof typeof END_OF_YEAR_ROW_LABELS;
