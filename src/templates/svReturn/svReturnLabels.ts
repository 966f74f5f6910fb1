/**
 * The words of the Safety Valve monitoring return (fixtures/safety-valve-return.md): overview labels,
 * contact roles, question column headings, and the standard assurance levels (letters with their colours).
 * Section headings are in profiles/headings.ts.
 */
import { labelSet } from "../labels";
import type { ContactRole } from "./svReturnModel";

export const OVERVIEW_LABELS = {
  laName: labelSet(["LA Name", "Local authority name", "Name of local authority"]),
  dateSubmitted: labelSet([
    "Date Report Submitted",
    "Date submitted",
    "Date of submission",
    "Submission date",
  ]),
  signedOff: labelSet([
    "Signed off by S151 Officer & Director of Children's Services",
    "Signed off by S151 Officer and DCS",
    "Signed off by S151 Officer",
    "Signed off by",
    // Councils' own headings of the same field: "Sign-off (S151 & DCS)", "Approved by S151 Officer and DCS".
    "Signed off",
    "Sign off S151",
    "Sign off by S151",
    "Signed by S151",
    "Approved by S151",
    "Signature S151",
    "S151 and DCS sign off",
    "S151 & DCS sign-off",
  ]),
  /** The published return heads its contacts column "Name & Email Address of Key Personnel". */
  keyPersonnel: labelSet([
    "Name & Email Address of Key Personnel",
    "Name and email address of key personnel",
    "Key personnel",
    "Key contacts",
  ]),
};

export const CONTACT_LABELS: readonly { role: ContactRole; labels: readonly string[] }[] = [
  { role: "ceo", labels: labelSet(["CEO", "Chief executive", "Chief executive officer"]) },
  { role: "s151", labels: labelSet(["S151 Officer", "Section 151 officer", "S151"]) },
  {
    role: "dcs",
    labels: labelSet(["DCS", "Director of Children's Services", "Director of children services"]),
  },
  {
    role: "other",
    labels: labelSet([
      "Other key contacts for Safety Valve",
      "Other key contacts",
      "Other contacts",
    ]),
  },
];

export const QUESTION_COLUMNS = {
  answer: labelSet(["Yes/No", "Yes or No", "Y/N", "Answer", "On track"]),
  commentary: labelSet(["Commentary", "Comments", "Comment", "Explanation", "Narrative"]),
};

export const ITEM_COLUMNS = {
  progress: labelSet([
    "Progress Update from this Quarter",
    "Progress update",
    "Progress",
    "Commentary",
  ]),
  mitigation: labelSet(["Mitigation", "Mitigations", "Mitigating actions"]),
};

/**
 * Column headings of a detailed update or risk register table laid out as published: the condition (or
 * risk) column, then one "Assurance Level" column stacking each update's label with its level below.
 * Matched exactly ("Risk 1: ..." is an item, not a heading).
 */
export const ITEM_HEADERS = {
  condition: labelSet([
    "Agreement Condition",
    "Agreement Conditions",
    "Condition",
    "Conditions",
    "Condition of the agreement",
    "Conditions of the agreement",
    "Condition of agreement",
    "Safety Valve condition",
    "Safety Valve conditions",
    "SV condition",
    "SV conditions",
    "Deal condition",
    "Deal conditions",
  ]),
  risk: labelSet([
    "Risk",
    "Risks",
    "Risk description",
    "Description of risk",
    "Risk title",
    "Identified risk",
    "Key risks",
    "Risk to the plan",
    "Risks to delivery",
  ]),
};

export const ASSURANCE_HEADER = labelSet([
  "Assurance Level",
  "Assurance levels",
  "Assurance",
  "Current assurance level",
  "Overall assurance level",
  "RAG",
  "Assurance rating",
  "Level of assurance",
  "RAG rating",
  "RAG status",
  "Rating",
  "Current rating",
  "Current RAG",
  "Overall RAG",
  "RAG assessment",
  "Level",
  "Status",
]);

/** Assurance levels of the return: each letter goes with a colour word (the return uses both). */
export const STANDARD_LEVELS: readonly { letter: string; colour: string; meaning: string }[] = [
  { letter: "S", colour: "Blue", meaning: "savings or cost avoidance and/or workstream complete" },
  { letter: "A", colour: "Green", meaning: "remains on target" },
  { letter: "O", colour: "Amber", meaning: "currently off target, with plans to mitigate" },
  { letter: "R", colour: "Red", meaning: "off target" },
];

/**
 * Levels written as the status they stand for rather than a letter or colour ("On track", "At risk"), and the
 * standard level each means: councils' own registers use them, and the DfE legend defines A as remaining on
 * target and R as off target.
 */
export const STATUS_LEVELS: Readonly<Record<string, string>> = {
  complete: "S",
  completed: "S",
  met: "S",
  "condition met": "S",
  withdrawn: "S",
  achieved: "S",
  closed: "S",
  "on track": "A",
  "on target": "A",
  "at risk": "O",
  "off track": "R",
  "off target": "R",
  "not on track": "R",
  // Risk registers rate risks low, medium or high.
  low: "A",
  "low risk": "A",
  medium: "O",
  "medium risk": "O",
  high: "R",
  "high risk": "R",
};

export const COLOUR_WORDS = [
  "blue",
  "green",
  "amber",
  "red",
  "purple",
  "grey",
  "black",
  "yellow",
  "orange",
];
