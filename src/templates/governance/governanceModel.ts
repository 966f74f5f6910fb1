/**
 * The management plan's "Governance" sheet: who signed the plan off and when, when the schools forum saw it,
 * and the workstream log. Fields the sheet does not have are absent.
 */
import type { FieldCell, LabelledField } from "./fieldCell";

/** One line of the workstream log. */
export interface WorkstreamEntry {
  readonly row: number;
  readonly workstream: FieldCell;
  readonly owner?: FieldCell;
  readonly savings?: FieldCell;
  readonly rag?: FieldCell;
}

export interface GovernanceSection {
  readonly sheet: string;
  readonly signedOffBy?: LabelledField;
  readonly dateOfSignOff?: LabelledField;
  readonly schoolsForumDate?: LabelledField;
  readonly workstreams: readonly WorkstreamEntry[];
}
