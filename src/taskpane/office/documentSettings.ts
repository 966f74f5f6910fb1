/**
 * The pane's settings and the rows the user pointed at, kept in the workbook's document settings, so they
 * travel with the file to colleagues.
 */
import { normaliseSettings, type PaneSettings } from "../paneSettings";
import { EMPTY_ROW_MAP, readRowMap, type RowMap } from "../../templates/rowMap";
import { OFFICE_ERROR_MESSAGES, OfficeActionError } from "../../workbook/office/officeErrors";

/** One key for the settings: the document settings hold JSON, and one object is saved atomically. */
const SETTINGS_KEY = "dsg.settings";
/** The row map, saved as the same versioned object the pane exports and `dsg-validate --map` reads. */
const ROW_MAP_KEY = "dsg.rowMap";

function documentSettings(): Office.Settings {
  const settings = (globalThis as { Office?: typeof Office }).Office?.context?.document?.settings;
  if (settings === undefined)
    throw new OfficeActionError(OFFICE_ERROR_MESSAGES.WorkbookNotAvailable, "WorkbookNotAvailable");
  return settings;
}

/** Stores the document settings in the file; rejects with a sentence when Excel cannot (read-only workbook). */
function store(settings: Office.Settings, message: string): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    settings.saveAsync((result: Office.AsyncResult<void>) =>
      String(result.status) === "failed"
        ? reject(new OfficeActionError(message, "SettingsNotSaved"))
        : resolve()
    )
  );
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
  const settingsStore = documentSettings();
  settingsStore.set(SETTINGS_KEY, settings);
  await store(settingsStore, OFFICE_ERROR_MESSAGES.SettingsNotSaved);
}

/**
 * The rows the user pointed at in this workbook (none when nothing was saved). A saved map that no longer
 * reads (edited by hand, or from a later version) is not applied in part: this throws a sentence saying
 * so, and the pane starts from an empty map.
 */
export async function loadRowMap(): Promise<RowMap> {
  const saved = documentSettings().get(ROW_MAP_KEY);
  if (saved === null || saved === undefined) return EMPTY_ROW_MAP;
  const read = readRowMap(saved);
  if (read.ok) return read.map;
  throw new OfficeActionError(
    `The rows pointed at earlier could not be read (${read.problems[0]}), so none are used.`,
    "RowMapNotRead"
  );
}

/** Saves the row map in this workbook; throws `OfficeActionError` when Excel cannot. */
export async function saveRowMap(map: RowMap): Promise<void> {
  const settingsStore = documentSettings();
  settingsStore.set(ROW_MAP_KEY, map);
  await store(settingsStore, OFFICE_ERROR_MESSAGES.RowMapNotSaved);
}
