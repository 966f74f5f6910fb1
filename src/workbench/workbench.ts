/**
 * The workbench page: the real task pane (same start-up as in Excel) beside a read-only view of a sample
 * workbook, over the stand-in Excel host. Pick a sample, check it, select a finding and watch the grid move
 * to its cell. `window.workbench` exposes the host so browser tests can assert what Excel was asked to do.
 */
import { bootPane } from "../taskpane/boot";
import { applyTheme, chooseTheme } from "../taskpane/theme";
import { el } from "../taskpane/dom";
import { installStandInExcel } from "./host/standInHost";
import { createGrid } from "./grid";
import { EXAMPLES, type WorkbenchExample } from "./examples";

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

const picker = el(
  "select",
  { id: "example" },
  ...EXAMPLES.map((example) => el("option", { value: example.id }, example.label))
);
const fault = el("p", { class: "example-fault", id: "example-fault" });
const grid = createGrid();
book.replaceChildren(
  el(
    "div",
    { class: "example-picker" },
    el("label", { for: "example" }, "Sample workbook"),
    picker
  ),
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

// Clicking a cell selects it as a user would, so "Insert into selected cell" has somewhere to go.
grid.element.addEventListener("click", (event) => {
  const cell = (event.target as Element).closest<HTMLElement>("td[data-cell]");
  const sheet = grid.element.querySelector<HTMLElement>("[role=tab][aria-selected=true]")?.dataset
    .sheet;
  if (host && cell?.dataset.cell && sheet) host.selectByUser(sheet, cell.dataset.cell);
});

picker.addEventListener("change", () => {
  const example = EXAMPLES.find((e) => e.id === picker.value);
  if (example) void open(example);
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
