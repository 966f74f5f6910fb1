/**
 * Finding the parts of a Safety Valve monitoring return by their labels, on whichever sheets the council
 * put them: the overview and sign-off, the on-track questions, the conditions and risks with an assurance
 * level per update, and the RAG legend.
 *
 * Two layouts of the conditions and risks are read. The published return (research/real-template.md)
 * has a condition column, then ONE "Assurance Level" column that stacks "Update 1 (May)", its level in
 * the cell below, "Update 2 (August)", its level, and so on, then the commentary; a condition runs over
 * several rows (a merged cell) and may carry on after a page break, its text repeated. Councils' own
 * copies often give each update a column of its own under a heading row instead.
 */
import { byCurrency, isSetAside } from "../sheetOrder";
import type { LabelHit, LabelledSheet, LabelledWorkbook } from "../labels";
import { cellNumberFormat, cellValue, type CellValue } from "../../workbook/workbook";
import { excelDate, findYearHeader, showsDate } from "../yearHeader";
import {
  findLabel,
  findLabels,
  findSheetByName,
  labelMatches,
  labelSet,
  normaliseLabel,
  textCellsIn,
  type LabelSet,
} from "../labels";
import { findSection, headingsAfterName, type Section } from "../sections";
import {
  ALL_SECTION_HEADINGS,
  SV_DETAILED_UPDATE,
  SV_ON_TRACK,
  SV_RAG_LEGEND,
  SV_RISK_REGISTER,
} from "../profiles/headings";
import {
  columnAfter,
  fieldAt,
  findField,
  isBlank,
  rowBelow,
  valueRightOf,
  type FieldCell,
  type LabelledField,
} from "../governance/fieldCell";
import {
  ASSURANCE_HEADER,
  COLOUR_WORDS,
  CONTACT_LABELS,
  ITEM_COLUMNS,
  ITEM_HEADERS,
  OVERVIEW_LABELS,
  QUESTION_COLUMNS,
} from "./svReturnLabels";
import type {
  SvAssurance,
  SvContact,
  SvLegendEntry,
  SvOverview,
  SvQuestion,
  SvReturnSections,
  SvSignOffBlock,
  SvTrackedItem,
  SvUpdate,
} from "./svReturnModel";
import {
  plainText,
  readInlineLevel,
  readYesNo,
  readItemLabel,
  readsAsLevel,
  readSignOffLabel,
  readUpdateLabel,
  saysNoLevel,
  type SignOffLabel,
  type UpdateLabel,
} from "./svWording";

interface TextCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The text cells of one sheet row, left to right. */
function textCellsOfRow(sheet: LabelledSheet, row: number): TextCell[] {
  const cells = sheet.values[row - sheet.top] ?? [];
  return cells.flatMap((value, c) =>
    typeof value === "string" ? [{ row, col: sheet.left + c, text: value }] : []
  );
}

/** Every text cell of a sheet, in reading order. */
function textCells(sheet: LabelledSheet): TextCell[] {
  return sheet.values.flatMap((_, r) => textCellsOfRow(sheet, sheet.top + r));
}

const lastRow = (sheet: LabelledSheet) => sheet.top + sheet.values.length - 1;

const isText = (value: unknown): value is string =>
  typeof value === "string" && value.trim() !== "";

/** The update a stacked cell labels, with or without its level written after the label. */
const updateOf = (value: unknown): UpdateLabel | undefined =>
  readInlineLevel(value)?.update ?? readUpdateLabel(value);

// ---------------------------------------------------------------------------------------------------
// Page headings

// A heading stands on its own: one or two short cells on its row ("RAG" | "Definition").
const MAX_HEADING_LENGTH = 80;
const MAX_HEADING_CELLS = 2;

/**
 * True when the row is a section heading of the list: its first (of at most two) cells a short heading,
 * alone or after a name ("Borsetshire – SAFETY VALVE PROGRAMME DETAILED UPDATE").
 */
function headingOfRow(sheet: LabelledSheet, row: number, headings: readonly string[]): boolean {
  const cells = textCellsOfRow(sheet, row).filter((c) => c.text.trim() !== "");
  if (cells.length === 0 || cells.length > MAX_HEADING_CELLS) return false;
  const first = cells[0].text;
  // "RAG: Green" or "RAG - May" in a levels column is a level or an update's label, not the legend's heading.
  if (
    isALevel(first) ||
    readUpdateLabel(first) !== undefined ||
    readInlineLevel(first) !== undefined
  )
    return false;
  const labels = labelSet(headings);
  if (first.length <= MAX_HEADING_LENGTH && labelMatches(first, labels)) return true;
  return headingsAfterName(first).some((heading) => labels.includes(heading));
}

// ---------------------------------------------------------------------------------------------------
// Overview

function isEmail(cell: FieldCell): boolean {
  return typeof cell.value === "string" && cell.value.includes("@");
}

/** A contact's name and email: beside its label, or in the label cell itself ("DCS: A Name a@x.gov.uk"). */
function contactOf(
  sheet: LabelledSheet,
  hit: { row: number; col: number; text: string },
  role: SvContact["role"]
): SvContact {
  const first = valueRightOf(sheet, hit.row, hit.col);
  const inLabel = hit.text.includes(":") ? hit.text.slice(hit.text.indexOf(":") + 1).trim() : "";
  if (isBlank(first.value) && inLabel !== "") {
    const at = fieldAt(sheet, hit.row, hit.col);
    return { role, label: hit.text, name: at, email: inLabel.includes("@") ? at : undefined };
  }
  // A contact with no name still has an email beside the label: the name cell is then the empty one.
  const name = isEmail(first)
    ? fieldAt(sheet, hit.row, columnAfter(sheet, hit.row, hit.col))
    : first;
  const next = isEmail(first) ? first : valueRightOf(sheet, name.row, name.col);
  return { role, label: hit.text, name, email: isEmail(next) ? next : undefined };
}

/** A heading of the overview's header row with its value in the row below (past a merged heading). */
function fieldBelow(sheet: LabelledSheet, labels: LabelSet): LabelledField | undefined {
  const hit = findLabel(sheet, labels);
  if (hit === undefined) return undefined;
  return {
    label: hit.text,
    labelAt: fieldAt(sheet, hit.row, hit.col),
    value: fieldAt(sheet, rowBelow(sheet, hit.row, hit.col), hit.col),
  };
}

// A sign-off block sits a few rows below the overview's header (under the key personnel).
const SIGN_OFF_ROWS = 30;
const BLOCK_HEADING = /^(?:sign off|signoff|signatures?)$/;

