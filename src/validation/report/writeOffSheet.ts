/**
 * What "Add write-off reconciliation" writes: a small sheet with one row per source the DfE compares
 * (s251 outturn, DSG note draft and published, S151 assurance, RO, accounts), each figure left blank for
 * the council, its difference from the plan's own deficit at 31 March 2026 as a formula on the plan's
 * cell (the one the locator found, so a moved table is still referred to correctly), and an explanation
 * column; under it the eligible figure, the grant, what the council keeps and the carrying cost per year,
 * each a `DSG.*` formula over this sheet and the plan. Worked out here from the located plan, as data, so
 * the Office.js writer only writes it and tests can read it back through the locator.
 */
import type { LocatedCell, LocatedTemplate } from "../../templates/located";
import { a1, quoteSheetName } from "../../workbook/address";
import { highNeedsDeficit } from "../rules/hnsg-split";
import {
  COLUMN_LABELS,
  LINE_LABELS,
  SOURCE_LABELS,
  WRITE_OFF_HEADING,
} from "../../templates/writeOff/writeOffLabels";
import type { WriteOffSourceKey } from "../../templates/writeOff/writeOffModel";
import { shownDecimals } from "../money";

/** The grant's settings (hnsg-split's): the share written off and the last eligible year's start. */
export interface WriteOffSettings {
  readonly writeOffPercent: number;
  readonly cutOffYear: number;
}

/** The statutory override ends on 31 March 2028 (announced 20 June 2025): the last year is 2027-28. */
const OVERRIDE_LAST_YEAR = 2027;

/** The sheet as data: what each cell is given (a number, text, or a formula starting `=`), and formats. */
export interface WriteOffSheetContent {
  /** Rows from A1, each four cells wide (source, figure, difference, explanation). */
  readonly cells: readonly (readonly (string | number)[])[];
  /** Number formats, one per cell of `cells`. */
  readonly numberFormats: readonly (readonly string[])[];
  /** The plan's cell the differences are worked against ("'Financial summary'!G54"). */
  readonly planCell: string;
  /** Rows holding headings, to show bold. */
  readonly headingRows: readonly number[];
}

export const SOURCE_ORDER: readonly WriteOffSourceKey[] = [
  "s251",
  "dsgNoteDraft",
  "dsgNotePublished",
  "s151",
  "revenueOutturn",
  "accounts",
];

const WIDTH = 4;

/** A reference to a run of cells on one row of the plan ("'Financial summary'!H50:I50"), or one cell. */
export function rowRange(sheet: string, cells: readonly LocatedCell[]): string {
  const first = cells[0];
  const last = cells[cells.length - 1];
  const from = `${quoteSheetName(sheet)}!${a1(first.row, first.col)}`;
  return first === last ? from : `${from}:${a1(last.row, last.col)}`;
}

/** True when the cells are side by side on one row, so one range refers to them all. */
function adjacent(cells: readonly LocatedCell[]): boolean {
  return cells.every(
    (cell, i) => i === 0 || (cell.row === cells[0].row && cell.col === cells[i - 1].col + 1)
  );
}

/**
 * The years after the cut-off up to the override's end (2026-27 and 2027-28), as the plan's deficit
 * brought forward and carried forward in each: what each adds to the deficit the council keeps, after
 * Safety Valve payments and contributions, is carried forward less brought forward.
 */
export interface LaterYears {
  readonly sheet: string;
  readonly brought: readonly LocatedCell[];
  readonly carried: readonly LocatedCell[];
}

/** The later years of the plan, or undefined when it shows none or lacks either row. */
export function laterYears(template: LocatedTemplate, cutOffYear: number): LaterYears | undefined {
  const financial = template.financial;
  const positions = financial?.endOfYear;
  const { broughtForward, carriedForward } = positions ?? {};
  if (!financial || !broughtForward || !carriedForward) return undefined;
  const indexes = financial.years.flatMap((year, t) =>
    year.start > cutOffYear && year.start <= OVERRIDE_LAST_YEAR ? [t] : []
  );
  if (indexes.length === 0) return undefined;
  return {
    sheet: carriedForward.sheet,
    brought: indexes.map((t) => broughtForward.cells[t]),
    carried: indexes.map((t) => carriedForward.cells[t]),
  };
}

/**
 * The reconciliation sheet for a located plan, or null when the plan shows no deficit at the end of the
 * cut-off year to reconcile against (no carried-forward figure for 2025-26).
 */
