/**
 * A generated workbook of the real template's size (the DfE template is a 10.5 MB .xlsm of many sheets):
 * the full-size plan's eight sheets and six large working sheets of the kinds councils keep beside it
 * (pupil-level data, place funding, top-up rates, school budgets, EHCP caseload, workings), 14 sheets and
 * about 600,000 cells in all: labels and names as shared strings, figures with pence, formulas (plain and
 * shared, as Excel saves filled columns), accounting number formats and styled empty cells, merged
 * headings. Written as XML with zlib (tests/hostile/rawXlsx.ts), since writing it cell by cell with a
 * spreadsheet library takes minutes.
 */
import { a1, columnLetters } from "../src/workbook/address";
import { isCellError, type Sheet, type Workbook } from "../src/workbook/workbook";
import { rawXlsx, type RawSheet, xmlText } from "../test/hostile/rawXlsx";
import { fullSizePlan } from "../examples/examples";

const ACCOUNTING = '_-£* #,##0.00_-;\\-£* #,##0.00_-;_-£* "-"??_-;_-@_-';
const FORMATS = [ACCOUNTING, "#,##0.000", "0.0%", "dd/mm/yyyy", "#,##0", "0.00"];

/** Deterministic pseudo-random numbers (mulberry32), so every run times the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Strings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
  xml(): string {
    const items = this.list.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`);
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  }
}

class Styles {
  readonly formats: string[] = [];
  id(format: string): number {
    if (format === "General") return 0;
    let i = this.formats.indexOf(format);
    if (i < 0) i = this.formats.push(format) - 1;
    return i + 1;
  }
}

const WORKSHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>';

/** One snapshot sheet as worksheet XML (values, formulas, number formats, merges). */
function snapshotSheetXml(sheet: Sheet, strings: Strings, styles: Styles): string {
  const rows: string[] = [];
  sheet.values.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      const formula = sheet.formulas[r][c];
      const style = styles.id(sheet.numberFormats[r][c]);
      if (value === null && formula === null && style === 0) return;
      const ref = a1(sheet.top + r, sheet.left + c);
      const s = style ? ` s="${style}"` : "";
      const f = formula ? `<f>${xmlText(formula.slice(1))}</f>` : "";
      if (value === null) cells.push(`<c r="${ref}"${s}>${f}</c>`);
      else if (typeof value === "number") cells.push(`<c r="${ref}"${s}>${f}<v>${value}</v></c>`);
      else if (typeof value === "boolean")
        cells.push(`<c r="${ref}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`);
      else if (isCellError(value))
        cells.push(`<c r="${ref}"${s} t="e">${f}<v>${value.error}</v></c>`);
      else if (formula) cells.push(`<c r="${ref}"${s} t="str">${f}<v>${xmlText(value)}</v></c>`);
      else cells.push(`<c r="${ref}"${s} t="s"><v>${strings.id(value)}</v></c>`);
    });
    if (cells.length) rows.push(`<row r="${sheet.top + r + 1}">${cells.join("")}</row>`);
  });
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join("")}</mergeCells>`
    : "";
  return `${WORKSHEET_HEAD}${rows.join("")}</sheetData>${merges}</worksheet>`;
}

interface WorkingSheet {
  readonly name: string;
  readonly rows: number;
  /** Columns of figures after the two label columns. */
  readonly figures: number;
  /** Styled empty cells at the end of each row (formatted but never filled in). */
  readonly styledEmpty: number;
}

const WORKING_SHEETS: readonly WorkingSheet[] = [
  { name: "Pupil data", rows: 20_000, figures: 9, styledEmpty: 2 },
  { name: "Place funding", rows: 7_000, figures: 12, styledEmpty: 2 },
  { name: "Top-up rates", rows: 4_000, figures: 9, styledEmpty: 2 },
  { name: "School budgets", rows: 3_500, figures: 12, styledEmpty: 2 },
  { name: "EHCP caseload", rows: 2_500, figures: 12, styledEmpty: 2 },
  { name: "Workings", rows: 1_500, figures: 8, styledEmpty: 2 },
];

const PLACEMENTS = [
  "Mainstream",
  "Resourced provision",
  "Maintained special",
  "Academy special",
  "Independent special",
  "Alternative provision",
  "Post-16 further education",
];

/** A large working sheet: a heading row, then one row per record with figures and formulas. */
function workingSheetXml(
  sheet: WorkingSheet,
  seed: number,
  strings: Strings,
  styles: Styles
): { xml: string; cells: number } {
  const next = random(seed);
  const money = styles.id(ACCOUNTING);
  const three = styles.id("#,##0.000");
  const percent = styles.id("0.0%");
  const date = styles.id("dd/mm/yyyy");
  const width = 2 + sheet.figures + 2 + sheet.styledEmpty;
  const heading = Array.from({ length: width }, (_, c) => {
    const ref = `${columnLetters(c)}1`;
    return `<c r="${ref}" t="s"><v>${strings.id(`${sheet.name} column ${c + 1}`)}</v></c>`;
  }).join("");
  const rows = [`<row r="1">${heading}</row>`];
  let cells = width;
  const total = columnLetters(2 + sheet.figures);
  const share = columnLetters(3 + sheet.figures);
  for (let r = 2; r <= sheet.rows + 1; r++) {
    const parts: string[] = [];
    parts.push(
      `<c r="A${r}" t="s"><v>${strings.id(`${sheet.name.slice(0, 3).toUpperCase()}${String(r * 7919).padStart(8, "0")}`)}</v></c>`
    );
    parts.push(`<c r="B${r}" t="s"><v>${strings.id(PLACEMENTS[r % PLACEMENTS.length])}</v></c>`);
    let sum = 0;
    for (let f = 0; f < sheet.figures; f++) {
      const col = columnLetters(2 + f);
      if (f === 0) {
        parts.push(`<c r="${col}${r}" s="${date}"><v>${45000 + Math.floor(next() * 1500)}</v></c>`);
        continue;
      }
      const value = Math.round(next() * 2_500_000) / 100;
      sum += value;
      // Every third figure is worked out from the ones before it, each row its own formula.
      const formula =
        f % 3 === 2
          ? `<f>ROUND(${columnLetters(f)}${r}*(1+VLOOKUP($B${r},Lookups!$A$1:$C$6,2,FALSE))/100,2)</f>`
          : "";
      parts.push(
        `<c r="${col}${r}" s="${f % 3 === 0 ? three : money}">${formula}<v>${value}</v></c>`
      );
    }
    const first = columnLetters(3);
    const last = columnLetters(1 + sheet.figures);
    // A filled column is saved as one shared formula: its text on the first row, a reference after.
    const totalFormula =
      r === 2
        ? `<f t="shared" ref="${total}2:${total}${sheet.rows + 1}" si="0">SUM(${first}2:${last}2)</f>`
        : `<f t="shared" si="0"/>`;
    parts.push(
      `<c r="${total}${r}" s="${money}">${totalFormula}<v>${Math.round(sum * 100) / 100}</v></c>`
    );
    parts.push(
      `<c r="${share}${r}" s="${percent}"><f>IF(${total}$1=0,0,${total}${r}/SUM(${total}$2:${total}$${sheet.rows + 1}))</f><v>${next() / 1000}</v></c>`
    );
    for (let e = 0; e < sheet.styledEmpty; e++)
      parts.push(`<c r="${columnLetters(4 + sheet.figures + e)}${r}" s="${money}"/>`);
    cells += parts.length;
    rows.push(`<row r="${r}">${parts.join("")}</row>`);
  }
  const merges = `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`;
  return { xml: `${WORKSHEET_HEAD}${rows.join("")}</sheetData>${merges}</worksheet>`, cells };
}

/**
 * The workbook's bytes, with its sheet and cell counts. `scale` (0 to 1) keeps that share of each working
 * sheet's rows (at least one record each), for workbooks of the same layout from a few thousand cells up.
 */
export function templateLikeWorkbook(scale = 1): { bytes: Buffer; sheets: number; cells: number } {
  const strings = new Strings();
  const styles = new Styles();
  for (const format of FORMATS) styles.id(format);
  const plan: Workbook = fullSizePlan();
  let cells = 0;
  const sheets: RawSheet[] = plan.sheets.map((sheet) => {
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null || sheet.formulas[r][c] !== null || sheet.numberFormats[r][c] !== "General")
          cells++;
      })
    );
    return {
      name: sheet.name,
      state: sheet.visibility === "visible" ? undefined : sheet.visibility,
      xml: snapshotSheetXml(sheet, strings, styles),
    };
  });
  WORKING_SHEETS.forEach((full, i) => {
    const working = { ...full, rows: Math.max(1, Math.round(full.rows * scale)) };
    const { xml, cells: count } = workingSheetXml(working, i + 1, strings, styles);
    cells += count;
    sheets.push({ name: working.name, xml });
  });
  const styleXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="${styles.formats.length}">${styles.formats.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`).join("")}</numFmts>` +
    `<cellXfs count="${styles.formats.length + 1}"><xf numFmtId="0"/>${styles.formats.map((_, i) => `<xf numFmtId="${164 + i}" applyNumberFormat="1"/>`).join("")}</cellXfs></styleSheet>`;
  // The template's macros and charts: parts the reader never opens, but they are most of its 10.5 MB.
  const noise = random(99);
  const opaque = (size: number) =>
    Uint8Array.from({ length: size }, () => Math.floor(noise() * 256));
  const bytes = rawXlsx({
    sheets,
    sharedStrings: strings.xml(),
    styles: styleXml,
    extra: [
      { name: "xl/vbaProject.bin", content: opaque(2_500_000), store: true },
      { name: "xl/media/image1.png", content: opaque(1_500_000), store: true },
    ],
  });
  return { bytes, sheets: sheets.length, cells };
}
