/**
 * The Office side of "point a check at a row", over the stand-in host: where the selection is (one round
 * trip), and the row map kept in the workbook's document settings beside the pane's settings.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  loadRowMap,
  loadSettings,
  saveRowMap,
  saveSettings,
  selectedRow,
} from "../../src/taskpane/office";
import { DEFAULT_SETTINGS } from "../../src/taskpane/paneSettings";
import { EMPTY_ROW_MAP, type RowMap } from "../../src/templates/rowMap";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { smallWorkbook } from "./hostFixtures";

let host: StandInHost;
afterEach(() => host.uninstall());

function install(settings?: Record<string, unknown>): StandInHost {
  host = installStandInExcel(smallWorkbook(), globalThis, { settings });
  return host;
}

const MAP: RowMap = {
  version: 1,
  rows: [
    {
      sheet: "Financial summary",
      row: 6,
      as: "endOfYear.carriedForward",
      label: "Carried forward",
    },
  ],
};

describe("selectedRow", () => {
  it("should give the selection's sheet, first row as Excel numbers it, and row count, in one round trip", async () => {
    install();
    host.selectByUser("Financial summary", "C6");
    const syncs = host.syncCount;
    await expect(selectedRow()).resolves.toEqual({ sheet: "Financial summary", row: 6, rows: 1 });
    expect(host.syncCount - syncs).toBe(1);
    host.selectByUser("Blank", "A3:D7");
    await expect(selectedRow()).resolves.toEqual({ sheet: "Blank", row: 3, rows: 5 });
    expect(host.writes).toEqual([]);
  });

  it("should explain in words when Excel refuses", async () => {
    install().failNextSync("InvalidOperationInCellEditMode");
    await expect(selectedRow()).rejects.toThrow(/Finish editing the cell/);
  });
});

describe("the row map in the document settings", () => {
  it("should be empty in a workbook never set up", async () => {
    install();
    await expect(loadRowMap()).resolves.toEqual(EMPTY_ROW_MAP);
  });

  it("should save the map as the exported file's object, beside the settings, and read it back", async () => {
    install();
    await saveSettings({ ...DEFAULT_SETTINGS, tolerance: 0.5 });
    await saveRowMap(MAP);
    expect(host.settings.saved).toEqual({
      "dsg.settings": { ...DEFAULT_SETTINGS, tolerance: 0.5 },
      "dsg.rowMap": MAP,
    });
    await expect(loadRowMap()).resolves.toEqual(MAP);
    await expect(loadSettings()).resolves.toMatchObject({ tolerance: 0.5 });
  });

  it("should not apply a saved map that no longer reads, and say why", async () => {
    install({ "dsg.rowMap": { version: 7, rows: [] } });
    await expect(loadRowMap()).rejects.toThrow(
      /The rows pointed at earlier could not be read \(The row map is version 7; .*\), so none are used\./
    );
  });

  it("should explain when the workbook cannot store it", async () => {
    install();
    host.settings.failNextSave = true;
    await expect(saveRowMap(MAP)).rejects.toThrow(/The row could not be saved in this workbook/);
  });
});
