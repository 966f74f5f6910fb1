/**
 * The samples the workbench offers: every JSON snapshot under examples/snapshots (the consistent plan, the
 * Safety Valve return, each faulty copy), bundled into the page at build time, plus the full-size plan
 * generated in the page. Each has a title in words and a group for the picker: the examples, then the
 * faulty copies under the title of the check each one breaks, with the fault seeded in them
 * (examples/faults.json) shown beside the picker.
 */
import type { Workbook } from "../workbook/workbook";
import { quoteSheetName } from "../workbook/address";
import { fullSizePlan } from "../../examples/examples";
import { COUNCIL_WORDING, councilWordingPlan } from "./councilWording";
import { RULES } from "../validation/rules/index";

/** The picker's groups, in the order they are listed. */
export const EXAMPLE_GROUPS = ["Examples", "Faulty copies"] as const;

export interface WorkbenchExample {
  readonly id: string;
  readonly label: string;
  readonly group: (typeof EXAMPLE_GROUPS)[number];
  /** What was broken on purpose, for faulty copies. */
  readonly fault?: string;
  workbook(): Workbook;
}

interface FaultEntry {
  readonly file: string;
  readonly rule: string;
  readonly sheet: string;
  readonly address: string;
  readonly fault: string;
}

const snapshots = import.meta.webpackContext("../../examples/snapshots", {
  recursive: true,
  regExp: /\.json$/,
});
// Looked up through a context so the page still builds while examples/faults.json is being written.
const faultFiles = import.meta.webpackContext("../../examples", {
  recursive: false,
  regExp: /^\.\/faults\.json$/,
});
const faults = faultFiles.keys().flatMap((key) => faultFiles(key) as FaultEntry[]);

/** "./faulty/roll-forward.json" → "faulty/roll-forward", the name examples use for the .xlsx file too. */
const idOf = (key: string) => key.replace(/^\.\//, "").replace(/\.json$/, "");

/** Titles of the consistent samples and layout variants, by id; an id not listed is shown as it is. */
const TITLES: Readonly<Record<string, string>> = {
  "dsg-management-plan": "DSG management plan (consistent)",
  "safety-valve-return": "Safety Valve monitoring return (consistent)",
  "wiltshire-2024-08-summary": "Wiltshire's August 2024 forecast, as published",
  "variants/block-moved-down": "Plan with the schools block moved down",
  "variants/columns-shifted": "Plan with its columns shifted right",
  "variants/deficits-negative": "Plan with deficits shown as negative numbers",
  "variants/rows-inserted": "Plan with rows inserted",
  "variants/thousands": "Plan in £000",
  "variants/years-in-words": "Plan with years written '2024 to 2025'",
  "variants/years-slash": "Plan with years written '2024/25'",
};

function describe(id: string): Pick<WorkbenchExample, "label" | "fault" | "group"> {
  const fault = faults.find((f) => f.file.replace(/^examples\//, "").replace(/\.xlsx$/, "") === id);
  if (!fault) return { label: TITLES[id] ?? id, group: "Examples" };
  const where = fault.sheet ? ` at ${quoteSheetName(fault.sheet)}!${fault.address}` : "";
  const title = RULES.find((rule) => rule.id === fault.rule)?.title ?? fault.rule;
  return {
    label: `Breaks: ${title}`,
    group: "Faulty copies",
    fault: `Seeded fault: ${fault.fault} (expect ${fault.rule}${where}).`,
  };
}

const fromSnapshots: WorkbenchExample[] = [
  ...new Set(
    snapshots
      .keys()
      .filter((key) => key.startsWith("./"))
      .map(idOf)
  ),
]
  // Consistent samples first, then layout variants and faulty copies.
  .sort((a, b) => Number(a.includes("/")) - Number(b.includes("/")) || a.localeCompare(b))
  .map((id) => ({ id, ...describe(id), workbook: () => snapshots(`./${id}.json`) as Workbook }));

const consistent = fromSnapshots.filter((example) => !example.id.includes("/"));

const PLAN = "./dsg-management-plan.json";
const plan = () => snapshots(PLAN) as Workbook;
const { carriedForward, dfePayments } = COUNCIL_WORDING;

/** The consistent plan with a row in a council's own words, for trying "Point a check at a row". */
const councilWording: WorkbenchExample[] = snapshots.keys().includes(PLAN)
  ? [
      {
        id: "council-wording",
        label: `Council wording: '${carriedForward.council}'`,
        group: "Examples",
        fault: `The carried-forward row reads '${carriedForward.council}', so the checks that need it cannot run: select it in the sheet and use it as '${carriedForward.template}'.`,
        workbook: () => councilWordingPlan(plan()).workbook,
      },
      {
        id: "council-wording-payments",
        label: `Council wording: '${dfePayments.council}'`,
        group: "Examples",
        fault: `The DfE payments row reads '${dfePayments.council}', so the roll-forward fails in most years and the layout is not confirmed: point at the row as '${dfePayments.template}'.`,
        workbook: () => councilWordingPlan(plan(), ["dfePayments"]).workbook,
      },
    ]
  : [];

export const EXAMPLES: readonly WorkbenchExample[] = [
  ...consistent,
  // Built in the page rather than stored: the largest plan the add-in expects, for sizing the read.
  {
    id: "full-size-plan",
    label: "Full-size plan (ten years, generated)",
    group: "Examples",
    workbook: fullSizePlan,
  },
  ...councilWording,
  ...fromSnapshots.filter((example) => example.id.includes("/")),
];
