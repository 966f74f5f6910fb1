import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { openPackage, PackageError } from "../../src/workbook/xlsxPackage";
import { WorkbookReadError } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { storedZip } from "../hostile/hostileFiles";
import { sheetFromRows } from "../support/sheets";

const LIMIT = 1024 * 1024;

/** A part's whole text, and how many chunks it came in. */
async function readText(
  zip: Buffer,
  path: string,
  maxBytes = LIMIT
): Promise<{ text: string; chunks: number } | undefined> {
  const opened = await openPackage(zip);
  let text = "";
  let chunks = 0;
  const found = await opened.read(
    path,
    (chunk) => {
      text += chunk;
      chunks++;
    },
    maxBytes
  );
  return found ? { text, chunks } : undefined;
}

describe("openPackage", () => {
  it("should list stored entries and give their text back", async () => {
    const zip = storedZip({ "a.txt": "deficit", "b/c.xml": "<x/>" });
    const opened = await openPackage(zip);
    expect([opened.has("b/c.xml"), opened.has("c.xml")]).toEqual([true, false]);
    expect((await readText(zip, "b/c.xml"))?.text).toBe("<x/>");
    expect(await readText(zip, "missing.xml")).toBeUndefined();
  });

  it("should inflate the deflated parts of a workbook exceljs wrote", async () => {
    const zip = await writeXlsxBuffer({
      sheets: [sheetFromRows("Cover", [["Local authority", "Wiltshire"]])],
    });
    expect((await readText(zip, "xl/workbook.xml"))?.text).toContain('name="Cover"');
  });

  it("should read entries whose sizes follow their data (data descriptors, as streaming writers save)", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const streamed = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      streamFiles: true,
    });
    expect((await readText(streamed, "xl/workbook.xml"))?.text).toBe("<workbook/>");
  });

  it("should keep a character whole when it falls across two chunks", async () => {
    // One ASCII byte then two-byte "£"s: the 16 KB chunk boundaries fall inside a character.
    const text = "a" + "£".repeat(40_000);
    const read = await readText(storedZip({ "s.xml": text }), "s.xml");
    expect([read?.text === text, read!.chunks > 1]).toEqual([true, true]);
  });

  it.each([
    ["cut short", (zip: Buffer) => zip.subarray(0, zip.length - 10), /end of the file is missing/],
    [
      "without its first bytes",
      (zip: Buffer) => Buffer.concat([Buffer.alloc(8), zip.subarray(8)]),
      /list of contents is damaged/,
    ],
  ])("should throw a PackageError for an archive %s", async (_, damage, message) => {
    const opened = openPackage(damage(storedZip({ "a.txt": "deficit" })));
    await expect(opened).rejects.toThrow(PackageError);
    await expect(opened).rejects.toThrow(message);
  });

  it("should stop reading a part as soon as it unzips beyond the limit", async () => {
    const zip = new JSZip();
    zip.file("xl/worksheets/sheet1.xml", "0".repeat(4 * LIMIT));
    const bomb = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const read = readText(bomb, "xl/worksheets/sheet1.xml", LIMIT);
    await expect(read).rejects.toThrow(WorkbookReadError);
    await expect(read).rejects.toThrow(
      "The part xl/worksheets/sheet1.xml unzips to more than 1 MB, more than a workbook to check may hold."
    );
  });
});

describe("writeXlsxBuffer", () => {
  it("should date every ZIP entry 1 January 1980 so that rebuilt samples are byte-identical", async () => {
    const zip = await JSZip.loadAsync(
      await writeXlsxBuffer({ sheets: [sheetFromRows("Cover", [["Units", "£m"]])] })
    );
    const dates = new Set(Object.values(zip.files).map((file) => file.date.toISOString()));
    expect([...dates]).toEqual(["1980-01-01T00:00:00.000Z"]);
  });
});
