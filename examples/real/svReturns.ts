/**
 * Safety Valve monitoring returns in the layout the DfE publishes them in, built from the whole text of a
 * real return: Wiltshire's of December 2024 (its tab-separated rendering, kept as
 * /work/shared/fixtures/wiltshire-sv-return-2024-12.txt). Each is listed with the findings it must give.
 *
 * `PUBLISHED` below is that text line by line, cells separated by tabs exactly as the rendering places
 * them, so line n is row n of the sheet and its k-th field is column k. Only the narrative is shortened:
 * a cell longer than 240 characters keeps its first paragraphs and ends " […]" (the checks read no
 * prose). Everything else is as published: the page headings repeated on every printed page, the table
 * header repeated after each page break, conditions whose text is repeated when they carry on, the
 * HTML of the cells, the figures of the tables pasted into the commentary, and the update labels and
 * levels where the rendering puts them (mostly in the Assurance Level column, sometimes in the
 * condition column beside or below it).
 *
 * As published, the return lacks four things a validator must report:
 * - the "Signed off by S151 Officer & Director of Children's Services" cell (C6) is empty;
 * - Condition 1 has levels for Update 1 (Green) and Update 2 (Amber) only: no Update 3 (November) at all,
 *   where every other condition and risk has one;
 * - Risk 1 and Risk 2 have the label "Update 3 (November)" with no level under it (B182, B187): the
 *   next risk follows at once.
 * (Risk 5's Update 3 level, Amber, is the rendering's last line.)
 */
import type { Workbook } from "../../src/workbook/workbook";
import { a1Range } from "../../src/workbook/address";
import { WorkbookDraft } from "../draft";
import { excelDate } from "../managementPlan";

/** One published-layout return and the findings that must appear on it ({rule, severity, sheet, address}). */
export interface RealSvExample {
  readonly name: string;
  readonly workbook: Workbook;
  readonly expected: ExpectedFinding[];
}

export interface ExpectedFinding {
  readonly rule: string;
  readonly severity: "error" | "warning" | "info";
  readonly sheet: string;
  readonly address: string;
}

/** The sheet the published return is laid out on (the rendering does not name it). */
export const SV_PUBLISHED_SHEET = "Safety Valve return";

