/**
 * Files the reader must survive, generated on demand (nothing binary is committed). Each says whether
 * reading it should give a WorkbookReadError (and which words its message must contain) or a Workbook.
 * The CLI's exit-status tests reuse them through `writeHostileFiles`.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import type { Workbook } from "../../src/workbook/workbook";
import { writeXlsxBuffer } from "../../src/workbook/xlsxWriter";
import { managementPlan, otherKindOfWorkbook } from "../../examples/examples";
import { sheetFromRows } from "../support/sheets";
import {
  rawXlsx,
  sharedStringsXml,
  stylesXml,
  worksheetXml,
  xlsxEntries,
  zipArchive,
} from "./rawXlsx";

/** A one-sheet workbook ("Financial summary") of the given rows of worksheet XML, with two shared strings. */
const oneSheet = (rows: string, after = "", name = "Financial summary") =>
  rawXlsx({
    sheets: [{ name, xml: worksheetXml(rows, after) }],
    sharedStrings: sharedStringsXml(["Cumulative deficit", "£m"]),
    styles: stylesXml(["#,##0.000"]),
  });

/** The same workbook with its shared strings part re-encoded (a declaration and bytes as given). */
const stringsEncoded = (encode: (xml: string) => Buffer) =>
  zipArchive(
    xlsxEntries({
      sheets: [{ name: "Financial summary", xml: worksheetXml(PLAIN_ROWS) }],
      sharedStrings: "",
      styles: stylesXml(["#,##0.000"]),
    }).map((entry) =>
      entry.name === "xl/sharedStrings.xml"
        ? { ...entry, content: encode(sharedStringsXml(["Cumulative deficit", "£m"])) }
        : entry
    )
  );

