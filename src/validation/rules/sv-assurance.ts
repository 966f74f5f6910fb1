import { defineRule, type RuleReport } from "../rule";
import { normaliseLabel } from "../../templates/labels";
import { isBlank } from "../../templates/governance/fieldCell";
import type { CellValue } from "../../workbook/workbook";
import { STANDARD_LEVELS } from "../../templates/svReturn/svReturnLabels";
import { levelText, plainText, saysNoLevel, statusLevel } from "../../templates/svReturn/svWording";
import type {
  SvAssurance,
  SvLegendEntry,
  SvTrackedItem,
} from "../../templates/svReturn/svReturnModel";

const COLOUR_INITIALS = ["G", "B"];

/** The levels the legend allows, as written for messages; each letter also allows its colour and back. */
export function allowedLevels(legend: readonly SvLegendEntry[]): string[] {
  // A legend of the council's own levels only ("1" to "5") leaves the standard ones to the other tables.
  // With no legend of letters or colours, the standard ones and the colours' own initials (G/A/R/B, the
  // usual shorthand) are levels.
  if (legend.every((entry) => entry.letter === undefined && entry.colour === undefined))
    return [
      ...legend.flatMap((entry) => (entry.key === undefined ? [] : [entry.key])),
      ...STANDARD_LEVELS.map((l) => l.letter),
      ...COLOUR_INITIALS,
      ...STANDARD_LEVELS.map((l) => l.colour),
    ];
  const letters = new Set<string>();
  const colours = new Set<string>();
  // A council's own B/G/A/R legend uses its colours' initials: its A is Amber, not the DfE's A (Green).
  const initials =
    legend.some((entry) => entry.letter !== undefined && COLOUR_INITIALS.includes(entry.letter)) &&
    !legend.some((entry) => entry.letter === "S" || entry.letter === "O");
  for (const entry of legend) {
    // A key that is a status ("Complete") stands for its standard level, letter and colour ("S", "Blue").
    const keyed = entry.key === undefined ? undefined : statusLevel(entry.key);
    const standard = STANDARD_LEVELS.find((l) =>
      entry.colour !== undefined
        ? normaliseLabel(l.colour) === normaliseLabel(entry.colour)
        : initials && entry.letter !== undefined
          ? l.colour.startsWith(entry.letter)
          : l.letter === (entry.letter ?? keyed)
    );
    for (const letter of [entry.letter, standard?.letter, entry.key])
      if (letter) letters.add(letter);
    for (const colour of [entry.colour, standard?.colour]) if (colour) colours.add(colour);
  }
  return [...letters, ...colours];
}

/**
 * An assurance cell's level is allowed when it is one of the levels, alone or followed by its meaning, or a
 * status that stands for one of them ("On track" for A), or a level the legend itself defines in words.
 */
function isAllowed(
  value: unknown,
  allowed: readonly string[],
  legend: readonly SvLegendEntry[]
): boolean {
  // Levels pasted from a web form keep their tags ("<p>Green</p>"), or a word before them ("RAG: Amber").
  const text = normaliseLabel(typeof value === "string" ? levelText(value) : String(value));
  const status = statusLevel(value);
  if (status !== undefined && (legend.length === 0 || allowed.includes(status))) return true;
  // A level written in the legend's own words ("Remains on target", "Low" for "On track / Low risk"); a
  // letter alone is matched below.
  const defines = (e: SvLegendEntry) => ` ${normaliseLabel(e.definition)} `.includes(` ${text} `);
  if (text.length >= 3 && legend.some(defines)) return true;
  return allowed.some((level) => {
    const wanted = normaliseLabel(level);
    return text === wanted || text.startsWith(`${wanted} `);
  });
}

/**
 * The update the return is at: the latest one any condition or risk has a level for (else the first). An
 * August return may fill November's cells with "Not yet due" or "TBC": that gives no level.
 */
function currentUpdate(items: readonly SvTrackedItem[]): number | undefined {
  const numbers = items.flatMap((item) => item.assurance.map((a) => a.update.number));
  const filled = items.flatMap((item) =>
    item.assurance.filter((a) => !noLevel(a.cell.value)).map((a) => a.update.number)
  );
  return filled.length > 0
    ? Math.max(...filled)
    : numbers.length > 0
      ? Math.min(...numbers)
      : undefined;
}

/** The updates the return has, up to the one it is at, in order: each must still carry its levels. */
function updatesUpTo(items: readonly SvTrackedItem[], current: number): number[] {
  const numbers = items.flatMap((item) => item.assurance.map((a) => a.update.number));
  return [...new Set(numbers)].filter((n) => n <= current).sort((a, b) => a - b);
}