// prettier-ignore
const PUBLISHED: readonly string[] = [
  "", // 1
  "", // 2
  "SAFETY VALVE PROGRAMME OVERVIEW", // 3
  "", // 4
  "LA Name\tDate Report Submitted\tSigned off by S151 Officer & Director of Children's Services\tName & Email Address of Key Personnel", // 5
  "Wiltshire\t11 th December 2024\t\tCEO:\tLucy Townsend Lucy.Townsend@wiltshire.gov.uk", // 6
  "\t\t\tS151 Officer:\tLizzie Watkin Lizzie.Watkin@wiltshire.gov.uk", // 7
  "<p>Do you need additional support from either of our specialist SEND advisers (early years / inclusion) to support the effective delivery of your Safety Valve plan? If yes, please specify which area (early years / inclusion) you would like […]\t\t\tDCS:\tDarryl Freeman Darryl.Freeman@wiltshire.gov.uk", // 8
  "\t\t\tOther key contacts for Safety Valve:\tKathryn Davis – Director for Education and Skills Kathryn.Davis@wiltshire.gov.uk Florah Shiringo – Interim Director for Children and Families Florah.Shiringo@wiltshire.gov.uk Ben Stevens – Inclusion, SEND and AP Transformation Lead […]", // 9
  "", // 10
  "Is your LA's Safety Valve plan on track?\tYes/No\tCommentary", // 11
  "To achieve the Safety Valve agreement's projected deficit in the current year?\tNo\t<p>As was reported in the August update, based on the Q1 forecast, the Wiltshire Safety Valve agreement is not on track to meet the projected deficit in year. This remains the case based on Q2 monitoring, and there has been further adverse […]", // 12
  "To achieve a £0 DSG deficit by the end of the Safety Valve agreement?\tNo\t<p>Further analysis has been undertaken to model forward the impact of the plan being off-track. It is no longer thought possible to reach a £0 deficit by the end of the 5 year Safety Valve agreement.</p> […]", // 13
  "", // 14
  "SAFETY VALVE PROGRAMME OVERVIEW", // 15
  "", // 16
  "\t\tHowever, it has not been possible to identify viable options without compromising the support that is offered to, and required by, Children and Young People with SEND in Wiltshire.", // 17
  "--\t--\t--", // 18
  "", // 19
  "\tYes/No\tCommentary", // 20
  "Is your LA's Safety Valve capital project on track?\tYes\tDespite a number of significant challenges, including an extended delay in determining the outcome of our application, the capital project is back on track and should deliver the expected placements on schedule.", // 21
  "", // 22
  "Programme Headlines", // 23
  "", // 24
  "This quarter, the biggest drivers of positive change have been (up to 3):", // 25
  "", // 26
  "1. The continued relationships with Wiltshire Parent Carer Council (WPCC) and schools have enabled mature conversations and understanding across the system about the scale of SEND transformation required.", // 27
  "2. As the plan has been reworked, there has been system-wide willingness to engage with the process, despite the complexity and scale of the change required as well as competing priorities during the month of October when we were engaged […]", // 28
  "3. There has been successful recruitment into teams which will deliver support on the ground in schools. The staff recruited are credible specialists in their field, which is vital to their success. This includes, for example, recruitment […]", // 29
  "", // 30
  "This quarter, the biggest barrier(s) to successful implementation of the Safety Valve plan have been (up to 3):", // 31
  "", // 32
  "1. Capacity from officers across the partnership was lower than usual, due to the Ofsted/CQC Local Area SEND inspection, which kept key stakeholders busy for around a month. Leaders were very willing to give Safety Valve their full […]", // 33
  "", // 34
  "This quarter, the best examples of stakeholder engagement around the Safety Valve plan have been (up to 3):", // 35
  "", // 36
  "1. The authority has continued to model co-design and engagement principles while delivering the plan and developing the new mitigations. There have been multiple engagement events with parent carers and schools to ensure stakeholders […]", // 37
  "2. The first of the Stakeholder Reference Panels has taken place, bringing together schools, parent carers and the voice of children and young people to discuss and influence our project proposals.", // 38
  "3. The revised proposals and descriptors for EHCP top-up funding in Wiltshire have been developed through a series of small working groups with key stakeholders from the Statutory SEND team and the community care provider, HCRG Care Group. […]", // 39
  "", // 40
  "Alongside your Safety Valve financial and narrative monitoring reports, please share with us the latest strategic data dashboard utilised by your governance oversight board for Safety Valve.", // 41
  "", // 42
  "SAFETY VALVE PROGRAMME OVERVIEW", // 43
  "", // 44
  "NB This should not be something created for the DfE Safety Valve monitoring process; if you do not have a strategic data dashboard, just let us know.", // 45
  "", // 46
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 47
  "", // 48
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 49
  "Condition 1: The authority undertakes to reach a positive in-year balance on its Dedicated Schools Grant (DSG) account by the end of 2028-29 and in each subsequent year.\tUpdate 1 (May)\t<p>The current financial forecast is detailed on the attached finance template.</p> […]\tYear\tMitigated In-Year Overspend (£,000)\tMitigated Cumulative Deficit (£,000)\t2023/24\t20,000\t30,000\t2024/25\t40,000\t70,000\t2025/26\t35,000\t105,000\t2026/27\t30,000\t135,000\t2027/28\t20,000\t155,000\t2028/29\t-5,000\t150,000\t2029/30\t-2,000\t148,000\t2030/31\t-1,000\t147,000", // 50
  "\tYear\t\tMitigated In-Year Overspend (£,000)\tMitigated Cumulative Deficit (£,000)", // 51
  "\t2023/24\t\t20,000\t30,000", // 52
  "\t2024/25\t\t40,000\t70,000", // 53
  "2025/26\t35,000\t105,000", // 54
  "2026/27\t30,000\t135,000", // 55
  "2027/28\t20,000\t155,000", // 56
  "2028/29\t-5,000\t150,000", // 57
  "2029/30\t-2,000\t148,000", // 58
  "2030/31\t-1,000\t147,000", // 59
  "Green", // 60
  "Update 2 (August)", // 61
  "Amber", // 62
  "Condition 2: The authority undertakes to control and reduce the cumulative deficit, not exceeding £84.5m in financial year 2024/25.\tUpdate 1 (May)\t<p>The forecast above includes all the mitigations that have been developed, including new targets that the authority has given itself to stabilise EHCP numbers by April 2026, it has included the Local Authority contribution, and has […]", // 63
  "\tGreen", // 64
  "\tUpdate 2 (August)", // 65
  "\tRed", // 66
  "Condition 2: The authority undertakes to control and reduce the cumulative deficit, not exceeding £84.5m in financial year 2024/25.\tUpdate 3 (November)\t<p>The forecast above includes all the mitigations that have been developed, including new targets that the authority has given itself to stabilise EHCP numbers by April 2026, it has included the Local Authority contribution, and has […]", // 67
  "\tRed", // 68
  "\tRed", // 69
  "", // 70
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 71
  "", // 72
  " ", // 73
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 74
  "\t\t<p>for September 2025, 50 from September 2028, and more resource base places beyond what was previously planned.</p> […]", // 75
  "Condition 3.1: Provide earlier support for children and young people with SEND, improving inclusion practices and managing pressure points and school transitions.\tUpdate 1 (May)\t<p>The Wiltshire SEND Local Area Partnership inspection was undertaken during this period. The outcome, which was to award the highest grading, and the final report was published on 6th December.</p> […]\tEHCP Numbers\tApr '24\tMay '24\tJun '24\tJul '24\tAug '24\tSep '24\tOct '24\tSV Forecast\t5562\t5586\t5609\t5632\t5645\t5649\t5669\tActual\t5728\t5815\t5867\t5861\t5932\t6051\t6161", // 76
  "\tEHCP Numbers\t\tApr '24\tMay '24\tJun '24\tJul '24\tAug '24\tSep '24\tOct '24", // 77
  "\tSV Forecast\t\t5562\t5586\t5609\t5632\t5645\t5649\t5669", // 78
  "\tActual\t\t5728\t5815\t5867\t5861\t5932\t6051\t6161", // 79
  "\tGreen", // 80
  "Update 2 (August)", // 81
  "Amber", // 82
  "Update 3 (November)", // 83
  "Amber", // 84
  "", // 85
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 86
  "", // 87
  "Agreement Condition", // 88
  "", // 89
  "Assurance Level", // 90
  "", // 91
  "Progress Update from this Quarter", // 92
  "Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts", // 93
  "", // 94
  "", // 95
  "", // 96
  "EHCNA Numbers (12 month rolling ave)\tApr '24\tMay '24\tJun '24\tJul '24\tAug '24\tSep '24\tOct '24", // 97
  "\t97.83\t97.00\t98.44\t98.92\t99.58\t99.50\t98.58", // 98
  "", // 99
  "There are a number of reasons why this condition is so far offtrack. Firstly, the predictions around how quickly impact would be felt were optimistic. This was partly due to delays with the onboarding of new staff, especially with those on […]", // 100
  "", // 101
  "Secondly, the original forecast was based on a 5-year average, which included years where demand was artificially suppressed by the pandemic. An assumption was made that this suppressed demand was compensated for by the rapid growth in […]", // 102
  "", // 103
  "There has also been an impact because the council has made significant progress with clearing the EHCNA backlog, ensuring that where children and young people have a level of need which would warrant an EHCP, this is available to them. The […]", // 104
  "", // 105
  "This realisation has driven a re-appraisal and re-forecasting of the data trends in the system. There are five key insights:", // 106
  "", // 107
  "- a) Demand is strongest in Early Years – which was understood before, but the new analysis has revealed that a quarter of assessment requests were made for three-year-olds last year.", // 108
  "- b) There appear to be opportunities to cease plans pre-16 when children and young people meet outcomes. According to the data, since 2020 fewer than 15 children and young people with SEND of statutory school age have 'met all outcomes' […]", // 109
  "", // 110
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 111
  "", // 112
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 113
  "\t\t<p>c) While improving significantly this year, the No to Assess and No to Issue rates in Wiltshire are lower than our statistical neighbours. This implies that there are further opportunities to improve the robustness of decision making in […]", // 114
  "", // 115
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 116
  "", // 117
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 118
  "\t\t<ul style=\"list-style-type: none\"> Targeting support to schools who appear to be outliers in the data, based on inclusion metrics, and working with them to support best practice and inclusion. Work to identify children and young people […]", // 119
  "Condition 3.2: Prevent the need for escalation by providing the right support, first time, including a more holistic response alongside health and social care, with improved management and communication.\tUpdate 1 (May)\t<p>The activity that was planned to support this agreement condition is on track. The percentage of children and young people in Independent Non-Maintained Special School (INMSS) placements is broadly in line with the figures reported at […]\tMonth\tINMSS (actual)\tINMSS (forecast)\tJul 2022\t5.3%\t-\tJan 2023\t5.2%\t-\tJul 2023\t5.4%\t-\tJan 2024\t5.6%\t6.0%\tJul 2024\t5.8%\t6.8%", // 120
  "\tMonth\t\tINMSS (actual)\tINMSS (forecast)", // 121
  "\tJul 2022\t\t5.3%\t-", // 122
  "\tJan 2023\t\t5.2%\t-", // 123
  "\tJul 2023\t\t5.4%\t-", // 124
  "Jan 2024\t5.6%\t6.0%", // 125
  "Jul 2024\t5.8%\t6.8%", // 126
  "Green\tUpdate 2 (August)", // 127
  "Green\tUpdate 3 (November)", // 128
  "Green", // 129
  "\t\t<p>The Local Area Partnership inspection highlighted the strong partnership work, which is already happening in Wiltshire, as well as the ongoing commitment to provide a truly holistic response to SEND need.</p> […]", // 130
  "", // 131
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 132
  "", // 133
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 134
  "\t\t<p>strength. Work is ongoing to understand what can be done to further support this service as it currently has a waiting list. The main drivers for referrals are mental health of parent carers or children and young people.</p> […]", // 135
  "Condition 3.3: Increase the number of special school placements, resourced provision, and alternative provision to ensure that children and young people can access the support they need, with proper reintegration support for children who […]\tUpdate 1 (May)\t<p>As was the case in August, significant progress has been made against this condition, however the delivery of special school places is still Amber – Off Track.</p> […]", // 136
  "\tAmber", // 137
  "\tUpdate 2 (August)", // 138
  "\tAmber", // 139
  "\tUpdate 3 (November)", // 140
  "\tAmber", // 141
  "", // 142
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 143
  "", // 144
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 145
  "\t\t<p>pipeline, and schools lined up to launch new secondary resource bases from September 2025, and into the 2025/26 academic year.</p> […]", // 146
  "<p>Condition 3.4: Improve transition pathways to provide a range of opportunities for young people with SEND to prepare for adulthood, including training, further education, and employment.</p>\tUpdate 1 (May)\t<p>In May and August, it was reported that the system expected to be back on track for this condition by November. This has not been achieved. Project activity has been delivered on time; however the data is behind target and despite […]", // 147
  "\tAmber", // 148
  "\tUpdate 2 (August)", // 149
  "\tAmber", // 150
  "Update 3 (November)\tAmber", // 151
  "\t\t<p>The rate of ceased plans becoming NEET has continued to decline and</p>", // 152
  "", // 153
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 154
  "", // 155
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 156
  "\t\t<p>so the authority should, rightly, be proud of the work done to support children and young people with SEND into education or employment. However, the numbers need to be higher without this percentage increasing.</p> […]", // 157
  "<p>Condition 3.5: Foster a culture of change across the Wiltshire SEND and AP system by engaging with partners and parent carers, improving trust and co-production across the sector.</p>\tUpdate 1 (May)\t<p>This deal condition is currently green – on track. The authority has continued to engage partners and parent carers to ensure that trust remains high.</p> […]", // 158
  "\tGreen", // 159
  "\tUpdate 2 (August)", // 160
  "\tGreen", // 161
  "Update 3 (November)\tGreen", // 162
  "", // 163
  "SAFETY VALVE PROGRAMME DETAILED UPDATE", // 164
  "", // 165
  "Agreement Condition\tAssurance Level\tProgress Update from this Quarter <i>Please include/refer to relevant data and evidence to support your rating and explain the scale of any impacts</i>", // 166
  "\t\t<p>As a snapshot, a survey about how supportive the panel members were of each project were taken before the agenda item and then after it. Confidence that these projects will improve outcomes for Children and Young People with SEND in […]", // 167
  "", // 168
  "RAG\tDefinition", // 169
  "S\tSavings/cost avoidance and/or workstream(s) complete", // 170
  "A\tSavings/cost avoidance and/or workstream(s) remains on target", // 171
  "O\tSavings/cost avoidance and/or workstream(s) are currently off target, with plans to mitigate", // 172
  "R\tSavings/cost avoidance and/or workstream(s) are off target", // 173
  "", // 174
  "SAFETY VALVE PROGRAMME RISK REGISTER", // 175
  "", // 176
  "Risk\tAssurance Level\tMitigation\tProgress Update from this Quarter", // 177
  "<p>Risk 1: There is a risk that unpredictability in the system could lead to the authority failing to meet financial targets despite the plan working.</p>\tUpdate 1 (May)\t<p>The authority needs to remove as much unpredictability from the system as possible. This will include:</p> […]\t<ul style=\"list-style-type: none\"> The investment in Educational Psychologist capacity has continued to benefit the system and the authority remains on track to clear the backlog by April 2025. Work has continued to look at how EHCPs are […]", // 178
  "\tGreen", // 179
  "\tUpdate 2 (August)", // 180
  "\tGreen", // 181
  "\tUpdate 3 (November)", // 182
  "<p>Risk 2: There is a risk that a failure to maintain trusted relationships could fundamentally erode faith in the inclusive vision for our SEND system</p>\tUpdate 1 (May)\t<p>The authority will continue to hold stakeholders close to this work and co-design the projects with them. The messaging and communication will emphasise the importance of co-design and of improved outcomes from children and young people […]\t<ul style=\"list-style-type: none\"> The Ofsted/CQC Local Area SEND inspection has highlighted good working relationships in the system. The first Stakeholder Reference Panel was undertaken, and those results are being fed into the […]", // 183
  "\tGreen", // 184
  "\tUpdate 2 (August)", // 185
  "\tGreen", // 186
  "\tUpdate 3 (November)", // 187
  "<p>Risk 3: There is a risk that partners struggle to engage at the required pace leading to a slower pace of change than is required to meet the plan.</p>\tUpdate 1 (May)\t<p>The authority will continue to engage partners and check-in with them about pace of change and progress. Recognising that the financial risk lies with the local authority, the programme team will remain cognisant that other partners […]\t<ul style=\"list-style-type: none\"> Further work has been undertaken to articulate and communicate the positive outcomes for schools and settings. Key partners, including Schools Forum and the ICB, have reiterated their commitment to the […]", // 188
  "\tAmber", // 189
  "\tUpdate 2 (August)", // 190
  "\tGreen", // 191
  "\tUpdate 3 (November)", // 192
  "\tGreen", // 193
  "", // 194
  "SAFETY VALVE PROGRAMME RISK REGISTER", // 195
  "", // 196
  "Risk\tAssurance Level\tMitigation\tProgress Update from this Quarter", // 197
  "<p>Risk 4: There is a risk that failure to access the required capital leaves the system reliant on expensive independent special school places.</p>\tUpdate 1 (May)\t<p>The authority has put in a request for £5.7m of additional capital through the Safety Valve programme, and this would deliver an extension to a special school in the south of the county. Other projects need to have allocated capital. […]\t<ul style=\"list-style-type: none\"> Access to capital has been completed and work is progressing.", // 198
  "\tAmber", // 199
  "\tUpdate 2 (August)", // 200
  "\tAmber", // 201
  "\tUpdate 3 (November)", // 202
  "\tBlue", // 203
  "<p>Risk 5: There is a risk that system partners struggle to recruit or resource the changes required in our system leading to failed attempts at change.</p>\tUpdate 1 (May)\t<p>The authority must maintain contact with key partners and include them in decision making so that it can take account of the impact of the transformation programme on their services. The authority will also review unintended […]\t<ul style=\"list-style-type: none\"> Partners remain fully engaged with the work at a strategic level and so monitoring is underway. Recruitment support for special schools is being delivered to help them get the staff they need to support […]", // 204
  "\tAmber", // 205
  "\tUpdate 2 (August)", // 206
  "\tAmber", // 207
  "\tUpdate 3 (November)", // 208
  "\tAmber", // 209
];

