/** The DfE DSG deficit management plan (templates.md §1), sheets in the DfE order. */
import type { TemplateProfile } from "./profile";
import {
  EHCPS_BY_AGE,
  EHCPS_BY_NEED,
  END_OF_YEAR_POSITIONS,
  FINANCIAL_PLAN_PER_BLOCK,
} from "./headings";
import { EHCP_LABELS } from "../ehcp/ehcpLabels";

// Not "Summary - financial": the guidance names the narrative page so ("Summary: financial/children and
// young people narrative").
export const FINANCIAL_SUMMARY_SHEET = [
  "Financial summary",
  "Finance summary",
  "DSG financial summary",
  "DSG financial plan",
  "DSG management plan",
  "DSG plan",
  "Financial plan",
  "Financial",
  "Finance",
  "Fin summary",
];

export const DSG_MANAGEMENT_PLAN: TemplateProfile = {
  id: "dsg-management-plan",
  name: "DSG deficit management plan",
  markers: [
    { kind: "sheet", name: "Cover", synonyms: ["Cover", "Cover sheet"] },
    {
      kind: "sheet",
      name: "Introduction",
      synonyms: ["Introduction", "Management plan introduction"],
    },
    { kind: "sheet", name: "Narrative", synonyms: ["Narrative", "Summary narrative", "Summary"] },
    {
      kind: "sheet",
      name: "Financial summary",
      synonyms: FINANCIAL_SUMMARY_SHEET,
      required: true,
      holdsEndOfYear: true,
    },
    { kind: "sheet", name: "CYP summary", synonyms: EHCP_LABELS.cypSheet },
    { kind: "sheet", name: "Governance", synonyms: ["Governance", "Governance and management"] },
    {
      kind: "sheet",
      name: "Stakeholder engagement",
      synonyms: [
        "Stakeholder engagement",
        "Stakeholder engagement, co-production and consultation",
        "Stakeholders",
      ],
    },
    {
      kind: "section",
      name: "Summary of end of year positions",
      synonyms: END_OF_YEAR_POSITIONS,
      required: true,
      holdsEndOfYear: true,
    },
    {
      kind: "section",
      name: "Financial plan per funding block",
      synonyms: FINANCIAL_PLAN_PER_BLOCK,
    },
    { kind: "section", name: "Number of EHCPs by age group", synonyms: EHCPS_BY_AGE },
    { kind: "section", name: "Number of EHCPs by primary need", synonyms: EHCPS_BY_NEED },
  ],
  financialSheets: FINANCIAL_SUMMARY_SHEET,
  minimumScore: 0.4,
};