const PLAIN_ROWS = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>34.509</v></c><c r="C1" t="s"><v>1</v></c></row>`;

export interface HostileFile {
  /** File name to write it under (the extension is part of the test). */
  readonly file: string;
  readonly description: string;
  /** "error": reading must throw a WorkbookReadError whose message matches `message`; "workbook": it must read. */
  readonly expect: "error" | "workbook";
  readonly message?: RegExp;
  readonly build: () => Promise<Buffer>;
}

/** The OLE compound document signature that starts .xls files and password-protected .xlsx files. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An OLE container whose directory names the given streams (enough for the reader to tell the kinds apart). */
function oleFile(streams: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  OLE_SIGNATURE.copy(header);
  const directory = Buffer.concat(
    streams.map((name) => Buffer.from(name.padEnd(64, "\0"), "utf16le"))
  );
  return Buffer.concat([header, directory]);
}

/** A ZIP archive of stored (uncompressed) files, for packages exceljs would not write. */
export function storedZip(files: Readonly<Record<string, string>>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A single-sheet workbook of `rows` × 5 columns written with exceljs's streaming writer. */
export async function manyRows(rows: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = book.addWorksheet("Pupil data");
  for (let r = 0; r < rows; r++)
    sheet.addRow([`Pupil ${r + 1}`, r + 1, (r % 97) * 1.5, r % 7, "2024-25"]).commit();
  sheet.commit();
  await book.commit();
  return Buffer.concat(chunks);
}

const workbookOf = (...sheets: Workbook["sheets"]): Promise<Buffer> => writeXlsxBuffer({ sheets });

export const HOSTILE_FILES: readonly HostileFile[] = [
  {
    file: "empty.xlsx",
    description: "an empty file (0 bytes)",
    expect: "error",
    message: /empty/,
    build: async () => Buffer.alloc(0),
  },
  {
    file: "empty-workbook.xlsx",
    description: "a workbook whose only sheet has no cells",
    expect: "workbook",
    build: () => workbookOf(sheetFromRows("Sheet1", [])),
  },
  {
    file: "text-renamed.xlsx",
    description: "a CSV text file renamed .xlsx",
    expect: "error",
    message: /not an Excel workbook/,
    build: async () => Buffer.from("LA,Deficit\nWiltshire,34.509\n", "utf8"),
  },
  {
    file: "truncated.xlsx",
    description: "a plan cut off half way through (an interrupted download)",
    expect: "error",
    message: /damaged or incomplete/,
    build: async () => {
      const whole = await writeXlsxBuffer(managementPlan());
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  {
    file: "password-protected.xlsx",
    description: "a password-protected (encrypted) workbook",
    expect: "error",
    message: /password-protected: remove the password/,
    build: async () => oleFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
  },
  {
    file: "old-format.xls",
    description: "an Excel 97-2003 .xls workbook",
    expect: "error",
    message: /Excel 97-2003.*save it as an \.xlsx/,
    build: async () => oleFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]),
  },
  {
    file: "word-document.xlsx",
    description: "a Word document renamed .xlsx",
    expect: "error",
    message: /not an Excel workbook \(it is a Word document\)/,
    build: async () =>
      storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
  },
  {
    file: "stray-far-cell.xlsx",
    description: "a sheet with one cell at A1 and a stray one at XFD1048576",
    expect: "error",
    message: /more than the 5,000,000 cells/,
    build: async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("Financial summary");
      sheet.getCell("A1").value = "Financial summary";
      sheet.getCell("XFD1048576").value = 1;
      return Buffer.from(await book.xlsx.writeBuffer());
    },
  },
  {
    file: "unclosed-cells.xlsx",
    description:
      "a crafted sheet with 100,000 cells that are never closed (must not make reading quadratic)",
    expect: "workbook",
    build: async () =>
      storedZip({
        "_rels/.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        "xl/workbook.xml": `<workbook><sheets><sheet name="Financial summary" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        "xl/worksheets/sheet1.xml": `<worksheet><sheetData><row r="1">${'<c r="A1" t="inlineStr"><is><t>x'.repeat(100_000)}</row></sheetData></worksheet>`,
      }),
  },
  {
    file: "many-rows.xlsx",
    description: "a sheet with 200,000 used rows",
    expect: "workbook",
    build: () => manyRows(200_000),
  },
  {
    file: "error-cells.xlsx",
    description: "#REF! and #DIV/0! typed and as formula results",
    expect: "workbook",
    build: () =>
      workbookOf(
        sheetFromRows("Financial summary", [
          ["In-year", { error: "#REF!" }, { f: "=1/0", v: { error: "#DIV/0!" } }],
          ["Carried forward", { f: "=B1+1", v: { error: "#REF!" } }, 3],
        ])
      ),
  },
  {
    file: "merged-header.xlsx",
    description: "year headings under a merged Actual/Forecast header",
    expect: "workbook",
    build: () => {
      const sheet = sheetFromRows("Financial summary", [
        [null, "Actual", null, "Forecast", null],
        ["Financial year", "2023-24", "2024-25", "2025-26", "2026-27"],
      ]);
      return workbookOf({
        ...sheet,
        merges: [
          { top: 0, left: 1, bottom: 0, right: 2 },
          { top: 0, left: 3, bottom: 0, right: 4 },
        ],
      });
    },
  },
  {
    file: "hidden-sheets.xlsx",
    description: "a hidden and a very hidden sheet between visible ones",
    expect: "workbook",
    build: () =>
      workbookOf(
        sheetFromRows("Cover", [["Local authority", "Wiltshire"]]),
        { ...sheetFromRows("Lists", [["Actual"], ["Forecast"]]), visibility: "hidden" },
        { ...sheetFromRows("Macro data", [["x"]]), visibility: "veryHidden" },
        sheetFromRows("Financial summary", [["Units", "£m"]])
      ),
  },
  {
    file: "uncached-formulas.xlsx",
    description: "formulas saved without results (written by a tool, never opened in Excel)",
    expect: "workbook",
    build: () =>
      workbookOf(
        sheetFromRows("Financial summary", [
          [1, 2, { f: "=A1+B1", v: null }],
          [3, 4, { f: "=SUM(A2:B2)", v: null }],
        ])
      ),
  },
  {
    file: "row-1e300.xlsx",
    description: "a row numbered 1e300 (reading it as a number once made the checks loop for ever)",
    expect: "error",
    message:
      /The file is damaged: the sheet "Financial summary" cannot be read, as it has a row numbered "1e300", but Excel's rows are numbered 1 to 1,048,576/,
    build: async () => oneSheet(`<row r="1e300"><c><v>1</v></c></row>`),
  },
  {
    file: "cell-past-last-row.xlsx",
    description: "a cell at A10000000000000000, past Excel's last row",
    expect: "error",
    message:
      /the sheet "Financial summary" cannot be read, as it has a cell at A10000000000000000, beyond Excel's limits of 1,048,576 rows and 16,384 columns \(A to XFD\)/,
    build: async () => oneSheet(`<row r="1"><c r="A10000000000000000"><v>1</v></c></row>`),
  },
  {
    file: "reference-1A.xlsx",
    description: "a cell reference with its digits first (1A)",
    expect: "error",
    message: /it has a cell whose reference "1A" is not a cell address/,
    build: async () => oneSheet(`<row r="1"><c r="1A"><v>1</v></c></row>`),
  },
  {
    file: "reference-300-letters.xlsx",
    description: "a cell reference of 300 letters",
    expect: "error",
    message: /it has a cell at A{30}…, beyond Excel's limits/,
    build: async () => oneSheet(`<row r="1"><c r="${"A".repeat(300)}1"><v>1</v></c></row>`),
  },
  {
    file: "merge-past-limits.xlsx",
    description: "a merged range reaching past Excel's last row",
    expect: "error",
    message: /it merges the cells A1:B99999999, beyond Excel's limits/,
    build: async () =>
      oneSheet(PLAIN_ROWS, `<mergeCells count="1"><mergeCell ref="A1:B99999999"/></mergeCells>`),
  },
  {
    file: "checksum-mismatch.xlsx",
    description:
      "a sheet whose figures were changed after saving (34.509 → 94.509): its CRC-32 does not match",
    expect: "error",
    message:
      /The file is damaged or incomplete .*the part xl\/worksheets\/sheet1\.xml does not match its checksum \(CRC-32\)/,
    build: async () => {
      const zip = zipArchive(
        xlsxEntries({
          sheets: [{ name: "Financial summary", xml: worksheetXml(PLAIN_ROWS) }],
          sharedStrings: sharedStringsXml(["Cumulative deficit", "£m"]),
        }).map((entry) => (entry.name.includes("worksheets") ? { ...entry, store: true } : entry))
      );
      const at = zip.indexOf("34.509");
      zip[at] = "9".charCodeAt(0);
      return zip;
    },
  },
  {
    file: "sheet-part-missing.xlsx",
    description: "a sheet listed in the workbook whose part is not in the file",
    expect: "error",
    message:
      /The file is damaged: the sheet "Financial summary" is listed but its contents are missing/,
    build: async () =>
      zipArchive(
        xlsxEntries({
          sheets: [{ name: "Financial summary", xml: worksheetXml(PLAIN_ROWS) }],
        }).filter((entry) => !entry.name.includes("worksheets"))
      ),
  },
  {
    file: "two-sheets-one-part.xlsx",
    description: "two sheets whose entries point at the same part",
    expect: "error",
    message:
      /The file is damaged: its sheets "Financial summary" and "Copy" are all stored in the same part \(xl\/worksheets\/sheet1\.xml\)/,
    build: async () =>
      rawXlsx({
        sheets: [
          { name: "Financial summary", xml: worksheetXml(PLAIN_ROWS) },
          { name: "Copy", part: "xl/worksheets/sheet1.xml" },
        ],
      }),
  },
  {
    file: "strings-utf16.xlsx",
    description:
      "a shared string table saved in UTF-16 with a byte-order mark (read as the same text)",
    expect: "workbook",
    build: async () =>
      stringsEncoded((xml) =>
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le"),
        ])
      ),
  },
  {
    file: "strings-latin1-declared.xlsx",
    description:
      "a shared string table in ISO-8859-1, as its XML declaration says (read as the same text)",
    expect: "workbook",
    build: async () =>
      stringsEncoded((xml) =>
        Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), "latin1")
      ),
  },
  {
    file: "strings-latin1-undeclared.xlsx",
    description: "a shared string table in Latin-1 whose declaration says UTF-8 (£ as the byte A3)",
    expect: "error",
    message:
      /The shared strings cannot be read: its text is not in UTF-8, the encoding its XML declares \(it may have been saved in another, such as Latin-1\)/,
    build: async () => stringsEncoded((xml) => Buffer.from(xml, "latin1")),
  },
  {
    file: "strings-unknown-encoding.xlsx",
    description: "a shared string table declaring an encoding no decoder knows",
    expect: "error",
    message:
      /it is written in the "x-dsg-unknown" encoding, which this checker cannot read \(Excel writes UTF-8\)/,
    build: async () =>
      stringsEncoded((xml) =>
        Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="x-dsg-unknown"'))
      ),
  },
  {
    file: "control-characters.xlsx",
    description:
      "a sheet named with an escape sequence (_x001B_[2J clears a terminal) and a bad row",
    expect: "error",
    // The escape character itself, which the XML wrote as _x001B_.
    message: new RegExp(`the sheet "${String.fromCharCode(0x1b)}\\[2J" cannot be read`),
    build: async () => oneSheet(`<row r="0"><c><v>1</v></c></row>`, "", "_x001B_[2J"),
  },
  {
    file: "other-kind.xlsx",
    description: "a budget monitoring workbook (not a DSG template)",
    expect: "workbook",
    build: () => writeXlsxBuffer(otherKindOfWorkbook().toWorkbook()),
  },
];

/** Writes every hostile file into `dir`; returns their paths with what reading each should give. */
export async function writeHostileFiles(
  dir: string,
  only?: (file: HostileFile) => boolean
): Promise<(HostileFile & { path: string })[]> {
  const chosen = HOSTILE_FILES.filter((file) => only?.(file) ?? true);
  return Promise.all(
    chosen.map(async (file) => {
      const path = join(dir, file.file);
      await writeFile(path, await file.build());
      return { ...file, path };
    })
  );
}