type Rows = string[][];

/** The published text as rows of cells (row 0 is line 1). */
function publishedRows(): Rows {
  return PUBLISHED.map((line) => line.split("\t"));
}

/** The first row (0-based) at or after `from` whose cells pass the test; throws when there is none. */
function rowWhere(rows: Rows, test: (cells: string[]) => boolean, from = 0): number {
  for (let r = from; r < rows.length; r++) if (test(rows[r])) return r;
  throw new Error("svReturns: a row the example edits is not in the published text");
}

const startsWith = (col: number, text: string) => (cells: string[]) =>
  (cells[col] ?? "").replace(/<[^>]*>/g, "").startsWith(text);
const cellIs = (col: number, text: string) => (cells: string[]) => cells[col] === text;

function setCell(rows: Rows, row: number, col: number, value: string): void {
  while (rows[row].length <= col) rows[row].push("");
  rows[row][col] = value;
}

/** The row of the level written under (or beside) the label of an update of the item starting `from`. */
function levelOf(rows: Rows, item: string, update: string): { row: number; col: number } {
  const start = rowWhere(rows, startsWith(0, item));
  const label = rowWhere(rows, (cells) => cells.includes(update), start);
  const col = rows[label].indexOf(update);
  // Beside the label ("Update 3 (November) | Amber") or in the label's column of the next row.
  if ((rows[label][col + 1] ?? "") !== "" && col === 0) return { row: label, col: col + 1 };
  return { row: label + 1, col };
}

