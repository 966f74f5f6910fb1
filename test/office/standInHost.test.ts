/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load -- these tests break the load/sync order on purpose, to check that the host refuses it as Office.js does */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { installStandInExcel, type StandInHost } from "../../src/workbench/host";
import { smallWorkbook } from "./hostFixtures";

let host: StandInHost;
afterEach(() => host.uninstall());

function install(options = {}): StandInHost {
  host = installStandInExcel(smallWorkbook(), globalThis, options);
  return host;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (error: { code?: string }) => error.code
  );

describe("stand-in Excel: the Office.js contract", () => {
  it("should throw PropertyNotLoaded before load, and before sync after load", async () => {
    install();
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Lookups").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
    });
  });

  it("should report isNullObject only after the sync", async () => {
    install();
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("lookups");
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" })
      );
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  it("should fail the whole batch with ItemNotFound for a missing sheet", async () => {
    install();
    const batch = Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope").activate();
      await context.sync();
    });
    expect(await codeOf(batch)).toBe("ItemNotFound");
  });

  it("should give no loaded values from a failed sync", async () => {
    install().failNextSync("GeneralException");
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Lookups").getRange("A1");
      range.load("values");
      expect(await codeOf(context.sync())).toBe("GeneralException");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it.each([
    [
      "a write of the wrong shape",
      (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem("Lookups").getRange("A1:B2").values = [[1, 2]];
      },
      "InvalidArgument",
    ],
    [
      "a second sheet of the same name",
      (context: Excel.RequestContext) => {
        context.workbook.worksheets.add("LOOKUPS");
      },
      "ItemAlreadyExists",
    ],
    [
      "an invalid sheet name",
      (context: Excel.RequestContext) => {
        context.workbook.worksheets.add("a/b");
      },
      "InvalidArgument",
    ],
  ])("should refuse %s", async (_what, queue, code) => {
    install();
    const batch = Excel.run(async (context) => {
      queue(context);
      await context.sync();
    });
    expect(await codeOf(batch)).toBe(code);
  });

  it("should refuse to delete the last visible sheet", async () => {
    host = installStandInExcel({
      sheets: [smallWorkbook().sheets[1], { ...smallWorkbook().sheets[2] }],
    });
    const batch = Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blank").delete();
      await context.sync();
    });
    expect(await codeOf(batch)).toBe("InvalidOperation");
  });

  it("should sync work still queued when the batch returns, as Excel.run does", async () => {
    install();
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blank").getRange("C3").select();
    });
    expect(host.selection).toEqual({ sheet: "Blank", address: "C3" });
    expect(host.syncCount).toBe(1);
  });

  it("should refuse a proxy used after its Excel.run has finished", async () => {
    install();
    let kept: Excel.Worksheet | undefined;
    await Excel.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Blank");
    });
    expect(() => kept?.activate()).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("should fail in cell-edit mode unless the batch asked to wait", async () => {
    install().setCellEditMode(true);
    const batch = Excel.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    expect(await codeOf(batch)).toBe("InvalidOperationInCellEditMode");
  });

  it("should return no values for a read over 5 million cells (office-js#6781)", async () => {
    install();
    await Excel.run(async (context) => {
      const whole = context.workbook.worksheets.getItem("Blank").getRange();
      whole.load("values,cellCount");
      await context.sync();
      expect([whole.values, whole.cellCount]).toEqual([null, 1_048_576 * 16_384]);
    });
  });

  it("should load every item's properties through a collection", async () => {
    install();
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Financial summary", "Visible"],
        ["Lookups", "Hidden"],
        ["Blank", "Visible"],
      ]);
    });
  });
});

describe("stand-in Excel: what tests and the workbench see", () => {
  it("should give back the workbook it was given", () => {
    expect(install().workbook).toEqual(smallWorkbook());
  });

  it("should tell listeners about selection moves and workbook changes, and stop when unsubscribed", async () => {
    install();
    const seen: string[] = [];
    const stop = host.onSelectionChanged((s) => seen.push(`${s.sheet}!${s.address}`));
    host.onWorkbookChanged(() => seen.push("changed"));
    host.selectByUser("Lookups", "B2");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Blank").getRange("A1").values = [["x"]];
      await context.sync();
    });
    stop();
    host.selectByUser("Blank", "A1");
    expect(seen).toEqual(["Lookups!B2", "changed"]);
    expect(host.log.filter((e) => e.kind === "selected")).toHaveLength(2);
  });

  it("should provide Office: onReady, requirement sets, theme and settings kept as copies", async () => {
    install({ theme: "dark", excelApiVersion: "1.13" });
    await expect(Office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.14")).toBe(false);
    expect(Office.context.officeTheme.isDarkTheme).toBe(true);
    const value = { tolerance: 1 };
    Office.context.document.settings.set("k", value);
    value.tolerance = 2;
    expect(Office.context.document.settings.get("k")).toEqual({ tolerance: 1 });
  });

  it("should put back the globals it replaced", () => {
    const scope: Record<string, unknown> = { Excel: "original" };
    installStandInExcel(smallWorkbook(), scope).uninstall();
    expect(scope).toEqual({ Excel: "original" });
    host = install();
  });

  it("should use no Node APIs, so it runs in the browser workbench", () => {
    const dir = join(__dirname, "../../src/workbench/host");
    const sources = readdirSync(dir).map((file) => readFileSync(join(dir, file), "utf8"));
    expect(
      sources.filter((source) => /from "(node:|fs|path|os)|require\(|process\.|Buffer/.test(source))
    ).toEqual([]);
  });
});
