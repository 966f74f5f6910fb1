import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { crc32 } from "node:zlib";
import { crc32Portable, type PartCodec, portableCodec } from "../../src/workbook/codec";
import { nodeCodec } from "../../src/workbook/nodeCodec";
import { openPackage, PackageError } from "../../src/workbook/xlsxPackage";
import { WorkbookReadError } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { storedZip } from "../hostile/hostileFiles";
import { zipArchive } from "../hostile/rawXlsx";
import { sheetFromRows } from "../support/sheets";

/** A part's whole text, and how many chunks it came in. */
async function readText(
  zip: Buffer,
  path: string,
  codec: PartCodec = portableCodec
): Promise<{ text: string; chunks: number } | undefined> {
  const opened = await openPackage(zip, codec);
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  const found = await opened.read(path, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
    chunks++;
  });
  return found ? { text: text + decoder.decode(), chunks } : undefined;
}

const CODECS = [
  ["fflate", portableCodec],
  ["node's zlib", nodeCodec],
] as const;

describe.each(CODECS)("openPackage with %s", (_, codec) => {
  it("should list stored entries and give their text back", async () => {
    const zip = storedZip({ "a.txt": "deficit", "b/c.xml": "<x/>" });
    const opened = await openPackage(zip, codec);
    expect([opened.has("b/c.xml"), opened.has("c.xml"), opened.has("B/C.XML")]).toEqual([
      true,
      false,
      true,
    ]);
    expect((await readText(zip, "b/c.xml", codec))?.text).toBe("<x/>");
    expect(await readText(zip, "missing.xml", codec)).toBeUndefined();
  });

  it("should inflate the deflated parts of a workbook exceljs wrote", async () => {
    const zip = await writeXlsxBuffer({
      sheets: [sheetFromRows("Cover", [["Local authority", "Wiltshire"]])],
    });
    expect((await readText(zip, "xl/workbook.xml", codec))?.text).toContain('name="Cover"');
  });

  it("should read entries whose sizes follow their data (data descriptors, as streaming writers save)", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    const streamed = await zip.generateAsync({
      type: "nodebuffer",
      compression: "DEFLATE",
      streamFiles: true,
    });
    expect((await readText(streamed, "xl/workbook.xml", codec))?.text).toBe("<workbook/>");
  });

  it("should inflate a large part in several chunks", async () => {
    const text = Array.from({ length: 300_000 }, (_, i) => ((i * 7919) % 10_007).toString(36)).join(
      "£"
    );
    const read = await readText(zipArchive([{ name: "s.xml", content: text }]), "s.xml", codec);
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
    const opened = openPackage(damage(storedZip({ "a.txt": "deficit" })), codec);
    await expect(opened).rejects.toThrow(PackageError);
    await expect(opened).rejects.toThrow(message);
  });

  it("should refuse a part whose declared size is over the limit without inflating it", async () => {
    const zip = zipArchive([
      { name: "xl/worksheets/sheet1.xml", content: "<x/>", declaredSize: 3_000_000_000 },
    ]);
    const opened = await openPackage(zip, codec);
    const read = opened.read("xl/worksheets/sheet1.xml", () => {});
    await expect(read).rejects.toThrow(WorkbookReadError);
    await expect(read).rejects.toThrow(
      "The part xl/worksheets/sheet1.xml unzips to 2,861 MB, more than the 200 MB a part of a workbook to check may hold."
    );
  });

  it("should stop inflating a part as soon as it passes the size its entry declares", async () => {
    const zip = zipArchive([
      {
        name: "xl/worksheets/sheet1.xml",
        content: { head: "<x>", repeat: "0".repeat(1 << 20), times: 1000, tail: "</x>" },
        declaredSize: 1 << 20,
      },
    ]);
    let seen = 0;
    const opened = await openPackage(zip, codec);
    const read = opened.read("xl/worksheets/sheet1.xml", (chunk) => void (seen += chunk.length));
    await expect(read).rejects.toThrow(PackageError);
    await expect(read).rejects.toThrow(
      "the part xl/worksheets/sheet1.xml unzips to more than the 1,048,576 bytes its entry in the file's list of contents says"
    );
    expect(seen).toBeLessThanOrEqual(1 << 20);
  });

  it.each([
    [
      "a checksum that does not match",
      { declaredCrc: 12345 },
      /does not match its checksum \(CRC-32\)/,
    ],
    [
      "a size larger than its data",
      { declaredSize: 100 },
      /unzips to 21 bytes where its list of contents says 100/,
    ],
  ])("should refuse a part with %s", async (_, lie, message) => {
    const zip = zipArchive([{ name: "a.xml", content: "<x>figures 34.509</x>", ...lie }]);
    const read = readText(zip, "a.xml", codec);
    await expect(read).rejects.toThrow(PackageError);
    await expect(read).rejects.toThrow(message);
  });

  it("should refuse an archive that lists a part twice", async () => {
    const zip = zipArchive([
      { name: "a.xml", content: "<x/>" },
      { name: "a.xml", content: "<y/>" },
    ]);
    await expect(openPackage(zip, codec)).rejects.toThrow("it lists the part a.xml twice");
  });
});

describe("crc32Portable", () => {
  it("should give zlib's CRC-32 for any length and any start", () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) & 0xff);
    for (const length of [0, 1, 7, 8, 9, 63, 1000])
      expect(crc32Portable(data.subarray(0, length), 0)).toBe(crc32(data.subarray(0, length)));
    expect(crc32Portable(data.subarray(500), crc32Portable(data.subarray(0, 500), 0))).toBe(
      crc32(data)
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
