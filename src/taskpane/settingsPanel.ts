/**
 * The Settings tab: tolerance, template, unit and sign overrides and every rule threshold, saved in the
 * workbook's document settings. A blank field or "automatic" choice leaves the validator's default.
 */
import { el, setChildren } from "./dom";
import { announceFailure, type Announce } from "./announce";
import {
  DEFAULT_SETTINGS,
  SIGN_CHOICES,
  TEMPLATE_CHOICES,
  UNIT_CHOICES,
  normaliseSettings,
  type PaneSettings,
} from "./paneSettings";
import type { PaneServices } from "./services";
import type { ThresholdField } from "../validation/report/thresholds";

export interface SettingsPanel {
  readonly element: HTMLElement;
  /** Loads the workbook's settings into the form. */
  enable(services: PaneServices): Promise<void>;
  /** The settings in force (the last saved or loaded). */
  current(): PaneSettings;
}

function select<T extends string>(
  id: string,
  label: string,
  choices: readonly { value: T; label: string }[]
): HTMLElement {
  return el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    el("select", { id, name: id }, ...choices.map((c) => el("option", { value: c.value }, c.label)))
  );
}

function numberField(id: string, label: string, hint: string): HTMLElement {
  return el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    el("input", {
      id,
      name: id,
      type: "number",
      step: "any",
      inputmode: "decimal",
      "aria-describedby": `${id}-hint`,
    }),
    el("p", { class: "hint", id: `${id}-hint` }, hint)
  );
}

const thresholdId = (field: ThresholdField) => `threshold-${field.rule}-${field.key}`;

/** Builds the form; it appears once Excel is ready and the saved settings are read. */
export function createSettingsPanel(announce: Announce): SettingsPanel {
  let settings = DEFAULT_SETTINGS;
  let services: PaneServices | null = null;
  const form = el("form", { class: "settings", novalidate: true });
  const element = el(
    "div",
    {},
    el("p", { class: "intro" }, "Settings are kept in this workbook."),
    form
  );
  setChildren(form, el("p", {}, "Settings appear when Excel is ready."));

  const input = (id: string) => form.elements.namedItem(id) as HTMLInputElement | HTMLSelectElement;
  const number = (id: string): number | null => {
    const text = input(id).value.trim();
    return text === "" || !Number.isFinite(Number(text)) ? null : Number(text);
  };

  function fill(values: PaneSettings): void {
    input("tolerance").value = values.tolerance === null ? "" : String(values.tolerance);
    input("template").value = values.template;
    input("unit").value = values.unit;
    input("sign").value = values.sign;
    for (const field of services?.thresholds ?? []) {
      input(thresholdId(field)).value = String(values.thresholds[field.rule]?.[field.key] ?? "");
    }
  }

  function read(): PaneSettings {
    const thresholds: Record<string, Record<string, number>> = {};
    for (const field of services?.thresholds ?? []) {
      const value = number(thresholdId(field));
      if (value !== null)
        thresholds[field.rule] = { ...thresholds[field.rule], [field.key]: value };
    }
    return normaliseSettings({
      tolerance: number("tolerance"),
      template: input("template").value,
      unit: input("unit").value,
      sign: input("sign").value,
      thresholds,
    });
  }

  async function save(values: PaneSettings, message: string): Promise<void> {
    if (!services) return;
    try {
      await services.saveSettings(values);
      settings = values;
      fill(values);
      announce(message);
    } catch (error) {
      announceFailure(announce, "The settings could not be saved.", error);
    }
  }

  function build(fields: readonly ThresholdField[]): void {
    const reset = el("button", { type: "button", id: "reset-settings" }, "Restore defaults");
    reset.addEventListener(
      "click",
      () =>
        void save(DEFAULT_SETTINGS, "Settings restored to the defaults and saved in this workbook.")
    );
    setChildren(
      form,
      numberField(
        "tolerance",
        "Tolerance",
        "Largest gap accepted as rounding, in the sheet's unit. Blank: half a unit of the shown precision per figure."
      ),
      select("template", "Template", TEMPLATE_CHOICES),
      select("unit", "Money unit", UNIT_CHOICES),
      select("sign", "Sign convention", SIGN_CHOICES),
      fields.length > 0 &&
        el(
          "fieldset",
          { class: "thresholds" },
          el("legend", {}, "Thresholds"),
          ...fields.map((field) =>
            numberField(
              thresholdId(field),
              field.label,
              `Default ${field.defaultValue}. Blank keeps the default.`
            )
          )
        ),
      el(
        "div",
        { class: "actions" },
        el("button", { type: "submit", class: "primary", id: "save-settings" }, "Save settings"),
        reset
      )
    );
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void save(read(), "Settings saved in this workbook. They apply from the next check.");
  });

  return {
    element,
    async enable(given) {
      services = given;
      build(given.thresholds);
      try {
        settings = await given.loadSettings();
      } catch (error) {
        announceFailure(
          announce,
          "The saved settings could not be read, so the defaults apply.",
          error
        );
      }
      fill(settings);
    },
    current: () => settings,
  };
}
