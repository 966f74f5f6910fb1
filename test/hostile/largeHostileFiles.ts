/**
 * Hostile workbooks that unzip to hundreds of megabytes or gigabytes but are a few MB on disk, written at
 * test time by repeating one compressed block (./rawXlsx.ts). The hostile-file tests and `npm run bench`
 * both use them; each says what dsg-validate must answer and how quickly.
 */
import { rawXlsx, sharedStringsXml, stylesXml, worksheetXml } from "./rawXlsx";

const MB = 1024 * 1024;
const HEAD = worksheetXml("").replace("</sheetData></worksheet>", "");
const TAIL = "</sheetData></worksheet>";

/** A plain cover sheet, so each file is otherwise a workbook. */
const COVER = { name: "Cover", xml: worksheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) };
const STRINGS = sharedStringsXml(["DSG deficit management plan"]);
const STYLES = stylesXml(['_-£* #,##0.00_-;\\-£* #,##0.00_-;_-£* "-"??_-;_-@_-']);

/** Rows written without row numbers (each follows the one before), `cells` cells of `cell` XML each. */
function rowsBlock(cell: string, cells: number, rows: number): string {
  return `<row>${cell.repeat(cells)}</row>`.repeat(rows);
}

export interface LargeHostileFile {
  readonly file: string;
  readonly description: string;
  /** What the reader must say (on stderr for dsg-validate, exit status 2). */
  readonly message: RegExp;
  readonly build: () => Buffer;
}

/** A sheet that inflates to 3 GB (the classic "zip bomb"): refused from its declared size, before inflating. */
export const ZIP_BOMB: LargeHostileFile = {
  file: "zip-bomb-3gb.xlsx",
  description: "a sheet that unzips to 3 GB (3 MB on disk)",
  message: /unzips to 3,000 MB, more than the 200 MB a part of a workbook to check may hold/,
  build: () => {
    const block = rowsBlock(`<c s="1"/>`, 100, 1000); // 1 MB of styled empty cells
    const times = Math.ceil((3000 * MB) / block.length);
    return rawXlsx({
      sheets: [
        COVER,
        { name: "Financial summary", xml: { head: HEAD, repeat: block, times, tail: TAIL } },
      ],
      sharedStrings: STRINGS,
      styles: STYLES,
    });
  },
};

/** The same bomb with its directory entry saying 1 MB: inflating stops at the first byte past it. */
export const LYING_ZIP_BOMB: LargeHostileFile = {
  file: "zip-bomb-lying.xlsx",
  description: "a sheet that unzips to 3 GB while its directory entry says 1 MB",
  message:
    /The file is damaged or incomplete .*unzips to more than the 1,048,576 bytes its entry in the file's list of contents says/,
  build: () => {
    const block = rowsBlock(`<c s="1"/>`, 100, 1000);
    const times = Math.ceil((3000 * MB) / block.length);
    return rawXlsx({
      sheets: [
        COVER,
        { name: "Financial summary", xml: { head: HEAD, repeat: block, times, tail: TAIL } },
      ],
      sharedStrings: STRINGS,
      styles: STYLES,
      override: (entry) =>
        entry.name === "xl/worksheets/sheet2.xml"
          ? { ...entry, declaredSize: MB, declaredCrc: 0 }
          : entry,
    });
  },
};

/** 290 MB of styled empty cells (formatted, never filled in): refused from its declared size. */
export const STYLED_EMPTY: LargeHostileFile = {
  file: "styled-empty-290mb.xlsx",
  description: "a 290 MB sheet of styled empty cells",
  message: /unzips to 290 MB, more than the 200 MB/,
  build: () => {
    const block = rowsBlock(`<c s="1"/>`, 100, 1000);
    const times = Math.round((290 * MB) / block.length);
    return rawXlsx({
      sheets: [
        COVER,
        { name: "Financial summary", xml: { head: HEAD, repeat: block, times, tail: TAIL } },
      ],
      sharedStrings: STRINGS,
      styles: STYLES,
    });
  },
};

/** 40 sheet entries on one part of 4.9 million cells: refused before reading, as Excel never writes it. */
export const FORTY_SHEETS_ONE_PART: LargeHostileFile = {
  file: "forty-sheets-one-part.xlsx",
  description: "40 sheets whose entries all point at one part of 4.9 million cells",
  message:
    /The file is damaged: 40 of its sheets \("Sheet 1", "Sheet 2", …\) are all stored in the same part \(xl\/worksheets\/big\.xml\), which Excel never does/,
  build: () => {
    const block = rowsBlock(`<c><v>1</v></c>`, 70, 1000); // 70,000 cells
    const sheets = Array.from({ length: 40 }, (_, i) => ({
      name: `Sheet ${i + 1}`,
      part: "xl/worksheets/big.xml",
      xml: i === 0 ? { head: HEAD, repeat: block, times: 70, tail: TAIL } : undefined,
    }));
    return rawXlsx({ sheets, sharedStrings: STRINGS, styles: STYLES });
  },
};

/**
 * Within every per-part limit, but more than a file's memory: eight sheets of two cells each whose used
 * ranges (A1 to E980000) are 4.9 million cells apiece, so the grids would take about 1 GB.
 */
export const MEMORY_HUNGRY: LargeHostileFile = {
  file: "memory-hungry.xlsx",
  description: "eight sheets whose used ranges are 4.9 million cells each (grids of about 1 GB)",
  message: /needs more than \d[\d,]* MB of memory to check/,
  build: () =>
    rawXlsx({
      sheets: [
        COVER,
        ...Array.from({ length: 8 }, (_, i) => ({
          name: `Pupil data ${i + 1}`,
          xml: worksheetXml(
            `<row r="1"><c r="A1"><v>1</v></c></row><row r="980000"><c r="E980000"><v>2</v></c></row>`
          ),
        })),
      ],
      sharedStrings: STRINGS,
      styles: STYLES,
    }),
};

export const LARGE_HOSTILE_FILES: readonly LargeHostileFile[] = [
  ZIP_BOMB,
  LYING_ZIP_BOMB,
  STYLED_EMPTY,
  FORTY_SHEETS_ONE_PART,
  MEMORY_HUNGRY,
];
