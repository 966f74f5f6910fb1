/**
 * Workbooks in councils' own wording from the eighth and ninth outside probes (test/fixtures/council/, made
 * with openpyxl, so most formulas are saved without results): each consistent one gives no error or
 * warning, and each with a planted fault gives exactly that fault's finding. They are the cases those
 * probes found wrong: a plan that ends at £0 worked out in floating point, whole £m typed in General cells,
 * assurance levels a return's own legend defines (1 to 5, "Complete", Low/Medium/High), instalment
 * statuses as councils write them, N/A to the capital question, a zero typed as text, a rate in a row's
 * label ("General fund contribution 1%"), funding totalled after block transfers, updates named by term,
 * season or "This quarter", a sign-off with one officer's row empty or "To be confirmed", a return's
 * finance table on a sheet of any name, a plan and a return in one workbook, an older copy of the plan on
 * an earlier tab, a return's agreed profile beside its latest forecast (as columns under each year, or as
 * two tables), mitigations among a return's finance rows, and the tenth and eleventh probes' returns: limits
 * typed as positive amounts, a final instalment on its own row, "RAG May" columns, a legend headed "Key",
 * levels pasted with HTML, the previous quarter's tab first, limits "excluding Safety Valve payments" or
 * without a heading, and sign-off, date and commentary that are no answer; and the tenth probe's whole plans:
 * EHCP counts projected by a growth rate, an adjustment to the opening balance, year headings built by
 * formula, pounds shown in thousands by the format, an "of which" memo line, blocks filled in for some years
 * only, the write-off sheet the pane adds, and the DSG adjustment account's balances; and an in-year row
 * labelled "surplus/(deficit)" with deficits in brackets beside cumulative deficits shown positive; memo rows
 * ("Memo: High Needs Stability Grant write-off (90%)") among and below the roll-forward; and "Other income"
 * counted inside a block's "Total funding available"; and the live plan told from a dashboard, a narrative's
 * rounded table, a budget build's scenario table and an old version ("Fin summary v3") on earlier tabs, and a
 * plan whose only summary tab is named a draft or "Copy of", and live tabs dated by month beside last year's
 * copy, or beside Excel's "(2)" copy with the blocks on a tab of their own; a council in surplus turning to
 * deficit, and reductions typed positive in a plan that ends in surplus (the sign convention read right),
 * also with mitigations whose in-year rows say "surplus/(deficit)" beside cumulative deficits. a
 * Safety Valve return without the printed page banners, known by the DfE's own table headers, with a
 * finance table below its conditions ("High Needs Block financial forecast" is no level "High"), and its
 * questions headed "On-track questions", last quarter's risk register kept as "Risks (superseded)", and legends
 * written on one "Key:" row or in one cell, a sign-off on a tab of its own, and a finance table below the
 * risk register, and a table pasted into the commentary with a "RAG" column (not the legend).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/workbook/xlsxReader";
import { validateWorkbook } from "../../src/validation/validate";

const FOLDER = join(__dirname, "..", "fixtures", "council");

const EXPECTED: readonly (readonly [file: string, findings: readonly string[]])[] = [
  ["p28-columns-update-over-rag-commentary.xlsx", []],
  ["p28-columns-update-over-rag-commentary-blank.xlsx", ["error sv-assurance Return!F18"]],
  ["p28-date-submitted-date-tbc.xlsx", ["error sv-signoff Return!B3"]],
  ["p26-write-off-grant-at-80pc.xlsx", ["warning hnsg-reconcile DSG write-off reconciliation!B13"]],
  ["p26-write-off-consistent.xlsx", []],
  [
    "p27-write-off-sheet-by-name-s151-differs.xlsx",
    ["warning hnsg-reconcile DSG write-off reconciliation!B8"],
  ],
  ["p25-label-and-level-side-by-side.xlsx", []],
  ["p25-label-and-level-side-by-side-blank.xlsx", ["error sv-assurance Return!B22"]],
  ["p25-numeric-levels-under-months-blank.xlsx", ["error sv-assurance Return!B22"]],
  ["p25-numeric-levels-under-months.xlsx", []],
  [
    "p28-mitigations-do-nothing-total-fault.xlsx",
    ["error mitigation-arithmetic Financial summary!D20"],
  ],
  [
    "p28-mitigations-management-actions-total-fault.xlsx",
    ["error mitigation-arithmetic Financial summary!D20"],
  ],
  ["p28-update-hash-labels-blank-latest.xlsx", ["error sv-assurance Return!B22"]],
  ["p28-update-labels-text-dates.xlsx", []],
  ["p28-ehcp-below-plan-mainstream-top-ups.xlsx", []],
  ["p28-ehcp-below-plan-total-hnb-expenditure.xlsx", []],
  ["p29-limits-into-surplus.xlsx", []],
  ["p29-working-then-final-cf-fault.xlsx", ["error roll-forward Financial summary FINAL!E13"]],
  ["p29-in-year-forecast-overspend.xlsx", []],
  ["p29-in-year-annual-deficit.xlsx", []],
  ["p29-reserve-transfer-two-way.xlsx", []],
  ["p29-reserve-transfer-mixed-signs.xlsx", []],
  ["p29-reserve-transfer-raises-deficit.xlsx", ["error sign-convention Financial summary!E13"]],
  ["p28-mitigation-lines-phased-alike.xlsx", []],
  ["p28-mitigation-subtotals-lines-phased-alike.xlsx", []],
  ["p28-level-rag-dash-amber.xlsx", []],
  ["p26-lone-payment-wrong-sign.xlsx", ["error sign-convention Financial summary!E8"]],
  [
    "p26-lone-payment-wrong-sign-deficits-negative.xlsx",
    ["error sign-convention Financial summary!E8"],
  ],
  ["p26-less-payment-typed-negative.xlsx", ["error sign-convention Financial summary!C8"]],
  ["p26-block-total-row-fault-linked.xlsx", ["error block-total Financial summary!C39"]],
  ["p25-signoff-header-s151-dcs-empty.xlsx", ["error sv-signoff Return!C3"]],
  ["p25-signoff-header-signed-off-empty.xlsx", ["error sv-signoff Return!C3"]],
  ["p26-fy25-headings-cf-fault.xlsx", ["error roll-forward Financial summary!D10"]],
  ["p26-typed-outturn-bf-unmarked.xlsx", []],
  ["p27-schools-transfer-less-positive.xlsx", []],
  [
    "p27-schools-transfer-less-positive-over-limit.xlsx",
    [
      "warning schools-block-transfer Financial summary!B7",
      "warning schools-block-transfer Financial summary!C7",
      "warning schools-block-transfer Financial summary!D7",
      "warning schools-block-transfer Financial summary!E7",
    ],
  ],
  ["p27-ceased-plans-negative.xlsx", []],
  ["p27-ceased-plans-negative-new-plans-fault.xlsx", ["warning ehcp-stock-flow CYP summary!D75"]],
  ["p27-ehcp-tables-below-plan-post16-line.xlsx", []],
  ["p27-ehcp-share-column-with-year.xlsx", []],
  ["p27-mitigations-running-total.xlsx", []],
  [
    "p27-mitigations-before-wording-total-fault.xlsx",
    ["error mitigation-arithmetic Financial summary!D20"],
  ],
  [
    "p27-mitigation-workstreams-heading-total-fault.xlsx",
    ["error mitigation-arithmetic Financial summary!D20"],
  ],
  [
    "p27-cumulative-deficit-mitigated-fault.xlsx",
    ["error mitigation-arithmetic Financial summary!D23"],
  ],
  [
    "p27-mitigated-cumulative-surplus-deficit-fault.xlsx",
    ["error mitigation-arithmetic Financial summary!D23"],
  ],
  ["p27-hnsg-section-below-positions.xlsx", []],
  ["p25-stacked-rag-month-labels-blank-latest.xlsx", ["error sv-assurance Return!B22"]],
  ["p25-inline-rag-month-levels.xlsx", []],
  ["p25-on-track-x-in-yes-no-columns.xlsx", []],
  ["p25-on-track-checkbox-glyphs.xlsx", []],
  ["p25-level-rag-colon-one-cell.xlsx", []],
  ["p25-levels-status-colon.xlsx", []],
  ["p25-bgar-legend-colour-words.xlsx", []],
  ["p25-signoff-dcs-corporate-director-people.xlsx", []],
  ["p25-level-xlookup-array-uncached.xlsx", []],
  ["p25-date-text-uncached.xlsx", []],
  ["p26-summary-tab-visible-v9-copy.xlsx", []],
  ["p26-summary-tab-scenario-tabs.xlsx", []],
  ["p26-summary-tab-blocks-net-position.xlsx", []],
  ["p26-summary-tab-net-position-cf-fault.xlsx", ["error roll-forward Summary!D10"]],
  ["p26-let-uncached.xlsx", []],
  ["p26-switch-ifs-uncached.xlsx", []],
  [
    "plan-recoupment-sign-flipped-one-year.xlsx",
    [
      "error sign-convention Financial Summary 7!G41",
      "error funding-available Financial Summary 7!G42",
    ],
  ],
  ["sv-inline-quarter-labels-level-blank.xlsx", ["error sv-assurance Detailed Update Q3!B16"]],
  [
    "plan-all-placements-above-sum-of-placement-types.xlsx",
    ["warning ehcp-placements-sum CYP summary!E11"],
  ],
  ["sv-instalment-received-no-payment.xlsx", ["warning sv-instalments DSG forecast!C12"]],
  ["sv-instalment-withheld-below-total.xlsx", []],
  ["plan-sv-agreement-sheet-in-millions.xlsx", []],
  [
    "plan-sv-agreement-sheet-in-pounds-over-limit.xlsx",
    ["warning sv-limits Financial summary!H35"],
  ],
  ["plan-mitigations-sheet-in-millions-turning-to-surplus.xlsx", []],
  [
    "plan-live-tab-dated-month-old-copy-dated-year-cf-wrong.xlsx",
    ["error roll-forward Financial summary Nov25!G12"],
  ],
  [
    "plan-blocks-own-tab-excel-copy-named-2-cf-wrong.xlsx",
    ["error roll-forward Financial summary!D12"],
  ],
  [
    "plan-dsg-financial-summary-blocks-own-tab-cf-wrong.xlsx",
    ["error roll-forward DSG Financial summary!E11"],
  ],
  ["sv-sign-off-names-only-dcs.xlsx", ["error sv-signoff Overview!C3"]],
  ["sv-sign-off-to-follow-awaiting-dcs.xlsx", ["error sv-signoff Overview!C3"]],
  ["sv-may-return-three-column-legend-below-conditions.xlsx", []],
  [
    "sv-three-column-legend-below-last-condition-level-blank.xlsx",
    ["error sv-assurance Detailed update!B45"],
  ],
  ["plan-previous-plan-cf-row-below.xlsx", []],
  ["plan-brought-forward-across-budget-column.xlsx", []],
  [
    "plan-sv-gross-limits-in-year-surplus-deficit-over-limit.xlsx",
    ["warning sv-limits Financial summary!H35"],
  ],
  ["plan-sv-gross-limits-with-write-off-row.xlsx", []],
  ["plan-unit-only-in-number-format.xlsx", []],
  ["sv-sign-off-names-dcs-no-contact-row.xlsx", []],
  ["sv-commentary-table-with-rag-column.xlsx", []],
  ["sv-condition-added-in-the-year.xlsx", ["warning sv-assurance Detailed update!B33"]],
  [
    "plan-only-summary-tab-named-draft-cf-wrong.xlsx",
    ["error roll-forward 7. Financial summary - DRAFT!F11"],
  ],
  [
    "plan-only-summary-tab-named-copy-of-cf-wrong.xlsx",
    ["error roll-forward Copy of Financial summary!F11"],
  ],
  ["plan-in-year-surplus-deficit-with-mitigation-cumulative-rows.xlsx", []],
  [
    "plan-in-year-surplus-deficit-mitigation-total-wrong.xlsx",
    ["error mitigation-arithmetic Financial summary!I42"],
  ],
  ["plan-surplus-council-with-mitigations.xlsx", []],
  [
    "plan-surplus-council-in-year-surplus-deficit-cf-wrong.xlsx",
    ["error roll-forward Financial summary!F36"],
  ],
  ["plan-surplus-council-blocks-without-funding-total.xlsx", []],
  [
    "sv-finance-below-risk-register-cf-wrong.xlsx",
    ["error opening-balance 3. Risk register!F24", "error roll-forward 3. Risk register!E28"],
  ],
  ["sv-sign-off-on-own-tab.xlsx", []],
  ["sv-sign-off-tab-s151-name-blank.xlsx", ["error sv-signoff Sign off!A6"]],
  ["sv-legend-on-one-key-row.xlsx", []],
  ["sv-legend-numeric-in-one-cell.xlsx", []],
  ["sv-superseded-risk-tab-items-numbered.xlsx", []],
  ["sv-may-return-finance-table-below-conditions.xlsx", []],
  ["sv-finance-table-below-risks-month-labels.xlsx", []],
  ["sv-on-track-questions-heading-answer-blank.xlsx", ["error sv-questions Overview!B19"]],
  ["sv-no-page-banners.xlsx", []],
  ["sv-no-page-banners-with-finance-question-blank.xlsx", ["error sv-questions Overview!B18"]],
  ["plan-surplus-turning-to-deficit.xlsx", []],
  ["plan-reductions-typed-positive-ends-in-surplus.xlsx", []],
  ["plan-tab-numbered-narrative-table-first.xlsx", []],
  [
    "plan-tab-numbered-narrative-table-first-cf-wrong.xlsx",
    ["error roll-forward Financial Summary 7!E12"],
  ],
  [
    "plan-dashboard-and-old-v3-copy-hn-line-wrong.xlsx",
    ["error block-result Financial Summary 7!G55"],
  ],
  [
    "plan-dashboard-and-old-v3-copy-funding-sign-flipped.xlsx",
    ["error sign-convention Financial Summary 7!G40"],
  ],
  ["plan-dashboard-first-cf-wrong.xlsx", ["error roll-forward Financial Summary 7!F11"]],
  ["plan-memo-write-off-row-no-sv.xlsx", []],
  ["plan-memo-write-off-row-no-sv-cf-wrong.xlsx", ["error roll-forward Financial summary!E11"]],
  ["plan-other-income-inside-funding-available.xlsx", []],
  [
    "plan-other-income-inside-funding-available-hn-wrong.xlsx",
    ["error block-result Financial summary!F36"],
  ],
  ["plan-memo-rows-below-carried-forward.xlsx", []],
  ["plan-adjustment-to-opening-balance.xlsx", []],
  ["plan-allocation-after-transfer-percent.xlsx", []],
  ["plan-allocation-sign-flipped-by-formula.xlsx", ["error sign-convention Financial summary!F29"]],
  ["plan-allocation-uplift-percent.xlsx", []],
  ["plan-in-year-surplus-deficit-label.xlsx", []],
  [
    "plan-in-year-surplus-deficit-label-cf-wrong.xlsx",
    ["error roll-forward Financial summary!F12"],
  ],
  [
    "plan-and-sv-high-needs-total-wrong.xlsx",
    ["error block-result Financial summary!F59", "error block-result Financial summary!F60"],
  ],
  ["plan-and-sv.xlsx", []],
  ["plan-block-headings-dsg-dash.xlsx", []],
  ["plan-block-variance-over-under-hn-wrong.xlsx", ["error block-result Financial summary!F63"]],
  ["plan-block-virements-hn-wrong.xlsx", ["error block-result Financial summary!F63"]],
  ["plan-blocks-actual-results-only.xlsx", []],
  ["plan-blocks-forecast-years-only.xlsx", []],
  ["plan-brought-foward-misspelt.xlsx", []],
  ["plan-budget-and-month-forecasts-same-year.xlsx", []],
  ["plan-cf-net-dsg-position.xlsx", []],
  ["plan-contribution-from-schools.xlsx", []],
  ["plan-contribution-percent-label.xlsx", []],
  ["plan-deduction-typed-as-text.xlsx", ["error bad-value Financial summary!F53"]],
  ["plan-dsg-adjustment-account.xlsx", []],
  ["plan-dsg-budget-hn-wrong.xlsx", ["error block-result Financial summary!F63"]],
  ["plan-ehcp-projected-age-total-wrong.xlsx", ["error ehcp-totals CYP summary!E10"]],
  ["plan-ehcp-projected-by-growth-rate.xlsx", []],
  ["plan-funding-after-block-transfers.xlsx", []],
  ["plan-funding-after-transfers-wrong.xlsx", ["error funding-available Financial summary!F36"]],
  ["plan-hidden-older-version-first-live-wrong.xlsx", ["error roll-forward DSG Plan Dec 2024!G53"]],
  ["plan-line-percent-total-wrong.xlsx", ["error block-result Financial summary!F44"]],
  ["plan-of-which-memo-line.xlsx", []],
  ["plan-older-version-first-live-wrong.xlsx", ["error roll-forward DSG Plan Dec 2024!G53"]],
  [
    "plan-pounds-shown-in-thousands-hidden-300.xlsx",
    ["warning hardcoded-total Financial summary!G12"],
  ],
  ["plan-pounds-shown-in-thousands.xlsx", []],
  ["plan-previous-plan-cf-row-above-live.xlsx", []],
  [
    "plan-previous-plan-total-below-hn-wrong.xlsx",
    ["error block-result Financial summary!F44", "error block-total Financial summary!F48"],
  ],
  ["plan-quarter-columns-same-year.xlsx", []],
  [
    "plan-statutory-override-memo-cf-wrong.xlsx",
    ["error roll-forward Financial summary!E51", "error roll-forward Financial summary!F51"],
  ],
  ["plan-sv-percent-label-cf-wrong.xlsx", ["error roll-forward Financial summary!G53"]],
  ["plan-unmitigated-and-mitigated-summaries.xlsx", []],
  ["plan-v1-before-v2-live-wrong.xlsx", ["error roll-forward Financial summary v2!G53"]],
  [
    "plan-write-off-sheet-as-the-pane-names-it.xlsx",
    ["warning hnsg-reconcile DSG write-off reconciliation!B4"],
  ],
  ["plan-year-headings-by-formula-cf-wrong.xlsx", ["error roll-forward Financial summary!G12"]],
  ["plan-years-apr-to-mar.xlsx", []],
  ["plan-years-dotted.xlsx", []],
  ["plan-years-ye.xlsx", []],
  ["plan-zero-as-text.xlsx", []],
  [
    "sv-agreement-forecast-variance-columns-forecast-wrong.xlsx",
    ["error roll-forward Finance template!F11"],
  ],
  ["sv-agreement-then-latest-forecast-wrong.xlsx", ["error roll-forward Finance template!D17"]],
  ["sv-capital-na.xlsx", []],
  ["sv-date-impossible.xlsx", ["error sv-signoff Overview!B4"]],
  ["sv-date-to-be-confirmed.xlsx", ["error sv-signoff Overview!B4"]],
  ["sv-ends-at-zero-formulas.xlsx", []],
  ["sv-final-carried-forward-wrong.xlsx", ["error roll-forward Finance template!H9"]],
  ["sv-final-instalment-own-row-total-wrong.xlsx", ["warning sv-instalments Finance template!B14"]],
  ["sv-final-instalment-own-row.xlsx", []],
  ["sv-finance-note-then-forecast.xlsx", []],
  ["sv-finance-own-sheet-wrong.xlsx", ["error roll-forward SV finance!E9"]],
  ["sv-general-whole-millions-in-year-typo.xlsx", ["error roll-forward Finance template!D9"]],
  ["sv-in-year-after-mitigations.xlsx", []],
  ["sv-in-year-after-sv-income-cf-wrong.xlsx", ["error roll-forward Finance template!E8"]],
  ["sv-instalment-due.xlsx", []],
  ["sv-instalment-received-dated.xlsx", []],
  ["sv-instalments-na-before.xlsx", []],
  ["sv-la-name-blank.xlsx", ["error sv-signoff Overview!A4"]],
  ["sv-last-this-quarter-level-missing.xlsx", ["error sv-assurance Detailed update!C7"]],
  ["sv-legend-complete.xlsx", []],
  ["sv-legend-headed-key.xlsx", []],
  ["sv-legend-number-colour.xlsx", []],
  ["sv-legend-numbers-risks-coloured.xlsx", []],
  ["sv-level-6-not-in-legend.xlsx", ["error sv-assurance Detailed update!B33"]],
  ["sv-levels-numbered-1-to-5.xlsx", []],
  ["sv-levels-with-html.xlsx", []],
  ["sv-limit-excluding-sv-payments-breach.xlsx", ["warning sv-limits Finance template!C9"]],
  ["sv-limit-rows-without-heading-breach.xlsx", ["warning sv-limits Finance template!F9"]],
  ["sv-limits-typed-positive-breach.xlsx", ["warning sv-limits Finance template!F9"]],
  ["sv-limits-typed-positive.xlsx", []],
  ["sv-mitigated-in-year-wrong.xlsx", ["error mitigation-arithmetic Finance template!D7"]],
  ["sv-na-condition-met.xlsx", []],
  ["sv-no-with-na-commentary.xlsx", ["error sv-questions Overview!C12"]],
  ["sv-original-and-revised-agreement-breach.xlsx", ["warning sv-limits Finance template!F9"]],
  ["sv-original-and-revised-agreement.xlsx", []],
  ["sv-previous-finance-tab-first-current-wrong.xlsx", ["error roll-forward Finance Q3 (Nov)!E9"]],
  ["sv-previous-update-tab-first-level-missing.xlsx", ["error sv-assurance Detailed update!B45"]],
  ["sv-q1-and-q2-forecasts-same-year.xlsx", []],
  ["sv-quarter-month-range-columns.xlsx", []],
  ["sv-quarter-short-year-level-missing.xlsx", ["error sv-assurance Detailed update!B45"]],
  ["sv-rag-month-columns.xlsx", []],
  ["sv-risks-low-medium-high.xlsx", []],
  ["sv-seasons-stacked.xlsx", []],
  ["sv-signoff-dcs-no.xlsx", ["error sv-signoff Overview!C4"]],
  ["sv-signoff-lines-dcs-blank.xlsx", ["error sv-signoff Overview!B33"]],
  ["sv-signoff-not-yet.xlsx", ["error sv-signoff Overview!C4"]],
  ["sv-signoff-table-dcs-blank.xlsx", ["error sv-signoff Overview!A33"]],
  ["sv-signoff-table-signature-blank.xlsx", []],
  ["sv-signoff-to-be-confirmed.xlsx", ["error sv-signoff Overview!C4"]],
  ["sv-term-updates-level-missing.xlsx", ["error sv-assurance Detailed update!B27"]],
  ["sv-u1-columns-level-missing.xlsx", ["error sv-assurance Detailed update!E7"]],
  ["sv-withdrawn-condition.xlsx", []],
  ["sv-year-2-update-labels-level-missing.xlsx", ["error sv-assurance Detailed update!B33"]],
];

async function findingsOf(file: string) {
  const workbook = await readXlsxBuffer(await readFile(join(FOLDER, file)));
  return validateWorkbook(workbook).findings;
}

describe("councils' own workbooks from the outside probes", () => {
  it.each(EXPECTED)("%s", async (file, expected) => {
    const findings = await findingsOf(file);
    expect(
      findings
        .filter((f) => f.severity !== "info")
        .map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.address}`)
    ).toEqual(expected);
  });

  it("shows a figure floating point left a remainder on as the zero it is", async () => {
    const [finding] = await findingsOf("sv-final-carried-forward-wrong.xlsx");
    expect(finding.message).toContain("gives £0.000m");
    expect(finding.message).not.toMatch(/0\.0000/);
  });

  it("allows a whole £m typed in a General cell no more than the figures typed beside it", async () => {
    const [finding] = await findingsOf("sv-general-whole-millions-in-year-typo.xlsx");
    expect(finding.message).toContain("gap £1.0m");
  });

  it("says which table of positions it checked when a sheet holds two", async () => {
    const notes = (await findingsOf("sv-agreement-then-latest-forecast-wrong.xlsx")).filter(
      (f) => f.rule === "template-recognised"
    );
    expect(notes.map((f) => f.message)).toEqual([
      expect.stringMatching(
        /hold another table of end of year positions; the checks read the one on rows 13 to 17/
      ),
    ]);
  });

  it("does not call memo and of-which rows below the carried forward another table", async () => {
    const notes = (await findingsOf("plan-memo-rows-below-carried-forward.xlsx")).map(
      (f) => f.message
    );
    expect(notes.join("\n")).not.toMatch(/another table/);
  });

  it("lists the legend's own levels when one is not among them", async () => {
    const [finding] = (await findingsOf("sv-level-6-not-in-legend.xlsx")).filter(
      (f) => f.rule === "sv-assurance"
    );
    expect(finding.message).toContain("'6'");
    expect(finding.message).toContain("1, 2, 3, 4, 5");
  });
});
