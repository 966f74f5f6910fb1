/**
 * The words the DfE management plan uses for its children and young people (EHCP) tables: placement types,
 * age groups and primary needs (in the template's order), with the full names and abbreviations councils
 * write instead. Everything here is data; the locator matches it with `labels.ts`.
 */
import { labelSet, type LabelSet } from "../labels";

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

/** One thing the tables label a row or heading with, and how its label may be written. */
export interface LabelledKey<K extends string> {
  readonly key: K;
  /** The template's wording, used in messages. */
  readonly name: string;
  /** Full names: matched allowing extra words after them ("ASD - Autistic spectrum disorder"). */
  readonly names: LabelSet;
  /** Abbreviations and short forms: matched as the whole cell, so "PD" never matches "PDF". */
  readonly short: LabelSet;
}

function keyed<K extends string>(
  key: K,
  name: string,
  names: readonly string[],
  short: readonly string[] = []
) {
  return {
    key,
    name,
    names: labelSet([name, ...names]),
    short: labelSet(short),
  } satisfies LabelledKey<K>;
}

/** Placement types in the template's order (domain research §1.4). */
export const PLACEMENTS: readonly LabelledKey<PlacementType>[] = [
  keyed("mainstream", "Mainstream schools or academies", [
    "Mainstream schools and academies",
    "Mainstream",
  ]),
  keyed("resourced-provision", "Resourced provision or SEN units", [
    "Resourced provision and SEN units",
    "Resourced provision",
    "SEN units",
  ]),
  keyed("special", "Maintained special schools or special academies", [
    "Maintained special schools and special academies",
    "Maintained special schools",
    "Special schools or academies",
  ]),
  keyed(
    "independent",
    "NMSS or independent",
    [
      "Non-maintained or independent special schools",
      "Non-maintained or independent special",
      "Non-maintained special schools or independent",
      "Independent or non-maintained special schools",
      "NMSS or independent schools",
      "NMSS and independent",
    ],
    ["NMSS", "INMSS", "NMSS/independent", "Independent"]
  ),
  keyed(
    "hospital-or-ap",
    "Hospital schools or alternative provision",
    [
      "Hospital schools or AP",
      "Hospital schools and alternative provision",
      "Hospital schools and AP",
    ],
    ["AP", "Alternative provision"]
  ),
  keyed(
    "post-16",
    "Post 16 and further education",
    [
      "Post-16 and FE",
      "Post 16 and FE",
      "Post-16 and further education",
      "Post 16 or further education",
    ],
    ["Post 16", "Post-16", "FE", "Further education"]
  ),
  keyed("other", "Other placements or direct payments", [
    "Other placements and direct payments",
    "Other placements",
  ]),
];

/** Age groups: whole years on 31 August before the academic year, as in SEN2. */
export const AGE_GROUPS: readonly LabelledKey<AgeGroup>[] = [
  keyed("under-5", "Under 5", ["Under 5s", "Aged under 5", "Age under 5", "0 to 4", "Age 0 to 4"]),
  keyed("5-to-10", "5 to 10", ["Aged 5 to 10", "Age 5 to 10", "Ages 5 to 10", "5 10"]),
  keyed("11-to-15", "11 to 15", ["Aged 11 to 15", "Age 11 to 15", "Ages 11 to 15", "11 15"]),
  keyed("16-to-19", "16 to 19", ["Aged 16 to 19", "Age 16 to 19", "Ages 16 to 19", "16 19"]),
  keyed("20-to-25", "20 to 25", ["Aged 20 to 25", "Age 20 to 25", "Ages 20 to 25", "20 25"]),
];

/** The only age groups a post-16 placement may hold (domain research §1.4). */
export const POST_16_AGE_GROUPS: readonly AgeGroup[] = ["16-to-19", "20-to-25"];

/** Primary needs in the SEN2 order, with their full names. */
export const PRIMARY_NEEDS: readonly LabelledKey<PrimaryNeed>[] = [
  keyed("ASD", "ASD", ["Autistic spectrum disorder", "Autism spectrum disorder", "Autism"]),
  keyed("HI", "HI", ["Hearing impairment"]),
  keyed("MLD", "MLD", ["Moderate learning difficulty", "Moderate learning difficulties"]),
  keyed("MSI", "MSI", ["Multi-sensory impairment", "Multi sensory impairment"]),
  keyed("PD", "PD", ["Physical disability"]),
  keyed("PMLD", "PMLD", [
    "Profound and multiple learning difficulty",
    "Profound and multiple learning difficulties",
  ]),
  keyed("SEMH", "SEMH", ["Social, emotional and mental health"]),
  keyed("SLCN", "SLCN", [
    "Speech, language and communication needs",
    "Speech language and communication",
  ]),
  keyed("SLD", "SLD", ["Severe learning difficulty", "Severe learning difficulties"]),
  keyed("SPLD", "SPLD", ["Specific learning difficulty", "Specific learning difficulties", "SpLD"]),
  keyed("VI", "VI", ["Visual impairment"]),
  keyed("OTH", "OTH", [
    "Other difficulty/disability",
    "Other difficulty or disability",
    "Other difficulty",
  ]),
  keyed("UKN", "UKN", [
    "SEN support but no specialist assessment of type of need",
    "No specialist assessment of type of need",
    "Unknown",
  ]),
];

/** Total and flow rows, LA-wide headings and the CYP sheet's names (table titles are in profiles/headings.ts). */
export const EHCP_LABELS = {
  ageTotal: labelSet([
    "Total number by age group",
    "Total number of EHCPs by age group",
    "Total by age group",
    "Total number by age",
  ]),
  needTotal: labelSet([
    "Total number of EHCPs by primary need",
    "Total number by primary need",
    "Total by primary need",
    "Total number of EHCPs by need",
  ]),
  newPlans: labelSet([
    "New EHCPs",
    "New EHC plans",
    "Number of new EHCPs",
    "New plans",
    "EHCPs issued",
    "New EHCPs issued",
  ]),
  ceasedPlans: labelSet([
    "Ceased EHCPs",
    "Ceased EHC plans",
    "Number of ceased EHCPs",
    "Ceased plans",
    "EHCPs ceased",
    "Plans ceased",
  ]),
  requests: labelSet([
    "EHC needs assessment requests",
    "Requests for EHC needs assessment",
    "Requests for EHC needs assessments",
    "EHC needs assessment requests received",
    "Requests for assessment",
  ]),
  /** Headings of an LA-wide block (flows for the whole local authority rather than one placement). */
  allPlacements: labelSet([
    "All placements",
    "All placement types",
    "All EHCPs",
    "Whole local authority",
    "Local authority total",
    "LA total",
    "LA wide",
  ]),
  /** An LA-wide stock row, when the council shows one. */
  allTotal: labelSet([
    "Total EHCPs",
    "Total number of EHCPs",
    "All EHCPs",
    "Total EHCPs all placements",
  ]),
  cypSheet: [
    "CYP summary",
    "Children and young people summary",
    "Children and young people",
    "CYP",
  ],
} as const;
