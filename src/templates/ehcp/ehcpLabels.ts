/**
 * What the DfE management plan's children and young people (EHCP) tables mean by their labels: placement
 * types, age groups and primary needs (in the template's order), their totals and flows, as data read by
 * `meaning.ts`. The template words them at length ("Speech, Language and Communications needs",
 * "Non-maintained special schools or independent (NMSS or independent) placements"); councils shorten
 * them ("SLCN", "NMSS"). Each meaning's name is the template's wording, used in messages.
 */
import { meanings, type Meaning, type MeaningSource } from "../meaning";

export type PlacementType =
  | "mainstream"
  | "resourced-provision"
  | "special"
  | "independent"
  | "hospital-or-ap"
  | "post-16"
  | "other";

export type AgeGroup = "under-5" | "5-to-10" | "11-to-15" | "16-to-19" | "20-to-25";

export type PrimaryNeed =
  | "ASD"
  | "HI"
  | "MLD"
  | "MSI"
  | "PD"
  | "PMLD"
  | "SEMH"
  | "SLCN"
  | "SLD"
  | "SPLD"
  | "VI"
  | "OTH"
  | "UKN";

// Words that make a heading a remark about placements rather than the heading of one.
const NOT_A_PLACEMENT_HEADING = [
  "total",
  "increase",
  "growth",
  "decrease",
  "change",
  "note",
  "cost",
];

/** Placement types in the template's order (domain research §1.4). */
export const PLACEMENTS: readonly Meaning<PlacementType>[] = meanings([
  {
    key: "mainstream",
    name: "Mainstream schools or academies",
    means: ["mainstream"],
    not: NOT_A_PLACEMENT_HEADING,
  },
  {
    key: "resourced-provision",
    name: "Resourced provision or SEN units",
    means: ["resourced provision", "sen unit", "resource base|provision", "resourced", "unit"],
    not: NOT_A_PLACEMENT_HEADING,
  },
  {
    key: "special",
    name: "Maintained special schools or special academies",
    means: ["maintained special", "special school|academy", "special"],
    not: ["nonmaintained", "independent", ...NOT_A_PLACEMENT_HEADING],
  },
  {
    key: "independent",
    name: "NMSS or independent",
    means: ["nonmaintained special", "independent special", "nonmaintained", "independent"],
    not: NOT_A_PLACEMENT_HEADING,
  },
  {
    key: "hospital-or-ap",
    name: "Hospital schools or alternative provision",
    means: ["hospital", "alternative provision", "pupil referral", "pru"],
    not: NOT_A_PLACEMENT_HEADING,
  },
  {
    key: "post-16",
    name: "Post 16 and further education",
    means: ["post16", "further education", "college"],
    not: NOT_A_PLACEMENT_HEADING,
  },
  {
    key: "other",
    name: "Other placements or direct payments",
    means: [
      "other placement|setting",
      "direct payment",
      "elective home education",
      "eota",
      "education otherwise",
    ],
    not: NOT_A_PLACEMENT_HEADING,
  },
]);

const POST_16_PLACEMENT_WORDS = [
  "further",
  "education",
  "fe",
  "college",
  "institution",
  "specialist",
  "placement",
  "setting",
  "provision",
];

/** Age groups: whole years on 31 August before the academic year, as in SEN2. */
export const AGE_GROUPS: readonly Meaning<AgeGroup>[] = meanings([
  {
    key: "under-5",
    name: "Under 5",
    means: ["under 5", "under 5s", "0 4", "below 5"],
    not: ["total"],
  },
  { key: "5-to-10", name: "Age 5 to 10", means: ["5 10"], not: ["total"] },
  { key: "11-to-15", name: "Age 11 to 15", means: ["11 15"], not: ["total"] },
  // "Post-16" and "Post-19" name age groups too; "Post-16 further education" is a placement.
  {
    key: "16-to-19",
    name: "Age 16 to 19",
    means: ["16 19", "post16"],
    not: ["total", ...POST_16_PLACEMENT_WORDS],
  },
  {
    key: "20-to-25",
    name: "Age 20 to 25",
    means: ["20 25", "post 19"],
    not: ["total", ...POST_16_PLACEMENT_WORDS],
  },
]);

/** The only age groups a post-16 placement may hold (domain research §1.4). */
export const POST_16_AGE_GROUPS: readonly AgeGroup[] = ["16-to-19", "20-to-25"];

/**
 * A need by its full name (extra words allowed) and by its SEN2 code (or another short form) as the
 * whole label.
 */
