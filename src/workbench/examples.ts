/**
 * The samples the workbench offers: every JSON snapshot under examples/snapshots (the consistent plan, the
 * Safety Valve return, each faulty copy), bundled into the page at build time, plus the full-size plan
 * generated in the page. Faulty copies are labelled with the fault seeded in them (examples/faults.json).
 */
import type { Workbook } from "../workbook/workbook";
import { quoteSheetName } from "../workbook/address";
import { fullSizePlan } from "../../examples/examples";
import { COUNCIL_WORDING, councilWordingPlan } from "./councilWording";

export interface WorkbenchExample {
  readonly id: string;
  readonly label: string;
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

function describe(id: string): Pick<WorkbenchExample, "label" | "fault"> {
  const fault = faults.find((f) => f.file.replace(/^examples\//, "").replace(/\.xlsx$/, "") === id);
  if (!fault)
    return {
      label: id.startsWith("variants/") ? `Layout variant: ${id.slice("variants/".length)}` : id,
    };
  const where = fault.sheet ? ` at ${quoteSheetName(fault.sheet)}!${fault.address}` : "";
  return {
    label: `Faulty: ${fault.rule}`,
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
        fault: `The carried-forward row reads '${carriedForward.council}', so the checks that need it cannot run: select it in the sheet and use it as '${carriedForward.template}'.`,
        workbook: () => councilWordingPlan(plan()).workbook,
      },
      {
        id: "council-wording-payments",
        label: `Council wording: '${dfePayments.council}'`,
        fault: `The DfE payments row reads '${dfePayments.council}', so the roll-forward fails in most years and the layout is not confirmed: point at the row as '${dfePayments.template}'.`,
        workbook: () => councilWordingPlan(plan(), ["dfePayments"]).workbook,
      },
    ]
  : [];

export const EXAMPLES: readonly WorkbenchExample[] = [
  ...consistent,
  // Built in the page rather than stored: the largest plan the add-in expects, for sizing the read.
  { id: "full-size-plan", label: "Full-size plan (ten years, generated)", workbook: fullSizePlan },
  ...councilWording,
  ...fromSnapshots.filter((example) => example.id.includes("/")),
];
