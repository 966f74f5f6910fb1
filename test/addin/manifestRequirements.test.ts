/**
 * The requirement sets manifest.xml declares against what the code calls: every Office.js member the add-in
 * uses from a set later than ExcelApi 1.1 is listed here with its set (from @types/office-js's [Api set]
 * remarks), and the manifest must declare at least the highest one the code calls unconditionally. A member
 * used only behind `isSetSupported` for its set does not raise the minimum. And no empty script is built
 * into the pane: the ribbon button is a ShowTaskpane action, which needs none.
 */
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { descendants, localName, parseXml, path } from "./manifestXml";

const root = parseXml(readFileSync("manifest.xml", "utf8"));
const declared = new Map(
  descendants(path(root, "Requirements"))
    .filter((e) => localName(e) === "Set")
    .map((e) => [e.attributes.Name, e.attributes.MinVersion] as const)
);

/** Office.js members past ExcelApi 1.1, each with the set that brought it (a pattern for how the code calls it). */
const MEMBERS: readonly { name: string; pattern: RegExp; set: string }[] = [
  { name: "Range.format.autofitColumns", pattern: /\.autofitColumns\(/, set: "1.2" },
  {
    name: "Worksheet.getUsedRangeOrNullObject",
    pattern: /\.getUsedRangeOrNullObject\(/,
    set: "1.4",
  },
  {
    name: "WorksheetCollection.getItemOrNullObject",
    pattern: /\.getItemOrNullObject\(/,
    set: "1.4",
  },
  { name: "Range.hyperlink", pattern: /\.hyperlink\s*=/, set: "1.7" },
  { name: "Worksheet.getRangeByIndexes", pattern: /\.getRangeByIndexes\(/, set: "1.7" },
  { name: "Workbook.getActiveCell", pattern: /\.getActiveCell\(/, set: "1.7" },
  { name: "Range.getCellProperties", pattern: /\.getCellProperties\(/, set: "1.9" },
  {
    name: "Range.getSpillingToRange",
    pattern: /\.getSpillingToRange(OrNullObject)?\(/,
    set: "1.12",
  },
  {
    name: "Range.getMergedAreasOrNullObject",
    pattern: /\.getMergedAreasOrNullObject\(/,
    set: "1.13",
  },
  { name: "Range.valuesAsJson", pattern: /\.valuesAsJson\b/, set: "1.16" },
];

/** The add-in's Office.js code: what runs in Excel (not the workbench's stand-in host, not tests). */
function officeSources(): { file: string; text: string }[] {
  const folders = ["src/taskpane", "src/workbook", "src/functions"];
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(folder, e.name))
        : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
          ? [join(folder, e.name)]
          : []
    );
  return folders.flatMap(files).map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

const minor = (version: string) => Number(version.split(".")[1]);

describe("manifest.xml requirement sets", () => {
  it("should declare the shared runtime and custom functions the add-in is built on", () => {
    expect(declared.get("SharedRuntime")).toBe("1.1");
    expect(declared.get("CustomFunctionsRuntime")).toBe("1.1");
  });

  it("should declare at least the ExcelApi set of every member the code calls without checking for it", () => {
    const sources = officeSources();
    const used = MEMBERS.flatMap((member) => {
      const callers = sources.filter((s) => member.pattern.test(s.text));
      // Called only where the code first asks Office whether the set is there.
      const guarded = callers.every(
        (s) =>
          s.text.includes(`isSetSupported?.("ExcelApi", "${member.set}")`) ||
          s.text.includes(`isSetSupported("ExcelApi", "${member.set}")`)
      );
      return callers.length > 0 && !guarded ? [member] : [];
    });
    expect(used.map((m) => m.name)).toContain("Range.hyperlink");
    const needed = Math.max(...used.map((m) => minor(m.set)));
    const excelApi = declared.get("ExcelApi");
    expect(excelApi, "manifest.xml declares no ExcelApi set").toBeDefined();
    expect(minor(excelApi!)).toBeGreaterThanOrEqual(needed);
    // No higher than the code needs, or Excel versions that could run it would refuse the add-in.
    expect(minor(excelApi!)).toBe(needed);
  });
});

describe("scripts the pane loads", () => {
  it("should build no ribbon-commands script: the button is a ShowTaskpane action", () => {
    const config = readFileSync("webpack.config.js", "utf8");
    expect(config).not.toMatch(/commands/);
    expect(existsSync("src/commands")).toBe(false);
    const actions = descendants(root).filter((e) => localName(e) === "Action");
    expect(actions.map((a) => a.attributes["xsi:type"])).toEqual(["ShowTaskpane"]);
  });
});