const address = (row: number, col: number) =>
  a1Range({ top: row, left: col, bottom: row, right: col });

/**
 * The published return with what it lacks filled in: the sign-off, Condition 1's Update 3 (Red: the
 * return says the in-year balance is no longer expected by 2028-29) and the Update 3 levels of Risks 1
 * and 2 (Green, as at Update 2). Rows are inserted where a level row is missing, as a council would.
 */
function consistentRows(): Rows {
  const rows = publishedRows();
  setCell(rows, rowWhere(rows, cellIs(0, "Wiltshire")), 2, "Yes");
  const condition1 = rowWhere(rows, startsWith(0, "Condition 1:"));
  const amber = rowWhere(rows, cellIs(0, "Amber"), condition1);
  rows.splice(amber + 1, 0, ["Update 3 (November)"], ["Red"]);
  for (const risk of ["Risk 1:", "Risk 2:"]) {
    const start = rowWhere(rows, startsWith(0, risk));
    const label = rowWhere(rows, cellIs(1, "Update 3 (November)"), start);
    rows.splice(label + 1, 0, ["", "Green"]);
  }
  return rows;
}

/**
 * The consistent return as a council may fill the template in: its name before each page heading
 * ("Wiltshire Council – SAFETY VALVE PROGRAMME OVERVIEW"), the levels columns headed "RAG rating", a
 * heading row over Conditions 3.1 to 3.5, and the sign-off given in rows of its own below the key
 * personnel, the header's sign-off cell left empty.
 */
