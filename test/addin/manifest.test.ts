/**
 * Offline structural check of manifest.xml: the rules Excel enforces when it loads a shared-runtime
 * custom-functions add-in (office-addin.md §1.4, §3.2). `npm run validate` asks Microsoft's service for the
 * full schema check, which needs the internet.
 */
import { readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { descendants, localName, parseXml, path, type XmlElement } from "./manifestXml";

const manifestText = readFileSync("manifest.xml", "utf8");
const root = parseXml(manifestText);
const host = path(root, "VersionOverrides", "Hosts", "Host");
const resources = path(root, "VersionOverrides", "Resources");

/** Top-level elements in the order the XSD requires (docs/develop/manifest-element-ordering.md). */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Rule",
  "DisableEntityHighlighting",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED_TOP_LEVEL = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

const ICON_SIZES = [16, 32, 64, 80, 128];

/** The add-in's one display name, wherever the user sees it. */
const PRODUCT_NAME = "DSG checker";

/** Resource id → its DefaultValue, across Images, Urls, ShortStrings and LongStrings. */
const resourceValues = new Map(
  resources.children.flatMap((group) =>
    group.children.map((r) => [r.attributes.id, r.attributes.DefaultValue] as const)
  )
);

function resid(element: XmlElement): string {
  const value = element.attributes.resid;
  if (!value) throw new Error(`<${element.name}> has no resid`);
  return value;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("should be a well-formed TaskPaneApp manifest with a GUID id and a four-part version", () => {
    expect(localName(root)).toBe("OfficeApp");
    expect(root.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(path(root, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(path(root, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("should list its top-level elements in schema order, with every required one", () => {
    const names = root.children.map(localName);
    const positions = names.map((n) => TOP_LEVEL_ORDER.indexOf(n));
    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(names).toEqual(expect.arrayContaining(REQUIRED_TOP_LEVEL));
  });

  it("should target Excel workbooks and require the shared runtime", () => {
    expect(path(root, "Hosts", "Host").attributes.Name).toBe("Workbook");
    expect(host.attributes["xsi:type"]).toBe("Workbook");
    const sets = descendants(path(root, "Requirements")).filter((e) => localName(e) === "Set");
    expect(sets.map((s) => s.attributes)).toContainEqual({
      Name: "SharedRuntime",
      MinVersion: "1.1",
    });
  });

  it("should declare exactly one long-lived runtime, first in the host, shared by functions, ribbon and pane", () => {
    expect(localName(host.children[0])).toBe("Runtimes");
    const runtimes = host.children[0].children;
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes.lifetime).toBe("long");
    const runtime = resid(runtimes[0]);

    const functions = path(host, "AllFormFactors", "ExtensionPoint");
    expect(functions.attributes["xsi:type"]).toBe("CustomFunctions");
    const actions = descendants(host).filter(
      (e) => localName(e) === "Action" && e.attributes["xsi:type"] === "ShowTaskpane"
    );
    expect(actions).toHaveLength(1);
    expect({
      page: resid(path(functions, "Page", "SourceLocation")),
      functionFile: resid(path(host, "DesktopFormFactor", "FunctionFile")),
      showTaskpane: resid(path(actions[0], "SourceLocation")),
    }).toEqual({ page: runtime, functionFile: runtime, showTaskpane: runtime });
    expect(resourceValues.get(runtime)).toMatch(/\/taskpane\.html$/);
  });

  it("should load functions.js and functions.json in the DSG namespace", () => {
    const functions = path(host, "AllFormFactors", "ExtensionPoint");
    expect(resourceValues.get(resid(path(functions, "Script", "SourceLocation")))).toMatch(
      /\/functions\.js$/
    );
    expect(resourceValues.get(resid(path(functions, "Metadata", "SourceLocation")))).toMatch(
      /\/functions\.json$/
    );
    expect(resourceValues.get(resid(path(functions, "Namespace")))).toBe("DSG");
  });

  it("should put a button that opens the pane in a DSG checker group on the Home tab", () => {
    const tab = path(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab");
    expect(tab.attributes.id).toBe("TabHome");
    expect(resourceValues.get(resid(path(tab, "Group", "Label")))).toBe(PRODUCT_NAME);
    expect(path(tab, "Group", "Control").attributes["xsi:type"]).toBe("Button");
    expect(resourceValues.get(resid(path(tab, "Group", "Control", "Label")))).toBe(
      `Open ${PRODUCT_NAME}`
    );
  });

  it("should call the add-in by one name: the manifest's display name, the ribbon, the pane's title and heading", () => {
    const pane = readFileSync("src/taskpane/taskpane.html", "utf8");
    expect(path(root, "DisplayName").attributes.DefaultValue).toBe(PRODUCT_NAME);
    expect(resourceValues.get("GetStarted.Title")).toBe(`${PRODUCT_NAME} is ready`);
    expect(/<title>([^<]*)<\/title>/.exec(pane)?.[1]).toBe(PRODUCT_NAME);
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(pane)?.[1]).toBe(PRODUCT_NAME);
    const strings = [...resourceValues.values(), manifestText];
    for (const other of ["DSG deficit tools", "DSG tools"])
      expect(strings.filter((text) => text?.includes(other))).toEqual([]);
  });

  it("should name a real provider, not a placeholder", () => {
    const provider = path(root, "ProviderName").text;
    expect(provider).not.toMatch(/^(dsg-addin|contoso|provider|todo|tbd)?$/i);
    expect(provider).toBe("dsg-addin contributors");
  });

  it("should define every resid it uses, each at most 32 characters", () => {
    const used = descendants(root).flatMap((e) => (e.attributes.resid ? [e.attributes.resid] : []));
    expect(used.length).toBeGreaterThan(10);
    for (const id of [...used, ...resourceValues.keys()]) {
      expect(id.length, id).toBeLessThanOrEqual(32);
    }
    expect(used.filter((id) => !resourceValues.has(id))).toEqual([]);
  });

  it("should use https for every URL", () => {
    const urls = manifestText.match(/\bhttps?:\/\/[^"<\s]+/g) ?? [];
    const schemaNamespaces = /^http:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;
    expect(urls.filter((u) => !u.startsWith("https://") && !schemaNamespaces.test(u))).toEqual([]);
  });

  it.each(ICON_SIZES)("should ship a %i px icon in assets/", (size) => {
    expect(pngSize(`assets/icon-${size}.png`)).toEqual({ width: size, height: size });
  });

  it("should point every icon URL at an icon in assets/ of the size it claims", () => {
    const iconUrls = [
      path(root, "IconUrl").attributes.DefaultValue,
      path(root, "HighResolutionIconUrl").attributes.DefaultValue,
      ...path(resources, "Images").children.map((i) => i.attributes.DefaultValue),
    ];
    for (const url of iconUrls) {
      const [, file, size] = /\/(assets\/icon-(\d+)\.png)$/.exec(url) ?? [];
      expect(file, url).toBeDefined();
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file).width).toBe(Number(size));
    }
    for (const image of path(resources, "Images").children) {
      const declared = /^Icon\.(\d+)x\1$/.exec(image.attributes.id)?.[1];
      expect(image.attributes.DefaultValue).toContain(`icon-${declared}.png`);
    }
  });
});
