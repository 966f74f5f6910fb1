/**
 * The Compare tab: "Compare with a previous version" reads an earlier version of the plan from a file the
 * user picks (in the page, with the command line's reader: nothing is sent anywhere) and the open workbook,
 * and shows what moved in DSG terms; "Write comparison sheet" puts it in the workbook, only when pressed.
 */
import { announceFailure, type Announce } from "./announce";
import { el, setChildren } from "./dom";
import { reportSections } from "../validation/compare/reportSections";
import { COMPARISON_SHEET_NAME, type PaneServices, type VersionComparison } from "./services";

export interface ComparePanel {
  readonly element: HTMLElement;
  /** Excel is ready: the Compare button becomes usable. */
  enable(services: PaneServices): void;
}

/** The kinds of file the reader takes, for the file picker's `accept`. */
const WORKBOOK_FILE_TYPES = ".xlsx,.xlsm";

/** Builds the Compare tab's contents; nothing works until `enable` hands it the services. */
export function createComparePanel(announce: Announce): ComparePanel {
  const fileInput = el("input", {
    type: "file",
    id: "compare-file",
    accept: WORKBOOK_FILE_TYPES,
    "aria-describedby": "compare-file-hint",
  });
  const compareButton = el(
    "button",
    { type: "button", class: "primary", id: "compare-versions", disabled: true },
    "Loading…"
  );
  const heading = el("h2", { class: "summary", id: "compare-heading" });
  const summary = el("p", { id: "compare-summary" });
  const sections = el("div", { class: "comparison-sections", id: "compare-sections" });
  const count = el("p", { class: "checks-ran", id: "compare-count" });
  const writeButton = el(
    "button",
    { type: "button", id: "write-comparison", "aria-describedby": "write-comparison-hint" },
    "Write comparison sheet"
  );
  const results = el(
    "div",
    { class: "results", id: "comparison", hidden: true },
    heading,
    summary,
    sections,
    count,
    el("div", { class: "actions" }, writeButton),
    el(
      "p",
      { class: "hint", id: "write-comparison-hint" },
      `Write comparison sheet adds or replaces the sheet "${COMPARISON_SHEET_NAME}" and changes nothing else.`
    )
  );
  const element = el(
    "div",
    {},
    el(
      "p",
      { class: "intro" },
      "Compares this workbook with an earlier version of the plan: what moved, year by year, in the deficit, " +
        "funding, mitigations and EHCP numbers. Rows are matched by what they are, so rows inserted since do not matter."
    ),
    el("label", { for: "compare-file" }, "Previous version (.xlsx or .xlsm)"),
    fileInput,
    el(
      "p",
      { class: "hint", id: "compare-file-hint" },
      "The file is read here in the pane: nothing is sent anywhere, and the workbook does not change."
    ),
    el("div", { class: "actions" }, compareButton),
    results
  );

  let services: PaneServices | null = null;
  let last: { compared: VersionComparison; comparedAt: Date } | null = null;
  let running = false;

  /** While a comparison or write runs the buttons refuse presses but keep keyboard focus (aria-disabled). */
  function setBusy(busy: boolean): void {
    running = busy;
    compareButton.disabled = false;
    writeButton.disabled = last === null;
    for (const button of [compareButton, writeButton])
      button.setAttribute("aria-disabled", String(busy));
  }

  function show(compared: VersionComparison): void {
    const { comparison } = compared;
    heading.textContent = `Changes since ${compared.olderName}`;
    summary.textContent = comparison.summary;
    setChildren(
      sections,
      ...reportSections(comparison).map((section) =>
        el(
          "section",
          { class: "comparison-section" },
          el("h3", {}, section.heading),
          el("ul", {}, ...section.lines.map((line) => el("li", {}, line)))
        )
      )
    );
    const n = comparison.changes.length;
    count.textContent =
      n === 0
        ? "No figure differs."
        : `${n === 1 ? "1 figure differs" : `${n.toLocaleString("en-GB")} figures differ`} in all; the comparison sheet lists each with its cell. Figures in ${comparison.unit.label}, deficits shown as positive.`;
    results.hidden = false;
  }

  async function compare(): Promise<void> {
    if (!services || running) return;
    const file = fileInput.files?.[0];
    if (!file) {
      announce("Choose the previous version's file first.", "error", compareButton);
      fileInput.focus();
      return;
    }
    setBusy(true);
    announce(`Reading ${file.name} and this workbook…`, undefined, compareButton);
    try {
      const current = await services.readWorkbook(() => undefined);
      const compared = await services.compareWithFile(file, current);
      last = { compared, comparedAt: new Date() };
      show(compared);
      const n = compared.comparison.changes.length;
      const what =
        n === 0
          ? "nothing changed"
          : `${n === 1 ? "1 figure differs" : `${n.toLocaleString("en-GB")} figures differ`}; the changes are below`;
      announce(`Compared with ${file.name}: ${what}.`, undefined, compareButton);
    } catch (error) {
      announceFailure(announce, "The versions could not be compared.", error, compareButton);
    } finally {
      setBusy(false);
    }
  }

  async function writeSheet(): Promise<void> {
    if (!services || !last || running) return;
    setBusy(true);
    try {
      const written = await services.writeComparisonSheet(last.compared, last.comparedAt);
      announce(
        `Comparison written to the sheet "${written.sheet}" (${written.address}). Nothing else in the workbook changed.`,
        undefined,
        writeButton
      );
    } catch (error) {
      announceFailure(announce, "The comparison sheet could not be written.", error, writeButton);
    } finally {
      setBusy(false);
    }
  }

  compareButton.addEventListener("click", () => void compare());
  writeButton.addEventListener("click", () => void writeSheet());

  return {
    element,
    enable(given) {
      services = given;
      compareButton.textContent = "Compare with a previous version";
      setBusy(false);
    },
  };
}
