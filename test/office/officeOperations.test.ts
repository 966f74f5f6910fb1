import { afterEach, describe, expect, it } from "vitest";
import {
  insertFunction,
  loadSettings,
  OfficeActionError,
  saveSettings,
  selectCell,
  writeReportSheet,
} from "../../src/taskpane/office";
import { asText, excelDateSerial, reportRows } from "../../src/taskpane/office/reportSheet";
import { DEFAULT_SETTINGS, type PaneSettings } from "../../src/taskpane/paneSettings";
import type { Finding } from "../../src/validation/finding";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { findSheet } from "../../src/workbook/workbook";
import { smallWorkbook } from "./hostFixtures";

let host: StandInHost;
afterEach(() => host.uninstall());

function install(settings?: Record<string, unknown>): StandInHost {
  host = installStandInExcel(smallWorkbook(), globalThis, { settings });
  return host;
}

const FINDINGS: Finding[] = [
  {
    rule: "roll-forward",
    severity: "error",
    sheet: "Financial summary",
    address: "D6",
    message: "Cumulative deficit for 2025-26 does not roll forward: gap £0.400m.",
  },
  {
    rule: "hnsg-split",
    severity: "info",
    sheet: "",
    address: "",
    message: "-£1.2m would remain after the write-off.",
  },
];
const CHECKED_AT = new Date(2026, 10, 23, 22, 57);

describe("selectCell", () => {
  it("should activate the sheet and select the cell in one sync", async () => {
    install();
    const moves: unknown[] = [];
    host.onSelectionChanged((selection) => moves.push(selection));
    await selectCell("Blank", "B1:C2");
    expect(host.selection).toEqual({ sheet: "Blank", address: "B1:C2" });
    expect(moves.at(-1)).toEqual({ sheet: "Blank", address: "B1:C2" });
    expect(host.syncCount).toBe(1);
    expect(host.writes).toEqual([]);
  });

  it("should explain when the cell is on a hidden sheet", async () => {
    install();
    await expect(selectCell("Lookups", "A1")).rejects.toMatchObject({
      code: "SheetHidden",
      message: expect.stringMatching(/Unhide/),
    });
    expect(host.selection.sheet).toBe("Financial summary");
  });

  it("should explain when the sheet has gone", async () => {
    install();
    await expect(selectCell("Renamed sheet", "A1")).rejects.toThrow(/no longer in the workbook/);
  });
});

describe("writeReportSheet", () => {
  it("should add one report sheet, write only to it, in two syncs", async () => {
    install();
    const before = host.workbook.sheets;
    const written = await writeReportSheet(FINDINGS, CHECKED_AT, "DSG management plan");
    expect(written).toEqual({ sheet: "DSG check report", address: "A1:E8", findings: 2 });
    expect(host.syncCount).toBe(2);
    expect(new Set(host.writes.map((w) => w.sheet))).toEqual(new Set(["DSG check report"]));
    expect(host.workbook.sheets.slice(0, 3)).toEqual(before);
    const report = findSheet(host.workbook, "DSG check report");
    expect(report?.values[5]).toEqual(["Severity", "Rule", "Sheet", "Cell", "Message"]);
    expect(report?.values[6]).toEqual([
      "Error",
      "roll-forward",
      "Financial summary",
      "D6",
      FINDINGS[0].message,
    ]);
    expect(report?.values[7]).toEqual([
      "Note",
      "hnsg-split",
      "Workbook",
      null,
      FINDINGS[1].message,
    ]);
    expect(report?.numberFormats[1][1]).toBe("d mmmm yyyy hh:mm");
    expect(report?.values[3][1]).toBe("1 error · 1 note");
    expect(
      host.writes.filter((w) => w.kind === "cells-written" && w.property === "hyperlink")
    ).toEqual([
      { kind: "cells-written", sheet: "DSG check report", address: "D7", property: "hyperlink" },
    ]);
  });

  it("should replace an earlier report rather than add a second one", async () => {
    install();
    await writeReportSheet(FINDINGS, CHECKED_AT);
    await writeReportSheet([], CHECKED_AT);
    const names = host.workbook.sheets.map((s) => s.name);
    expect(names.filter((n) => n === "DSG check report")).toHaveLength(1);
    expect(findSheet(host.workbook, "DSG check report")?.values[6][0]).toBe("No problems found.");
    expect(host.writes.filter((w) => w.kind === "sheet-deleted")).toEqual([
      { kind: "sheet-deleted", sheet: "DSG check report" },
    ]);
  });

  it("should explain a protected workbook", async () => {
    install().failNextSync("AccessDenied");
    const failure = writeReportSheet(FINDINGS, CHECKED_AT);
    await expect(failure).rejects.toBeInstanceOf(OfficeActionError);
    await expect(failure).rejects.toMatchObject({
      code: "AccessDenied",
      message: expect.stringMatching(/protected/),
    });
  });
});

