/**
 * The Submit tab: "Prepare for submission". A workbook built on the DSG functions shows #NAME? wherever the
 * add-in is not installed, as at the DfE. The first button lists every cell that calls one (nothing changes);
 * then, after reading the list, one button replaces each with plain Excel formulas that compute what it shows
 * (its value where no plain formula does), the other with the value it shows; both add an audit sheet with
 * each cell's original formula.
 */
import { announceFailure, type Announce } from "./announce";
import { el, setChildren } from "./dom";
import {
  AUDIT_SHEET_NAME,
  type AddinFormulaCell,
  type PaneServices,
  type SubmissionKeeps,
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
  const formulasButton = el(
    "button",
    {
      type: "button",
      id: "replace-dsg-cells-formulas",
      "aria-describedby": "replace-dsg-cells-hint",
    },
    "Replace with Excel formulas"
  );
  const replaceButton = el(
    "button",
    { type: "button", id: "replace-dsg-cells", "aria-describedby": "replace-dsg-cells-hint" },
    "Replace with their values"
  );
  const confirm = el(
    "div",
    { class: "confirm", hidden: true },
    el("div", { class: "actions" }, formulasButton, replaceButton),
    el(
      "p",
      { class: "hint", id: "replace-dsg-cells-hint" },
      "Excel formulas: each cell gets ordinary Excel arithmetic that gives the same figure and still updates when " +
        "an input changes (a carried-forward row becomes =C10+D5-ABS(D6)…); a cell with no such formula gets its " +
        `value. Values: each cell gets the figure it shows. Both add the sheet "${AUDIT_SHEET_NAME}" listing each ` +
        "cell, its original formula, its value and what it holds now, from which the formulas can be put back; " +
        "nothing else changes. Save a copy of the workbook first."
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
    for (const button of [listButton, formulasButton, replaceButton])
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
    formulasButton.textContent = `Replace ${cellsWord(cells.length)} with Excel formulas`;
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
          : `Listed ${cellsWord(cells.length)}: check them below, then replace them with Excel formulas or their values.`,
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
    const asValues = done.cellsWritten - done.asFormulas;
    const held =
      done.asFormulas === 0
        ? `${cellsWord(done.cellsWritten)} now hold their values`
        : `${cellsWord(done.asFormulas)} now ${done.asFormulas === 1 ? "computes" : "compute"} with Excel formulas` +
          (asValues === 0
            ? ""
            : ` and ${cellsWord(asValues)} ${asValues === 1 ? "holds its value" : "hold their values"}`);
    return `${held}; each original formula is on the sheet "${done.auditSheet}".${left}`;
  }

  async function replace(keeps: SubmissionKeeps, button: HTMLElement): Promise<void> {
    if (!services || running || listed.length === 0) return;
    setBusy(true);
    try {
      const done = await services.replaceForSubmission(listed, keeps);
      confirm.hidden = true;
      announce(outcome(done), undefined, listButton);
    } catch (error) {
      announceFailure(announce, "The cells could not be replaced.", error, button);
    } finally {
      setBusy(false);
    }
  }

  listButton.addEventListener("click", () => void listCells());
  formulasButton.addEventListener("click", () => void replace("formulas", formulasButton));
  replaceButton.addEventListener("click", () => void replace("values", replaceButton));

  return {
    element,
    enable(given) {
      services = given;
      listButton.textContent = "Prepare for submission";
      setBusy(false);
    },
  };
}
