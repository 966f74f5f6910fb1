/**
 * The pane's settings kept in the workbook's document settings, so they travel with the file to colleagues.
 */
import { normaliseSettings, type PaneSettings } from "../paneSettings";
import { OFFICE_ERROR_MESSAGES, OfficeActionError } from "./officeErrors";

/** One key for everything: the document settings hold JSON, and one object is saved atomically. */
const SETTINGS_KEY = "dsg.settings";

function documentSettings(): Office.Settings {
  const settings = (globalThis as { Office?: typeof Office }).Office?.context?.document?.settings;
  if (settings === undefined)
    throw new OfficeActionError(OFFICE_ERROR_MESSAGES.WorkbookNotAvailable, "WorkbookNotAvailable");
  return settings;
}

/** The settings saved in this workbook, with defaults for anything missing or no longer valid. */
export async function loadSettings(): Promise<PaneSettings> {
  return normaliseSettings(documentSettings().get(SETTINGS_KEY));
}

/**
 * Saves the settings in this workbook (they are stored when the user saves the file).
 * Throws `OfficeActionError` when Excel cannot save them, for example in a read-only workbook.
 */
export async function saveSettings(settings: PaneSettings): Promise<void> {
  const store = documentSettings();
  store.set(SETTINGS_KEY, settings);
  await new Promise<void>((resolve, reject) =>
    store.saveAsync((result: Office.AsyncResult<void>) =>
      String(result.status) === "failed"
        ? reject(new OfficeActionError(OFFICE_ERROR_MESSAGES.SettingsNotSaved, "SettingsNotSaved"))
        : resolve()
    )
  );
}
