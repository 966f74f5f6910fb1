/**
 * addWriteOffSheet over the stand-in Excel host in node: one new sheet and no other write, the sheet read
 * back by the locator, a sheet of that name left alone unless replacing is asked for, and a refused write.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { OfficeActionError } from "../../src/taskpane/office";
import { addWriteOffSheet } from "../../src/taskpane/office/writeOffSheet";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { locateTemplate } from "../../src/templates/locate";
import {
  writeOffSheetContent,
  type WriteOffSheetContent,
} from "../../src/validation/report/writeOffSheet";
import type { Workbook } from "../../src/workbook/workbook";
import { samplePlan } from "../support/writeOff";

const SHEET = "DSG write-off reconciliation";

let plan: Workbook;
let content: WriteOffSheetContent;
let host: StandInHost | undefined;

beforeAll(async () => {
  plan = await samplePlan();
  content = writeOffSheetContent(locateTemplate(plan), { writeOffPercent: 90, cutOffYear: 2025 })!;
});
afterEach(() => host?.uninstall());

const install = () => (host = installStandInExcel(plan, globalThis));

describe("addWriteOffSheet", () => {
  it("should add one new sheet, write nothing else, and be found by the locator", async () => {
    const stand = install();
    const outcome = await addWriteOffSheet(content, SHEET);
    expect(outcome).toEqual({ written: true, sheet: SHEET, address: "A1:D21" });
    expect(stand.writes.filter((w) => w.sheet !== SHEET)).toEqual([]);
    expect(stand.writes.filter((w) => w.kind === "sheet-added")).toHaveLength(1);
    expect(stand.workbook.sheets.map((s) => s.name)).toEqual([
      ...plan.sheets.map((s) => s.name),
      SHEET,
    ]);
    const found = locateTemplate(stand.workbook).writeOff!;
    expect(found.sheet).toBe(SHEET);
    expect(found.sources).toHaveLength(6);
    expect(found.kept?.cell.formula).toMatch(/^=DSG\.EXPOSURE\(/);
    expect(found.ineligible?.cell.value).toBe(1.17);
  });

  it("should leave a sheet of that name alone and offer a free name, unless told to replace it", async () => {
    const stand = install();
    await addWriteOffSheet(content, SHEET);
    const before = stand.writes.length;
    await expect(addWriteOffSheet(content, SHEET)).resolves.toEqual({
      written: false,
      sheet: SHEET,
      freeName: `${SHEET} 2`,
    });
    expect(stand.writes).toHaveLength(before);
    await addWriteOffSheet(content, SHEET, true);
    expect(stand.writes.slice(before, before + 2)).toEqual([
      { kind: "sheet-deleted", sheet: SHEET },
      { kind: "sheet-added", sheet: SHEET },
    ]);
    expect(stand.workbook.sheets.filter((s) => s.name === SHEET)).toHaveLength(1);
  });

  it("should explain a protected workbook and write nothing", async () => {
    install().failNextSync("AccessDenied");
    const failure = addWriteOffSheet(content, SHEET);
    await expect(failure).rejects.toBeInstanceOf(OfficeActionError);
    await expect(failure).rejects.toMatchObject({ message: expect.stringMatching(/protected/) });
    expect(host!.writes).toEqual([]);
  });
});
