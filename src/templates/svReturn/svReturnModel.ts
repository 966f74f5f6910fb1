/**
 * The Safety Valve monitoring return, as the locator found it: the overview with its sign-off, the
 * "Is your LA's Safety Valve plan on track?" questions, the detailed update per agreement condition, the
 * RAG legend that defines the allowed assurance levels, and the risk register. Each part carries its own
 * sheet, because councils split the return across tabs. (Its finance summary is a `FinancialSummary`.)
 */
import type { FieldCell, LabelledField } from "../governance/fieldCell";

export type ContactRole = "ceo" | "s151" | "dcs" | "other";

/** A key contact: the label ("S151 Officer:"), the name cell and, when present, the email cell. */
export interface SvContact {
  readonly role: ContactRole;
  readonly label: string;
  readonly name: FieldCell;
  readonly email?: FieldCell;
}

/**
 * The sign-off written in rows of its own below the overview's header, where the header's own cell is
 * left empty or points to it: "Signed off by: J Smith" and "Date: 12/12/2024" rows, "S151 Officer name |
 * A Jones", or a "Name | Role | Date" table.
 */
export interface SvSignOffBlock {
  /** The cells that hold (or should hold) the names of who signed off; a name written in its label's cell counts. */
  readonly names: readonly FieldCell[];
  readonly dates: readonly FieldCell[];
}

export interface SvOverview {
  readonly sheet: string;
  readonly laName?: LabelledField;
  readonly dateSubmitted?: LabelledField;
  /** "Signed off by S151 Officer & Director of Children's Services". */
  readonly signedOff?: LabelledField;
  /** The sign-off given in rows below the header, when the overview has them. */
  readonly signOffBlock?: SvSignOffBlock;
  readonly contacts: readonly SvContact[];
  /** "Name & Email Address of Key Personnel", the heading of the contacts, when the overview has one. */
  readonly keyPersonnel?: LabelledField;
  /** The first overview label found, where a finding about a missing field points. */
  readonly anchor: FieldCell;
}

/** One on-track question with its Yes/No answer cell and commentary cell. */
export interface SvQuestion {
  readonly text: string;
  readonly at: FieldCell;
  readonly answer: FieldCell;
  readonly commentary: FieldCell;
}

/**
 * An update of the year ("Update 2 (August)"): a column heading, or a label in the stacked "Assurance
 * Level" column of the published layout.
 */
export interface SvUpdate {
  /** 1 for May, 2 for August, 3 for November. */
  readonly number: number;
  readonly label: string;
  readonly col: number;
}

/**
 * The assurance level given to a condition or risk for one update. In the published layout the level is
 * the cell below the update's label; when the label has no cell of its own below it (the next condition
 * follows at once), `cell` is the label's cell with no value, so a missing level still has a place.
 */
export interface SvAssurance {
  readonly update: SvUpdate;
  readonly cell: FieldCell;
  /** The update's label cell, when the update is a label in a stacked column rather than a column heading. */
  readonly labelAt?: FieldCell;
}

/** A condition of the agreement ("Condition 3.1") or a risk ("Risk 2") with its assurance levels. */
export interface SvTrackedItem {
  readonly kind: "condition" | "risk";
  /** "Condition 3.1", "Risk 2". */
  readonly name: string;
  readonly at: FieldCell;
  /**
   * "columns": one column per update under a heading row; "stacked": the published layout, where one
   * column stacks each update's label and, below it, its level.
   */
  readonly layout: "columns" | "stacked";
  /** The updates given, in order: a stacked item lists only the updates it has labels for. */
  readonly assurance: readonly SvAssurance[];
  readonly progress?: FieldCell;
  readonly mitigation?: FieldCell;
}

/** A RAG legend entry: its letter and/or colour word and what it means. */
export interface SvLegendEntry {
  readonly letter?: string;
  readonly colour?: string;
  /** A level of the council's own ("1", "Complete", "Low"), where the legend has no letter or colour. */
  readonly key?: string;
  readonly definition: string;
  readonly at: FieldCell;
}

export interface SvReturnSections {
  /** The sheet of the overview, or of the first part found. */
  readonly sheet: string;
  readonly overview?: SvOverview;
  readonly questions: readonly SvQuestion[];
  readonly conditions: readonly SvTrackedItem[];
  readonly risks: readonly SvTrackedItem[];
  /** Empty when the return has no legend; the standard S/A/O/R and Blue/Green/Amber/Red levels then apply. */
  readonly legend: readonly SvLegendEntry[];
}