/** A sign-off field's value: written after its label in the same cell ("Signed off by: J Smith"), or beside it. */
function signOffValue(sheet: LabelledSheet, hit: LabelHit): FieldCell {
  const colon = hit.text.indexOf(":");
  const inLabel = colon < 0 ? "" : hit.text.slice(colon + 1).trim();
  if (inLabel !== "") return { ...fieldAt(sheet, hit.row, hit.col), value: inLabel };
  const value = valueRightOf(sheet, hit.row, hit.col);
  // A label further along the row ("DCS:" of the key personnel beside the rows) is not the answer.
  const label =
    typeof value.value === "string" &&
    (readSignOffLabel(value.value) !== undefined ||
      CONTACT_LABELS.some((c) => labelMatches(value.value, c.labels)));
  return label ? fieldAt(sheet, hit.row, columnAfter(sheet, hit.row, hit.col)) : value;
}

/** The cells of a column below its heading, down to the first row where the table is blank. */
function columnBelow(sheet: LabelledSheet, row: number, col: number, cols: readonly number[]) {
  const cells: FieldCell[] = [];
  for (let r = rowBelow(sheet, row, col); r <= lastRow(sheet); r++) {
    if (cols.every((c) => isBlank(cellValue(sheet, r, c)))) break;
    cells.push(fieldAt(sheet, r, col));
  }
  return cells;
}

/**
 * The sign-off written in rows below row `below` (the overview's header): labelled name and date rows
 * ("Signed off by: J Smith", "Date signed | 10/12/2024"), or a "Name | Role | Date" table; undefined when
 * there is none.
 */
function signOffBlockOf(
  sheet: LabelledSheet,
  below: number,
  taken: readonly FieldCell[]
): SvSignOffBlock | undefined {
  const area = { top: below + 1, bottom: below + SIGN_OFF_ROWS };
  const labels = textCellsIn(sheet, area)
    .filter((c) => !taken.some((t) => t.row === c.row && t.col === c.col))
    .map((cell) => ({ cell, part: readSignOffLabel(cell.text) }));
  const of = (part: SignOffLabel) => labels.filter((l) => l.part === part).map((l) => l.cell);
  // "Name | Role | Date": a table whose rows below are the signatories.
  const tableRows = new Set(of("role").map((c) => c.row));
  const names: FieldCell[] = [];
  const dates: FieldCell[] = [];
  for (const row of tableRows) {
    const columns = textCellsOfRow(sheet, row).map((c) => c.col);
    for (const h of of("name").filter((n) => n.row === row))
      names.push(...columnBelow(sheet, row, h.col, columns));
    for (const h of of("date").filter((d) => d.row === row))
      dates.push(...columnBelow(sheet, row, h.col, columns));
  }
  const beside = (part: SignOffLabel) =>
    of(part)
      .filter((h) => !tableRows.has(h.row))
      .map((h) => ({ label: h, value: signOffValue(sheet, h) }));
  // A "Sign-off" heading over the rows is not a name left out.
  const heading = (h: LabelHit, value: FieldCell) =>
    BLOCK_HEADING.test(normaliseLabel(h.text)) && isBlank(value.value);
  names.push(
    ...beside("name").flatMap(({ label, value }) => (heading(label, value) ? [] : [value]))
  );
  dates.push(...beside("date").map(({ value }) => value));
  return names.length === 0 ? undefined : { names, dates };
}

function overviewOf(sheet: LabelledSheet): SvOverview | undefined {
  // The DfE layout puts LA name, date submitted and sign-off as headings of one row with the answers below.
  const labels = [OVERVIEW_LABELS.laName, OVERVIEW_LABELS.dateSubmitted, OVERVIEW_LABELS.signedOff];
  const rows = labels.map((l) => findLabel(sheet, l)?.row);
  const sharedRow = rows.some((row, i) => row !== undefined && rows.indexOf(row) !== i);
  const [laName, dateSubmitted, signedOff] = labels.map((l) =>
    sharedRow ? fieldBelow(sheet, l) : findField(sheet, l)
  );
  const keyPersonnel = findField(sheet, OVERVIEW_LABELS.keyPersonnel);
  const taken = [signedOff?.labelAt, keyPersonnel?.labelAt];
  const contacts = CONTACT_LABELS.flatMap(({ role, labels: contactLabels }): SvContact[] => {
    const hit = findLabels(sheet, contactLabels).find(
      (h) => !taken.some((t) => t !== undefined && h.row === t.row && h.col === t.col)
    );
    return hit === undefined ? [] : [contactOf(sheet, hit, role)];
  });
  const signOffBlock =
    signedOff === undefined
      ? undefined
      : signOffBlockOf(sheet, signedOff.labelAt.row, [
          signedOff.labelAt,
          signedOff.value,
          ...contacts.flatMap((c) => [c.name, ...(c.email ? [c.email] : [])]),
        ]);
  const anchor = (laName ?? dateSubmitted ?? signedOff)?.labelAt ?? contacts[0]?.name;
  if (
    anchor === undefined ||
    (dateSubmitted === undefined && signedOff === undefined && laName === undefined)
  )
    return undefined;
  return {
    sheet: sheet.name,
    laName,
    dateSubmitted,
    signedOff,
    signOffBlock,
    contacts,
    keyPersonnel,
    anchor,
  };
}

// ---------------------------------------------------------------------------------------------------
// On-track questions

// A question is a sentence: short cells in its column are numbering, headings or "--" fillers.
const MIN_QUESTION_LENGTH = 12;
// A question table's rows follow its header closely; continuation rows after a page break are skipped.
const MAX_QUESTION_ROWS = 30;

interface QuestionTable {
  readonly row: number;
  readonly answerCol: number;
  /** A "No" column beside a "Yes" column (`answerCol`): each row marks one of them ("X", "✓"). */
  readonly noCol?: number;
  readonly commentaryCol?: number;
  /** Headed "Is your LA's Safety Valve plan on track?": every question of it counts. */
  readonly onTrack: boolean;
}

/**
 * The tables of Yes/No questions: a header row with "Yes/No" and "Commentary" (the published return's
 * capital-project table has a blank first heading), or the on-track heading with "Yes/No" on its row or
 * the row below.
 */
function questionTables(sheet: LabelledSheet): QuestionTable[] {
  const onTrack = findLabels(sheet, labelSet(SV_ON_TRACK)).map((h) => h.row);
  const tables: QuestionTable[] = [];
  const answers = findLabels(sheet, QUESTION_COLUMNS.answer, undefined, true);
  const heads: (LabelHit & { noCol?: number })[] = [...answers, ...yesColumns(sheet)];
  for (const answer of heads) {
    const commentary = textCellsOfRow(sheet, answer.row).find(
      (c) => c.col > answer.col && labelMatches(c.text, QUESTION_COLUMNS.commentary, true)
    );
    // "Yes/No" on the heading's row, or on the next when the heading's row has none ("On track." in a
    // commentary cell below a full header row is an answer, not a heading).
    const headed = onTrack.some(
      (row) =>
        row === answer.row || (row === answer.row - 1 && !heads.some((other) => other.row === row))
    );
    if (commentary === undefined && !headed) continue;
    if (tables.some((t) => t.row === answer.row)) continue;
    tables.push({
      row: answer.row,
      answerCol: answer.col,
      noCol: answer.noCol,
      commentaryCol: commentary?.col,
      onTrack: headed,
    });
  }
  return tables;
}