describe("reportRows", () => {
  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["-£0.4m remains", "'-£0.4m remains"],
    ["+1", "'+1"],
    ["@risk", "'@risk"],
    ["Plain text", "Plain text"],
  ])("should keep %s as text", (text, written) => {
    expect(asText(text)).toBe(written);
  });

  it("should give every row the table's width", () => {
    expect(new Set(reportRows(FINDINGS, CHECKED_AT, null).map((r) => r.length))).toEqual(
      new Set([5])
    );
  });

  it("should write the time as an Excel date serial in local time", () => {
    expect(excelDateSerial(new Date(1970, 0, 2, 12))).toBeCloseTo(25_570.5, 9);
  });
});

describe("document settings", () => {
  const CHOSEN: PaneSettings = {
    tolerance: 0.01,
    template: "safety-valve-return",
    unit: "£000",
    sign: "deficit-negative",
    thresholds: { "funding-uplift": { max: 0.12 } },
  };

  it("should give the defaults in a workbook never set up", async () => {
    install();
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it("should save into the workbook and read back the same settings", async () => {
    install();
    await saveSettings(CHOSEN);
    expect(host.log.at(-1)).toEqual({ kind: "settings-saved" });
    expect(host.settings.saved).toEqual({ "dsg.settings": CHOSEN });
    await expect(loadSettings()).resolves.toEqual(CHOSEN);
  });

  it("should keep valid values and drop invalid ones from an old document", async () => {
    install({ "dsg.settings": { tolerance: "lots", template: "safety-valve-return", unit: "$" } });
    await expect(loadSettings()).resolves.toEqual({
      ...DEFAULT_SETTINGS,
      template: "safety-valve-return",
    });
  });

  it("should explain when the workbook cannot store them", async () => {
    install();
    host.settings.failNextSave = true;
    await expect(saveSettings(CHOSEN)).rejects.toThrow(/could not be saved/);
  });
});

describe("insertFunction", () => {
  it("should put the formula into an empty selected cell", async () => {
    install();
    host.selectByUser("Financial summary", "F10:G12");
    const result = await insertFunction("DSG.CUMULATIVE(C5:C10)");
    expect(result).toEqual({ inserted: true, address: "'Financial summary'!F10", previous: "" });
    expect(host.writes).toEqual([
      { kind: "cells-written", sheet: "Financial summary", address: "F10", property: "formulas" },
    ]);
    expect(host.workbook.sheets[0].formulas[9 - 2][5 - 1]).toBe("=DSG.CUMULATIVE(C5:C10)");
  });

  it("should leave a filled cell alone unless told to overwrite", async () => {
    install();
    host.selectByUser("Financial summary", "D5");
    await expect(insertFunction("=DSG.RESIDUAL(1,2)")).resolves.toEqual({
      inserted: false,
      address: "'Financial summary'!D5",
      previous: "=B4",
    });
    expect(host.writes).toEqual([]);
    await expect(insertFunction("=DSG.RESIDUAL(1,2)", { overwrite: true })).resolves.toMatchObject({
      inserted: true,
    });
    // D5 is row 2, column 2 of the used range that starts at B3.
    expect(host.workbook.sheets[0].formulas[2][2]).toBe("=DSG.RESIDUAL(1,2)");
  });

  it("should ask the user to finish editing when Excel is in cell-edit mode", async () => {
    install().failNextSync("InvalidOperationInCellEditMode");
    await expect(insertFunction("=DSG.CUMULATIVE(A1:A3)")).rejects.toThrow(
      "Finish editing the cell (press Enter or Esc), then check again."
    );
  });
});
