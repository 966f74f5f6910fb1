/**
 * The Safety Valve monitoring return (templates.md §2). Councils lay it out on one sheet or several, so
 * it is recognised mostly by its section headings; its finance summary has the shape of the management
 * plan's end of year positions.
 */
import type { TemplateProfile } from "./profile";
import {
  END_OF_YEAR_POSITIONS,
  SV_DETAILED_UPDATE,
  SV_HEADLINES,
  SV_ON_TRACK,
  SV_RAG_LEGEND,
  SV_RISK_REGISTER,
} from "./headings";

const FINANCE_SHEET = ["Finance summary", "Finance", "Financial summary", "Finance return"];

export const SAFETY_VALVE_RETURN: TemplateProfile = {
  id: "safety-valve-return",
  name: "Safety Valve monitoring return",
  markers: [
    {
      kind: "section",
      name: "Is your LA's Safety Valve plan on track?",
      synonyms: SV_ON_TRACK,
      required: true,
    },
    { kind: "section", name: "Programme headlines", synonyms: SV_HEADLINES },
    { kind: "section", name: "Detailed update", synonyms: SV_DETAILED_UPDATE },
    { kind: "section", name: "RAG legend", synonyms: SV_RAG_LEGEND },
    { kind: "section", name: "Risk register", synonyms: SV_RISK_REGISTER },
    {
      kind: "section",
      name: "Finance summary",
      synonyms: END_OF_YEAR_POSITIONS,
      required: true,
      holdsEndOfYear: true,
    },
    { kind: "sheet", name: "Finance summary", synonyms: FINANCE_SHEET },
  ],
  financialSheets: FINANCE_SHEET,
  minimumScore: 0.4,
};
