/**
 * The Submit tab: "Prepare for submission". A workbook built on the DSG functions shows #NAME? wherever the
 * add-in is not installed, as at the DfE. The first button lists every cell that calls one (nothing changes);
 * the second, pressed after reading the list, replaces each with the value it shows and adds an audit sheet
 * with each cell's original formula.
 */
import { announceFailure, type Announce } from "./announce";
import { el, setChildren } from "./dom";
import {
  AUDIT_SHEET_NAME,
  type AddinFormulaCell,
  type PaneServices,
  type SubmissionPrepared,
} from "./services";

export interface SubmitPanel {
  readonly element: HTMLElement;
  /** Excel is ready: the list button becomes usable. */
  enable(services: PaneServices): void;
}

const cellsWord = (n: number) => (n === 1 ? "1 cell" : `${n.toLocaleString("en-GB")} cells`);

/** Builds the Submit tab's contents; nothing works until `enable` hands it the services. */
export function createSubmitPanel(announce: Announce): SubmitPanel {
  const listButton = el(
    "button",
    { type: "button", class: "primary", id: "list-dsg-cells", disabled: true },
    "Loading…"
  );
  const count = el("h2", { class: "summary", id: "dsg-cells-count" });
  const list = el("ul", { class: "dsg-cells", id: "dsg-cells" });
  const replaceButton = el(
    "button",
    { type: "button", id: "replace-dsg-cells", "aria-describedby": "replace-dsg-cells-hint" },
    "Replace with their values"
  );
  const confirm = el(
    "div",
    { class: "confirm", hidden: true },
    el("div", { class: "actions" }, replaceButton),
    el(
      "p",
      { class: "hint", id: "replace-dsg-cells-hint" },
      `Writes each cell's value over its formula and adds the sheet "${AUDIT_SHEET_NAME}" listing each cell, its ` +
        "original formula and its value, from which the formulas can be put back; nothing else changes. Save a copy of " +
        "the workbook first."
    )
  );
  const results = el("div", { class: "results", hidden: true }, count, list, confirm);
  const element = el(
    "div",
    {},
    el(
      "p",
      { class: "intro" },
      "Before you send the workbook to the DfE: cells that use the DSG functions show #NAME? wherever the add-in is " +
        "not installed. List them first; nothing changes until you choose to replace them with their values."
    ),
    el("div", { class: "actions" }, listButton),
    results
  );

  let services: PaneServices | null = null;
  let listed: AddinFormulaCell[] = [];
  let running = false;

  function setBusy(busy: boolean): void {
    running = busy;
    listButton.disabled = false;
    for (const button of [listButton, replaceButton])
      button.setAttribute("aria-disabled", String(busy));
  }

  function showList(cells: AddinFormulaCell[]): void {
    listed = cells;
    count.textContent =
      cells.length === 0
        ? "No cell uses a DSG function: the workbook is ready as it is."
        : `${cellsWord(cells.length)} ${cells.length === 1 ? "uses" : "use"} add-in functions`;
    setChildren(
      list,
      ...cells.map((cell) =>
        el(
          "li",
          { "data-sheet": cell.sheet, "data-address": cell.address },
          el("span", { class: "finding-place" }, `${cell.sheet}!${cell.address}`),
          " ",
          el("code", {}, cell.formula)
        )
      )
    );
    replaceButton.textContent = `Replace ${cellsWord(cells.length)} with their values`;
    confirm.hidden = cells.length === 0;
    results.hidden = false;
  }

  async function listCells(): Promise<void> {
    if (!services || running) return;
    setBusy(true);
    announce("Looking for cells that use DSG functions…", undefined, listButton);
    try {
      const workbook = await services.readWorkbook(() => undefined);
      const cells = services.addinFormulaCells(workbook);
      showList(cells);
      announce(
        cells.length === 0
          ? "No cell uses a DSG function."
          : `Listed ${cellsWord(cells.length)}: check them below, then replace them with their values.`,
        undefined,
        listButton
      );
    } catch (error) {
      announceFailure(announce, "The workbook could not be read.", error, listButton);
    } finally {
      setBusy(false);
    }
  }

  function outcome(done: SubmissionPrepared): string {
    const left =
      done.leftAlone.length === 0
        ? ""
        : ` ${cellsWord(done.leftAlone.length)} left as ${done.leftAlone.length === 1 ? "it was" : "they were"}: ` +
          done.leftAlone.map((cell) => `${cell.sheet}!${cell.address} (${cell.why})`).join("; ") +
          ".";
    return (
      `${cellsWord(done.cellsWritten)} now hold their values; each original formula is on the sheet ` +
      `"${done.auditSheet}".${left}`
    );
  }

  async function replace(): Promise<void> {
    if (!services || running || listed.length === 0) return;
    setBusy(true);
    try {
      const done = await services.replaceWithValues(listed);
      confirm.hidden = true;
      announce(outcome(done), undefined, listButton);
    } catch (error) {
      announceFailure(announce, "The cells could not be replaced.", error, replaceButton);
    } finally {
      setBusy(false);
    }
  }

  listButton.addEventListener("click", () => void listCells());
  replaceButton.addEventListener("click", () => void replace());

  return {
    element,
    enable(given) {
      services = given;
      listButton.textContent = "Prepare for submission";
      setBusy(false);
    },
  };
}