function councilRows(): Rows {
  const rows = consistentRows();
  setCell(rows, rowWhere(rows, cellIs(0, "Wiltshire")), 2, "");
  for (const cells of rows) {
    if (cells[0].startsWith("SAFETY VALVE PROGRAMME "))
      cells[0] = `Wiltshire Council – ${cells[0]}`;
    if (cells[1] === "Assurance Level") cells[1] = "RAG rating";
  }
  const condition31 = rowWhere(rows, startsWith(0, "Condition 3.1:"));
  rows.splice(condition31, 0, [
    "Condition 3: SEND and AP system improvement. The authority undertakes to:",
  ]);
  const contacts = rowWhere(rows, startsWith(3, "Other key contacts"));
  rows.splice(
    contacts + 1,
    0,
    [""],
    ["Signed off by: Lizzie Watkin (S151 Officer) and Darryl Freeman (DCS)"],
    ["Date: 11/12/2024"]
  );
  return rows;
}

// The assurance levels as the legend's letters (S, A, O, R), which the return may use instead of colours.
const LETTERS: Readonly<Record<string, string>> = { Blue: "S", Green: "A", Amber: "O", Red: "R" };

/** The consistent return with every level written as its legend letter. */
function letterRows(): Rows {
  return consistentRows().map((cells) =>
    cells.map((cell, c) => (c <= 1 && LETTERS[cell] !== undefined ? LETTERS[cell] : cell))
  );
}