function need(
  key: PrimaryNeed,
  name: string,
  means: readonly string[],
  codes: readonly string[] = []
): MeaningSource<PrimaryNeed>[] {
  return [
    { key, name, means, not: ["total"] },
    { key, name, means: [key.toLowerCase(), ...codes], whole: true },
  ];
}

/** Primary needs in the SEN2 order, as the template spells them. */
export const PRIMARY_NEEDS: readonly Meaning<PrimaryNeed>[] = meanings([
  ...need("ASD", "Autistic Spectrum Disorder", ["autistic|autism"], ["asc"]),
  ...need("HI", "Hearing Impairment", ["hearing"]),
  ...need("MLD", "Moderate Learning Difficulty", ["moderate learning"]),
  ...need("MSI", "Multi-Sensory Impairment", ["multisensory", "multi sensory"]),
  ...need("PD", "Physical Disability", ["physical"]),
  ...need("PMLD", "Profound & Multiple Learning Difficulty", [
    "profound multiple",
    "profound learning",
  ]),
  ...need("SEMH", "Social, Emotional and Mental Health", [
    "social emotional",
    "emotional mental",
    "mental health",
  ]),
  ...need("SLCN", "Speech, Language and Communications needs", [
    "speech language",
    "speech communication",
    "language communication",
  ]),
  ...need("SLD", "Severe Learning Difficulty", ["severe learning"]),
  ...need("SPLD", "Specific Learning Difficulty", ["specific learning"]),
  ...need("VI", "Visual Impairment", ["visual"]),
  // "Other" alone is the need table's other row; in a placement heading it is read as a placement first.
  ...need("OTH", "Other Difficulty/Disability", ["other difficulty|disability|need"], ["other"]),
  // SEN2 has changed this row's code and wording over the years (UKN, NSA "no specialist assessment",
  // NONE), and councils add the plans still awaiting assessment or with no need recorded to it.
  ...need(
    "UKN",
    "SEN support but no specialist assessment of type of need",
    [
      "no specialist assessment",
      "not assessed",
      "unknown",
      "not known",
      "awaiting assessment",
      "not recorded",
      "no need recorded",
      "need not recorded",
    ],
    ["nsa", "none", "awaiting", "unrecorded"]
  ),
]);

export type EhcpRowKey =
  "ageTotal" | "needTotal" | "newPlans" | "ceasedPlans" | "requests" | "allTotal";

/** Total and flow rows of the tables. */
export const EHCP_ROWS: readonly Meaning<EhcpRowKey>[] = meanings([
  { key: "ageTotal", name: "Total number by Age Group", means: ["total age"] },
  {
    key: "needTotal",
    name: "Total number of EHCPs by primary need",
    means: ["total need", "total primary"],
  },
  {
    key: "newPlans",
    name: "New EHCPs",
    means: ["new ehcp|plan", "ehcp issued", "issued"],
    not: ["request", "assessment", "total"],
  },
  {
    key: "ceasedPlans",
    name: "Ceased EHCPs",
    means: ["ceased|ceasing|discontinued"],
    not: ["total"],
  },
  {
    key: "requests",
    name: "EHC needs assessment requests",
    means: ["assessment request", "request assessment", "request"],
    not: ["total"],
  },
  {
    key: "allTotal",
    name: "Total EHCPs",
    means: ["total ehcp", "total number ehcp", "all ehcp", "total ehcp all placement"],
    whole: true,
  },
]);

/** The name of the local authority's tables across all placements, in messages. */
export const ALL_PLACEMENTS = { key: "all", name: "All placements" } as const;

/**
 * Total rows that do not say which table they total ("Total", "Grand total", "Total EHCPs"): a table's
 * total when they sit right under its rows.
 */
export const BARE_TOTALS: readonly Meaning<"total">[] = meanings([
  {
    key: "total",
    name: "Total",
    means: ["total", "grand total", "subtotal", "total ehcp", "total number ehcp", "total number"],
    whole: true,
  },
]);

/** LA-wide headings and the CYP sheet's names (table titles are in profiles/headings.ts). */
export const EHCP_LABELS = {
  /** Headings of an LA-wide block (flows for the whole local authority rather than one placement). */
  allPlacements: [
    "All placements",
    "All placement types",
    "Total all placements",
    "Total for all placements",
    "All placements total",
    "All EHCPs",
    "Whole local authority",
    "Local authority total",
    "LA total",
    "LA wide",
  ],
  cypSheet: [
    "CYP summary",
    "Children and young people summary",
    "Children and young people sum",
    "Children and young people summ",
    "Children and YP summary",
    "Children & YP summary",
    "Children and young people",
    "Children & young people",
    "CYP",
    "CYP data",
    "EHCP summary",
    "EHCPs",
  ],
} as const;
