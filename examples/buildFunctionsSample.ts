/**
 * Writes examples/dsg-functions-sample.xlsx: Wiltshire's August 2024 forecast with every DSG function
 * used on it (`npx tsx examples/buildFunctionsSample.ts`). Formulas that spill are saved as array
 * formulas over the cells they fill, each cell with its cached answer, so the file shows the values
 * even where the add-in is not installed. Fixed document dates keep rebuilds free of noise.
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
  // over all of them when the answer spills.
  for (const array of arrays) {
    const { top, left, bottom, right } = array.range;
    const master = worksheet.getCell(top + 1, left + 1);
    const formula = { formula: array.formula.replace(/^=/, ""), result: sheet.values[top][left] };
    const spills = bottom > top || right > left;
    master.value = (
      spills ? { ...formula, shareType: "array", ref: arrayAddress(array) } : formula
    ) as ExcelJS.CellFormulaValue;
  }
  worksheet.getColumn(1).width = 72;
  for (let c = 2; c <= 8; c++) worksheet.getColumn(c).width = 13;
  worksheet.getRow(1).font = { bold: true, size: 14 };
  return withFixedZipDates(Buffer.from(await book.xlsx.writeBuffer()));
}

/** exceljs stamps each part of the zip with the time of writing; a fixed stamp makes rebuilds byte-identical. */
async function withFixedZipDates(xlsx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  zip.forEach((_, entry) => {
    entry.date = FIXED_DATE;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
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
