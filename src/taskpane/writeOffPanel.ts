/**
 * The write-off claim in the Check tab, under the position panel: the eligible figure, the High Needs
 * Stability Grant, what the council keeps when the statutory override ends and the cost of carrying the
 * deficit each year, each with where its figures come from; and the one action that writes it down, "Add
 * write-off reconciliation", which adds one new sheet and changes nothing else. A sheet of that name is
 * never replaced without asking: the pane asks inline, offering to replace it or to add the sheet under
 * a new name.
 */
import { el, setChildren } from "./dom";
import { announceFailure, type Announce } from "./announce";
import { formatMoney } from "../validation/money";
import type { ClaimFigure, WriteOffClaim } from "../validation/report/writeOffClaim";
import { WRITE_OFF_SHEET_NAME } from "../templates/writeOff/writeOffLabels";
import type { CheckResult, PaneServices } from "./services";

export interface WriteOffPanel {
  readonly element: HTMLElement;
  /** Excel is ready: the button can write through these services. */
  enable(services: PaneServices): void;
  /** Shows the claim of the last check, or hides the panel when the workbook has none. */
  show(result: CheckResult): void;
}

/** Creates the panel, hidden until a check of a plan with a deficit at 31 March 2026 shows it. */
export function createWriteOffPanel(announce: Announce): WriteOffPanel {
  const heading = el("h3", { id: "write-off-heading" });
  const figures = el("dl", { class: "position-figures", id: "write-off-figures" });
  const costs = el("table", { id: "write-off-costs" });
  const costsBox = el(
    "details",
    { class: "position-details", id: "write-off-costs-box" },
    el("summary", {}, "Carrying cost by year"),
    el(
      "div",
      {
        class: "position-table",
        tabindex: 0,
        role: "region",
        "aria-label": "Carrying cost by year",
      },
      costs
    )
  );
  const addButton = el(
    "button",
    { type: "button", id: "add-write-off", "aria-describedby": "add-write-off-hint" },
    "Add write-off reconciliation"
  );
  const question = el("p", { id: "write-off-question" });
  const replaceButton = el("button", { type: "button", id: "write-off-replace" }, "Replace it");
  const newNameButton = el("button", { type: "button", id: "write-off-new-name" });
  const cancelButton = el("button", { type: "button", id: "write-off-cancel" }, "Cancel");
  const confirm = el(
    "div",
    {
      class: "write-off-confirm",
      id: "write-off-confirm",
      role: "group",
      "aria-labelledby": "write-off-question",
      hidden: true,
    },
    question,
    el("div", { class: "actions" }, replaceButton, newNameButton, cancelButton)
  );
  const element = el(
    "section",
    {
      class: "position write-off",
      id: "write-off",
      "aria-labelledby": "write-off-heading",
      hidden: true,
    },
    heading,
    figures,
    costsBox,
    el("div", { class: "actions" }, addButton),
    el(
      "p",
      { class: "hint", id: "add-write-off-hint" },
      `Add write-off reconciliation adds one new sheet, "${WRITE_OFF_SHEET_NAME}", with a row for each source the DfE ` +
        "compares, and changes nothing else."
    ),
    confirm
  );

  let services: PaneServices | null = null;
  let last: CheckResult | null = null;
  let busy = false;
  let offered = "";

  function money(claim: WriteOffClaim, value: number): string {
    return formatMoney(value, claim.unit, claim.decimals);
  }

  function renderClaim(claim: WriteOffClaim): void {
    const item = (id: string, term: string, value: string, source?: string) => [
      el("dt", {}, term),
      el(
        "dd",
        { id: `write-off-${id}` },
        el("span", { class: "write-off-value" }, value),
        source && el("span", { class: "write-off-source" }, `From ${source}.`)
      ),
    ];
    const { years } = claim.carryingCost;
    const perYear =
      years.length === 0
        ? claim.carryingCost.source
        : years.map((year) => `${year.label} ${money(claim, year.cost)}`).join("; ");
    heading.textContent = `Write-off claim at ${claim.date} (${claim.unit.label})`;
    const worked: [string, string, ClaimFigure | undefined][] = [
      ["eligible", "Eligible figure", claim.eligible],
      ["grant", `High Needs Stability Grant (${claim.percent}%)`, claim.grant],
      ["kept", "Kept by the council at 31 March 2028", claim.kept],
    ];
    setChildren(
      figures,
      ...(claim.problem !== undefined
        ? item("eligible", "Eligible figure", claim.problem)
        : worked.flatMap(([id, term, figure]) =>
            figure ? item(id, term, money(claim, figure.value), figure.source) : []
          )),
      ...item(
        "carrying",
        "Carrying cost per year",
        perYear,
        years.length === 0 ? undefined : claim.carryingCost.source
      )
    );
    costsBox.hidden = years.length === 0;
    setChildren(
      costs,
      el("caption", {}, `${claim.unit.label} a year`),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          el("th", { scope: "col" }, "Year"),
          el("th", { scope: "col" }, "Carrying cost")
        )
      ),
      el(
        "tbody",
        {},
        ...years.map((year) =>
          el(
            "tr",
            {},
            el("th", { scope: "row" }, year.label),
            el("td", {}, money(claim, year.cost))
          )
        )
      )
    );
  }

  function ask(sheet: string, freeName: string): void {
    offered = freeName;
    question.textContent = `A sheet called "${sheet}" already exists. Replace it, or add the reconciliation as a new sheet?`;
    newNameButton.textContent = `Add as "${freeName}"`;
    confirm.hidden = false;
    // The question replaces the outcome of the last press, which no longer applies.
    for (const note of element.querySelectorAll(".feedback")) note.remove();
    replaceButton.focus();
    announce(question.textContent);
  }

  async function add(name: string, replace: boolean): Promise<void> {
    if (!services || !last || busy) return;
    busy = true;
    confirm.hidden = true;
    try {
      const outcome = await services.addWriteOffSheet(last, name, replace);
      if (!outcome.written) {
        ask(outcome.sheet, outcome.freeName);
        return;
      }
      announce(
        `Added the sheet "${outcome.sheet}" (${outcome.address}). Nothing else in the workbook changed. Fill in ` +
          "each source's figure and explain any difference, then check again.",
        undefined,
        addButton
      );
      addButton.focus();
    } catch (error) {
      announceFailure(
        announce,
        "The write-off reconciliation could not be added.",
        error,
        addButton
      );
    } finally {
      busy = false;
    }
  }

  addButton.addEventListener("click", () => void add(WRITE_OFF_SHEET_NAME, false));
  replaceButton.addEventListener("click", () => void add(WRITE_OFF_SHEET_NAME, true));
  newNameButton.addEventListener("click", () => void add(offered, false));
  cancelButton.addEventListener("click", () => {
    confirm.hidden = true;
    addButton.focus();
    announce("Nothing was added.", undefined, addButton);
  });

  return {
    element,
    enable(given) {
      services = given;
    },
    show(result) {
      last = result;
      confirm.hidden = true;
      const claim = result.writeOffClaim ?? null;
      element.hidden = !claim && !result.writeOffSheet;
      addButton.hidden = !result.writeOffSheet;
      if (claim) renderClaim(claim);
      else {
        heading.textContent = "Write-off claim";
        setChildren(
          figures,
          el("dt", {}, "Not eligible"),
          el(
            "dd",
            { id: "write-off-eligible" },
            "The plan shows no deficit at 31 March 2026 for the grant to write off."
          )
        );
        costsBox.hidden = true;
      }
    },
  };
}
