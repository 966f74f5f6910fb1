/**
 * Writes examples/dsg-functions-sample.xlsx: Wiltshire's August 2024 forecast with every DSG function
 * used on it (`npm run examples:functions`). Every formula is saved as Excel 365 saves a dynamic-array
 * formula, so Excel shows the spilling ones as spills, not as legacy `{=…}` array blocks: the formula in
 * its top-left cell as `<f t="array" ref="B12:G12">`, the cell marked `cm="1"`, pointing at the XLDAPR
 * (dynamic array properties) entry of xl/metadata.xml, and every cell it fills with its cached answer, so
 * the file shows the values even where the add-in is not installed. Formulas that do not spill are saved
 * the same way over their one cell: saved as plain formulas, Excel 365 would read them as legacy ones and
 * show `=@DSG.HNSG(D12)` (implicit intersection) for a function that may return an array. Excel without
 * dynamic arrays (2019 and earlier) shows every one as a `{=…}` array formula, as it does any workbook with
 * spills. Fixed document dates keep rebuilds free of noise.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { arrayAddress, functionsSample } from "../src/functions/sampleWorkbook";
import { isCellError } from "../src/workbook/workbook";

const OUTPUT = join(__dirname, "dsg-functions-sample.xlsx");
const FIXED_DATE = new Date(Date.UTC(2024, 8, 30));

/** The sample as .xlsx bytes. */
export async function functionsSampleXlsx(): Promise<Buffer> {
  const { workbook, arrays } = functionsSample();
  const [sheet] = workbook.sheets;
  const book = new ExcelJS.Workbook();
  book.creator = "dsg-addin examples";
  book.created = FIXED_DATE;
  book.modified = FIXED_DATE;
  const worksheet = book.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || isCellError(value)) return;
      const cell = worksheet.getCell(r + 1, c + 1);
      cell.value = value;
      if (sheet.numberFormats[r][c] !== "General") cell.numFmt = sheet.numberFormats[r][c];
    })
  );
  // The answer cells already hold their values; the top-left one becomes the formula, an array formula
  // over all of them (over itself when the answer is one value), marked dynamic below.
  for (const array of arrays) {
    const { top, left } = array.range;
    worksheet.getCell(top + 1, left + 1).value = {
      formula: array.formula.replace(/^=/, ""),
      result: sheet.values[top][left],
      shareType: "array",
      ref: arrayAddress(array),
    } as ExcelJS.CellFormulaValue;
  }
  worksheet.getColumn(1).width = 72;
  for (let c = 2; c <= 8; c++) worksheet.getColumn(c).width = 13;
  worksheet.getRow(1).font = { bold: true, size: 14 };
  const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  await markDynamicArrays(zip);
  // exceljs stamps each part of the zip with the time of writing; a fixed stamp makes rebuilds byte-identical.
  zip.forEach((_, entry) => {
    entry.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const DYNAMIC_ARRAY_NS = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";
/** The extension Excel files the dynamic array properties under (MS-XLSX, dynamicArrayProperties). */
const DYNAMIC_ARRAY_EXT = "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}";
const SHEET_METADATA_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";
const SHEET_METADATA_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";

/**
 * xl/metadata.xml as Excel 365 writes it for a workbook with dynamic arrays: one metadata type, XLDAPR, one
 * future-metadata block saying "dynamic, not collapsed", and one cell-metadata record pointing at it. A
 * formula cell's `cm="1"` is that record (cm counts from 1; the record's t="1" is the first metadata type,
 * v="0" the first block). Byte for byte the part Excel saved in test/fixtures/excel-dynamic-array/.
 */
export const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<metadata xmlns="${MAIN_NS}" xmlns:xda="${DYNAMIC_ARRAY_NS}">` +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" ' +
  'pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" ' +
  'coerce="1" cellMeta="1"/></metadataTypes>' +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="${DYNAMIC_ARRAY_EXT}">` +
  '<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>' +
  "</metadata>";

/** Replaces one part's text, failing loudly when exceljs has changed what it writes. */
async function rewrite(zip: JSZip, name: string, change: (xml: string) => string): Promise<void> {
  const part = zip.file(name);
  if (!part) throw new Error(`${name} is missing from the workbook exceljs wrote`);
  const before = await part.async("string");
  const after = change(before);
  if (after === before)
    throw new Error(`${name} did not change: has exceljs changed what it writes?`);
  zip.file(name, after);
}

/** Marks every array formula of the sheet as a dynamic array and adds the metadata part they point at. */
async function markDynamicArrays(zip: JSZip): Promise<void> {
  await rewrite(zip, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(/<c (r="[A-Z]+\d+"[^>]*)><f t="array"/g, '<c $1 cm="1"><f t="array"')
  );
  zip.file("xl/metadata.xml", DYNAMIC_ARRAY_METADATA);
  await rewrite(zip, "[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      `<Override PartName="/xl/metadata.xml" ContentType="${SHEET_METADATA_TYPE}"/></Types>`
    )
  );
  await rewrite(zip, "xl/_rels/workbook.xml.rels", (xml) => {
    const ids = [...xml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const id = `rId${Math.max(0, ...ids) + 1}`;
    return xml.replace(
      "</Relationships>",
      `<Relationship Id="${id}" Type="${SHEET_METADATA_REL}" Target="metadata.xml"/></Relationships>`
    );
  });
}

async function main(): Promise<void> {
  await writeFile(OUTPUT, await functionsSampleXlsx());
  console.log(`Wrote ${OUTPUT}`);
}

// Run as a script (npx tsx examples/buildFunctionsSample.ts), not when a test imports the builder.
if (process.argv[1]?.endsWith("buildFunctionsSample.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
