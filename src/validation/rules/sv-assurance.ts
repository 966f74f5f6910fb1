import { defineRule, type RuleReport } from "../rule";
import { normaliseLabel } from "../../templates/labels";
import { isBlank } from "../../templates/governance/fieldCell";
import { STANDARD_LEVELS } from "../../templates/svReturn/svReturnLabels";
import type { SvLegendEntry, SvTrackedItem } from "../../templates/svReturn/svReturnModel";

/** The levels the legend allows, as written for messages; each letter also allows its colour and back. */
export function allowedLevels(legend: readonly SvLegendEntry[]): string[] {
  if (legend.length === 0)
    return [...STANDARD_LEVELS.map((l) => l.letter), ...STANDARD_LEVELS.map((l) => l.colour)];
  const letters = new Set<string>();
  const colours = new Set<string>();
  for (const entry of legend) {
    const standard = STANDARD_LEVELS.find(
      (l) =>
        l.letter === entry.letter || normaliseLabel(l.colour) === normaliseLabel(entry.colour ?? "")
    );
    for (const letter of [entry.letter, standard?.letter]) if (letter) letters.add(letter);
    for (const colour of [entry.colour, standard?.colour]) if (colour) colours.add(colour);
  }
  return [...letters, ...colours];
}

/** An assurance cell's level is allowed when it is one of the levels, alone or followed by its meaning. */
function isAllowed(value: unknown, allowed: readonly string[]): boolean {
  const text = normaliseLabel(String(value));
  return allowed.some((level) => {
    const wanted = normaliseLabel(level);
    return text === wanted || text.startsWith(`${wanted} `);
  });
}

/** The update the return is at: the latest one any condition or risk has a level for (else the first). */
function currentUpdate(items: readonly SvTrackedItem[]): number | undefined {
  const numbers = items.flatMap((item) => item.assurance.map((a) => a.update.number));
  const filled = items.flatMap((item) =>
    item.assurance.filter((a) => !isBlank(a.cell.value)).map((a) => a.update.number)
  );
  return filled.length > 0
    ? Math.max(...filled)
    : numbers.length > 0
      ? Math.min(...numbers)
      : undefined;
}

/** How the return names an update ("Update 3 (November)"), from any item that has it. */
function updateLabel(items: readonly SvTrackedItem[], update: number): string {
  for (const item of items)
    for (const a of item.assurance) if (a.update.number === update) return a.update.label;
  return `Update ${update}`;
}

/** The item has no place for the current update at all (its stack stops short, or its table lacks the column). */
function missingUpdate(item: SvTrackedItem, label: string, levels: string): RuleReport {
  const last = item.assurance.at(-1);
  const where =
    item.layout === "stacked"
      ? last === undefined
        ? "its Assurance Level column has no updates"
        : `its Assurance Level column stops at ${last.update.label}`
      : "its table has no column for it";
  return {
    message: `${item.name} has no assurance level for ${label}: ${where}. Add ${label} with one of ${levels}.`,
    at: item.at,
  };
}

/**
 * Every condition of the agreement and every risk has an allowed assurance level for the latest update:
 * the DfE reads these levels to judge whether the plan is on track.
 */
export const svAssurance = defineRule({
  id: "sv-assurance",
  severity: "error",
  title: "Assurance levels given",
  description:
    "In the Safety Valve monitoring return, each condition of the agreement and each risk in the risk register " +
    "needs an assurance level for the current update (the latest update that has any levels filled in). The level " +
    "must be one the RAG legend defines: its letters (S, A, O, R) or their colours (Blue, Green, Amber, Red). The " +
    "return may give each update a column, or (as published) stack the updates in one Assurance Level column, each " +
    "label with its level in the cell below. The finding points at the missing or unrecognised level (at the " +
    "update's label when no cell is left below it), or at the condition or risk when it has no entry for the " +
    "current update at all.",
  defaults: {},
  check({ template }) {
    const sv = template.svReturn;
    if (sv === undefined) return [];
    const items = [...sv.conditions, ...sv.risks];
    const update = currentUpdate(items);
    if (update === undefined) return [];
    const label = updateLabel(items, update);
    const allowed = allowedLevels(sv.legend);
    const levels = allowed.join(", ");
    return items.flatMap((item): RuleReport[] => {
      const given = item.assurance.find((a) => a.update.number === update);
      if (given === undefined) return [missingUpdate(item, label, levels)];
      const { cell: at } = given;
      if (isBlank(at.value)) {
        return [
          {
            message: `${item.name} has no assurance level for ${given.update.label}: enter one of ${levels}.`,
            at,
          },
        ];
      }
      if (isAllowed(at.value, allowed)) return [];
      return [
        {
          message: `${item.name} has the assurance level '${String(at.value).trim()}' for ${given.update.label}, which the RAG legend does not define: use one of ${levels}.`,
          at,
        },
      ];
    });
  },
});
