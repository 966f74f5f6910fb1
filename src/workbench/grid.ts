/**
 * The workbench's read-only view of the stand-in workbook: sheet tabs and a table of the active sheet's used
 * range with row numbers and column letters. It shows where a finding points: the selected cells are
 * outlined and scrolled into view, and the selection is written out in words above the table.
 */
import { columnLetters, parseA1, quoteSheetName } from "../workbook/address";
import { dateOfSerial } from "../workbook/excelDate";
import {
  cellValue,
  isCellError,
  usedBottomRight,
  type CellRange,
  type CellValue,
  type Sheet,
  type Workbook,
} from "../workbook/workbook";
import { el, makeTabStop, rovingFocus, setChildren } from "../taskpane/dom";

/** Tables beyond this many rows are cut short: the workbench is for looking, not for editing a full plan. */
const MAX_ROWS = 1500;

export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

export interface GridView {
  readonly element: HTMLElement;
  /** Redraws from the workbook as it now is (sheets may have been added), keeping the active sheet if it still exists. */
  show(workbook: Workbook, selection: Selection | null): void;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * What a number format shows a number as: a date (and time) when its codes, outside quoted text, escapes
 * and [colour]/[$£-809] brackets, are day, month or year codes; otherwise a number.
 */
export function formatKind(format: string): "date" | "datetime" | "number" {
  const codes = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (codes === "general" || !/[dmy]/.test(codes)) return "number";
  return /[hs]/.test(codes) ? "datetime" : "date";
}

/**
 * A date serial as the grid shows it ("23 Nov 2026", with "14:30" for a date-time format): the workbench is
 * for reading, so one plain form rather than each cell's own.
 */
export function serialAsDate(serial: number, withTime: boolean): string {
  const date = dateOfSerial(serial);
  if (Number.isNaN(date.getTime())) return String(serial);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  const two = (n: number) => String(n).padStart(2, "0");
  return withTime ? `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}` : day;
}

/**
 * How a cell reads on screen: numbers to the decimals their format shows, dates as dates, errors and
 * booleans as Excel writes them.
 */
export function displayValue(value: CellValue, format: string): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const kind = formatKind(format);
  if (kind !== "number" && value >= 0) return serialAsDate(value, kind === "datetime");
  const decimals = /\.(0+)/.exec(format)?.[1].length;
  const percent = format.includes("%");
  const shown = percent ? value * 100 : value;
  const text =
    decimals === undefined ? String(Number(shown.toPrecision(12))) : shown.toFixed(decimals);
  return percent ? `${text}%` : text;
}

function contains(range: CellRange | null, row: number, col: number): boolean {
  return (
    range !== null &&
    row >= range.top &&
    row <= range.bottom &&
    col >= range.left &&
    col <= range.right
  );
}

/** Builds the grid; `show` fills it. */
export function createGrid(): GridView {
  const tabs = el("div", { role: "tablist", "aria-label": "Sheets", class: "sheet-tabs" });
  const caption = el("p", { class: "grid-selection", id: "grid-selection" });
  const scroller = el("div", {
    class: "grid-scroll",
    id: "grid-sheet",
    tabindex: 0,
    role: "tabpanel",
  });
  const element = el("div", { class: "grid" }, caption, scroller, tabs);
  let workbook: Workbook = { sheets: [] };
  let active = "";
  let selection: Selection | null = null;

  rovingFocus(tabs, "[role=tab]", { next: ["ArrowRight"], previous: ["ArrowLeft"] }, (tab) =>
    activate(tab.dataset.sheet ?? "")
  );
  tabs.addEventListener("click", (event) => {
    const tab = (event.target as Element).closest<HTMLElement>("[role=tab]");
    if (tab) activate(tab.dataset.sheet ?? "");
  });

  function activate(name: string): void {
    const focused = tabs.contains(document.activeElement);
    active = name;
    render();
    // Rendering replaces the tab buttons: keep keyboard focus on the tab just chosen.
    if (focused) tabs.querySelector<HTMLElement>("[aria-selected=true]")?.focus();
  }

  function renderTable(sheet: Sheet): HTMLTableElement {
    const { bottom, right } = usedBottomRight(sheet);
    const lastRow = Math.min(bottom, sheet.top + MAX_ROWS - 1);
    const picked = selection?.sheet === sheet.name ? parseA1(selection.address) : null;
    // Row and column headers start at 1 and A, as in Excel, so addresses in findings can be read off.
    const cols = Array.from({ length: right + 1 }, (_, c) => c);
    const head = el(
      "tr",
      {},
      el("td", { class: "corner" }),
      ...cols.map((c) => el("th", { scope: "col" }, columnLetters(c)))
    );
    const rows = Array.from({ length: lastRow + 1 }, (_, r) =>
      el(
        "tr",
        {},
        el("th", { scope: "row" }, String(r + 1)),
        ...cols.map((c) => {
          const value = cellValue(sheet, r, c);
          const format = sheet.numberFormats[r - sheet.top]?.[c - sheet.left] ?? "General";
          const selected = contains(picked, r, c);
          return el(
            "td",
            {
              class:
                [typeof value === "number" ? "number" : "", selected ? "selected" : ""]
                  .join(" ")
                  .trim() || undefined,
              "data-cell": `${columnLetters(c)}${r + 1}`,
            },
            displayValue(value, format)
          );
        })
      )
    );
    return el(
      "table",
      {},
      el(
        "caption",
        { class: "visually-hidden" },
        `${sheet.name}${lastRow < bottom ? `, first ${MAX_ROWS} rows` : ""}`
      ),
      el("thead", {}, head),
      el("tbody", {}, ...rows)
    );
  }

  function render(): void {
    const sheet = workbook.sheets.find((s) => s.name === active) ?? workbook.sheets[0];
    active = sheet?.name ?? "";
    const tabButtons = workbook.sheets.map((s, index) =>
      el(
        "button",
        {
          type: "button",
          role: "tab",
          id: `sheet-tab-${index}`,
          "data-sheet": s.name,
          "aria-selected": String(s.name === active),
          "aria-controls": "grid-sheet",
        },
        s.name
      )
    );
    setChildren(tabs, ...tabButtons);
    const activeTab = tabButtons.find((b) => b.dataset.sheet === active);
    if (activeTab) scroller.setAttribute("aria-labelledby", activeTab.id);
    makeTabStop(tabButtons, activeTab);
    setChildren(scroller, sheet ? renderTable(sheet) : el("p", {}, "No sheets."));
    caption.textContent = selection
      ? `Selected: ${quoteSheetName(selection.sheet)}!${selection.address}`
      : "Nothing selected yet.";
    scroller.querySelector(".selected")?.scrollIntoView({ block: "center", inline: "center" });
  }

  return {
    element,
    show(next, nextSelection) {
      workbook = next;
      if (
        nextSelection &&
        (nextSelection.sheet !== selection?.sheet || nextSelection.address !== selection?.address)
      )
        active = nextSelection.sheet;
      selection = nextSelection;
      render();
    },
  };
}
