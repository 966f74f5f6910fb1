import { describe, expect, it } from "vitest";
import { clearZipTimestamps, inflateEntry, zipEntries, ZipError } from "../../src/workbook/zip";
import { storedZip } from "../hostile/hostileFiles";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { sheetFromRows } from "../support/sheets";

describe("zipEntries and inflateEntry", () => {
  it("should list stored entries and give their bytes back", () => {
    const zip = storedZip({ "a.txt": "deficit", "b/c.xml": "<x/>" });
    const entries = zipEntries(zip);
    expect([...entries.keys()]).toEqual(["a.txt", "b/c.xml"]);
    expect(inflateEntry(zip, entries.get("b/c.xml")!).toString("utf8")).toBe("<x/>");
  });

  it("should inflate the deflated parts of a workbook exceljs wrote", async () => {
    const zip = await writeXlsxBuffer({
      sheets: [sheetFromRows("Cover", [["Local authority", "Wiltshire"]])],
    });
    const workbook = inflateEntry(zip, zipEntries(zip).get("xl/workbook.xml")!).toString("utf8");
    expect(workbook).toContain('name="Cover"');
  });

  it.each([
    ["cut short", (zip: Buffer) => zip.subarray(0, zip.length - 10), /end of the file is missing/],
    [
      "without its first bytes",
      (zip: Buffer) => Buffer.concat([Buffer.alloc(8), zip.subarray(8)]),
      /damaged/,
    ],
  ])("should throw a ZipError for an archive %s", (_, damage, message) => {
    const zip = damage(storedZip({ "a.txt": "deficit" }));
    const read = () => inflateEntry(zip, zipEntries(zip).get("a.txt")!);
    expect(read).toThrow(ZipError);
    expect(read).toThrow(message);
  });

  it("should clear every entry's timestamp to the DOS epoch", () => {
    const zip = storedZip({ "a.txt": "deficit" });
    zip.writeUInt16LE(0x5a5a, 10);
    const cleared = clearZipTimestamps(zip);
    const entry = zipEntries(cleared).get("a.txt")!;
    expect([
      cleared.readUInt16LE(entry.localHeaderOffset + 10),
      cleared.readUInt16LE(entry.localHeaderOffset + 12),
    ]).toEqual([0, 33]);
  });
});
