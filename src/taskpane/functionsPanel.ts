/** The Functions tab: each DSG function with a one-line description, an example, and a button to insert it. */
import { el, setChildren } from "./dom";
import { FUNCTION_CATALOGUE, type FunctionEntry } from "./functionCatalogue";
import { announceFailure, type Announce } from "./announce";
import type { PaneServices } from "./services";
import { helpLink } from "./help";

export interface FunctionsPanel {
  readonly element: HTMLElement;
  enable(services: PaneServices): void;
}

/** Builds the list; the insert buttons stay disabled until Excel is ready. */
export function createFunctionsPanel(announce: Announce): FunctionsPanel {
  let services: PaneServices | null = null;
  const buttons: HTMLButtonElement[] = [];
  /** The function whose insert found the cell occupied: its next press replaces the cell's contents. */
  let confirming: FunctionEntry | null = null;

  /** Puts a button back to "Insert into selected cell" (after a confirmation, or another button's press). */
  function label(button: HTMLButtonElement, entry: FunctionEntry, replace?: string): void {
    setChildren(
      button,
      replace ? `Replace ${replace}?` : "Insert ",
      el(
        "span",
        { class: "visually-hidden" },
        replace ? ` with DSG.${entry.id}` : `DSG.${entry.id} `
      ),
      replace ? "" : "into selected cell"
    );
  }

  /**
   * Inserts the example into the selected cell. A cell that already holds something is not touched: the
   * button asks "Replace B3?" in place, and only its next press replaces the cell.
   */
  async function insert(entry: FunctionEntry, button: HTMLButtonElement): Promise<void> {
    if (!services) return;
    const overwrite = confirming === entry;
    confirming = null;
    buttons.forEach((other, i) => label(other, FUNCTION_CATALOGUE[i]));
    try {
      const outcome = await services.insertFunction(entry, overwrite);
      if (outcome.inserted) {
        announce(
          `Inserted ${entry.example} into ${outcome.address}. Change its ranges to point at your figures.`,
          undefined,
          button
        );
      } else {
        confirming = entry;
        // The button names the cell as Excel's name box does; the sentence beside it names its sheet too.
        const cell = outcome.address.replace(/^.*!/, "");
        label(button, entry, cell);
        announce(
          `${outcome.address} already holds ${outcome.previous}. Press Replace ${cell}? to replace it, or select another cell.`,
          undefined,
          button
        );
      }
    } catch (error) {
      announceFailure(announce, "The function could not be inserted.", error, button);
    }
  }

  const items = FUNCTION_CATALOGUE.map((entry) => {
    const button = el("button", {
      type: "button",
      class: "insert",
      disabled: true,
      "data-function": entry.id,
    });
    label(button, entry);
    button.addEventListener("click", () => void insert(entry, button));
    buttons.push(button);
    return el(
      "li",
      { class: "function" },
      el("h2", {}, `DSG.${entry.id}`),
      el("p", {}, entry.description),
      el("p", { class: "signature" }, el("code", {}, entry.signature)),
      el("p", { class: "example" }, "Example: ", el("code", {}, entry.example)),
      el(
        "p",
        { class: "function-help" },
        helpLink(
          `${entry.id.toLowerCase()}.html`,
          `Help on DSG.${entry.id}`,
          "its arguments and examples"
        )
      ),
      button
    );
  });

  const element = el(
    "div",
    {},
    el(
      "p",
      { class: "intro" },
      "Functions in the DSG namespace. Type them like any Excel function, or insert an example and change its ranges."
    ),
    el("ul", { class: "functions" }, ...items)
  );

  return {
    element,
    enable(given) {
      services = given;
      for (const button of buttons) button.disabled = false;
    },
  };
}
