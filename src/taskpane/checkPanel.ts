/**
 * The Check tab: the Check workbook button, the progress of a check, the summary line and detected template,
 * how many checks ran (with the ones that did not and what they needed, expandable), "point a check at a
 * row", the findings grouped by severity then sheet (select one to go to its cell), the severity filter, and
 * the two explicit actions on a result: write the report sheet and copy the findings as text.
 */
import { SEVERITIES, summarise, type Finding, type Severity } from "../validation/finding";
import { announceFailure, type Announce } from "./announce";
import { el, makeTabStop, rovingFocus, setChildren } from "./dom";
import {
  checksLine,
  countLabel,
  findingsAsText,
  groupFindings,
  SEVERITY_LABEL,
  summaryLine,
} from "../validation/report/findingsText";
import type { Workbook } from "../workbook/workbook";
import { createRowMapPanel } from "./rowMapPanel";
import { severityIcon } from "./icons";
import { toValidationOptions, type PaneSettings } from "./paneSettings";
import { REPORT_SHEET_NAME, type CheckResult, type PaneServices } from "./services";
import { copyText } from "./clipboard";
import { createPositionPanel } from "./positionPanel";
import { createWriteOffPanel } from "./writeOffPanel";
import { helpLink, RULE_TITLES } from "./help";

export interface CheckPanel {
  readonly element: HTMLElement;
  /** Excel is ready: the Check workbook button becomes usable (after the saved row map is read). */
  enable(services: PaneServices, settings: () => PaneSettings): Promise<void>;
  /** Excel never became ready: say so on the button (returned, for the reason to be shown beside it). */
  disable(label: string): HTMLElement;
}

const SIGN_WORDS: Readonly<Record<string, string>> = {
  "deficit-positive": "deficits shown as positive",
  "deficit-negative": "deficits shown as negative",
};

/**
 * Gives the browser a frame to paint the current stage before a long synchronous step (the validator) starts.
 * A timer rather than requestAnimationFrame, which never fires while the pane is hidden.
 */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