/** A workbook of one sheet holding the rows, line n in row n, field k in column k. */
function sheetOf(rows: Rows): Workbook {
  const draft = new WorkbookDraft();
  const sheet = draft.addSheet(SV_PUBLISHED_SHEET);
  rows.forEach((cells, r) =>
    cells.forEach((text, c) => {
      if (text !== "") sheet.set(r, c, text);
    })
  );
  return draft.toWorkbook();
}

const finding = (rule: string, row: number, col: number): ExpectedFinding => ({
  rule,
  severity: "error",
  sheet: SV_PUBLISHED_SHEET,
  address: address(row, col),
});

/** A faulty copy of the consistent return: one change, and the one finding it must give. */
function faulty(
  name: string,
  rule: string,
  change: (rows: Rows) => { row: number; col: number; value: string }
): RealSvExample {
  const rows = consistentRows();
  const { row, col, value } = change(rows);
  setCell(rows, row, col, value);
  return { name, workbook: sheetOf(rows), expected: [finding(rule, row, col)] };
}

/** The council's copy with its sign-off rows left blank: one finding, at the first name's cell. */
function councilSignOffEmpty(): RealSvExample {
  const rows = councilRows();
  const signed = rowWhere(rows, startsWith(0, "Signed off by:"));
  rows[signed] = ["Signed off by:"];
  rows[signed + 1] = ["Date:"];
  return {
    name: "real/faulty/sv-return-council-signoff-empty",
    workbook: sheetOf(rows),
    expected: [finding("sv-signoff", signed, 1)],
  };
}

