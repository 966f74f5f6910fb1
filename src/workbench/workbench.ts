/**
 * The workbench page: the real task pane (same start-up as in Excel) beside a read-only view of a sample
 * workbook, over the stand-in Excel host. Pick a sample, or open your own .xlsx/.xlsm (file picker, or drop
 * it on the page: it is read in the page and checked at once), check it, select a finding and watch the grid
 * move to its cell. `window.workbench` exposes the host so browser tests can assert what Excel was asked to do.
 */
import { bootPane } from "../taskpane/boot";
import { applyTheme, chooseTheme } from "../taskpane/theme";
import { el } from "../taskpane/dom";
import { installStandInExcel } from "./host/standInHost";
import { createGrid } from "./grid";
import { EXAMPLE_GROUPS, EXAMPLES, type WorkbenchExample } from "./examples";
import { readWorkbookFile, WORKBOOK_FILE_TYPES } from "./openFile";

type Host = ReturnType<typeof installStandInExcel>;

declare global {
  interface Window {
    /** For tests and the curious: the current stand-in host and a way to open another sample. */
    workbench: { host: Host; open(id: string): Promise<void>; ready: Promise<void> };
  }
}

const book = document.getElementById("workbook") as HTMLElement;
const paneRoot = document.getElementById("app") as HTMLElement;
const theme = chooseTheme(location.search);
applyTheme(theme);

/** The id the picker gives a workbook the user opened. */
const OWN_FILE = "own-file";
const ownOption = el("option", { value: OWN_FILE });
const ownGroup = el("optgroup", { label: "Your workbook", hidden: true }, ownOption);
const picker = el(
  "select",
  { id: "example" },
  ownGroup,
  ...EXAMPLE_GROUPS.map((group) =>
    el(
      "optgroup",
      { label: group },
      ...EXAMPLES.filter((example) => example.group === group).map((example) =>
        el("option", { value: example.id }, example.label)
      )
    )
  )
);
const fileInput = el("input", {
  type: "file",
  id: "open-file",
  accept: WORKBOOK_FILE_TYPES,
  class: "visually-hidden",
  "aria-describedby": "open-file-hint",
});
const fileButton = el(
  "label",
  { for: "open-file", class: "file-button" },
  "Open your own workbook…"
);
const fileHint = el(
  "p",
  { class: "file-hint", id: "open-file-hint" },
  "Or drop a .xlsx or .xlsm file on this page. It is read and checked here: it is not uploaded."
);
const fileStatus = el("p", { class: "file-status", id: "file-status", role: "status" });
const fault = el("p", { class: "example-fault", id: "example-fault" });
const grid = createGrid();
book.replaceChildren(
  el(
    "div",
    { class: "example-picker" },
    el("label", { for: "example" }, "Sample workbook"),
    picker,
    fileInput,
    fileButton
  ),
  fileHint,
  fileStatus,
  fault,
  grid.element
);

let host: Host | null = null;
let stopListening: (() => void)[] = [];

function refreshGrid(): void {
  if (host) grid.show(host.workbook, host.selection);
}

/** Replaces the stand-in workbook with a sample and restarts the pane on it, as reopening the add-in would. */
async function open(example: WorkbenchExample): Promise<void> {
  stopListening.forEach((stop) => stop());
  host?.uninstall();
  host = installStandInExcel(example.workbook(), globalThis, { theme });
  stopListening = [host.onSelectionChanged(refreshGrid), host.onWorkbookChanged(refreshGrid)];
  picker.value = example.id;
  fault.textContent = example.fault ?? "";
  refreshGrid();
  await bootPane(paneRoot);
}

/** Reads the user's file in the page, opens it as the workbook, and checks it at once. */
async function openOwn(file: File): Promise<void> {
  fileStatus.classList.remove("file-error");
  fileStatus.textContent = `Reading ${file.name} in this page…`;
  let workbook;
  try {
    workbook = await readWorkbookFile(file);
  } catch (error) {
    fileStatus.classList.add("file-error");
    fileStatus.textContent = `${(error as Error).message} The workbook shown has not changed.`;
    return;
  }
  ownOption.textContent = file.name;
  ownGroup.hidden = false;
  await open({ id: OWN_FILE, label: file.name, group: "Examples", workbook: () => workbook });
  fileStatus.textContent = `Opened ${file.name} (${workbook.sheets.length} ${workbook.sheets.length === 1 ? "sheet" : "sheets"}); checking it…`;
  document.getElementById("check-workbook")?.click();
}

fileInput.addEventListener("change", () => {
  const file = fileInput.files?.[0];
  fileInput.value = "";
  if (file) void openOwn(file);
});

// A file dropped anywhere on the page is opened; the page marks itself while a file is dragged over it.
document.addEventListener("dragover", (event) => {
  if (!event.dataTransfer?.types.includes("Files")) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = "copy";
  document.body.classList.add("dropping");
});
document.addEventListener("dragleave", (event) => {
  if (event.relatedTarget === null) document.body.classList.remove("dropping");
});
document.addEventListener("drop", (event) => {
  document.body.classList.remove("dropping");
  const file = event.dataTransfer?.files[0];
  if (!file) return;
  event.preventDefault();
  void openOwn(file);
});

// Clicking a cell selects it as a user would, so "Insert into selected cell" has somewhere to go.
grid.element.addEventListener("click", (event) => {
  const cell = (event.target as Element).closest<HTMLElement>("td[data-cell]");
  const sheet = grid.element.querySelector<HTMLElement>("[role=tab][aria-selected=true]")?.dataset
    .sheet;
  if (host && cell?.dataset.cell && sheet) host.selectByUser(sheet, cell.dataset.cell);
});

picker.addEventListener("change", () => {
  const example = EXAMPLES.find((e) => e.id === picker.value);
  if (example) {
    fileStatus.textContent = "";
    void open(example);
  }
});

const first =
  EXAMPLES.find((e) => e.id === new URLSearchParams(location.search).get("example")) ?? EXAMPLES[0];
const ready = open(first);
window.workbench = {
  get host() {
    return host as Host;
  },
  ready,
  async open(id) {
    const example = EXAMPLES.find((e) => e.id === id);
    if (!example) throw new Error(`No sample called ${id}`);
    await open(example);
  },
};
