/**
 * Section headings of the DfE templates (templates.md), with the synonyms councils use. This is the one
 * place each heading list lives: the profiles use them to recognise a workbook, the locators to find
 * where a section starts, and `findSection` to know where the previous section ends.
 */

export const FINANCIAL_PLAN_PER_BLOCK = [
  "Financial plan per funding block",
  "Financial plan by funding block",
  "Funding blocks",
];
export const END_OF_YEAR_POSITIONS = [
  "Summary of end of year positions",
  "Summary of end-of-year positions",
  "End of year positions",
  "Finance summary",
];
export const MITIGATIONS = [
  "Mitigations",
  "Mitigation plan",
  "Mitigating actions",
  "Mitigation workstreams",
  "Savings and mitigations",
  "Mitigations and savings",
];
export const SAFETY_VALVE_AGREEMENT = [
  "Safety Valve agreement",
  "Safety Valve agreement limits",
  "SV agreement",
  "SV agreement limits",
  "Safety Valve limits",
];

export const EHCPS_BY_AGE = ["Number of EHCPs by age group", "EHCPs by age group"];
export const EHCPS_BY_NEED = ["Number of EHCPs by primary need", "EHCPs by primary need"];

// The published Safety Valve return heads its pages "SAFETY VALVE PROGRAMME OVERVIEW", "... DETAILED
// UPDATE", "... RISK REGISTER": each SV heading is also accepted after these prefixes (case and
// punctuation do not matter, and words may follow: "Safety Valve Programme - Risk Register (Q3)").
const SV_PREFIXES = ["", "Safety Valve programme ", "Safety Valve ", "SV programme ", "SV "];
const svHeadings = (...headings: string[]): string[] =>
  headings.flatMap((heading) => SV_PREFIXES.map((prefix) => prefix + heading));

export const SV_ON_TRACK = [
  "Is your LA's Safety Valve plan on track?",
  "Is your LAs Safety Valve plan on track",
  "Is the plan on track",
  "Is the Safety Valve plan on track",
  "Is your plan on track",
  "On-track questions",
  "On track questions",
];
export const SV_HEADLINES = svHeadings("Programme headlines", "Headlines");
export const SV_DETAILED_UPDATE = svHeadings(
  "Detailed update",
  "Detailed update on conditions",
  "Conditions of the agreement"
);
// The published legend is a table headed "RAG | Definition".
export const SV_RAG_LEGEND = svHeadings(
  "RAG legend",
  "RAG rating key",
  "RAG key",
  "Assurance levels",
  "RAG",
  "Rating",
  "Ratings",
  "Rating key",
  "Legend",
  "Key to ratings",
  "Key to RAG ratings",
  "Assurance level key"
);
export const SV_RISK_REGISTER = svHeadings("Risk register", "Risks");
export const SV_OVERVIEW = svHeadings("Programme overview", "Overview", "Sign off", "Sign-off");

export const GOVERNANCE_SIGN_OFF = [
  "Sign off and review of the management plan",
  "Sign off and review",
  "Sign-off",
];
export const WORKSTREAM_LOG = ["Workstream log", "Workstreams"];

/** Every known heading: a section runs from its heading to the next of these (or the end of the sheet). */
export const ALL_SECTION_HEADINGS: readonly string[] = [
  FINANCIAL_PLAN_PER_BLOCK,
  END_OF_YEAR_POSITIONS,
  MITIGATIONS,
  SAFETY_VALVE_AGREEMENT,
  EHCPS_BY_AGE,
  EHCPS_BY_NEED,
  SV_ON_TRACK,
  SV_HEADLINES,
  SV_DETAILED_UPDATE,
  SV_RAG_LEGEND,
  SV_RISK_REGISTER,
  SV_OVERVIEW,
  GOVERNANCE_SIGN_OFF,
  WORKSTREAM_LOG,
].flat();