/**
 * The assurance levels of the published return, per update (null: the label is there with no level;
 * a shorter list: the updates stop there). The consistent copies fill the gaps as `consistentRows` does.
 */
export const WILTSHIRE_LEVELS: Readonly<Record<string, readonly (string | null)[]>> = {
  "Condition 1": ["Green", "Amber"],
  "Condition 2": ["Green", "Red", "Red"],
  "Condition 3.1": ["Green", "Amber", "Amber"],
  "Condition 3.2": ["Green", "Green", "Green"],
  "Condition 3.3": ["Amber", "Amber", "Amber"],
  "Condition 3.4": ["Amber", "Amber", "Amber"],
  "Condition 3.5": ["Green", "Green", "Green"],
  "Risk 1": ["Green", "Green", null],
  "Risk 2": ["Green", "Green", null],
  "Risk 3": ["Amber", "Green", "Green"],
  "Risk 4": ["Amber", "Amber", "Blue"],
  "Risk 5": ["Amber", "Amber", "Amber"],
};

const FILLED: Readonly<Record<string, readonly string[]>> = {
  "Condition 1": ["Green", "Amber", "Red"],
  "Risk 1": ["Green", "Green", "Green"],
  "Risk 2": ["Green", "Green", "Green"],
};

const UPDATES = ["Update 1 (May)", "Update 2 (August)", "Update 3 (November)"];

/** Sheet names of the tidy copy. */
export const SV_TIDY_SHEETS = {
  overview: "Overview",
  update: "Detailed update",
  risks: "Risk register",
} as const;

/**
 * The consistent return as a council's own workbook would hold it: the same wording on three sheets
 * (no printed-page repeats), each condition and risk one merged cell over its six rows beside the
 * stacked Assurance Level column, the commentary merged alongside, the date a real date, and headings
 * in another case and punctuation ("Safety Valve Programme – Risk Register").
 */
