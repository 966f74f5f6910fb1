/**
 * Finding the parts of a Safety Valve monitoring return by their labels, on whichever sheets the council
 * put them: the overview and sign-off, the on-track questions, the conditions and risks with an assurance
 * level per update, and the RAG legend.
 */
import type { Sheet, Workbook } from "../../workbook/workbook";
import { findLabel, findLabels, labelMatches, normaliseLabel, type LabelSet } from "../labels";
import { findSection } from "../sections";
import { SV_ON_TRACK, SV_RAG_LEGEND } from "../profiles/headings";
import {
  columnAfter,
  fieldAt,
  findField,
  valueRightOf,
  type FieldCell,
} from "../governance/fieldCell";
import {
  COLOUR_WORDS,
  CONTACT_LABELS,
  ITEM_COLUMNS,
  OVERVIEW_LABELS,
  QUESTION_COLUMNS,
} from "./svReturnLabels";
import type {
  SvContact,
  SvLegendEntry,
  SvOverview,
  SvQuestion,
  SvReturnSections,
  SvTrackedItem,
  SvUpdate,
} from "./svReturnModel";

interface TextCell {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The text cells of one sheet row, left to right. */
function textCellsOfRow(sheet: Sheet, row: number): TextCell[] {
  const cells = sheet.values[row - sheet.top] ?? [];
  return cells.flatMap((value, c) =>
    typeof value === "string" ? [{ row, col: sheet.left + c, text: value }] : []
  );
}

/** Every text cell of a sheet, in reading order. */
function textCells(sheet: Sheet): TextCell[] {
  return sheet.values.flatMap((_, r) => textCellsOfRow(sheet, sheet.top + r));
}

function isEmail(cell: FieldCell): boolean {
  return typeof cell.value === "string" && cell.value.includes("@");
}

function overviewOf(sheet: Sheet): SvOverview | undefined {
  // The DfE layout puts LA name, date submitted and sign-off as headings of one row with the answers below.
  const labels = [OVERVIEW_LABELS.laName, OVERVIEW_LABELS.dateSubmitted, OVERVIEW_LABELS.signedOff];
  const rows = labels.map((l) => findLabel(sheet, l)?.row);
  const sharedRow = rows.some((row, i) => row !== undefined && rows.indexOf(row) !== i);
  const [laName, dateSubmitted, signedOff] = labels.map((l) =>
    findField(sheet, l, undefined, sharedRow)
  );
  const taken = signedOff?.labelAt;
  const contacts = CONTACT_LABELS.flatMap(({ role, labels: contactLabels }): SvContact[] => {
    const hit = findLabels(sheet, contactLabels).find(
      (h) => h.row !== taken?.row || h.col !== taken?.col
    );
    if (hit === undefined) return [];
    // A contact with no name still has an email beside the label: the name cell is then the empty one.
    const first = valueRightOf(sheet, hit.row, hit.col);
    const name = isEmail(first)
      ? fieldAt(sheet, hit.row, columnAfter(sheet, hit.row, hit.col))
      : first;
    const next = isEmail(first) ? first : valueRightOf(sheet, name.row, name.col);
    return [{ role, label: hit.text, name, email: isEmail(next) ? next : undefined }];
  });
  const anchor = (laName ?? dateSubmitted ?? signedOff)?.labelAt ?? contacts[0]?.name;
  if (
    anchor === undefined ||
    (dateSubmitted === undefined && signedOff === undefined && laName === undefined)
  )
    return undefined;
  return { sheet: sheet.name, laName, dateSubmitted, signedOff, contacts, anchor };
}

// A question is a sentence: short cells in its column are numbering or headings.
const MIN_QUESTION_LENGTH = 12;

function questionsOf(sheet: Sheet): SvQuestion[] {
  const section = findSection(sheet, SV_ON_TRACK);
  if (section === undefined) return [];
  const headerRows = { top: section.headingRow, bottom: section.headingRow + 1 };
  const answerCol = findLabel(sheet, QUESTION_COLUMNS.answer, headerRows)?.col;
  const commentaryCol = findLabel(sheet, QUESTION_COLUMNS.commentary, headerRows)?.col;
  const questions: SvQuestion[] = [];
  for (let row = section.headingRow + 1; row <= section.bottom; row++) {
    const text = textCellsOfRow(sheet, row).find(
      (c) =>
        c.col >= section.headingCol &&
        c.col < (answerCol ?? Infinity) &&
        c.text.trim().length >= MIN_QUESTION_LENGTH &&
        !labelMatches(c.text, QUESTION_COLUMNS.answer) &&
        !labelMatches(c.text, QUESTION_COLUMNS.commentary)
    );
    if (text === undefined) {
      if (questions.length > 0) break;
      continue;
    }
    const answer = fieldAt(sheet, row, answerCol ?? columnAfter(sheet, row, text.col));
    const commentary = fieldAt(sheet, row, commentaryCol ?? columnAfter(sheet, row, answer.col));
    questions.push({
      text: text.text.trim(),
      at: fieldAt(sheet, row, text.col),
      answer,
      commentary,
    });
  }
  return questions;
}

// "Update 2 (August)", or "Assurance level - Update 2": a heading starts with it and is short, where
// commentary that mentions an update ("since update 1 ...", "Update 1 said ...") is not.
const UPDATE_HEADING = /^\s*(?:assurance\s+level\s*[-–:]?\s*)?update\s*(\d+)\b/i;
const MAX_UPDATE_HEADING_LENGTH = 40;
const ITEM_LABEL = /^\s*(condition|risk)\s*(\d+(?:\.\d+)*)/i;

/** Rows holding "Update N" headings, each with its update columns, top to bottom. */
function updateHeaders(sheet: Sheet): { row: number; updates: SvUpdate[] }[] {
  const byRow = new Map<number, SvUpdate[]>();
  for (const { row, col, text } of textCells(sheet)) {
    const match = text.length <= MAX_UPDATE_HEADING_LENGTH ? UPDATE_HEADING.exec(text) : null;
    if (match)
      byRow.set(row, [
        ...(byRow.get(row) ?? []),
        { number: Number(match[1]), label: text.trim(), col },
      ]);
  }
  return [...byRow.entries()]
    .map(([row, updates]) => ({ row, updates }))
    .sort((a, b) => a.row - b.row);
}

/** Conditions and risks: labelled rows under an update header, with an assurance cell per update. */
function trackedItemsOf(sheet: Sheet): SvTrackedItem[] {
  const headers = updateHeaders(sheet);
  const seen = new Set<string>();
  const items: SvTrackedItem[] = [];
  for (const { row, col, text } of textCells(sheet)) {
    const match = ITEM_LABEL.exec(text);
    const header = headers.filter((h) => h.row < row).at(-1);
    if (!match || header === undefined || header.updates.some((u) => u.col <= col)) continue;
    const kind = match[1].toLowerCase() === "risk" ? "risk" : "condition";
    const name = `${kind === "risk" ? "Risk" : "Condition"} ${match[2]}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const headings = { top: header.row - 1, bottom: header.row };
    const column = (labels: LabelSet) => findLabel(sheet, labels, headings)?.col;
    const [progress, mitigation] = [column(ITEM_COLUMNS.progress), column(ITEM_COLUMNS.mitigation)];
    items.push({
      kind,
      name,
      at: fieldAt(sheet, row, col),
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

const LETTER_DEFINITION = /^\s*([A-Za-z])\s*(?:=|-|–|:)\s*(.+)$/;
// A legend is a handful of rows under its heading.
const LEGEND_ROWS = 12;

function isColour(text: string): boolean {
  return COLOUR_WORDS.includes(normaliseLabel(text));
}

/** The legend entries of one row: "S = complete" cells, or a letter and/or colour cell beside a definition. */
function legendRow(sheet: Sheet, cells: readonly TextCell[]): SvLegendEntry[] {
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
  if (marker === undefined) return [];
  const definition = cells
    .filter((c) => c !== letterCell && c !== colourCell)
    .map((c) => c.text.trim())
    .sort((a, b) => b.length - a.length)[0];
  return [
    {
      letter: letterCell?.text.trim().toUpperCase(),
      colour,
      definition: definition ?? "",
      at: fieldAt(sheet, marker.row, marker.col),
    },
  ];
}

function legendOf(sheet: Sheet): SvLegendEntry[] {
  const section = findSection(sheet, SV_RAG_LEGEND);
  if (section === undefined) return [];
  const entries: SvLegendEntry[] = [];
  const last = Math.min(section.bottom, section.headingRow + LEGEND_ROWS);
  for (let row = section.headingRow + 1; row <= last; row++) {
    const cells = textCellsOfRow(sheet, row);
    const found = legendRow(sheet, cells);
    if (found.length === 0 && entries.length > 0 && cells.length === 0) break;
    entries.push(...found);
  }
  return entries;
}

/** The first sheet's non-empty list from a per-sheet search, in workbook order. */
function firstList<T>(workbook: Workbook, find: (sheet: Sheet) => T[]): T[] {
  for (const sheet of workbook.sheets) {
    const found = find(sheet);
    if (found.length > 0) return found;
  }
  return [];
}

/** Finds the Safety Valve monitoring return's sections; undefined when the workbook has none of them. */
export function locateSvReturn(workbook: Workbook): SvReturnSections | undefined {
  const overview = firstList(workbook, (sheet) =>
    [overviewOf(sheet)].filter((o) => o !== undefined)
  )[0];
  const questions = firstList(workbook, questionsOf);
  const items = workbook.sheets.flatMap(trackedItemsOf);
  const legend = firstList(workbook, legendOf);
  const conditions = items.filter((i) => i.kind === "condition");
  const risks = items.filter((i) => i.kind === "risk");
  const sheet = overview?.sheet ?? questions[0]?.at.sheet ?? items[0]?.at.sheet;
  return sheet === undefined
    ? undefined
    : { sheet, overview, questions, conditions, risks, legend };
}