/** How the return names an update ("Update 3 (November)"), from any item that has it. */
function updateLabel(items: readonly SvTrackedItem[], update: number): string {
  for (const item of items)
    for (const a of item.assurance) if (a.update.number === update) return a.update.label;
  return `Update ${update}`;
}

/** The item has no place for an update at all (its stack skips it or stops short, or its table lacks the column). */
function missingUpdate(
  item: SvTrackedItem,
  update: number,
  label: string,
  levels: string
): RuleReport {
  const last = item.assurance.at(-1);
  const where =
    item.layout === "columns"
      ? "its table has no column for it"
      : last === undefined
        ? "its Assurance Level column has no updates"
        : last.update.number > update
          ? `its Assurance Level column skips it`
          : `its Assurance Level column stops at ${last.update.label}`;
  return {
    message: `${item.name} has no assurance level for ${label}: ${where}. Add ${label} with one of ${levels}.`,
    at: item.at,
  };
}

/** A report on one item's level for one update; `missing` when the level is not there at all. */
interface LevelReport {
  readonly item: SvTrackedItem;
  readonly update: number;
  readonly missing: boolean;
  readonly report: RuleReport;
  /** The unrecognised level as written, and normalised so that one written throughout is reported once. */
  readonly written?: string;
  readonly unrecognised?: string;
}

/** The cell is empty, or says in words that it gives no level. */
function noLevel(value: CellValue): boolean {
  return isBlank(value) || saysNoLevel(value);
}

function notGiven(given: SvAssurance | undefined): boolean {
  return given === undefined || noLevel(given.cell.value);
}

/**
 * The earlier updates a risk was not yet on the register for: the register changes during the year, and
 * a risk added in August has no level for May. An agreement varied during the year adds a condition the
 * same way.
 */
function beforeAdded(item: SvTrackedItem, updates: readonly number[]): number[] {
  const first = updates.findIndex(
    (update) => !notGiven(item.assurance.find((a) => a.update.number === update))
  );
  return first > 0 ? updates.slice(0, first) : [];
}

/** One warning for the numbered rows with no update beside them, naming them all. */
function bareNote(bare: readonly SvTrackedItem[], label: string): RuleReport {
  const [first] = bare;
  const what = first.kind === "risk" ? "a risk" : "a condition of the agreement";
  const names =
    bare.length === 1
      ? `${first.name} has`
      : `${bare.length} conditions and risks (${bare.map((i) => i.name).join(", ")}) have`;
  return {
    message: `${names} no update labels or levels beside them in the Assurance Level column, so they were not checked: where one is ${what}, add each update's label ('${label}') with its level below; a heading or a note needs nothing.`,
    severity: "warning",
    at: first.at,
  };
}

// The same unrecognised level in this many cells is the council's own scale: said once, not per cell.
const SAME_LEVEL_CELLS = 3;

// "Condition 3.6 (Withdrawn by agreement with the DfE in June 2024)": no longer tracked, so no levels due.
const WITHDRAWN =
  /\b(?:withdrawn|no longer (?:applies|applicable|required)|removed by agreement|superseded)\b/i;

function withdrawn(item: SvTrackedItem): boolean {
  return typeof item.at.value === "string" && WITHDRAWN.test(plainText(item.at.value));
}

/** Whether the conditions and the risks name the same updates (or only one of them has any). */
function sameUpdates(items: readonly SvTrackedItem[]): boolean {
  const labels = (kind: SvTrackedItem["kind"]) =>
    [
      ...new Set(
        items
          .filter((item) => item.kind === kind)
          .flatMap((item) => item.assurance.map((a) => normaliseLabel(a.update.label)))
      ),
    ].sort();
  const [conditions, risks] = [labels("condition"), labels("risk")];
  return (
    conditions.length === 0 ||
    risks.length === 0 ||
    conditions.some((label) => risks.includes(label))
  );
}

function partition(items: readonly SvTrackedItem[]): SvTrackedItem[][] {
  return (["condition", "risk"] as const)
    .map((kind) => items.filter((item) => item.kind === kind))
    .filter((group) => group.length > 0);
}

