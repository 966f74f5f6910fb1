/**
 * The task pane: title, tabs (Check, Functions, Settings), and one live region through which every outcome
 * is announced. It renders at once, before Office is ready, with the Check button showing "Loading…", and
 * becomes usable when `start` hands it the services. The same pane runs in Excel and in the workbench.
 */
import { el, makeTabStop, rovingFocus } from "./dom";
import { createCheckPanel } from "./checkPanel";
import { createFunctionsPanel } from "./functionsPanel";
import { createSettingsPanel } from "./settingsPanel";
import { createComparePanel } from "./comparePanel";
import { createSubmitPanel } from "./submitPanel";
import type { PaneServices } from "./services";
import { showBeside, type Announce } from "./announce";

export interface Pane {
  /** Excel is ready: load the settings and enable every control. */
  start(services: PaneServices): Promise<void>;
  /** Excel will not become ready: explain why and keep the controls disabled. */
  fail(message: string): void;
}

const TABS = [
  { id: "check", label: "Check" },
  { id: "functions", label: "Functions" },
  { id: "settings", label: "Settings" },
  { id: "compare", label: "Compare" },
  { id: "submit", label: "Submit" },
] as const;

/** Renders the pane into `root`, replacing the static shell the page showed while scripts loaded. */
export function mountPane(root: HTMLElement): Pane {
  // The one live region: screen readers hear every outcome from here. It is not shown; each message is
  // shown beside the control it is about (announce.ts).
  const status = el("p", {
    class: "status visually-hidden",
    id: "status",
    role: "status",
    "aria-live": "polite",
  });
  const announce: Announce = (text, tone, at) => {
    status.classList.toggle("status-error", tone === "error");
    if (at) showBeside(at, text, tone);
    // Clearing first makes screen readers repeat a message that happens to equal the previous one. A timer,
    // not an animation frame, so the message still arrives while the pane is hidden.
    status.textContent = "";
    setTimeout(() => (status.textContent = text), 50);
  };
  const check = createCheckPanel(announce);
  const functions = createFunctionsPanel(announce);
  const settings = createSettingsPanel(announce);
  const compare = createComparePanel(announce);
  const submit = createSubmitPanel(announce);
  const contents = {
    check: check.element,
    functions: functions.element,
    settings: settings.element,
    compare: compare.element,
    submit: submit.element,
  };

  const tabs = TABS.map((tab) =>
    el(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${tab.id}`,
        "aria-controls": `panel-${tab.id}`,
        "aria-selected": "false",
      },
      tab.label
    )
  );
  const panels = TABS.map((tab) =>
    el(
      "div",
      { role: "tabpanel", id: `panel-${tab.id}`, "aria-labelledby": `tab-${tab.id}`, hidden: true },
      contents[tab.id]
    )
  );
  const tabList = el(
    "div",
    { role: "tablist", "aria-label": "DSG checker sections", class: "tabs" },
    ...tabs
  );

  function selectTab(chosen: HTMLElement): void {
    tabs.forEach((tab, index) => {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      panels[index].hidden = !selected;
    });
    makeTabStop(tabs, chosen);
  }
  rovingFocus(tabList, "[role=tab]", { next: ["ArrowRight"], previous: ["ArrowLeft"] }, selectTab);
  tabList.addEventListener("click", (event) => {
    const tab = (event.target as Element).closest<HTMLElement>("[role=tab]");
    if (tab) selectTab(tab);
  });
  selectTab(tabs[0]);

  root.replaceChildren(
    el(
      "div",
      { class: "pane" },
      el("h1", { class: "pane-title" }, "DSG checker"),
      tabList,
      status,
      ...panels
    )
  );

  return {
    async start(services) {
      functions.enable(services);
      compare.enable(services);
      submit.enable(services);
      await settings.enable(services);
      await check.enable(services, settings.current);
    },
    fail(message) {
      announce(message, "error", check.disable("Excel is not available"));
    },
  };
}
