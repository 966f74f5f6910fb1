/**
 * "Point a check at a row": where a council words a row so that the checker cannot read it, the user
 * selects the row in the sheet, picks what it is ("Use the selected row as… Cumulative deficit carried
 * forward") and presses Use the selected row. The rows pointed at are saved in the workbook's settings,
 * apply from the next check, and can be downloaded or copied as the map file `dsg-validate --map` reads.
 */
import type { Workbook } from "../workbook/workbook";
import { quoteSheetName } from "../workbook/address";
import {
  EMPTY_ROW_MAP,
  END_OF_YEAR_TABLE,
  ROW_TARGETS,
  rowMapText,
  rowTarget,
  withMapping,
  withoutMapping,
  type RowMap,
  type RowMapping,
  type RowTargetChoice,
} from "../templates/rowMap";
import { announceFailure, type Announce } from "./announce";
import { copyText } from "./clipboard";
import { el, setChildren } from "./dom";
import type { ChecksRan } from "../validation/report/findingsText";
import type { CheckResult, PaneServices } from "./services";

/** The name the downloaded map file is offered under. */
export const ROW_MAP_FILE = "dsg-row-map.json";

export interface RowMapPanel {
  readonly element: HTMLElement;
  /** Loads the rows pointed at earlier in this workbook. */
  enable(services: PaneServices): Promise<void>;
  /** After a check: offers first what the checks that did not run needed, and opens when they need something. */
  update(result: CheckResult, workbook: Workbook): void;
  /** The map in force (the last saved or loaded). */
  current(): RowMap;
}

/** The table a target belongs to, then its name: "High needs block: Total funding available". */
export function targetLabel(choice: RowTargetChoice): string {
  return choice.table === END_OF_YEAR_TABLE ? choice.name : `${choice.table}: ${choice.name}`;
}

const quotedNames = (need: string) => [...need.matchAll(/'([^']+)'/g)].map((m) => m[1]);

/**
 * The targets that could give the checks that did not run what they need: a row named in a need (in the
 * block the need names, or in any block when it names none), or a block's heading when the block itself
 * was not found.
 */
export function neededTargets(checks: ChecksRan): RowTargetChoice[] {
  const needs = checks.notRun.flatMap((check) => check.needs);
  return ROW_TARGETS.filter((choice) =>
    needs.some((need) => {
      const names = quotedNames(need);
      if (choice.table === END_OF_YEAR_TABLE)
        return need.includes(END_OF_YEAR_TABLE) && names.includes(choice.name);
      const namesBlock = /\b(schools|central|early years|high needs) (school services )?block\b/i;
      const inThisBlock = need.toLowerCase().includes(choice.table.toLowerCase());
      if (choice.target.kind === "block" && choice.target.key === "heading")
        return inThisBlock && !/^rows? /.test(need);
      return names.includes(choice.name) && (inThisBlock || !namesBlock.test(need));
    })
  );
}

/** The first text of a sheet row, as the user would recognise it ("Balance to take into next year"). */
function rowLabel(workbook: Workbook | null, sheet: string, row: number): string | undefined {
  const found = workbook?.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  const values = found?.values[row - 1 - found.top];
  const text = values?.find(
    (value): value is string => typeof value === "string" && value.trim() !== ""
  );
  return text?.trim().slice(0, 255);
}

/** A sentence's first letter made a capital. */
const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** `row 54 of 'Financial summary' ("Balance to take into next year")`. */
function rowWords(mapping: Pick<RowMapping, "sheet" | "row" | "label">): string {
  const label = mapping.label ? ` ("${mapping.label}")` : "";
  return `row ${mapping.row} of ${quoteSheetName(mapping.sheet)}${label}`;
}

