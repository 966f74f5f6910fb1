/** The Functions tab: each DSG function with a one-line description, an example, and a button to insert it. */
import { el } from "./dom";
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

  async function insert(entry: FunctionEntry): Promise<void> {
    if (!services) return;
    const overwrite = confirming === entry;
    confirming = null;
    try {
      const outcome = await services.insertFunction(entry, overwrite);
      if (outcome.inserted) {
        announce(
          `Inserted ${entry.example} into ${outcome.address}. Change its ranges to point at your figures.`
        );
      } else {
        confirming = entry;
        announce(
          `${outcome.address} already holds ${outcome.previous}. Press the same Insert button again to replace it.`
        );
      }
    } catch (error) {
      announceFailure(announce, "The function could not be inserted.", error);
    }
  }

  const items = FUNCTION_CATALOGUE.map((entry) => {
    const button = el(
      "button",
      { type: "button", class: "insert", disabled: true, "data-function": entry.id },
      "Insert ",
      el("span", { class: "visually-hidden" }, `DSG.${entry.id} `),
      "into selected cell"
    );
    button.addEventListener("click", () => void insert(entry));
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