export function writeOffSheetContent(
  template: LocatedTemplate,
  settings: WriteOffSettings
): WriteOffSheetContent | null {
  const found = highNeedsDeficit(template, settings.cutOffYear);
  if (!found) return null;
  const financial = template.financial!;
  // Deficits are positive on this sheet whatever the plan's convention, as the DSG.* functions expect.
  const turn = template.sign === "deficit-negative" ? "-" : "";
  const planCell = `${quoteSheetName(found.sheet)}!${a1(found.cell.row, found.cell.col)}`;
  const decimals = shownDecimals([found.cell]);
  const money = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  const unit = template.unit.label;
  const rows: (string | number)[][] = [];
  const formats: string[][] = [];
  const add = (cells: (string | number)[], format: readonly string[] = []) => {
    rows.push([...cells, ...Array<string>(WIDTH - cells.length).fill("")]);
    formats.push(Array.from({ length: WIDTH }, (_, i) => format[i] ?? "General"));
    return rows.length; // the row as Excel numbers it
  };
  const endOfCutOff = `31 March ${settings.cutOffYear + 1}`;

  add([WRITE_OFF_HEADING[0]]);
  add([
    `Deficits at ${endOfCutOff} in ${unit}, shown as positive numbers. Fill in each source's figure and explain ` +
      "any difference from the plan: the DfE uses the lowest figure the council cannot explain.",
  ]);
  add([]);
  add([
    COLUMN_LABELS.source[0],
    `Deficit at ${endOfCutOff} (${unit})`,
    COLUMN_LABELS.difference[0],
    COLUMN_LABELS.explanation[0],
  ]);
  const firstSource = rows.length + 1;
  for (const key of SOURCE_ORDER) {
    const row = rows.length + 1;
    add(
      [SOURCE_LABELS[key][0], "", `=IF(B${row}="","",B${row}${turn ? "+" : "-"}${planCell})`, ""],
      ["General", money, money]
    );
  }
  const lastSource = rows.length;
  const planRow = add(
    [LINE_LABELS.plan[0], `=${turn}${planCell}`, "", `The plan's own figure (${planCell})`],
    ["General", money]
  );
  add([]);
  const shareRow = add([LINE_LABELS.share[0], settings.writeOffPercent / 100], ["General", "0%"]);
  const ineligibleRow = add(
    [
      LINE_LABELS.ineligible[0],
      found.otherBlocks.isPositive() ? found.otherBlocks.toNumber() : 0,
      "",
      found.otherBlocks.isPositive() && !found.otherBlocks.isZero()
        ? "Other blocks' in-year deficits in the plan up to then; add equal pay or other non-high-needs charges"
        : "Other blocks' overspends, equal pay or other non-high-needs charges",
    ],
    ["General", money]
  );
  const figures = `B${firstSource}:B${lastSource}`;
  const eligibleRow = add(
    [
      LINE_LABELS.eligible[0],
      // The sources filled in, or the plan's own figure while none is: DSG.ELIGIBLE refuses a blank.
      `=DSG.ELIGIBLE(IF(COUNTA(${figures})=0,B${planRow},FILTER(${figures},${figures}<>"")),B${ineligibleRow})`,
      "",
      "The lowest figure above (the plan's while none is filled in), less the part not eligible",
    ],
    ["General", money]
  );
  add(
    [
      LINE_LABELS.grant[0],
      `=DSG.HNSG(B${eligibleRow},B${shareRow})`,
      "",
      "Written off once the DfE approves the local SEND reform plan",
    ],
    ["General", money]
  );
  const later = laterYears(template, settings.cutOffYear);
  const movements =
    later && adjacent(later.brought) && adjacent(later.carried)
      ? `${rowRange(later.sheet, later.carried)}-${rowRange(later.sheet, later.brought)}`
      : undefined;
  const laterRef = movements ? (turn ? `-(${movements})` : `(${movements})`) : "0";
  add(
    [
      LINE_LABELS.kept[0],
      `=DSG.EXPOSURE(B${eligibleRow}+B${ineligibleRow},${laterRef},B${shareRow},B${ineligibleRow})`,
      "",
      movements
        ? `The part not written off, plus what the plan adds to the deficit to 31 March 2028 (carried forward less brought forward, ${movements})`
        : "The part not written off; the plan shows no years after it",
    ],
    ["General", money]
  );
  add([]);
  const rateRow = add(
    [LINE_LABELS.rate[0], "", "", "Your borrowing rate, or the investment income forgone"],
    ["General", "0.00%"]
  );
  const positions = financial.endOfYear;
  const carried = positions?.carriedForward;
  const opening = positions?.broughtForward?.cells[0];
  const closing = carried?.cells ?? [];
  const headings = financial.years.filter((year) => year.row !== undefined);
  if (carried && opening && closing.length > 0 && adjacent(closing)) {
    const sheet = quoteSheetName(carried.sheet);
    if (headings.length === financial.years.length && headings.length > 0)
      add([
        "Year",
        `=${sheet}!${a1(headings[0].row!, headings[0].col)}:${a1(headings[0].row!, headings[headings.length - 1].col)}`,
      ]);
    add(
      [
        LINE_LABELS.carryingCost[0],
        `=IF(B${rateRow}="","",DSG.CARRYCOST(${turn}${sheet}!${a1(opening.row, opening.col)},` +
          `${turn}${rowRange(carried.sheet, closing)},B${rateRow}))`,
      ],
      ["General", money]
    );
  }
  return { cells: rows, numberFormats: formats, planCell, headingRows: [0, 3] };
}