/** Builds the section; it works once `enable` hands it the services. */
export function createRowMapPanel(announce: Announce): RowMapPanel {
  let services: PaneServices | null = null;
  let map: RowMap = EMPTY_ROW_MAP;
  let workbook: Workbook | null = null;
  let needed: RowTargetChoice[] = [];
  let saving = false;

  const select = el("select", { id: "map-as", name: "map-as" });
  const useButton = el(
    "button",
    { type: "button", id: "use-selected-row", "aria-describedby": "row-map-hint" },
    "Use the selected row"
  );
  const mappedList = el("ul", { class: "mapped-rows", id: "mapped-rows" });
  const downloadButton = el(
    "button",
    { type: "button", id: "download-map", "aria-describedby": "map-file-hint" },
    "Download map file"
  );
  const copyButton = el(
    "button",
    { type: "button", id: "copy-map", "aria-describedby": "map-file-hint" },
    "Copy map"
  );
  const mapFallback = el("textarea", {
    class: "map-fallback",
    id: "map-text",
    readonly: true,
    hidden: true,
    "aria-label": "Row map as text",
    rows: 6,
  });
  const summaryText = el("span", {}, "Point a check at a row");
  const element = el(
    "details",
    { class: "row-map", id: "row-map" },
    el("summary", {}, summaryText),
    el(
      "p",
      { class: "hint", id: "row-map-hint" },
      "If a row the checks need is in the sheet under other words, select it in the sheet, choose what it is, " +
        "and press Use the selected row. The rows you point at are saved in this workbook and used from the next check."
    ),
    el(
      "div",
      { class: "field" },
      el("label", { for: "map-as" }, "Use the selected row as"),
      select
    ),
    el("div", { class: "actions" }, useButton),
    el("h3", { class: "mapped-rows-heading", id: "mapped-rows-heading" }, "Rows pointed at"),
    mappedList,
    el("div", { class: "actions" }, downloadButton, copyButton),
    el(
      "p",
      { class: "hint", id: "map-file-hint" },
      `The map file works for the command line too: dsg-validate --map ${ROW_MAP_FILE} plan.xlsx.`
    ),
    mapFallback
  );
  mappedList.setAttribute("aria-labelledby", "mapped-rows-heading");

  function fillTargets(): void {
    const previous = select.value;
    const neededIds = new Set(needed.map((choice) => choice.id));
    const option = (choice: RowTargetChoice) =>
      el("option", { value: choice.id }, targetLabel(choice));
    const tables = [...new Set(ROW_TARGETS.map((choice) => choice.table))];
    setChildren(
      select,
      needed.length > 0 &&
        el("optgroup", { label: "Needed by checks that did not run" }, ...needed.map(option)),
      ...tables.map((table) =>
        el(
          "optgroup",
          { label: table },
          ...ROW_TARGETS.filter((c) => c.table === table && !neededIds.has(c.id)).map(option)
        )
      )
    );
    select.value = needed[0]?.id ?? (previous || ROW_TARGETS[0].id);
  }

  function renderMapped(): void {
    const count = map.rows.length;
    summaryText.textContent =
      count === 0
        ? "Point a check at a row"
        : `Point a check at a row (${count} row${count === 1 ? "" : "s"} pointed at)`;
    setChildren(
      mappedList,
      ...map.rows.map((mapping) => {
        const choice = rowTarget(mapping.as);
        const words = rowWords(mapping);
        const remove = el(
          "button",
          {
            type: "button",
            class: "remove-mapping",
            "data-sheet": mapping.sheet,
            "data-row": mapping.row,
            "aria-label": `Remove ${words}`,
          },
          "Remove"
        );
        return el(
          "li",
          { "data-as": mapping.as },
          el("span", {}, `${capital(words)} as ${choice ? targetLabel(choice) : mapping.as}`),
          remove
        );
      }),
      count === 0 && el("li", { class: "none" }, "No rows pointed at yet.")
    );
    downloadButton.disabled = copyButton.disabled = count === 0;
  }

  /** Saves the map; the outcome is shown beside `at` (the list itself when the button that was used is gone). */
  async function save(next: RowMap, message: string, at: HTMLElement): Promise<void> {
    if (!services || saving) return;
    saving = true;
    try {
      await services.saveRowMap(next);
      map = next;
      renderMapped();
      mapFallback.hidden = true;
      announce(message, undefined, at.isConnected ? at : mappedList);
    } catch (error) {
      announceFailure(
        announce,
        "The row map could not be saved.",
        error,
        at.isConnected ? at : mappedList
      );
    } finally {
      saving = false;
    }
  }

  async function useSelectedRow(): Promise<void> {
    if (!services || saving) return;
    const choice = rowTarget(select.value);
    if (!choice) return;
    let at;
    try {
      at = await services.selectedRow();
    } catch (error) {
      announceFailure(announce, "The selected row could not be read.", error, useButton);
      return;
    }
    if (at.rows > 1) {
      announce(
        `Select one row: the selection covers rows ${at.row} to ${at.row + at.rows - 1} of ${quoteSheetName(at.sheet)}.`,
        "error",
        useButton
      );
      return;
    }
    const label = rowLabel(workbook, at.sheet, at.row);
    const mapping: RowMapping = {
      sheet: at.sheet,
      row: at.row,
      as: choice.id,
      ...(label !== undefined && { label }),
    };
    const words = rowWords(mapping);
    await save(
      withMapping(map, mapping),
      `${capital(words)} will be read as ${targetLabel(choice)}. Press Check again to use it.`,
      useButton
    );
  }

  function download(): void {
    const url = URL.createObjectURL(new Blob([rowMapText(map)], { type: "application/json" }));
    const link = el("a", { href: url, download: ROW_MAP_FILE, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(
      `The row map is downloaded as ${ROW_MAP_FILE}. If no download appears, use Copy map instead.`,
      undefined,
      downloadButton
    );
  }

  async function copyMap(): Promise<void> {
    const text = rowMapText(map);
    if (await copyText(text)) {
      announce(
        "The row map is copied to the clipboard. Save it as a .json file for dsg-validate --map.",
        undefined,
        copyButton
      );
      return;
    }
    mapFallback.value = text;
    mapFallback.hidden = false;
    mapFallback.focus();
    mapFallback.select();
    announce(
      "Copying is not allowed here: the row map is selected in the box below; press Ctrl+C to copy it.",
      undefined,
      copyButton
    );
  }

  useButton.addEventListener("click", () => void useSelectedRow());
  downloadButton.addEventListener("click", download);
  copyButton.addEventListener("click", () => void copyMap());
  mappedList.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.remove-mapping");
    const sheet = button?.dataset.sheet;
    const row = Number(button?.dataset.row);
    if (!button || sheet === undefined || !Number.isInteger(row)) return;
    const removed = map.rows.find((m) => m.sheet === sheet && m.row === row);
    void save(
      withoutMapping(map, sheet, row),
      `${capital(removed ? rowWords(removed) : `row ${row}`)} is no longer pointed at. Press Check again to check without it.`,
      mappedList
    );
  });

  fillTargets();
  renderMapped();

  return {
    element,
    async enable(given) {
      services = given;
      try {
        map = await given.loadRowMap();
      } catch (error) {
        map = EMPTY_ROW_MAP;
        announceFailure(announce, "", error, mappedList);
      }
      renderMapped();
    },
    update(result, read) {
      workbook = read;
      needed = neededTargets(result.checks);
      fillTargets();
      const unsure = result.findings.some((f) => f.rule === "layout-not-confirmed");
      if (needed.length > 0 || unsure || map.rows.length > 0) element.open = true;
    },
    current: () => map,
  };
}
