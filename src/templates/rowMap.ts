/**
 * Rows the user pointed at. Where a council words a row so that the locator cannot read it ("Balance to
 * take into next year" for the cumulative deficit carried forward), the user selects the row in Excel
 * and says what it is; the task pane saves that in the workbook and exports it as a file, and
 * `dsg-validate --map` reads the same file. The map is data, versioned:
 *
 *   { "version": 1, "rows": [ { "sheet": "Financial summary", "row": 54, "as": "endOfYear.carriedForward" },
 *                             { "sheet": "Financial summary", "row": 40, "as": "block.high-needs.totalFunding" } ] }
 *
 * Rows are numbered as Excel shows them (1-based). The locator takes a mapped row in place of whatever it
 * read for that meaning; this file only describes the map, checks it, and hands the locator its rows.
 */
import { END_OF_YEAR_MEANINGS, type EndOfYearRowKey } from "./financial/endOfYearLabels";
import { BLOCK_ROW_MEANINGS, type BlockRowKey, type MappedBlockRows } from "./financial/blocks";
import { BLOCK_NAMES, DSG_BLOCKS, type DsgBlock } from "./financial/blocksModel";

/** One row the user pointed at: `row` of `sheet` (as Excel numbers rows, from 1) is read as `as`. */
export interface RowMapping {
  readonly sheet: string;
  readonly row: number;
  /** A target id: `endOfYear.<row>` or `block.<block>.<row>` (see ROW_TARGETS). */
  readonly as: string;
  /** The row's label when it was mapped, for people reading the file; never used to find the row. */
  readonly label?: string;
}

export const ROW_MAP_VERSION = 1;

/** The file `dsg-validate --map` reads and the pane exports. */
export interface RowMap {
  readonly version: typeof ROW_MAP_VERSION;
  readonly rows: readonly RowMapping[];
}

/** A map with no rows: nothing pointed at yet. */
export const EMPTY_ROW_MAP: RowMap = { version: ROW_MAP_VERSION, rows: [] };

/** What a mapped row is read as. `heading` marks where a block's rows start. */
export type RowTarget =
  | { readonly kind: "endOfYear"; readonly key: EndOfYearRowKey }
  | { readonly kind: "block"; readonly block: DsgBlock; readonly key: BlockRowKey | "heading" };

/** One thing a row can be mapped as, with the words the user sees. */
export interface RowTargetChoice {
  readonly id: string;
  readonly target: RowTarget;
  /** "Cumulative deficit carried forward", "Total funding available", "Heading of the block". */
  readonly name: string;
  /** The table it belongs to: "Summary of end of year positions", "High needs block". */
  readonly table: string;
}

export const END_OF_YEAR_TABLE = "Summary of end of year positions";

/** Every target, end of year rows first, then each block's heading and rows. */
export const ROW_TARGETS: readonly RowTargetChoice[] = [
  ...END_OF_YEAR_MEANINGS.map((meaning) => ({
    id: `endOfYear.${meaning.key}`,
    target: { kind: "endOfYear", key: meaning.key } as const,
    name: meaning.name,
    table: END_OF_YEAR_TABLE,
  })),
  ...DSG_BLOCKS.flatMap((block) => [
    {
      id: `block.${block}.heading`,
      target: { kind: "block", block, key: "heading" } as const,
      name: `Heading of the ${BLOCK_NAMES[block]}`,
      table: BLOCK_NAMES[block],
    },
    ...BLOCK_ROW_MEANINGS.map((meaning) => ({
      id: `block.${block}.${meaning.key}`,
      target: { kind: "block", block, key: meaning.key } as const,
      name: meaning.name,
      table: BLOCK_NAMES[block],
    })),
  ]),
];

const BY_ID: ReadonlyMap<string, RowTargetChoice> = new Map(ROW_TARGETS.map((t) => [t.id, t]));

/** The target a mapping's `as` names, or undefined when it names none. */
export function rowTarget(id: string): RowTargetChoice | undefined {
  return BY_ID.get(id);
}

/** Excel's last row, and limits that keep a hand-made or hostile map file small. */
const MAX_ROW = 1_048_576;
const MAX_MAPPINGS = 1_000;
const MAX_SHEET_NAME = 31;
const MAX_LABEL = 255;

export type RowMapReading =
  | { readonly ok: true; readonly map: RowMap }
  | { readonly ok: false; readonly problems: readonly string[] };

const EXAMPLE =
  '{ "version": 1, "rows": [ { "sheet": "Financial summary", "row": 54, "as": "endOfYear.carriedForward" } ] }';

