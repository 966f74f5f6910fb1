/**
 * The Settings tab: tolerance, template, unit and sign overrides and every rule threshold, saved in the
 * workbook's document settings. A blank field or "automatic" choice leaves the validator's default. Each
 * number field is checked when the user leaves it, with the reason shown at the field; nothing is saved
 * until every field is valid, and the outcome is shown beside the Save button.
 */
import { el, setChildren } from "./dom";
import { announceFailure, type Announce } from "./announce";
import {
  DEFAULT_SETTINGS,
  SIGN_CHOICES,
  TEMPLATE_CHOICES,
  UNIT_CHOICES,
  normaliseSettings,
  settingProblem,
  type PaneSettings,
  type SettingField,
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
    el("p", { class: "field-error", id: `${id}-error`, hidden: true }),
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

  /** Every number field with what it holds, for checking. */
  function numberFields(): { id: string; label: string; field: SettingField }[] {
    return [
      { id: "tolerance", label: "Tolerance", field: { kind: "tolerance" } },
      ...(services?.thresholds ?? []).map((threshold) => ({
        id: thresholdId(threshold),
        label: threshold.label,
        field: {
          kind: "threshold" as const,
          key: threshold.key,
          defaultValue: threshold.defaultValue,
        },
      })),
    ];
  }

  /** Checks one field and shows why it cannot be saved at the field (or clears the reason); true if valid. */
  function checkField(id: string, field: SettingField): boolean {
    const box = input(id) as HTMLInputElement;
    const error = form.querySelector<HTMLElement>(`#${CSS.escape(id)}-error`);
    const problem = settingProblem(box.value, box.validity.badInput, field);
    if (error) {
      error.textContent = problem ?? "";
      error.hidden = problem === null;
    }
    box.setAttribute("aria-invalid", String(problem !== null));
    box.setAttribute("aria-describedby", problem ? `${id}-error ${id}-hint` : `${id}-hint`);
    return problem === null;
  }

  async function save(values: PaneSettings, message: string, at: HTMLElement): Promise<void> {
    if (!services) return;
    try {
      await services.saveSettings(values);
      settings = values;
      fill(values);
      for (const { id, field } of numberFields()) checkField(id, field);
      announce(message, undefined, at);
    } catch (error) {
      announceFailure(announce, "The settings could not be saved.", error, at);
    }
  }

  /** Saves the form if every field is valid; otherwise says which are not and goes to the first. */
  function submit(saveButton: HTMLElement): void {
    const invalid = numberFields().filter(({ id, field }) => !checkField(id, field));
    if (invalid.length === 0) {
      void save(
        read(),
        "Settings saved in this workbook. They apply from the next check.",
        saveButton
      );
      return;
    }
    (input(invalid[0].id) as HTMLInputElement).focus();
    announce(
      `Nothing was saved: ${invalid.length === 1 ? "1 field needs" : `${invalid.length} fields need`} correcting (${invalid.map((f) => f.label).join("; ")}).`,
      "error",
      saveButton
    );
  }

  function build(fields: readonly ThresholdField[]): void {
    const reset = el("button", { type: "button", id: "reset-settings" }, "Restore defaults");
    reset.addEventListener(
      "click",
      () =>
        void save(
          DEFAULT_SETTINGS,
          "Settings restored to the defaults and saved in this workbook.",
          reset
        )
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
    submit(form.querySelector<HTMLElement>("#save-settings") ?? form);
  });
  // Field by field: a value is checked when the user leaves its field, unless for Save or Restore, which
  // check every field themselves: a reason appearing on the way would move the button under the pointer.
  form.addEventListener("focusout", (event) => {
    const next = event.relatedTarget as Element | null;
    if (next?.matches("#save-settings, #reset-settings")) return;
    const found = numberFields().find((f) => f.id === (event.target as Element).id);
    if (found) checkField(found.id, found.field);
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
          error,
          form
        );
      }
      fill(settings);
    },
    current: () => settings,
  };
}