/** Header cells "Yes" with "No" next to them: a table answered by a mark under one of the two. */
function yesColumns(sheet: LabelledSheet): (LabelHit & { noCol: number })[] {
  return textCellsIn(sheet).flatMap((cell) => {
    if (normaliseLabel(cell.text) !== "yes") return [];
    const next = columnAfter(sheet, cell.row, cell.col);
    const no = textCellsOfRow(sheet, cell.row).find((c) => c.col === next);
    return no !== undefined && normaliseLabel(no.text) === "no" ? [{ ...cell, noCol: next }] : [];
  });
}

/**
 * The answer a row gives under a "Yes" and a "No" column: the column marked, written as its word, at the
 * marked cell; the "Yes" cell when neither is marked; both marks when both are.
 */
function markedAnswer(sheet: LabelledSheet, row: number, yesCol: number, noCol: number): FieldCell {
  const [yes, no] = [fieldAt(sheet, row, yesCol), fieldAt(sheet, row, noCol)];
  const marked = (cell: FieldCell) => !isBlank(cell.value) && readYesNo(cell.value) !== "no";
  if (marked(yes) && marked(no))
    return { ...yes, value: `${String(yes.value)} under Yes and ${String(no.value)} under No` };
  if (marked(yes)) return { ...yes, value: "Yes" };
  if (marked(no)) return { ...no, value: "No" };
  return yes;
}

const ON_TRACK_WORDS = /\bon\s*track\b/i;

function questionsOf(sheet: LabelledSheet): SvQuestion[] {
  const tables = questionTables(sheet);
  const questions: SvQuestion[] = [];
  for (const table of tables) {
    const last = Math.min(lastRow(sheet), table.row + MAX_QUESTION_ROWS);
    let found = 0;
    for (let row = rowBelow(sheet, table.row, table.answerCol); row <= last; row++) {
      if (tables.some((t) => t.row === row) || headingOfRow(sheet, row, ALL_SECTION_HEADINGS))
        break;
      const cells = textCellsOfRow(sheet, row).filter((c) => c.text.trim() !== "");
      const text = cells.find(
        (c) =>
          c.col < table.answerCol &&
          plainText(c.text).length >= MIN_QUESTION_LENGTH &&
          !labelMatches(c.text, QUESTION_COLUMNS.answer) &&
          !labelMatches(c.text, QUESTION_COLUMNS.commentary)
      );
      if (text === undefined) {
        // A blank row closes the table once it has questions; a row of commentary alone carries on.
        if (found > 0 && cells.length === 0) break;
        continue;
      }
      found++;
      const question = plainText(text.text);
      if (!table.onTrack && !ON_TRACK_WORDS.test(question)) continue;
      const answer =
        table.noCol === undefined
          ? fieldAt(sheet, row, table.answerCol)
          : markedAnswer(sheet, row, table.answerCol, table.noCol);
      const commentary = fieldAt(
        sheet,
        row,
        table.commentaryCol ?? columnAfter(sheet, row, table.noCol ?? table.answerCol)
      );
      questions.push({ text: question, at: fieldAt(sheet, row, text.col), answer, commentary });
    }
  }
  return questions;
}

// ---------------------------------------------------------------------------------------------------
// Conditions and risks in columns: one column per update under a heading row

/**
 * True when the row, or the row above it, heads a table of conditions or risks ("Agreement Condition",
 * "Risk") left of the column: months alone ("May | August | November") are update headings only there,
 * not in a table of monthly figures pasted into the commentary.
 */
function headsItemTable(sheet: LabelledSheet, row: number, col: number): boolean {
  return [row - 1, row].some((r) =>
    textCellsOfRow(sheet, r).some((c) => c.col < col && isItemHeading(c.text))
  );
}

/** The heading of a conditions or risks column: "Agreement Condition", "Risk". */
function isItemHeading(text: string): boolean {
  return (
    labelMatches(text, ITEM_HEADERS.condition, true) || labelMatches(text, ITEM_HEADERS.risk, true)
  );
}

/**
 * The update headings of a row: "Update N" labels, and months or quarters alone when they head a table of
 * conditions or risks and name different updates (Apr to Oct in a row are monthly figures).
 */
function updatesOfRow(labels: readonly (SvUpdate & UpdateLabel)[]): SvUpdate[] {
  const dated = labels.filter((l) => l.style === "dated");
  const numbers = new Set(dated.map((l) => l.number));
  const keepDated = numbers.size === dated.length;
  return labels
    .filter((l) => l.style === "numbered" || keepDated)
    .map(({ number, label, col }) => ({ number, label, col }));
}

const MONTH_NAMES =
  "January February March April May June July August September October November December".split(
    " "
  );

/**
 * A cell as it reads: its value, or for a month typed as a label ("May 2025") that Excel stored as a date,
 * the month and year it shows.
 */