/** The findings on the levels of conditions and risks that name their updates alike. */
function levelReports(
  items: readonly SvTrackedItem[],
  legend: readonly SvLegendEntry[]
): RuleReport[] {
  const current = currentUpdate(items);
  if (current === undefined) return [];
  const updates = updatesUpTo(items, current);
  const allowed = allowedLevels(legend);
  const levels = allowed.join(", ");
  const found: LevelReport[] = [];
  for (const item of items) {
    for (const update of updates) {
      const label = updateLabel(items, update);
      const given = item.assurance.find((a) => a.update.number === update);
      if (given === undefined) {
        const report = missingUpdate(item, update, label, levels);
        found.push({ item, update, missing: true, report });
        continue;
      }
      const { cell } = given;
      const own = given.update.label;
      if (noLevel(cell.value)) {
        const earlier = update < current ? ", an earlier update that the return still carries" : "";
        const says = isBlank(cell.value) ? "" : ` (it says '${String(cell.value).trim()}')`;
        const message = `${item.name} has no assurance level for ${own}${says}${earlier}: enter one of ${levels}.`;
        found.push({ item, update, missing: true, report: { message, at: cell } });
      } else if (!isAllowed(cell.value, allowed, legend)) {
        const written = String(cell.value).trim();
        const message = `${item.name} has the assurance level '${written}' for ${own}, which the RAG legend does not define: use one of ${levels}.`;
        const unrecognised = normaliseLabel(written);
        found.push({
          item,
          update,
          missing: false,
          report: { message, at: cell },
          written,
          unrecognised,
        });
      }
    }
  }
  // An earlier update most items lack is not carried in this return (or not where it was looked for):
  // said once, as a warning, rather than as an error per condition and risk.
  const uncarried = updates.filter((update) => {
    const count = found.filter((f) => f.missing && f.update === update).length;
    return update < current && count >= 2 && count * 2 > items.length;
  });
  // A risk whose levels start later than the others' may have been added to the register then: a
  // warning that says so, not an error, since a new risk has no level to give for before it existed.
  const notes: RuleReport[] = [];
  const added = new Map<SvTrackedItem, number[]>();
  for (const item of items) {
    const before = beforeAdded(item, updates);
    const unexplained = before.filter((update) => !uncarried.includes(update));
    if (unexplained.length === 0) continue;
    added.set(item, unexplained);
    const first = found.find((f) => f.item === item && f.update === unexplained[0]);
    const labels = unexplained.map((update) => updateLabel(items, update)).join(" or ");
    notes.push({
      message: `${item.name} has no assurance level for ${labels}: enter the level it was given, unless the ${item.kind === "risk" ? "risk was added to the register" : "condition was added to the agreement"} at ${updateLabel(items, updates[before.length])}.`,
      severity: "warning",
      at: first?.report.at ?? item.at,
    });
  }
  const warnings = uncarried.map((update): RuleReport => {
    const missing = found.filter((f) => f.missing && f.update === update);
    const label = updateLabel(items, update);
    return {
      message:
        `${missing.length} of ${items.length} conditions and risks have no assurance level for ${label}, ` +
        `an earlier update than ${updateLabel(items, current)}: the return may not carry that update's ` +
        `levels, or they are not below each update's label or in its column. Fill in the levels given for ${label}.`,
      severity: "warning",
      at: missing[0].report.at,
    };
  });
  // Every risk (or every condition) without a level for one update: one finding for the register, not one
  // a row, since the column was left to fill in as a whole.
  const wholeColumn = (["condition", "risk"] as const).flatMap((kind) => {
    const ofKind = items.filter((item) => item.kind === kind);
    return updates.flatMap((update) => {
      const missing = found.filter(
        (f) =>
          f.missing && f.update === update && f.item.kind === kind && !uncarried.includes(update)
      );
      if (ofKind.length < 2 || missing.length !== ofKind.length) return [];
      const what = kind === "risk" ? "risks of the risk register" : "conditions of the agreement";
      return [
        {
          kind,
          update,
          report: {
            message: `None of the ${ofKind.length} ${what} has an assurance level for ${updateLabel(items, update)}: enter one of ${levels} for each.`,
            at: missing[0].report.at,
          } as RuleReport,
        },
      ];
    });
  });
  const inWholeColumn = (f: LevelReport) =>
    f.missing && wholeColumn.some((w) => w.kind === f.item.kind && w.update === f.update);
  const reported = new Set<string>();
  const reports = found.flatMap((f): RuleReport[] => {
    if (f.missing && uncarried.includes(f.update)) return [];
    if (inWholeColumn(f)) return [];
    if (f.missing && added.get(f.item)?.includes(f.update)) return [];
    if (f.unrecognised === undefined) return [f.report];
    const same = found.filter((g) => g.unrecognised === f.unrecognised);
    if (same.length < SAME_LEVEL_CELLS) return [f.report];
    if (reported.has(f.unrecognised)) return [];
    reported.add(f.unrecognised);
    return [
      {
        message: `'${f.written}' is given as the assurance level in ${same.length} places (the first shown here), and the RAG legend does not define it: use one of ${levels}.`,
        at: f.report.at,
      },
    ];
  });
  return [...reports, ...wholeColumn.map((w) => w.report), ...warnings, ...notes];
}