function tidyWorkbook(): Workbook {
  const published = publishedRows();
  const from = (test: (cells: string[]) => boolean) => published[rowWhere(published, test)];
  const draft = new WorkbookDraft();

  const overview = draft.addSheet(SV_TIDY_SHEETS.overview);
  overview.set(0, 0, "Safety Valve Programme Overview");
  from(cellIs(0, "LA Name")).forEach((text, c) => overview.set(2, c, text));
  overview.merge(2, 3, 2, 4);
  overview.set(3, 0, "Wiltshire");
  overview.set(3, 1, excelDate("2024-12-11"), "d mmmm yyyy");
  overview.set(3, 2, "Yes");
  overview.merge(3, 2, 6, 2);
  const firstContact = rowWhere(published, cellIs(3, "CEO:"));
  for (let i = 0; i < 4; i++) {
    const cells = published[firstContact + i];
    overview.set(3 + i, 3, cells[3]);
    overview.set(3 + i, 4, cells[4]);
  }
  const onTrack = rowWhere(published, startsWith(0, "Is your LA's Safety Valve plan on track?"));
  for (let i = 0; i < 3; i++) published[onTrack + i].forEach((t, c) => overview.set(8 + i, c, t));
  const capital = rowWhere(published, startsWith(0, "Is your LA's Safety Valve capital project"));
  ["", "Yes/No", "Commentary"].forEach((t, c) => t && overview.set(12, c, t));
  published[capital].forEach((t, c) => overview.set(13, c, t));
  overview.set(15, 0, "Programme headlines");
  overview.set(16, 0, from(startsWith(0, "This quarter, the biggest drivers"))[0]);
  overview.set(17, 0, from(startsWith(0, "1. The continued relationships"))[0]);

  const table = (
    name: string,
    heading: string,
    header: readonly string[],
    prefix: "Condition" | "Risk"
  ) => {
    const sheet = draft.addSheet(name);
    sheet.set(0, 0, heading);
    header.forEach((text, c) => sheet.set(2, c, text));
    let row = 3;
    for (const [item, published] of Object.entries(WILTSHIRE_LEVELS)) {
      if (!item.startsWith(prefix)) continue;
      const cells = from(startsWith(0, `${item}:`));
      const levels = FILLED[item] ?? published;
      sheet.set(row, 0, cells[0]);
      sheet.merge(row, 0, row + 5, 0);
      UPDATES.forEach((update, u) => {
        sheet.set(row + 2 * u, 1, update);
        sheet.set(row + 2 * u + 1, 1, levels[u] ?? "");
      });
      for (let c = 2; c < header.length; c++) {
        sheet.set(row, c, cells[c] ?? "");
        sheet.merge(row, c, row + 5, c);
      }
      row += 6;
    }
    return { sheet, row };
  };
  const conditionHeader = from(cellIs(0, "Agreement Condition"));
  const update = table(
    SV_TIDY_SHEETS.update,
    "SAFETY VALVE PROGRAMME: DETAILED UPDATE",
    conditionHeader,
    "Condition"
  );
  const legend = rowWhere(published, cellIs(0, "RAG"));
  for (let i = 0; i < 5; i++)
    published[legend + i].forEach((t, c) => update.sheet.set(update.row + 1 + i, c, t));
  table(
    SV_TIDY_SHEETS.risks,
    "Safety Valve Programme – Risk Register",
    from(cellIs(0, "Risk")),
    "Risk"
  );
  return draft.toWorkbook();
}

/** The published-layout returns: as published, consistent copies, and one faulty copy per check. */
export function realSvExamples(): RealSvExample[] {
  const published = publishedRows();
  const signOff = rowWhere(published, cellIs(0, "Wiltshire"));
  const condition1 = rowWhere(published, startsWith(0, "Condition 1:"));
  const risk1 = rowWhere(published, startsWith(0, "Risk 1:"));
  const risk2 = rowWhere(published, startsWith(0, "Risk 2:"));
  const update3 = (from: number) => rowWhere(published, cellIs(1, "Update 3 (November)"), from);
  return [
    {
      name: "real/wiltshire-sv-return-2024-12",
      workbook: sheetOf(published),
      expected: [
        finding("sv-signoff", signOff, 2),
        finding("sv-assurance", condition1, 0),
        finding("sv-assurance", update3(risk1), 1),
        finding("sv-assurance", update3(risk2), 1),
      ],
    },
    {
      name: "real/wiltshire-sv-return-2024-12-consistent",
      workbook: sheetOf(consistentRows()),
      expected: [],
    },
    {
      name: "real/wiltshire-sv-return-2024-12-letters",
      workbook: sheetOf(letterRows()),
      expected: [],
    },
    {
      name: "real/wiltshire-sv-return-2024-12-tidy",
      workbook: tidyWorkbook(),
      expected: [],
    },
    {
      name: "real/wiltshire-sv-return-2024-12-council",
      workbook: sheetOf(councilRows()),
      expected: [],
    },
    faulty("real/faulty/sv-return-no-without-commentary", "sv-questions", (rows) => ({
      row: rowWhere(
        rows,
        startsWith(0, "To achieve the Safety Valve agreement's projected deficit")
      ),
      col: 2,
      value: "",
    })),
    faulty("real/faulty/sv-return-blank-latest-level", "sv-assurance", (rows) => ({
      ...levelOf(rows, "Condition 3.3:", "Update 3 (November)"),
      value: "",
    })),
    faulty("real/faulty/sv-return-level-not-in-legend", "sv-assurance", (rows) => ({
      ...levelOf(rows, "Condition 3.5:", "Update 3 (November)"),
      value: "G",
    })),
    councilSignOffEmpty(),
    faulty("real/faulty/sv-return-missing-dcs", "sv-signoff", (rows) => ({
      row: rowWhere(rows, cellIs(3, "DCS:")),
      col: 4,
      value: "",
    })),
  ];
}
