/**
 * The Safety Valve monitoring return (research/real-template.md). Councils lay it out on one sheet or
 * several, so it is recognised by its section headings: the published return heads its pages "SAFETY
 * VALVE PROGRAMME OVERVIEW", "... DETAILED UPDATE" and "... RISK REGISTER". It has no finance summary of
 * its own ("the current financial forecast is detailed on the attached finance template"): when a
 * council adds one, in the shape of the management plan's end of year positions, the deficit checks
 * read it; without one they have nothing to check and say nothing.
 */
import type { TemplateProfile } from "./profile";
import { labelSet } from "../labels";
import { ASSURANCE_HEADER, ITEM_HEADERS } from "../svReturn/svReturnLabels";
import {
  END_OF_YEAR_POSITIONS,
  SV_DETAILED_UPDATE,
  SV_HEADLINES,
  SV_ON_TRACK,
  SV_OVERVIEW,
  SV_RAG_LEGEND,
  SV_RISK_REGISTER,
} from "./headings";

const FINANCE_SHEET = [
  "Finance summary",
  "Finance",
  "Financial summary",
  "Finance return",
  "Finance template",
  "DSG finance template",
  "SV finance template",
  "Safety Valve finance template",
  "DSG finance",
];

export const SAFETY_VALVE_RETURN: TemplateProfile = {
  id: "safety-valve-return",
  name: "Safety Valve monitoring return",
  markers: [
    // The page headings may follow the council's name ("Borsetshire – SAFETY VALVE PROGRAMME OVERVIEW").
    {
      kind: "section",
      name: "Safety Valve programme overview",
      synonyms: SV_OVERVIEW,
      afterName: true,
      // The overview's header row: "LA Name | Date Report Submitted | Signed off by ...".
      headerRows: [
        [
          labelSet(["LA Name", "Local authority name", "Local authority"]),
          labelSet(["Date Report Submitted", "Date submitted", "Date of submission"]),
        ],
      ],
    },
    {
      kind: "section",
      name: "Is your LA's Safety Valve plan on track?",
      synonyms: SV_ON_TRACK,
      required: true,
    },
    { kind: "section", name: "Programme headlines", synonyms: SV_HEADLINES },
    {
      kind: "section",
      name: "Safety Valve programme detailed update",
      synonyms: SV_DETAILED_UPDATE,
      required: true,
      afterName: true,
      headerRows: [[ITEM_HEADERS.condition, ASSURANCE_HEADER]],
    },
    { kind: "section", name: "RAG legend", synonyms: SV_RAG_LEGEND },
    {
      kind: "section",
      name: "Safety Valve programme risk register",
      synonyms: SV_RISK_REGISTER,
      afterName: true,
      headerRows: [[ITEM_HEADERS.risk, ASSURANCE_HEADER]],
    },
    // Optional: the finance figures usually come in a separate workbook.
    {
      kind: "section",
      name: "Finance summary",
      synonyms: END_OF_YEAR_POSITIONS,
      holdsEndOfYear: true,
    },
    { kind: "sheet", name: "Finance summary", synonyms: FINANCE_SHEET, holdsEndOfYear: true },
  ],
  financialSheets: FINANCE_SHEET,
  financeOptional: true,
  // Six of the eight markers: the overview, headlines, risks and finance headings alone (which a
  // management plan may well have) are not enough to take a workbook for a Safety Valve return.
  minimumScore: 0.7,
};