/**
 * Every condition of the agreement and every risk has an allowed assurance level for each update of the
 * year up to the latest: the DfE reads the levels over the year to judge whether the plan is on track,
 * and the return carries the earlier updates' levels forward.
 */
export const svAssurance = defineRule({
  id: "sv-assurance",
  severity: "error",
  title: "Assurance levels given",
  description:
    "In the Safety Valve monitoring return, each condition of the agreement and each risk in the risk register " +
    "needs an assurance level for every update of the year up to the current one (the latest update that has any " +
    "levels filled in): a November return carries May's and August's levels too, and an August return is not " +
    "asked for November's ('N/A', a dash, 'TBC', 'Not yet due' or 'See previous return' give no level). A risk " +
    "with no level before some update may have been added to the register then, and a condition to an " +
    "agreement varied during the year: a warning, not an error. The level must be one the RAG legend defines: its letters " +
    "(S, A, O, R) or their colours (Blue, Green, Amber, Red). The return may give each update a column, or (as " +
    "published) stack the updates in one Assurance Level column, each label with its level in the cell below; " +
    "updates may be labelled 'Update 2 (August)', 'Update 2 - August 2024', 'August' or 'Q2', and a level may be " +
    "written after its label in the same cell ('Update 1 (May): Amber'). A heading over numbered conditions " +
    "('Condition 3 - the following sub-conditions:' above 3.1 to 3.5) with no level of its own is not a " +
    "condition, and a numbered row with no update beside it gives one warning. The finding points " +
    "at the missing or unrecognised level (at the update's label when no cell is left below it), or at the " +
    "condition or risk when it has no entry for an update at all. When most conditions and risks lack an earlier " +
    "update's level, none has a level at all, or no update label is read beside a whole table of them, one " +
    "warning says so instead of an error for each, and a level the legend does not define, written in many " +
    "cells, is reported once.",
  defaults: {},
  // The check needs the conditions or risks; where none of a table's updates were read (labels in words
  // the checker does not know), it warns that their levels were not checked rather than pass in silence.
  needs: (template) => {
    const sv = template.svReturn;
    if (sv === undefined) return [];
    const items = [...sv.conditions, ...sv.risks];
    return [
      {
        what: "the conditions of the agreement or the risks, with their assurance levels under update labels ('Update 1 (May)', 'May', 'Q1')",
        found: items.length > 0,
      },
    ];
  },
  check({ template }) {
    const sv = template.svReturn;
    if (sv === undefined) return [];
    // A table none of whose items has an update read was laid out in a way the checker did not follow:
    // said once, rather than an error for each of its conditions or risks.
    const unread = [sv.conditions, sv.risks].filter(
      (table) => table.length >= 2 && table.every((item) => item.assurance.length === 0)
    );
    const read = [...sv.conditions, ...sv.risks].filter(
      (item) => !unread.some((table) => table.includes(item))
    );
    // A numbered row with no update label beside it in a stacked table, while the others have theirs,
    // may be a note or a heading that starts with "Condition 4" rather than a condition: said once.
    const bare = read.filter((item) => item.layout === "stacked" && item.assurance.length === 0);
    const items = read.filter((item) => !bare.includes(item) && !withdrawn(item));
    const unreadNotes: RuleReport[] = unread.map((table): RuleReport => {
      const what =
        table[0].kind === "risk" ? "risks of the risk register" : "conditions of the agreement";
      return {
        message: `No update labels were read beside the ${table.length} ${what} ('Update 1 (May)', 'May', 'Q1'), so their assurance levels were not checked: check that each update's label sits above its level, or in the heading of its column.`,
        severity: "warning",
        at: table[0].at,
      };
    });
    const current = currentUpdate(items);
    if (current === undefined) return unreadNotes;
    if (bare.length > 0) unreadNotes.push(bareNote(bare, updateLabel(items, current)));
    // No level anywhere: an empty return, or levels where the check does not look. Said once.
    const anyLevel = items.some((item) => item.assurance.some((a) => !noLevel(a.cell.value)));
    if (!anyLevel && items.length >= 2) {
      const first = items.find((item) => item.assurance.length > 0) ?? items[0];
      return [
        {
          message: `None of the ${items.length} conditions and risks has an assurance level for any update: fill them in. If they are filled in, they are not below each update's label or in its column, where this check looks for them.`,
          severity: "warning",
          at: first.assurance[0]?.cell ?? first.at,
        },
        ...unreadNotes,
      ];
    }
    // Conditions and risks labelled alike are checked as one return; a table that names its updates its
    // own way ("This quarter" beside a register of "Update 1" to "Update 3") is checked on its own.
    const groups = sameUpdates(items) ? [items] : partition(items);
    return [...groups.flatMap((group) => levelReports(group, sv.legend)), ...unreadNotes];
  },
});