/** Builds the Check tab's contents; nothing works until `enable` hands it the services. */
export function createCheckPanel(announce: Announce): CheckPanel {
  const checkButton = el(
    "button",
    { type: "button", class: "primary", id: "check-workbook", disabled: true },
    "Loading…"
  );
  const stage = el("span", { id: "check-stage" });
  const progressBar = el("progress", { "aria-labelledby": "check-stage" });
  const progress = el("div", { class: "progress", hidden: true }, stage, progressBar);

  const summary = el("h2", { class: "summary", id: "check-summary" });
  const template = el("p", { class: "template", id: "check-template" });
  const checksRan = el("p", { class: "checks-ran", id: "check-count" });
  const notRunSummary = el("summary", {});
  const notRunList = el("ul", { class: "not-run-list", id: "not-run-list" });
  const notRun = el(
    "details",
    { class: "not-run", id: "checks-not-run", hidden: true },
    notRunSummary,
    notRunList
  );
  const rowMap = createRowMapPanel(announce);
  const position = createPositionPanel();
  const writeOff = createWriteOffPanel(announce);
  const writeButton = el(
    "button",
    { type: "button", id: "write-report", "aria-describedby": "write-report-hint" },
    "Write report sheet"
  );
  const copyButton = el("button", { type: "button", id: "copy-findings" }, "Copy findings");
  const filterBoxes = new Map<Severity, HTMLInputElement>();
  const filterCounts = new Map<Severity, HTMLSpanElement>();
  const filter = el(
    "fieldset",
    { class: "filter" },
    el("legend", {}, "Show"),
    ...SEVERITIES.map((severity) => {
      const box = el("input", { type: "checkbox", id: `show-${severity}`, checked: true });
      const count = el("span", { class: "count" });
      filterBoxes.set(severity, box);
      filterCounts.set(severity, count);
      return el("label", { for: `show-${severity}` }, box, severityIcon(severity), count);
    })
  );
  const findingsList = el("div", { class: "findings", id: "findings" });
  const copyFallback = el("textarea", {
    class: "copy-fallback",
    readonly: true,
    hidden: true,
    "aria-label": "Findings as text",
    rows: 6,
  });
  const results = el(
    "div",
    { class: "results", hidden: true },
    summary,
    template,
    checksRan,
    notRun,
    position.element,
    writeOff.element,
    rowMap.element,
    el("div", { class: "actions" }, writeButton, copyButton),
    el(
      "p",
      { class: "hint", id: "write-report-hint" },
      `Write report sheet adds or replaces the sheet "${REPORT_SHEET_NAME}" and changes nothing else.`
    ),
    copyFallback,
    filter,
    findingsList
  );
  const element = el(
    "div",
    {},
    el(
      "p",
      { class: "intro" },
      "Checks the DfE DSG template in this workbook. Nothing in the workbook changes unless you write the report sheet."
    ),
    el("div", { class: "actions" }, checkButton),
    progress,
    results
  );

  let services: PaneServices | null = null;
  let settings: () => PaneSettings;
  let last: { result: CheckResult; checkedAt: Date; workbook: Workbook } | null = null;
  let shown: Finding[] = [];
  let running = false;

  const findingButtons = () => [
    ...findingsList.querySelectorAll<HTMLButtonElement>("button.finding"),
  ];
  const visibleFindingButtons = () =>
    findingButtons().filter((b) => !b.closest<HTMLElement>(".severity-group")?.hidden);
  rovingFocus(findingsList, "button.finding", {
    next: ["ArrowDown", "ArrowRight"],
    previous: ["ArrowUp", "ArrowLeft"],
  });

  /**
   * While a check or write runs the buttons refuse presses but stay focusable (aria-disabled): disabling the
   * focused button would drop keyboard focus to the top of the page.
   */
  function setBusy(busy: boolean, label?: string): void {
    running = busy;
    checkButton.disabled = false;
    writeButton.disabled = copyButton.disabled = last === null;
    for (const button of [checkButton, writeButton, copyButton])
      button.setAttribute("aria-disabled", String(busy));
    progress.hidden = !busy;
    if (label) stage.textContent = label;
  }

  function renderFinding(finding: Finding): HTMLLIElement {
    const index = shown.push(finding) - 1;
    return el(
      "li",
      {},
      el(
        "button",
        {
          type: "button",
          class: `finding finding-${finding.severity}`,
          "data-index": index,
          "data-rule": finding.rule,
          "data-sheet": finding.sheet,
          "data-address": finding.address,
          tabindex: -1,
        },
        el(
          "span",
          { class: "finding-kind" },
          severityIcon(finding.severity),
          SEVERITY_LABEL[finding.severity].title
        ),
        el("span", { class: "finding-message" }, finding.message),
        finding.address && el("span", { class: "finding-place" }, finding.address)
      ),
      ruleLine(finding.rule)
    );
  }

  /** The check a finding comes from, linked to its help page (checks of the runner itself have none). */
  function ruleLine(rule: string): HTMLElement {
    const title = RULE_TITLES.get(rule);
    return el(
      "p",
      { class: "finding-rule" },
      title ? helpLink(`rules/${rule}.html`, title, "help on this check") : null,
      ` (${rule})`
    );
  }

  function renderFindings(findings: readonly Finding[]): void {
    shown = [];
    const groups = groupFindings(findings).map((group) =>
      el(
        "div",
        { class: "severity-group", "data-severity": group.severity },
        el(
          "h3",
          { id: `group-${group.severity}` },
          severityIcon(group.severity),
          countLabel(
            group.severity,
            group.sheets.reduce((n, s) => n + s.findings.length, 0)
          )
        ),
        ...group.sheets.map((sheet) =>
          el(
            "div",
            { class: "sheet-group" },
            el("h4", {}, sheet.sheet || "Whole workbook"),
            el("ul", {}, ...sheet.findings.map(renderFinding))
          )
        )
      )
    );
    setChildren(
      findingsList,
      ...groups,
      findings.length === 0 &&
        el("p", { class: "clean" }, "No findings: the workbook passed every check.")
    );
    applyFilter();
  }

  function applyFilter(): void {
    for (const group of findingsList.querySelectorAll<HTMLElement>(".severity-group")) {
      group.hidden = !filterBoxes.get(group.dataset.severity as Severity)?.checked;
    }
    const visible = visibleFindingButtons();
    const current = visible.find((b) => b.tabIndex === 0) ?? visible[0];
    makeTabStop(findingButtons(), current);
  }

  /** The checks-ran line, and under it each check that did not run with what it needed. */
  function showChecks(result: CheckResult): void {
    const { checks } = result;
    checksRan.textContent = `${checksLine(checks, result.template !== null)}.`;
    notRunSummary.textContent = `Checks that did not run (${checks.notRun.length})`;
    setChildren(
      notRunList,
      ...checks.notRun.map((check) =>
        el(
          "li",
          { "data-rule": check.rule },
          el("span", { class: "not-run-title" }, check.title),
          ` (${check.rule}) needs `,
          el("span", { class: "not-run-needs" }, check.needs.join(" and ")),
          "."
        )
      )
    );
    notRun.hidden = checks.notRun.length === 0;
  }

  function showResult(result: CheckResult, workbook: Workbook): void {
    const counts = summarise(result.findings);
    summary.textContent = summaryLine(counts);
    showChecks(result);
    rowMap.update(result, workbook);
    template.textContent = result.template
      ? `Template: ${result.template.name} · ${result.template.unit} · ${SIGN_WORDS[result.template.sign] ?? result.template.sign}`
      : "Template: not recognised (see the first error).";
    for (const severity of SEVERITIES)
      filterCounts.get(severity)!.textContent =
        `${SEVERITY_LABEL[severity].title}s (${counts[severity]})`;
    copyFallback.hidden = true;
    renderFindings(result.findings);
    results.hidden = false;
    // Drawn once the results are visible, so the chart can take the pane's width.
    position.show(result.position ?? null);
    writeOff.show(result);
  }

  async function check(): Promise<void> {
    if (!services || running) return;
    setBusy(true, "Reading sheets…");
    announce("Checking the workbook…", undefined, checkButton);
    try {
      const workbook = await services.readWorkbook((text) => (stage.textContent = text));
      stage.textContent = "Checking…";
      await nextPaint();
      const result = services.validate(workbook, toValidationOptions(settings(), rowMap.current()));
      last = { result, checkedAt: new Date(), workbook };
      showResult(result, workbook);
      checkButton.textContent = "Check again";
      announce(
        `Check finished: ${summaryLine(summarise(result.findings))}. ${checksLine(result.checks, result.template !== null)}.`,
        undefined,
        checkButton
      );
    } catch (error) {
      announceFailure(announce, "The workbook could not be checked.", error, checkButton);
    } finally {
      setBusy(false);
    }
  }

  async function openFinding(button: HTMLButtonElement): Promise<void> {
    const finding = shown[Number(button.dataset.index)];
    if (!services || !finding) return;
    makeTabStop(findingButtons(), button);
    for (const other of findingButtons()) other.removeAttribute("aria-current");
    button.setAttribute("aria-current", "true");
    if (!finding.sheet || !finding.address) {
      announce(
        "This finding is about the whole workbook, so there is no cell to select.",
        undefined,
        button
      );
      return;
    }
    try {
      await services.selectCell(finding.sheet, finding.address);
    } catch (error) {
      announceFailure(announce, "The cell could not be selected.", error, button);
    }
  }

  async function writeReport(): Promise<void> {
    if (!services || !last || running) return;
    setBusy(true, "Writing the report sheet…");
    try {
      const written = await services.writeReportSheet(last.result, last.checkedAt);
      announce(
        `Report written to the sheet "${written.sheet}" (${written.address}${written.position ? `, with a chart of the position` : ""}). Nothing else in the workbook changed.`,
        undefined,
        writeButton
      );
    } catch (error) {
      announceFailure(announce, "The report sheet could not be written.", error, writeButton);
    } finally {
      setBusy(false);
    }
  }

  async function copyFindings(): Promise<void> {
    if (!last || running) return;
    const text = findingsAsText(
      last.result.findings,
      last.result.template?.name ?? null,
      last.result.checks
    );
    if (await copyText(text)) {
      announce("Findings copied to the clipboard.", undefined, copyButton);
      return;
    }
    // No clipboard access (some Office hosts block it): show the text ready to copy by hand.
    copyFallback.value = text;
    copyFallback.hidden = false;
    copyFallback.focus();
    copyFallback.select();
    announce(
      "Copying is not allowed here: the findings are selected in the box below; press Ctrl+C to copy them.",
      undefined,
      copyButton
    );
  }

  checkButton.addEventListener("click", () => void check());
  writeButton.addEventListener("click", () => void writeReport());
  copyButton.addEventListener("click", () => void copyFindings());
  filter.addEventListener("change", applyFilter);
  findingsList.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button.finding");
    if (button) void openFinding(button);
  });

  return {
    element,
    async enable(given, getSettings) {
      services = given;
      settings = getSettings;
      await rowMap.enable(given);
      writeOff.enable(given);
      checkButton.textContent = "Check workbook";
      setBusy(false);
    },
    disable(label) {
      checkButton.disabled = true;
      checkButton.textContent = label;
      return checkButton;
    },
  };
}