function shown(value: unknown): string {
  const text = typeof value === "string" ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const sameSheet = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Each mapping of `raw`, or the sentences saying what is wrong with it. */
function readMapping(raw: unknown, at: string): RowMapping | string[] {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return [`${at} must be an object with "sheet", "row" and "as", not ${shown(raw)}.`];
  const entry = raw as Record<string, unknown>;
  const problems: string[] = [];
  const { sheet, row, as, label } = entry;
  if (typeof sheet !== "string" || sheet.trim() === "" || sheet.length > MAX_SHEET_NAME)
    problems.push(
      `${at}: "sheet" must be the sheet's name as it shows on its tab (1 to ${MAX_SHEET_NAME} characters), not ${shown(sheet)}.`
    );
  if (typeof row !== "number" || !Number.isInteger(row) || row < 1 || row > MAX_ROW)
    problems.push(
      `${at}: "row" must be the row number Excel shows, a whole number from 1 to ${MAX_ROW.toLocaleString("en-GB")}, not ${shown(row)}.`
    );
  if (typeof as !== "string" || !BY_ID.has(as))
    problems.push(
      `${at}: "as" must say what the row is, such as "endOfYear.carriedForward" or "block.high-needs.totalFunding", not ${shown(as)}. ` +
        `The end of year rows are ${END_OF_YEAR_MEANINGS.map((m) => m.key).join(", ")}; the blocks are ${DSG_BLOCKS.join(", ")}, ` +
        `each with heading, ${BLOCK_ROW_MEANINGS.map((m) => m.key).join(", ")}.`
    );
  if (label !== undefined && (typeof label !== "string" || label.length > MAX_LABEL))
    problems.push(
      `${at}: "label" is optional, but when given it must be text of at most ${MAX_LABEL} characters.`
    );
  if (problems.length > 0) return problems;
  return {
    sheet: sheet as string,
    row: row as number,
    as: as as string,
    ...(typeof label === "string" && { label }),
  };
}

/**
 * Checks a row map (already parsed from JSON) and returns it, or every problem found, each a sentence
 * that says where and what to write instead. Unknown fields are ignored, so later versions of the pane
 * may add notes to the file.
 */
export function readRowMap(value: unknown): RowMapReading {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, problems: [`A row map must be a JSON object such as ${EXAMPLE}.`] };
  const { version, rows } = value as Record<string, unknown>;
  if (version !== ROW_MAP_VERSION)
    return {
      ok: false,
      problems: [
        version === undefined
          ? `The row map has no "version": write "version": ${ROW_MAP_VERSION}, as in ${EXAMPLE}.`
          : `The row map is version ${shown(version)}; this checker reads version ${ROW_MAP_VERSION}.`,
      ],
    };
  if (!Array.isArray(rows))
    return { ok: false, problems: [`The row map needs "rows", a list such as ${EXAMPLE}.`] };
  if (rows.length > MAX_MAPPINGS)
    return {
      ok: false,
      problems: [`The row map lists ${rows.length} rows; at most ${MAX_MAPPINGS} are allowed.`],
    };
  const problems: string[] = [];
  const mappings: RowMapping[] = [];
  rows.forEach((raw, i) => {
    const read = readMapping(raw, `rows[${i}]`);
    if (Array.isArray(read)) {
      problems.push(...read);
      return;
    }
    const twice = mappings.findIndex(
      (m) => sameSheet(m.sheet, read.sheet) && (m.as === read.as || m.row === read.row)
    );
    if (twice >= 0) {
      const other = mappings[twice];
      problems.push(
        other.as === read.as
          ? `rows[${i}]: '${read.sheet}' already has row ${other.row} mapped as "${read.as}" (rows[${twice}]); keep one of them.`
          : `rows[${i}]: row ${read.row} of '${read.sheet}' is already mapped as "${other.as}" (rows[${twice}]); a row can be read as one thing only.`
      );
      return;
    }
    mappings.push(read);
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, map: { version: ROW_MAP_VERSION, rows: mappings } };
}

/** `readRowMap` on the text of a map file. */
export function parseRowMap(text: string): RowMapReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`The row map is not valid JSON (${why}).`] };
  }
  return readRowMap(value);
}

/** The map as the text of a file: one mapping a line, so changes read well in a diff. */
export function rowMapText(map: RowMap): string {
  if (map.rows.length === 0) return `{ "version": ${map.version}, "rows": [] }\n`;
  const rows = map.rows.map((row) => `    ${JSON.stringify(row)}`).join(",\n");
  return `{\n  "version": ${map.version},\n  "rows": [\n${rows}\n  ]\n}\n`;
}

/** The map with `mapping` added, replacing any mapping of the same row or for the same thing on its sheet. */
export function withMapping(map: RowMap, mapping: RowMapping): RowMap {
  const kept = map.rows.filter(
    (m) => !(sameSheet(m.sheet, mapping.sheet) && (m.as === mapping.as || m.row === mapping.row))
  );
  return { version: ROW_MAP_VERSION, rows: [...kept, mapping] };
}

/** The map without the mapping of `row` on `sheet`. */
export function withoutMapping(map: RowMap, sheet: string, row: number): RowMap {
  return {
    version: ROW_MAP_VERSION,
    rows: map.rows.filter((m) => !(sameSheet(m.sheet, sheet) && m.row === row)),
  };
}

/** The mapped end of year rows of one sheet, as 0-based sheet rows by key. */
export function forcedEndOfYearRows(
  mappings: readonly RowMapping[] | undefined,
  sheet: string
): Partial<Record<EndOfYearRowKey, number>> {
  const forced: Partial<Record<EndOfYearRowKey, number>> = {};
  for (const mapping of mappings ?? []) {
    const target = BY_ID.get(mapping.as)?.target;
    if (target?.kind === "endOfYear" && sameSheet(mapping.sheet, sheet))
      forced[target.key] = mapping.row - 1;
  }
  return forced;
}

/** The mapped block rows of one sheet, by block: each block's heading row and rows by key, 0-based. */
export function forcedBlockRows(
  mappings: readonly RowMapping[] | undefined,
  sheet: string
): Partial<Record<DsgBlock, MappedBlockRows>> {
  const forced: Partial<
    Record<DsgBlock, { heading?: number; rows: Partial<Record<BlockRowKey, number>> }>
  > = {};
  for (const mapping of mappings ?? []) {
    const target = BY_ID.get(mapping.as)?.target;
    if (target?.kind !== "block" || !sameSheet(mapping.sheet, sheet)) continue;
    const block = (forced[target.block] ??= { rows: {} });
    if (target.key === "heading") block.heading = mapping.row - 1;
    else block.rows[target.key] = mapping.row - 1;
  }
  return forced;
}

/** True when a mapping names this sheet (sheet names compare as Excel compares them, ignoring case). */
export function mapsSheet(mapping: RowMapping, sheet: string): boolean {
  return sameSheet(mapping.sheet, sheet);
}