function asShown(sheet: LabelledSheet, row: number, col: number): CellValue {
  const value = cellValue(sheet, row, col);
  if (typeof value !== "number" || !showsDate(cellNumberFormat(sheet, row, col))) return value;
  const date = excelDate(value);
  return date === null ? value : `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Update headings stored as dates on a row that heads a table of conditions or risks, as the text they show. */
function datedHeadings(sheet: LabelledSheet): { row: number; col: number; text: string }[] {
  const rows = new Set(
    textCells(sheet)
      .filter((c) => isItemHeading(c.text))
      .map((c) => c.row)
  );
  const found: { row: number; col: number; text: string }[] = [];
  for (const row of rows) {
    const values = sheet.values[row - sheet.top] ?? [];
    values.forEach((value, i) => {
      const shown = typeof value === "number" ? asShown(sheet, row, sheet.left + i) : value;
      if (typeof value === "number" && typeof shown === "string")
        found.push({ row, col: sheet.left + i, text: shown });
    });
  }
  return found;
}

/**
 * Rows holding headings of two or more updates, or of one beside a conditions or risks heading (a return
 * in the first year of its agreement, with Update 1 alone), each with its update columns, top to bottom.
 */
function updateHeaders(sheet: LabelledSheet): { row: number; updates: SvUpdate[] }[] {
  const byRow = new Map<number, (SvUpdate & UpdateLabel)[]>();
  for (const { row, col, text } of [...textCells(sheet), ...datedHeadings(sheet)]) {
    const read = readUpdateLabel(text);
    if (read === undefined) continue;
    if (read.style === "dated" && !headsItemTable(sheet, row, col)) continue;
    byRow.set(row, [...(byRow.get(row) ?? []), { ...read, label: plainText(text), col }]);
  }
  return [...byRow.entries()]
    .filter(([row, labels]) => {
      const updates = updatesOfRow(labels);
      if (new Set(updates.map((u) => u.number)).size >= 2) return true;
      // One "Update 1" beside the conditions' heading; a single month or quarter there ("Q3 position")
      // heads the column the updates are stacked in.
      const [only] = labels;
      return (
        labels.length === 1 &&
        only.style === "numbered" &&
        textCellsOfRow(sheet, row).some((c) => c.col < only.col && isItemHeading(c.text))
      );
    })
    .map(([row, labels]) => ({ row, updates: updatesOfRow(labels) }))
    .sort((a, b) => a.row - b.row);
}

/**
 * A row named only by what it is about ("Capital delay to the new special school") in the column headed
 * "Risk" or "Condition" of an update header: an item of that kind, as long as every row between the header
 * and it has text in that column too (a legend or note further down, after a gap, is not) and it has
 * something under at least one update.
 */
function describedItem(
  sheet: LabelledSheet,
  headerRow: number,
  updateCols: readonly number[],
  row: number,
  col: number,
  text: string
): { kind: "condition" | "risk"; name: string } | undefined {
  const heading = [headerRow, headerRow - 1]
    .map((r) => cellValue(sheet, r, col))
    .find((value) => typeof value === "string" && isItemHeading(value));
  if (typeof heading !== "string") return undefined;
  for (let r = headerRow + 1; r < row; r++)
    if (plainText(cellValue(sheet, r, col)) === "") return undefined;
  // A sub-heading under the header ("Conditions of the agreement, reviewed quarterly") has nothing in the
  // update columns; an item has a level for at least one update.
  if (updateCols.every((c) => plainText(cellValue(sheet, row, c)) === "")) return undefined;
  const kind = labelMatches(heading, ITEM_HEADERS.risk, true) ? "risk" : "condition";
  return { kind, name: itemName(kind, text).name };
}

/** Conditions and risks: labelled rows under an update header, with an assurance cell per update. */
function columnItemsOf(sheet: LabelledSheet, stackedRows: ReadonlySet<number>): SvTrackedItem[] {
  const headers = updateHeaders(sheet);
  const items: SvTrackedItem[] = [];
  if (headers.length === 0) return items;
  // A table headed "Risk" with no update headings read is a table of its own, not the one above's.
  // An item heading on the row under the update headings ("Agreement Condition | RAG | Commentary" under
  // merged "Update 1 (May)" cells) heads the same table.
  const tableHeadings = textCells(sheet)
    .filter(
      (c) => isItemHeading(c.text) && !headers.some((h) => h.row === c.row || h.row === c.row - 1)
    )
    .map((c) => c.row);
  for (const { row, col, text } of textCells(sheet)) {
    const header = headers.filter((h) => h.row < row).at(-1);
    if (header === undefined || header.updates.some((u) => u.col <= col)) continue;
    // One item a row: a risk's description beside its id ("R2") is the same risk.
    const label =
      readItemLabel(text) ??
      (items.some((item) => item.at.row === row)
        ? undefined
        : describedItem(
            sheet,
            header.row,
            header.updates.map((u) => u.col),
            row,
            col,
            text
          ));
    if (!label) continue;
    if (stackedRows.has(row)) continue;
    if (tableHeadings.some((t) => t > header.row && t < row)) continue;
    const { kind, name } = label;
    const headings = { top: header.row - 1, bottom: header.row };
    const column = (labels: LabelSet) => findLabel(sheet, labels, headings)?.col;
    const [progress, mitigation] = [column(ITEM_COLUMNS.progress), column(ITEM_COLUMNS.mitigation)];
    items.push({
      kind,
      name,
      at: fieldAt(sheet, row, col),
      layout: "columns",
      assurance: header.updates.map((update) => ({
        update,
        cell: fieldAt(sheet, row, update.col),
      })),
      progress: progress === undefined ? undefined : fieldAt(sheet, row, progress),
      mitigation: mitigation === undefined ? undefined : fieldAt(sheet, row, mitigation),
    });
  }
  return items;
}

// ---------------------------------------------------------------------------------------------------
// Conditions and risks as published: one column stacking each update's label and level

interface StackedHeader {
  readonly row: number;
  readonly kind: "condition" | "risk";
  readonly itemCol: number;
  readonly levelCol: number;
  readonly progressCol?: number;
  readonly mitigationCol?: number;
}

/**
 * Header rows of stacked tables: an item heading ("Agreement Condition", "Risk") with "Assurance Level"
 * to its right, where the updates are not column headings on the same or the next row.
 */
function stackedHeaders(
  sheet: LabelledSheet,
  columnHeaderRows: ReadonlySet<number>
): StackedHeader[] {
  const headers: StackedHeader[] = [];
  for (const level of findLabels(sheet, ASSURANCE_HEADER)) {
    const { row } = level;
    // Update headings on the row, the row below, or the row above ("Update 1 (May)" merged over its
    // "RAG | Commentary" pair, the item heading under it): a table in columns, not stacked.
    if (
      columnHeaderRows.has(row) ||
      columnHeaderRows.has(rowBelow(sheet, row, level.col)) ||
      columnHeaderRows.has(row - 1)
    )
      continue;
    const cells = textCellsOfRow(sheet, row).filter((c) => c.col < level.col);
    const item = (["condition", "risk"] as const).flatMap((kind) =>
      cells
        .filter((c) => labelMatches(c.text, ITEM_HEADERS[kind], true))
        .map((c) => ({ kind, col: c.col }))
    )[0];
    if (item === undefined || headers.some((h) => h.row === row)) continue;
    headers.push(stackedHeader(sheet, row, item, level.col));
  }
  // A levels column headed in words not known ("Q3 position", "Confidence") is found by what it holds.
  for (const kind of ["condition", "risk"] as const) {
    for (const item of findLabels(sheet, ITEM_HEADERS[kind], undefined, true)) {
      const { row } = item;
      if (columnHeaderRows.has(row) || columnHeaderRows.has(row + 1)) continue;
      if (headers.some((h) => h.row === row)) continue;
      const levelCol = stackingColumn(sheet, row, item.col);
      if (levelCol !== undefined)
        headers.push(stackedHeader(sheet, row, { kind, ...item }, levelCol));
    }
  }
  return headers.sort((a, b) => a.row - b.row);
}

function stackedHeader(
  sheet: LabelledSheet,
  row: number,
  item: { kind: "condition" | "risk"; col: number },
  levelCol: number
): StackedHeader {
  const right = { top: row, bottom: row, left: levelCol + 1 };
  return {
    row,
    kind: item.kind,
    itemCol: item.col,
    levelCol,
    progressCol: findLabel(sheet, ITEM_COLUMNS.progress, right)?.col,
    mitigationCol: findLabel(sheet, ITEM_COLUMNS.mitigation, right)?.col,
  };
}

// Rows below a table's header in which its levels column shows its first update labels.
const STACK_SEARCH_ROWS = 20;

/**
 * The column right of an item heading, on its row, that stacks "Update N" labels in the rows below (two
 * or more): the levels column of a table whose heading for it is not one the checker knows.
 */
function stackingColumn(sheet: LabelledSheet, row: number, itemCol: number): number | undefined {
  const headings = textCellsOfRow(sheet, row).filter(
    (c) =>
      c.col > itemCol &&
      !labelMatches(c.text, ITEM_COLUMNS.progress) &&
      !labelMatches(c.text, ITEM_COLUMNS.mitigation)
  );
  const last = Math.min(lastRow(sheet), row + STACK_SEARCH_ROWS);
  return headings.find(({ col }) => {
    let labels = 0;
    for (let r = row + 1; r <= last; r++)
      if (updateOf(cellValue(sheet, r, col))?.style === "numbered") labels++;
    return labels >= 2;
  })?.col;
}

const OWN_HEADINGS = { condition: SV_DETAILED_UPDATE, risk: SV_RISK_REGISTER } as const;

/** True for a legend's own header row below the table ("RAG | Colour | Definition"): the table ends there. */
function legendHeader(sheet: LabelledSheet, row: number): boolean {
  const cells = textCellsOfRow(sheet, row).filter((c) => c.text.trim() !== "");
  return cells.length >= 2 && namesLegendColumns(cells);
}

/** True when every cell is a legend's column heading ("Rating", "Colour", "Meaning"). */
function namesLegendColumns(cells: readonly TextCell[]): boolean {
  return cells.every((c) => LEGEND_COLUMN_HEADINGS.has(normaliseLabel(c.text)));
}

/**
 * True for a row of financial years that are not update labels ("Q1 24/25", "Q1 2024-25: Amber") nor
 * commentary mentioning a year: a finance table's header.
 */
function financeHeader(sheet: LabelledSheet, row: number): boolean {
  const header = findYearHeader(sheet, "financial", { top: row, bottom: row });
  return (
    header !== undefined &&
    header.years.every((year) => {
      const value = cellValue(sheet, row, year.col);
      return (
        String(value).length <= MAX_YEAR_HEADING &&
        readUpdateLabel(value) === undefined &&
        readInlineLevel(value) === undefined
      );
    })
  );
}

// A year heading is short ("Forecast 2025/26"); a longer text naming a year is commentary.
const MAX_YEAR_HEADING = 30;

/**
 * The rows of one stacked table, from its header to the next part of the return. A page break (the
 * table's own heading repeated, or its header repeated) is left out and the table carries on after it.
 */
function tableRows(
  sheet: LabelledSheet,
  header: StackedHeader,
  headers: readonly StackedHeader[],
  columnHeaderRows: ReadonlySet<number>
): Map<number, StackedHeader> {
  const rows = new Map<number, StackedHeader>();
  let current = header;
  for (let row = header.row + 1; row <= lastRow(sheet); row++) {
    const repeated = headers.find((h) => h.row === row);
    if (repeated !== undefined) {
      if (repeated.kind !== header.kind) break;
      current = repeated;
      continue;
    }
    if (columnHeaderRows.has(row)) break;
    // A finance table below the register ("Financial year | 2024-25 | 2025-26 ..."), under the last item's
    // updates left blank, ends it: its figures are not that item's levels.
    if (financeHeader(sheet, row) || legendHeader(sheet, row)) break;
    if (headingOfRow(sheet, row, ALL_SECTION_HEADINGS)) {
      if (!headingOfRow(sheet, row, OWN_HEADINGS[header.kind])) break;
      continue;
    }
    rows.set(row, current);
  }
  return rows;
}

// An item's text is a sentence ("Condition 1: The authority undertakes ..."); short texts in its column
// are the figures of a table pasted into the commentary ("2025/26").
const MIN_ITEM_WORDS = 3;

interface StackEntry {
  readonly update: SvUpdate;
  readonly labelAt: FieldCell;
  level?: FieldCell;
  /** The level written after the label in its own cell ("Update 1 (May): Amber"); "" when left out. */
  readonly inline?: string;
}

interface OpenItem {
  readonly kind: "condition" | "risk";
  readonly name: string;
  readonly key: string;
  readonly at: FieldCell;
  readonly header: StackedHeader;
  readonly stack: StackEntry[];
  /** The table rows the item spans, in order. */
  readonly rows: number[];
  readonly labelled: boolean;
}

function itemName(kind: "condition" | "risk", text: string): { name: string; labelled: boolean } {
  const label = readItemLabel(text);
  if (label) return { name: label.name, labelled: true };
  const start = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return { name: `${kind === "risk" ? "Risk" : "Condition"} '${start}'`, labelled: false };
}

/**
 * The level of each update label: written after the label in its own cell ("Update 1 (May): Amber");
 * else the first level written after it (in reading order, in the item and level columns) before the
 * next label; else, where the item writes its levels beside their labels (or this label ends in a colon),
 * the label cell with no level; else the cell below the label, blank or not, when that row is still the
 * item's and not the next update's label; else the label cell itself, with no value.
 */
function assuranceOf(sheet: LabelledSheet, item: OpenItem): SvAssurance[] {
  const writesInline = item.stack.some(
    (entry) => entry.inline !== undefined && entry.inline !== ""
  );
  return item.stack.map((entry): SvAssurance => {
    const { update, labelAt, level, inline } = entry;
    if (inline !== undefined && inline !== "")
      return { update, cell: { ...labelAt, value: inline }, labelAt };
    if (level !== undefined) return { update, cell: level, labelAt };
    const none = { update, cell: { ...labelAt, value: null }, labelAt };
    if (writesInline || inline === "") return none;
    // The next update's label right below is no level of this one's.
    const below = rowBelow(sheet, labelAt.row, labelAt.col);
    const value = cellValue(sheet, below, labelAt.col);
    if (!item.rows.includes(below) || updateOf(value) !== undefined) return none;
    return { update, cell: fieldAt(sheet, below, labelAt.col), labelAt };
  });
}

/**
 * True when a month or quarter alone ("August", "Q2") in a stacked column reads as an update's label:
 * the only month on its row, later than the item's labels so far (updates are stacked in order), with a
 * level after it in its cell, or a level, the next label or nothing below it. Months across a row, or
 * down a column one under another, are the figures of a table pasted into the return ("Apr '24 | May
 * '24 | ...", "Jul 2022 / Jan 2023 / ...").
 */
function datedLabelFits(
  sheet: LabelledSheet,
  row: number,
  col: number,
  update: number,
  item: OpenItem | undefined,
  rows: ReadonlyMap<number, StackedHeader>
): boolean {
  const months = textCellsOfRow(sheet, row).filter(
    (c) => readUpdateLabel(c.text)?.style === "dated"
  );
  if (months.length > 1) return false;
  const last = item?.stack.at(-1);
  if (last !== undefined && last.update.number >= update) return false;
  // "August: Amber" carries its level; a month alone has its level (or nothing) below it.
  if (readInlineLevel(cellValue(sheet, row, col)) !== undefined) return true;
  const below = rowBelow(sheet, row, col);
  if (!rows.has(below)) return true;
  const value = cellValue(sheet, below, col);
  return (
    isBlank(value) ||
    readsAsLevel(value) ||
    readInlineLevel(value) !== undefined ||
    isLevelNumber(value)
  );
}

/** A level given as a number of the council's own scale ("1" to "5", under a "Rating | Definition" legend). */
function isLevelNumber(value: CellValue): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 9;
}

/** The conditions or risks of the stacked tables of a sheet. */
function stackedItemsOf(
  sheet: LabelledSheet,
  headers: readonly StackedHeader[],
  columnHeaderRows: ReadonlySet<number>,
  covered: Set<number>
): SvTrackedItem[] {
  const items: OpenItem[] = [];
  for (const header of headers) {
    if (covered.has(header.row)) continue;
    const rows = tableRows(sheet, header, headers, columnHeaderRows);
    covered.add(header.row);
    for (const h of rows.values()) covered.add(h.row);
    let current: OpenItem | undefined;
    // A table that labels its updates "Update N" has no others: its months are figures of pasted tables.
    const numbered = [...rows].some(([row, h]) =>
      [h.itemCol, h.levelCol].some(
        (col) => updateOf(cellValue(sheet, row, col))?.style === "numbered"
      )
    );
    for (const [row, h] of rows) {
      covered.add(row);
      for (const col of [h.itemCol, h.levelCol]) {
        const value = asShown(sheet, row, col);
        // A number of the council's own scale right under its update's label is that update's level.
        if (col === h.levelCol && isLevelNumber(value)) {
          const open = current?.stack.at(-1);
          if (
            open !== undefined &&
            open.level === undefined &&
            rowBelow(sheet, open.labelAt.row, col) === row
          )
            open.level = fieldAt(sheet, row, col);
          continue;
        }
        if (!isText(value)) continue;
        const inline = readInlineLevel(value);
        const update = inline?.update ?? readUpdateLabel(value);
        // A dated label with its level after it ("Q3 2024-25: Amber") is no figure of a pasted table.
        const figures =
          update?.style === "dated" &&
          inline === undefined &&
          (numbered || !datedLabelFits(sheet, row, col, update.number, current, rows));
        if (update !== undefined && !figures) {
          if (current === undefined) continue;
          const labelAt = fieldAt(sheet, row, col);
          // "Update 1 (May) | Green": the level beside its label, under a heading merged over both.
          const beside = fieldAt(sheet, row, columnAfter(sheet, row, col));
          const besideLevel =
            inline === undefined &&
            col === h.levelCol &&
            (readsAsLevel(beside.value) || isLevelNumber(beside.value));
          current.stack.push({
            update: { number: update.number, label: inline?.label ?? plainText(value), col },
            labelAt,
            inline: inline?.level,
            ...(besideLevel && { level: beside }),
          });
          continue;
        }
        if (readsAsLevel(value)) {
          const open = current?.stack.at(-1);
          if (open !== undefined && open.level === undefined) open.level = fieldAt(sheet, row, col);
          continue;
        }
        if (col !== h.itemCol) continue;
        const text = plainText(value);
        const { name, labelled } = itemName(h.kind, text);
        if (!labelled && text.split(" ").length < MIN_ITEM_WORDS) continue;
        const key = labelled ? name : normaliseLabel(text);
        // The same condition again: it carries on (after a page break, or its text repeated).
        const same = items.find((i) => i.key === key && i.kind === h.kind);
        if (same !== undefined) {
          current = same;
          continue;
        }
        current = {
          kind: labelled && name.startsWith("Risk") ? "risk" : h.kind,
          name,
          key,
          at: fieldAt(sheet, row, col),
          header: h,
          stack: [],
          rows: [],
          labelled,
        };
        items.push(current);
      }
      current?.rows.push(row);
    }
  }
  return items
    .filter((item) => item.labelled || item.stack.length > 0)
    .map((item): SvTrackedItem => {
      const { header: h, at } = item;
      const byNumber = new Map<number, SvAssurance>();
      for (const a of assuranceOf(sheet, item))
        if (!byNumber.has(a.update.number)) byNumber.set(a.update.number, a);
      return {
        kind: item.kind,
        name: item.name,
        at,
        layout: "stacked",
        assurance: [...byNumber.values()],
        progress: h.progressCol === undefined ? undefined : fieldAt(sheet, at.row, h.progressCol),
        mitigation:
          h.mitigationCol === undefined ? undefined : fieldAt(sheet, at.row, h.mitigationCol),
      };
    });
}

/** The conditions and risks of a sheet, in either layout. */
function trackedItemsOf(sheet: LabelledSheet): SvTrackedItem[] {
  const columnRows = new Set(updateHeaders(sheet).map((h) => h.row));
  const headers = stackedHeaders(sheet, columnRows);
  const covered = new Set<number>();
  const stacked = headers.length === 0 ? [] : stackedItemsOf(sheet, headers, columnRows, covered);
  return [...stacked, ...columnItemsOf(sheet, covered)].map(inTermOrder);
}

// A term named without its year: "Autumn term", "Spring".
const BARE_TERM = /^(autumn|spring|summer)(?:\s+term)?$/i;
const ACADEMIC_ORDER = ["autumn", "spring", "summer"];

/**
 * Updates labelled by terms without years, written in the order of the academic year (Autumn, Spring,
 * Summer): a council reporting by academic year, whose Summer term is its last update, not its first.
 */
function inTermOrder(item: SvTrackedItem): SvTrackedItem {
  const terms = item.assurance.map((a) => BARE_TERM.exec(a.update.label)?.[1].toLowerCase());
  const order = terms.map((term) => (term === undefined ? -1 : ACADEMIC_ORDER.indexOf(term)));
  const academic = order.every((o, i) => o >= 0 && (i === 0 || o > order[i - 1]));
  if (!academic || terms.length < 2) return item;
  return {
    ...item,
    assurance: item.assurance.map((a, i) => ({
      ...a,
      update: { ...a.update, number: order[i] + 1 },
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// RAG legend

const LETTER_DEFINITION = /^\s*([A-Za-z])\s*(?:=|-|–|:)\s*(.+)$/;
// A legend is a handful of rows under its heading.
const LEGEND_ROWS = 12;

function isColour(text: string): boolean {
  return COLOUR_WORDS.includes(normaliseLabel(text));
}

/** The legend entries of one row: "S = complete" cells, or a letter and/or colour cell beside a definition. */
function legendRow(sheet: LabelledSheet, cells: readonly TextCell[]): SvLegendEntry[] {
  const colourCell = cells.find((c) => isColour(c.text));
  const colour = colourCell?.text.trim();
  const defined = cells.flatMap((c) => {
    const match = LETTER_DEFINITION.exec(c.text);
    return match
      ? [
          {
            letter: match[1].toUpperCase(),
            definition: match[2].trim(),
            at: fieldAt(sheet, c.row, c.col),
          },
        ]
      : [];
  });
  if (defined.length > 0)
    return defined.map((entry) => (defined.length === 1 && colour ? { ...entry, colour } : entry));
  const letterCell = cells.find((c) => /^\s*[A-Za-z]\s*$/.test(c.text));
  const marker = letterCell ?? colourCell;
  if (marker === undefined) return keyedRow(sheet, cells);
  const definition = cells
    .filter((c) => c !== letterCell && c !== colourCell)
    .map((c) => c.text.trim())
    .sort((a, b) => b.length - a.length)[0];
  // A number before the letter or colour ("1 | Blue | Complete") is the level the council writes.
  const first = (sheet.values[marker.row - sheet.top] ?? []).find((v) => v !== null && v !== "");
  const numbered = typeof first === "number" || /^\s*\d{1,2}\s*$/.test(String(first));
  return [
    {
      letter: letterCell?.text.trim().toUpperCase(),
      colour,
      ...(numbered ? { key: String(first).trim() } : {}),
      definition: definition ?? "",
      at: fieldAt(sheet, marker.row, marker.col),
    },
  ];
}

/** A legend key of a council's own: a number, a status or a short word. */
const LEGEND_KEY = /^\s*(?:\d{1,2}|[^\s]+(?:[\s/-]+[^\s]+){0,2})\s*$/;
const MAX_KEY_LENGTH = 24;

/**
 * A legend row keyed by a council's own level ("1 | Complete", "Complete | Condition met", "Low | Unlikely
 * to affect delivery"): its first cell, a number or a few words, beside a longer definition.
 */
function keyedRow(sheet: LabelledSheet, cells: readonly TextCell[]): SvLegendEntry[] {
  const row = cells[0]?.row;
  if (row === undefined) return [];
  const values = sheet.values[row - sheet.top] ?? [];
  const first = values.findIndex((v) => v !== null && String(v).trim() !== "");
  const key = String(values[first] ?? "").trim();
  const definition = cells
    .filter((c) => c.col !== sheet.left + first)
    .map((c) => c.text.trim())
    .sort((a, b) => b.length - a.length)[0];
  if (!LEGEND_KEY.test(key) || key.length > MAX_KEY_LENGTH || !definition) return [];
  if (definition.length <= key.length) return [];
  return [{ key, definition, at: fieldAt(sheet, row, sheet.left + first) }];
}

/**
 * The legend's possible sections, in reading order: under a "RAG" (or "RAG legend", "Key") heading that is
 * not a column heading of a table ("Agreement Condition | RAG | Progress ...", a pasted "Workstream | RAG")
 * nor an update's label ("RAG May").
 */
function legendSections(sheet: LabelledSheet): Section[] {
  // A "RAG" column heading of a table ("Agreement Condition | RAG", a pasted "Workstream | RAG") has
  // text to its left; a legend's heading starts its row.
  const headsItems = (hit: LabelHit) =>
    textCellsOfRow(sheet, hit.row).some((c) => c.col < hit.col && c.text.trim() !== "");
  return [
    ...findLabels(sheet, labelSet(SV_RAG_LEGEND)),
    ...findLabels(sheet, labelSet(PLAIN_LEGEND_HEADINGS), undefined, true),
    // "Key: 1 = Complete; 2 = On track; ...": a legend in one cell.
    ...textCellsIn(sheet).filter((cell) => KEY_IN_CELL.test(cell.text)),
  ]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .filter(
      (hit) =>
        !headsItems(hit) &&
        readUpdateLabel(hit.text) === undefined &&
        readInlineLevel(hit.text) === undefined &&
        !isALevel(hit.text)
    )
    .flatMap((hit) => {
      const section = findSection(sheet, [hit.text.trim(), ...SV_RAG_LEGEND], { top: hit.row });
      return section ? [section] : [];
    });
}

/** A level cell worded "RAG: Amber" or "Rating: G": a level, not a legend's heading ("RAG: G = good; R = ..."). */
function isALevel(text: string): boolean {
  return readsAsLevel(text) && !/[;\n]/.test(text) && text.split("=").length <= 2;
}

const LEGEND_COLUMN_HEADINGS = new Set(
  labelSet([
    "RAG",
    "Rating",
    "RAG rating",
    "Colour",
    "Color",
    "Meaning",
    "Definition",
    "Description",
    "Level",
    "Assurance level",
    "Key",
    "Code",
    "Status",
  ])
);

const KEY_IN_CELL = /^\s*(?:key|legend|rag(?:\s+key)?)\s*:\s*\S+\s*(?:=|–|-|:)/i;

// Headings a legend may have that are too plain to be known section headings ("Key" heads many a
// table): taken only where they are the whole cell, and only with rows naming letters or colours.
const PLAIN_LEGEND_HEADINGS = ["Key", "Code", "Colour"];
const PLAIN_LEGEND_HEADING = new RegExp(`^(?:${labelSet(PLAIN_LEGEND_HEADINGS).join("|")})$`);

/** The entries of the first of the sheet's legend sections that has any. */
function legendOf(sheet: LabelledSheet): SvLegendEntry[] {
  for (const section of legendSections(sheet)) {
    const entries = legendEntries(sheet, section);
    if (entries.length > 0) return entries;
  }
  return [];
}

// One definition of a legend written on one row or in one cell: "B = Complete", "1 = On track".
const DEFINITION = /^\s*([A-Za-z]|\d{1,2})\s*(?:=|–|:|-)\s*(.+?)\s*$/;

/**
 * A legend written on its heading's row ("Key: | B = Complete | G = On track | ...") or inside its heading's
 * cell ("Key: 1 = Complete; 2 = On track; ..."): two definitions or more there are the whole legend.
 */
function inlineLegend(sheet: LabelledSheet, section: Section): SvLegendEntry[] {
  const cells = textCellsOfRow(sheet, section.headingRow);
  const parts = cells.flatMap((cell) => {
    const text =
      cell.col === section.headingCol ? cell.text.slice(cell.text.indexOf(":") + 1) : cell.text;
    return cell.col === section.headingCol && !cell.text.includes(":")
      ? []
      : text.split(/[;\n]/).map((part) => ({ part, cell }));
  });
  const entries = parts.flatMap(({ part, cell }): SvLegendEntry[] => {
    const match = DEFINITION.exec(part);
    if (!match) return [];
    const at = fieldAt(sheet, cell.row, cell.col);
    const definition = match[2];
    return /\d/.test(match[1])
      ? [{ key: match[1], definition, at }]
      : [{ letter: match[1].toUpperCase(), definition, at }];
  });
  return entries.length >= 2 ? entries : [];
}

function legendEntries(sheet: LabelledSheet, section: Section): SvLegendEntry[] {
  const inline = inlineLegend(sheet, section);
  if (inline.length > 0) return inline;
  // A heading as plain as "Key" heads a legend only when its rows name letters or colours.
  const plain = PLAIN_LEGEND_HEADING.test(normaliseLabel(section.heading));
  const entries: SvLegendEntry[] = [];
  const last = Math.min(section.bottom, section.headingRow + LEGEND_ROWS);
  for (let row = section.headingRow + 1; row <= last; row++) {
    const cells = textCellsOfRow(sheet, row).filter((c) => c.text.trim() !== "");
    // The legend's own header row ("Rating | Colour | Meaning") names no level.
    if (cells.length > 0 && namesLegendColumns(cells)) continue;
    const found = legendRow(sheet, cells);
    if (found.length === 0 && entries.length > 0 && cells.length === 0) break;
    entries.push(...found);
  }
  return plain && entries.every((e) => e.letter === undefined && e.colour === undefined)
    ? []
    : entries;
}

// ---------------------------------------------------------------------------------------------------

/** The first sheet's non-empty list from a per-sheet search, the live sheets first (./sheetOrder.ts). */
function firstList<T>(workbook: LabelledWorkbook, find: (sheet: LabelledSheet) => T[]): T[] {
  for (const sheet of [...workbook.sheets].sort(byCurrency)) {
    const found = find(sheet);
    if (found.length > 0) return found;
  }
  return [];
}

/** Each item once, by name: the first sheet's wins (a council may copy a table onto a summary tab). */
function distinct(items: readonly SvTrackedItem[]): SvTrackedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.kind} ${item.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Condition 3" over "Condition 3.1", "Condition 3a" or "Condition 3(b)": the heading of its parts. */
function isParentOf(parent: SvTrackedItem, child: SvTrackedItem): boolean {
  const next = child.name.charAt(parent.name.length);
  return (
    parent.kind === child.kind &&
    child.name.startsWith(parent.name) &&
    next !== "" &&
    !/[0-9]/.test(next)
  );
}

/** No level is written for any update: no update beside it at all, or only empty cells and "N/A". */
function withoutLevels(item: SvTrackedItem): boolean {
  return item.assurance.every((a) => isBlank(a.cell.value) || saysNoLevel(a.cell.value));
}

/**
 * The conditions and risks without the headings over numbered parts: a row "Condition 3 (SEND system
 * conditions) - the authority must deliver the following:" above Conditions 3.1 to 3.5, with no level
 * of its own, introduces them and is not a condition to rate.
 */
function withoutParentHeadings(items: readonly SvTrackedItem[]): SvTrackedItem[] {
  return items.filter(
    (item) => !(withoutLevels(item) && items.some((other) => isParentOf(item, other)))
  );
}

/**
 * The conditions and risks of every sheet, the live sheets first. A copy kept aside (hidden, "Risks
 * (superseded)", "Previous - Risks") repeats the live conditions or risks as they were last quarter: its
 * items count only for a kind no live sheet holds.
 */
function liveItems(workbook: LabelledWorkbook): SvTrackedItem[] {
  const found = [...workbook.sheets]
    .sort(byCurrency)
    .map((sheet) => ({ aside: isSetAside(sheet), items: trackedItemsOf(sheet) }));
  const heldLive = new Set(
    found.flatMap(({ aside, items }) => (aside ? [] : items.map((item) => item.kind)))
  );
  return found.flatMap(({ aside, items }) =>
    items.filter((item) => !aside || !heldLive.has(item.kind))
  );
}

// A sheet of its own for the sign-off, which the overview's header may point to ("See 'Sign off' tab").
const SIGN_OFF_SHEETS = [
  "Sign off",
  "Sign-off",
  "Signoff",
  "Signatures",
  "Declaration",
  "Sign off and declaration",
];

/**
 * The overview with the sign-off given on a sheet of its own, when its own sheet has no sign-off rows or
 * its header points to that sheet ("See 'Sign off' tab").
 */
function withSignOffSheet(workbook: LabelledWorkbook, overview: SvOverview): SvOverview {
  const header = plainText(overview.signedOff?.value.value);
  const pointsToSheet = /\b(?:tab|sheet|worksheet)\b/i.test(header);
  if (overview.signedOff === undefined || (overview.signOffBlock !== undefined && !pointsToSheet))
    return overview;
  const sheet = findSheetByName(workbook.sheets, SIGN_OFF_SHEETS);
  const block = sheet && signOffBlockOf(sheet, sheet.top - 1, []);
  return block ? { ...overview, signOffBlock: block } : overview;
}

/** Finds the Safety Valve monitoring return's sections; undefined when the workbook has none of them. */
export function locateSvReturn(workbook: LabelledWorkbook): SvReturnSections | undefined {
  // The fullest overview, the live sheets first: a cover sheet naming the local authority is not it.
  const fields = (o: SvOverview) =>
    [o.laName, o.dateSubmitted, o.signedOff].filter((f) => f !== undefined).length +
    o.contacts.length;
  const found = [...workbook.sheets]
    .sort(byCurrency)
    .flatMap((sheet) => [overviewOf(sheet)].filter((o) => o !== undefined))
    .reduce<SvOverview | undefined>(
      (best, o) => (!best || fields(o) > fields(best) ? o : best),
      undefined
    );
  const overview = found && withSignOffSheet(workbook, found);
  const questions = firstList(workbook, questionsOf);
  const items = withoutParentHeadings(distinct(liveItems(workbook)));
  const legend = firstList(workbook, legendOf);
  const conditions = items.filter((i) => i.kind === "condition");
  const risks = items.filter((i) => i.kind === "risk");
  const sheet = overview?.sheet ?? questions[0]?.at.sheet ?? items[0]?.at.sheet;
  return sheet === undefined
    ? undefined
    : { sheet, overview, questions, conditions, risks, legend };
}
