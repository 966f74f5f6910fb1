/**
 * Lays out a DSG management plan in the real template's wording (real-template.md) from RealFigures in a
 * PlanStyle: Cover, Management plan introduction, narrative, Financial summary (7.1 Summary of end of
 * year positions; 7.2 Financial plan per funding block, with gross funding, deductions, "Total funding
 * available", transfers between blocks, expenditure lines, their total and the block's in-year result),
 * the children and young people EHCP tables (one sheet, or one per placement type), Governance and
 * Stakeholder engagement. Totals are formulas over typed inputs, so `toWorkbook()` caches their values as
 * Excel would. `RealCells` names every figure so faults and tests need no addresses.
 */
import { a1 } from "../../src/workbook/address";
import { type DraftRef, type SheetDraft, WorkbookDraft } from "../draft";
import { type PlanStyle, checkSheetName, yearText } from "./planStyle";
import {
  AGE_GROUP_COUNT,
  POST16_INDEX,
  REAL_BLOCKS,
  type RealBlock,
  type RealFigures,
  carriedForward,
  inYearDeficit,
  toThousands,
} from "./realFigures";

/** The template's block headings. */
export const REAL_BLOCK_NAMES: Readonly<Record<RealBlock, string>> = {
  schools: "Schools block",
  cssb: "Central school services block",
  earlyYears: "Early years block",
  highNeeds: "High needs block",
};

/** Placement headings inside the EHCP sheets: template v5's long texts, and shorter forms. */
export const PLACEMENT_HEADINGS: Readonly<
  Record<PlanStyle["placementHeadings"], readonly string[]>
> = {
  v5: [
    "Mainstream schools or academies placements",
    "Resourced provision or SEN Units placements",
    "Maintained special schools or special academies placements",
    "Non-maintained special schools or independent (NMSS or independent) placements",
    "Hospital schools or alternative provision (AP) placements",
    "Post 16 and further education (FE) placements",
    "Other placements or direct payments",
  ],
  short: [
    "Mainstream schools or academies",
    "Resourced provision or SEN units placements",
    "Maintained special schools or special academies",
    "NMSS or independent placements",
    "Hospital schools or AP placements",
    "Post-16 placements",
    "Other placements or direct payments",
  ],
};

export const PLACEMENT_TABS_SHORT = [
  "Mainstream",
  "Resourced provision",
  "Special schools",
  "NMSS or independent",
  "Hospital or AP",
  "Post 16 and FE",
  "Other placements",
];

export const AGE_ROWS = ["Under 5", "Age 5 to 10", "Age 11 to 15", "Age 16 to 19", "Age 20 to 25"];
export const AGE_TOTAL = "Total number by Age Group";
/** Primary needs as the template spells them. */
export const NEED_ROWS = [
  "Autistic Spectrum Disorder",
  "Hearing Impairment",
  "Moderate Learning Difficulty",
  "Multi- Sensory Impairment",
  "Physical Disability",
  "Profound & Multiple Learning Difficulty",
  "Social, Emotional and Mental Health",
  "Speech, Language and Communications needs",
  "Severe Learning Difficulty",
  "Specific Learning Difficulty",
  "Visual Impairment",
  "Other Difficulty/Disability",
  "SEN support but no specialist assessment of type of need",
];
export const NEED_TOTAL = "Total number of EHCPs by primary need";

/** One labelled row of figures: where its label sits and the columns of its years. */
export interface RowRef {
  readonly sheet: string;
  readonly row: number;
  readonly labelCol: number;
  readonly cols: readonly number[];
}

/** Where every figure of a built plan sits, by key ("eoy.carriedForward", "highNeeds.transfers", …). */
export class RealCells {
  readonly rows = new Map<string, RowRef>();

  set(key: string, ref: RowRef): void {
    if (this.rows.has(key)) throw new Error(`Row ${key} recorded twice`);
    this.rows.set(key, ref);
  }

  row(key: string): RowRef {
    const row = this.rows.get(key);
    if (!row) throw new Error(`The plan has no row ${key}`);
    return row;
  }

  /** The cell of row `key` in the column of year `i` (financial or census year, by the row). */
  at(key: string, i: number): DraftRef {
    const row = this.row(key);
    if (i < 0 || i >= row.cols.length) throw new Error(`Row ${key} has no year ${i}`);
    return { sheet: row.sheet, row: row.row, col: row.cols[i] };
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }
}

export interface BuiltRealPlan {
  readonly draft: WorkbookDraft;
  readonly cells: RealCells;
  readonly figures: RealFigures;
  readonly style: PlanStyle;
  /** The money the sheet shows, in whole £000 and deficits positive, per row key and year. */
  readonly shown: ReadonlyMap<string, readonly number[]>;
}

const ref = (row: number, col: number) => a1(row, col);
const DATE_FORMAT = "dd/mm/yyyy";

/** Excel's serial day number for an ISO date (1900 date system). */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** What the sheet shows for each block, in whole £000 (deficits positive), before any layout. */
interface ShownBlock {
  readonly gross: number[];
  readonly deduction: number[] | null;
  readonly transfers: number[];
  readonly lines: number[][];
}

const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function shownBlocks(figures: RealFigures, style: PlanStyle): Record<RealBlock, ShownBlock> {
  const out = {} as Record<RealBlock, ShownBlock>;
  for (const b of REAL_BLOCKS) {
    const block = figures.blocks[b];
    out[b] = {
      gross: block.gross.map(toThousands),
      deduction: block.deduction?.map(toThousands) ?? null,
      transfers: block.transfers.map(toThousands),
      lines: block.lines.map((l) => l.values.map(toThousands)),
    };
  }
  if (style.rounding === "published") {
    // The published in-year figure is the unrounded total rounded once; the council's rounding of the
    // lines is forced to add up to it on the largest high needs line (as councils do before publishing).
    for (let i = 0; i < figures.years; i++) {
      const target = toThousands(inYearDeficit(figures, i));
      const shown = total(REAL_BLOCKS.map((b) => shownResult(out[b], i)));
      const lines = out.highNeeds.lines;
      const largest = lines.reduce((best, l, k) => (l[i] > lines[best][i] ? k : best), 0);
      lines[largest][i] += target - shown;
    }
  }
  return out;
}

function shownResult(block: ShownBlock, i: number): number {
  return (
    total(block.lines.map((l) => l[i])) -
    (block.gross[i] - (block.deduction?.[i] ?? 0)) -
    block.transfers[i]
  );
}

/** Builds the whole plan. */
export function buildRealPlan(figures: RealFigures, style: PlanStyle): BuiltRealPlan {
  const draft = new WorkbookDraft();
  const cells = new RealCells();
  const shown = new Map<string, number[]>();
  const names = style.sheets;
  Object.values(names).forEach(checkSheetName);
  buildCover(draft.addSheet(names.cover), figures);
  if (style.extraSheets) buildContents(draft.addSheet("Contents"), style);
  buildIntroduction(draft.addSheet(names.introduction), style);
  buildNarrative(draft.addSheet(names.narrative));
  new FinancialSummary(draft.addSheet(names.financial), figures, style, cells, shown).build();
  buildEhcpSheets(draft, figures, style, cells);
  buildGovernance(draft.addSheet(names.governance), figures, style);
  buildStakeholders(draft.addSheet(names.stakeholders), figures);
  if (style.extraSheets) {
    buildVersionControl(draft.addSheet("Version control"), figures);
    buildLists(draft.addSheet("Lists"));
  }
  return { draft, cells, figures, style, shown };
}

function buildCover(sheet: SheetDraft, figures: RealFigures): void {
  sheet.set(1, 1, "Dedicated schools grant (DSG) management plan");
  sheet.merge(1, 1, 1, 4);
  const fields: [string, string | number, string?][] = [
    ["Local authority", figures.laName],
    ["LA number", figures.laCode],
    ["Template version", "Version 10 (March 2025)"],
    [
      "Plan period",
      `${yearText(figures.firstYear, "dash")} to ${yearText(figures.firstYear + figures.years - 1, "dash")}`,
    ],
    ["Date completed", excelDate(figures.signOff.date), DATE_FORMAT],
    ["Contact email", `dsg.plan@${figures.laName.toLowerCase().replace(/[^a-z]+/g, "")}.gov.uk`],
  ];
  fields.forEach(([label, value, format], i) => {
    sheet.set(3 + i, 1, label);
    sheet.set(3 + i, 2, value, format);
  });
}

/** A contents page: it repeats the tab names and the section titles, as text. */
function buildContents(sheet: SheetDraft, style: PlanStyle): void {
  sheet.set(0, 1, "Contents");
  const cyp = style.ehcpLayout === "per-placement" ? "Placement sheets" : style.sheets.cyp;
  const lines: [string, string][] = [
    [style.sheets.introduction, "Management plan introduction and definitions"],
    [style.sheets.narrative, "Summary: financial/children and young people narrative"],
    [style.sheets.financial, "7.1 Summary of end of year positions"],
    ["", "7.2 Financial plan per funding block"],
    [cyp, "Children and young people summary (data tables, graphs)"],
    [style.sheets.governance, "Governance and management (sign off and review, workstream log)"],
    [style.sheets.stakeholders, "Stakeholder engagement, co-production and consultation"],
  ];
  lines.forEach(([tab, what], i) => {
    if (tab !== "") sheet.set(2 + i, 1, tab);
    sheet.set(2 + i, 2, what);
  });
}

function buildVersionControl(sheet: SheetDraft, figures: RealFigures): void {
  sheet.set(0, 0, "Version control");
  ["Version", "Date", "Changes"].forEach((h, c) => sheet.set(2, c, h));
  const year = figures.firstYear + figures.actualYears;
  const versions: [number, string, string][] = [
    [1, `${year}-03-31`, "First draft for schools forum"],
    [2, `${year}-06-30`, "Outturn added; forecast updated for the January census"],
    [3, figures.signOff.date, "Signed off"],
  ];
  versions.forEach(([version, date, what], i) => {
    sheet.set(3 + i, 0, version);
    sheet.set(3 + i, 1, excelDate(date), DATE_FORMAT);
    sheet.set(3 + i, 2, what);
  });
}

/** The template's hidden drop-down lists: block names and year kinds as bare text. */
function buildLists(sheet: SheetDraft): void {
  sheet.visibility = "hidden";
  [
    ["Yes", "No"],
    ["Actual", "Forecast"],
    Object.values(REAL_BLOCK_NAMES),
    ["Blue", "Green", "Amber", "Red"],
  ].forEach((list, c) => list.forEach((item, r) => sheet.set(r, c, item)));
}

function buildIntroduction(sheet: SheetDraft, style: PlanStyle): void {
  sheet.set(0, 0, "Management plan introduction");
  [
    "This management plan template helps local authorities with a cumulative DSG deficit to plan how they will bring the DSG back into balance.",
    "Section 7.1 summarises the end of year positions; section 7.2 shows the financial plan per funding block: funding, deductions, transfers between blocks and expenditure.",
    style.sign === "deficit-negative"
      ? "Deficits are shown as negative figures in brackets; surpluses and contributions that reduce the deficit are positive."
      : "Deficits are shown as positive figures; Safety Valve payments and local contributions that reduce the deficit are negative.",
    `All money is shown in ${style.unit === "£000" ? "£000 (whole thousands)" : "£ millions to three decimal places"}.`,
    "Age is age in whole years on 31 August before the start of the school year, as in the SEN2 return.",
    "Children and young people figures are EHCPs at the January census (SEN2).",
  ].forEach((text, i) => sheet.set(2 + i, 0, text));
}

function buildNarrative(sheet: SheetDraft): void {
  sheet.set(0, 0, "Summary: financial/children and young people narrative");
  const parts: [string, string][] = [
    [
      "Financial plan narrative",
      "High needs spending has grown faster than the high needs block. The plan brings the in-year position back into balance through earlier support in mainstream schools and more local specialist places.",
    ],
    [
      "High needs trends",
      "The number of EHCPs has risen each year since 2019, with the fastest growth in social, emotional and mental health needs and in independent special school placements.",
    ],
    [
      "Outcomes",
      "More children and young people have their needs met in their local mainstream school, and more young people move into employment or further education at 19.",
    ],
  ];
  parts.forEach(([heading, text], i) => {
    sheet.set(2 + i * 3, 0, heading);
    sheet.set(3 + i * 3, 0, text);
  });
}

/** The sheet rows of one block's totals. */
interface BlockRows {
  readonly funding: number;
  readonly transfers: number;
  readonly expenditure: number;
  readonly inYear: number;
}

/** The Financial summary: 7.1 summary of end of year positions, then 7.2 financial plan per funding block. */
class FinancialSummary {
  private readonly L: number;
  private readonly cols: number[];
  private readonly blocks: Record<RealBlock, ShownBlock>;
  private row: number;
  /** The section and line number of the next row reference ("7.2.14"). */
  private refSection = "7.1";
  private refLine = 0;

  constructor(
    private readonly sheet: SheetDraft,
    private readonly figures: RealFigures,
    private readonly style: PlanStyle,
    private readonly cells: RealCells,
    private readonly shown: Map<string, number[]>
  ) {
    this.L = style.labelCol;
    const first = style.labelCol + (style.refColumn ? 2 : 1);
    this.cols = Array.from({ length: figures.years }, (_, i) => first + i);
    this.blocks = shownBlocks(figures, style);
    this.row = style.topRows;
  }

  private get flip(): boolean {
    return this.style.sign === "deficit-negative";
  }

  /** A figure in whole £000 as the sheet holds it (£000, or £m to three decimals). */
  private money(thousands: number): number {
    return (this.style.unit === "£m" ? thousands / 1000 : thousands) || 0;
  }

  private title(text: string): string {
    return this.style.unitMarker === "title" ? `${text} (${this.style.unitText})` : text;
  }

  private section(number: string, text: string): string {
    return this.title(this.style.sectionNumbers ? `${number} ${text}` : text);
  }

  build(): void {
    const { sheet, L, figures } = this;
    sheet.set(this.row, L, "Financial summary");
    sheet.merge(this.row, L, this.row, L + figures.years);
    sheet.set(this.row + 1, L, "Local authority");
    sheet.set(this.row + 1, L + 1, figures.laName);
    this.row += 3;
    if (this.style.unitMarker === "note") {
      sheet.set(this.row, L, `All figures are in ${this.style.unitText}`);
      this.row += 2;
    }
    sheet.set(this.row++, L, this.section("7.1", "Summary of end of year positions"));
    this.header("years.eoy", this.style.unitMarker === "header" ? this.style.unitText : "");
    const blockInYear = this.endOfYear();
    if (this.style.noteRows)
      sheet.set(
        this.row++,
        L,
        this.flip
          ? "Note: deficits are shown in brackets; Safety Valve payments and local contributions reduce the deficit."
          : "Note: Safety Valve payments and local contributions reduce the deficit, so they are shown as negative figures."
      );
    this.row++;
    this.refSection = "7.2";
    this.refLine = 0;
    sheet.set(this.row++, L, this.section("7.2", "Financial plan per funding block"));
    if (this.style.headers === "per-section")
      this.header("years.blocks", this.style.unitMarker === "header" ? this.style.unitText : "");
    const blockRows = REAL_BLOCKS.map((b) => this.block(b));
    const inYearRows = blockRows.map((b) => b.inYear);
    if (this.style.dsgTotal) this.dsgTotal(blockRows);
    if (this.style.noteRows)
      sheet.set(
        this.row++,
        L,
        "Note: transfers between blocks are shown as positive into a block and negative out of it."
      );
    // The 7.1 in-year row adds up the blocks (formulas style), once their rows are known.
    if (blockInYear !== null)
      this.cols.forEach((col) =>
        sheet.set(
          blockInYear,
          col,
          `=${inYearRows.map((r) => ref(r, col)).join("+")}`,
          this.style.moneyFormat
        )
      );
  }

  /** Year header rows at the current row; the label cell of the year row gets `label`. */
  private header(key: string, label: string): void {
    const { sheet, L, cols, figures, style } = this;
    const actual = figures.actualYears;
    const yearRow = style.yearHeader === "word-and-year" ? this.row : this.row + 1;
    if (style.yearHeader === "merged-kind") {
      sheet.set(this.row, cols[0], style.actualWord);
      if (actual > 1) sheet.merge(this.row, cols[0], this.row, cols[actual - 1]);
      sheet.set(this.row, cols[actual], style.forecastWord);
      if (cols.length - actual > 1)
        sheet.merge(this.row, cols[actual], this.row, cols[cols.length - 1]);
    } else if (style.yearHeader === "kind-per-column") {
      cols.forEach((col, i) =>
        sheet.set(this.row, col, i < actual ? style.actualWord : style.forecastWord)
      );
    }
    cols.forEach((col, i) => {
      const year = yearText(figures.firstYear + i, style.yearFormat);
      const word = i < actual ? style.actualWord : style.forecastWord;
      sheet.set(yearRow, col, style.yearHeader === "word-and-year" ? `${word} ${year}` : year);
    });
    if (label !== "") sheet.set(yearRow, L, label);
    if (style.refColumn) sheet.set(yearRow, L + 1, "Ref");
    if (style.commentary) sheet.set(yearRow, cols[cols.length - 1] + 1, "Commentary");
    this.cells.set(key, { sheet: sheet.name, row: yearRow, labelCol: L, cols });
    this.row = yearRow + 1;
  }

  /** Writes a labelled row; `value(i)` gives a typed figure in £000 (null for a nil), or a formula. */
  private line(
    key: string,
    label: string,
    value: (i: number) => number | string | null,
    nil = false
  ): number {
    const { sheet, L, cols, style } = this;
    const row = this.row++;
    sheet.set(row, L, label);
    if (style.refColumn) sheet.set(row, L + 1, `${this.refSection}.${++this.refLine}`);
    cols.forEach((col, i) => {
      const v = value(i);
      if (typeof v === "string") sheet.set(row, col, v, style.moneyFormat);
      else if (v === null || (nil && v === 0)) {
        if (style.nil === "zero") sheet.set(row, col, 0, style.moneyFormat);
        else if (style.nil === "dash") sheet.set(row, col, "-", style.moneyFormat);
      } else sheet.set(row, col, this.money(v), style.moneyFormat);
    });
    this.cells.set(key, { sheet: sheet.name, row, labelCol: L, cols });
    return row;
  }

  private record(key: string, values: readonly number[]): void {
    this.shown.set(key, [...values]);
  }

  /** Section 7.1; returns the in-year row when its formulas wait for the block rows. */
  private endOfYear(): number | null {
    const { figures, style, cols } = this;
    const words = style.endOfYear;
    const sign = (deficit: number) => (this.flip ? -deficit : deficit) || 0;
    const blocks = REAL_BLOCKS.map((b) => this.blocks[b]);
    const inYear = cols.map((_, i) => total(blocks.map((b) => shownResult(b, i))));
    const sv = (figures.safetyValve ?? cols.map(() => 0)).map(toThousands);
    const local = figures.localContribution.map(toThousands);
    const bf0 = toThousands(figures.broughtForward);
    const published = style.rounding === "published";
    const closing = published
      ? carriedForward(figures).map(toThousands)
      : cols.reduce<number[]>((out, _, i) => {
          out.push((i === 0 ? bf0 : out[i - 1]) + inYear[i] + sv[i] + local[i]);
          return out;
        }, []);
    const opening = cols.map((_, i) => (i === 0 ? bf0 : closing[i - 1]));
    this.record("eoy.broughtForward", opening);
    this.record("eoy.inYear", inYear);
    this.record("eoy.safetyValve", sv);
    this.record("eoy.localContribution", local);
    this.record("eoy.carriedForward", closing);

    const first = this.row;
    const withSv = figures.safetyValve !== null || style.safetyValveRow;
    const last = first + (withSv ? 4 : 3);
    this.line("eoy.broughtForward", words.broughtForward, (i) =>
      i === 0 ? sign(bf0) : `=${ref(last, cols[i - 1])}`
    );
    const inYearRow = this.line("eoy.inYear", words.inYear, (i) =>
      published ? sign(inYear[i]) : null
    );
    if (withSv) this.line("eoy.safetyValve", words.safetyValve, (i) => sign(sv[i]), true);
    this.line("eoy.localContribution", words.localContribution, (i) => sign(local[i]), true);
    this.line("eoy.carriedForward", words.carriedForward, (i) =>
      published ? sign(closing[i]) : `=SUM(${ref(first, cols[i])}:${ref(last - 1, cols[i])})`
    );
    if (style.commentary) {
      const note = cols[cols.length - 1] + 1;
      this.sheet.set(last, note, "Includes Safety Valve payments received and due");
    }
    return published ? null : inYearRow;
  }

  /** The "Total DSG" group: each row adds up the four blocks' rows. */
  private dsgTotal(blocks: readonly BlockRows[]): void {
    const words = this.style.block;
    if (this.style.headers === "per-block") this.header("years.block.dsg", "Total DSG");
    else this.sheet.set(this.row++, this.L, "Total DSG");
    const sum = (pick: (b: BlockRows) => number) => (i: number) =>
      `=${blocks.map((b) => ref(pick(b), this.cols[i])).join("+")}`;
    this.line(
      "dsg.totalFunding",
      words.totalFunding,
      sum((b) => b.funding)
    );
    this.line(
      "dsg.transfers",
      words.transfers,
      sum((b) => b.transfers)
    );
    this.line(
      "dsg.expenditure",
      words.totalExpenditure,
      sum((b) => b.expenditure)
    );
    this.line(
      "dsg.inYear",
      words.inYear,
      sum((b) => b.inYear)
    );
    this.row++;
  }

  /** One block of section 7.2; returns the rows its totals sit in. */
  private block(b: RealBlock): BlockRows {
    const { sheet, L, style, figures } = this;
    const shown = this.blocks[b];
    const words = style.block;
    const k = (name: string) => `${b}.${name}`;
    if (style.headers === "per-block") this.header(`years.block.${b}`, REAL_BLOCK_NAMES[b]);
    else sheet.set(this.row++, L, REAL_BLOCK_NAMES[b]);
    this.record(k("transfers"), shown.transfers);
    this.record(k("gross"), shown.gross);

    let fundingRow: number;
    if (style.funding === "deductions") {
      const grossRow = this.line(k("gross"), words.gross, (i) => shown.gross[i]);
      const deductions: number[] = [];
      if (shown.deduction) {
        const negative = style.deductionSign === "negative";
        const label = b === "schools" ? words.schoolsRecoupment : words.highNeedsDeduction;
        this.record(k("deduction"), shown.deduction);
        deductions.push(
          this.line(
            k("deduction"),
            label,
            (i) => (negative ? -shown.deduction![i] : shown.deduction![i]) || 0
          )
        );
      }
      fundingRow = this.line(k("totalFunding"), words.totalFunding, (i) => {
        const col = this.cols[i];
        if (deductions.length === 0) return `=${ref(grossRow, col)}`;
        return style.deductionSign === "negative"
          ? `=SUM(${ref(grossRow, col)}:${ref(deductions[deductions.length - 1], col)})`
          : `=${ref(grossRow, col)}-${deductions.map((d) => ref(d, col)).join("-")}`;
      });
    } else {
      fundingRow = this.line(
        k("totalFunding"),
        words.netFunding,
        (i) => shown.gross[i] - (shown.deduction?.[i] ?? 0)
      );
    }
    const transferRow = this.line(k("transfers"), words.transfers, (i) => shown.transfers[i], true);
    if (b === "schools" && style.percentRow) {
      // A percentage, typed as Excel holds it (0.0045 shows 0.45%), not money.
      const percentRow = this.row++;
      sheet.set(percentRow, L, "Transfer as % of schools block (before recoupment)");
      this.cols.forEach((col, i) =>
        sheet.set(
          percentRow,
          col,
          Math.round((-shown.transfers[i] / shown.gross[i]) * 10_000) / 10_000 || 0,
          "0.00%"
        )
      );
    }

    let spendRow: number;
    const block = figures.blocks[b];
    const withLines = b === "highNeeds" || style.lines === "all-blocks";
    if (withLines) {
      const firstLine = this.row;
      block.lines.forEach((line, l) => {
        const label = style.lineCodes && line.code ? `${line.code} ${line.label}` : line.label;
        this.record(k(`line.${l}`), shown.lines[l]);
        this.line(k(`line.${l}`), label, (i) => shown.lines[l][i]);
      });
      const lastLine = this.row - 1;
      spendRow = this.line(
        k("expenditure"),
        words.totalExpenditure,
        (i) => `=SUM(${ref(firstLine, this.cols[i])}:${ref(lastLine, this.cols[i])})`
      );
    } else {
      spendRow = this.line(k("expenditure"), words.totalExpenditure, (i) =>
        total(shown.lines.map((l) => l[i]))
      );
    }
    const inYear = this.line(k("inYear"), words.inYear, (i) => {
      const col = this.cols[i];
      const [e, f, t] = [ref(spendRow, col), ref(fundingRow, col), ref(transferRow, col)];
      if (this.flip)
        return style.inYearFormula === "sum" ? `=SUM(${f},${t})-${e}` : `=${f}+${t}-${e}`;
      return style.inYearFormula === "sum" ? `=${e}-SUM(${f},${t})` : `=${e}-(${f}+${t})`;
    });
    this.record(
      k("inYear"),
      this.cols.map((_, i) => shownResult(shown, i))
    );
    this.row++;
    return { funding: fundingRow, transfers: transferRow, expenditure: spendRow, inYear };
  }
}

/** The EHCP tables: one combined sheet, or one sheet per placement type. */
function buildEhcpSheets(
  draft: WorkbookDraft,
  figures: RealFigures,
  style: PlanStyle,
  cells: RealCells
): void {
  const headings = PLACEMENT_HEADINGS[style.placementHeadings];
  const census = Array.from({ length: figures.years }, (_, i) => figures.firstYear + 1 + i);
  const L = style.ehcpLabelCol;
  const cols = census.map((_, i) => L + 1 + i);
  const yearCell = (year: number): [number | string, string] => {
    if (style.censusHeader === "number") return [year, "0"];
    if (style.censusHeader === "jan-short")
      return [`Jan-${String(year % 100).padStart(2, "0")}`, "General"];
    if (style.censusHeader === "academic") return [yearText(year - 1, "slash"), "General"];
    return [`${style.censusHeader === "january" ? "January" : "Jan"} ${year}`, "General"];
  };
  const needRows = style.needLabels === "codes" ? NEED_CODES : NEED_ROWS;
  const [ageTotal, needTotal] =
    style.totalLabels === "bare" ? ["Total", "Total"] : [AGE_TOTAL, NEED_TOTAL];

  /** The tables of placement `p`, or of all placements (`p` "all", counts added up, no heading). */
  const tables = (sheet: SheetDraft, p: number | "all", start: number): number => {
    let row = start;
    const counts = p === "all" ? allPlacements(figures) : figures.ehcps[p];
    const header = (title: string) => {
      sheet.set(row, L, title);
      census.forEach((year, i) => {
        const [value, format] = yearCell(year);
        sheet.set(row, cols[i], value, format);
      });
      cells.set(`ehcp.${p}.header.${title === NEED_TABLE ? "need" : "age"}`, {
        sheet: sheet.name,
        row,
        labelCol: L,
        cols,
      });
      row++;
    };
    const countRow = (key: string, label: string, values: readonly number[]) => {
      sheet.set(row, L, label);
      values.forEach((v, i) => sheet.set(row, cols[i], v, style.countFormat));
      cells.set(key, { sheet: sheet.name, row, labelCol: L, cols });
      row++;
    };
    const totalRow = (key: string, label: string, first: number) => {
      sheet.set(row, L, label);
      cols.forEach((col) =>
        sheet.set(row, col, `=SUM(${ref(first, col)}:${ref(row - 1, col)})`, style.countFormat)
      );
      cells.set(key, { sheet: sheet.name, row, labelCol: L, cols });
      row++;
    };
    if (p !== "all") sheet.set(row++, L, headings[p]);
    row++;
    header(AGE_TABLE);
    const firstAge = row;
    for (let a = p === POST16_INDEX ? 3 : 0; a < AGE_GROUP_COUNT; a++)
      countRow(`ehcp.${p}.age.${a}`, AGE_ROWS[a], counts.byAge[a]);
    totalRow(`ehcp.${p}.ageTotal`, ageTotal, firstAge);
    row++;
    header(NEED_TABLE);
    const firstNeed = row;
    needRows.forEach((need, n) => countRow(`ehcp.${p}.need.${n}`, need, counts.byNeed[n]));
    totalRow(`ehcp.${p}.needTotal`, needTotal, firstNeed);
    return row + 2;
  };

  if (style.ehcpLayout === "la-wide") {
    const sheet = draft.addSheet(style.sheets.cyp);
    sheet.set(0, L, "Children and young people summary");
    sheet.set(1, L, "Number of EHCPs at the January census (SEN2), all placements");
    tables(sheet, "all", 2);
  } else if (style.ehcpLayout === "combined") {
    const sheet = draft.addSheet(style.sheets.cyp);
    sheet.set(0, L, "Children and young people summary");
    sheet.set(1, L, "Number of EHCPs at the January census (SEN2), by placement type");
    let row = 3;
    headings.forEach((_, p) => (row = tables(sheet, p, row)));
  } else {
    const tabs =
      style.placementTabs === "short"
        ? PLACEMENT_TABS_SHORT
        : PLACEMENT_HEADINGS.v5.map((h) => h.slice(0, 31).replace(/[\s(]+$/, ""));
    headings.forEach((_, p) => tables(draft.addSheet(checkSheetName(tabs[p])), p, 0));
  }
}

/** The counts of all placements added up, age group by age group and need by need. */
function allPlacements(figures: RealFigures): RealFigures["ehcps"][number] {
  const add = (rows: (placement: RealFigures["ehcps"][number]) => readonly (readonly number[])[]) =>
    rows(figures.ehcps[0]).map((_, k) =>
      Array.from({ length: figures.years }, (_, j) =>
        figures.ehcps.reduce((sum, placement) => sum + rows(placement)[k][j], 0)
      )
    );
  return { byAge: add((p) => p.byAge), byNeed: add((p) => p.byNeed) };
}

/** Primary needs as SEN2 codes, in the template's order; NSA for SEN support with no specialist assessment. */
export const NEED_CODES = [
  "ASD",
  "HI",
  "MLD",
  "MSI",
  "PD",
  "PMLD",
  "SEMH",
  "SLCN",
  "SLD",
  "SpLD",
  "VI",
  "OTH",
  "NSA",
];

export const AGE_TABLE = "Number of EHCPs by age group";
export const NEED_TABLE = "Number of EHCPs by primary need";

function buildGovernance(sheet: SheetDraft, figures: RealFigures, style: PlanStyle): void {
  sheet.set(0, 0, "Governance and management");
  sheet.set(2, 0, "Sign off and review");
  const { name, role, date, forum } = figures.signOff;
  const fields: [string, string | number, string?][] =
    style.signOff === "name-role-date"
      ? [
          ["Name", name],
          ["Role", role],
          ["Date", excelDate(date), DATE_FORMAT],
          ["Schools forum date", excelDate(forum), DATE_FORMAT],
        ]
      : [
          ["Signed off by", name],
          ["Job title", role],
          ["Date of sign-off", excelDate(date), DATE_FORMAT],
          ["Date presented to schools forum", excelDate(forum), DATE_FORMAT],
        ];
  fields.forEach(([label, value, format], i) => {
    sheet.set(3 + i, 0, label);
    sheet.set(3 + i, 1, value, format);
  });
  const log = 4 + fields.length;
  sheet.set(log, 0, "Workstream log");
  ["Workstream", "Lead officer", "Status", "Next review"].forEach((h, c) =>
    sheet.set(log + 1, c, h)
  );
  [
    ["Inclusion in mainstream schools", "Head of SEND", "On track"],
    ["Local specialist places", "Head of Commissioning", "On track"],
    ["Preparing for adulthood", "Head of 14-25 services", "Some delay"],
  ].forEach(([workstream, lead, status], i) => {
    sheet.set(log + 2 + i, 0, workstream);
    sheet.set(log + 2 + i, 1, lead);
    sheet.set(log + 2 + i, 2, status);
    sheet.set(log + 2 + i, 3, excelDate(figures.signOff.date) + 90, DATE_FORMAT);
  });
}

function buildStakeholders(sheet: SheetDraft, figures: RealFigures): void {
  sheet.set(0, 0, "Stakeholder engagement, co-production and consultation");
  ["Date", "Stakeholder group", "Engagement"].forEach((h, c) => sheet.set(2, c, h));
  const year = figures.firstYear + figures.actualYears;
  [
    [`${year}-05-14`, "Schools forum", "Plan and block transfer proposal presented"],
    [`${year}-06-03`, "Parent carer forum", "Co-production workshop on local specialist places"],
    [`${year}-06-20`, "Elected members", "Briefing on the high needs deficit"],
  ].forEach(([date, group, what], i) => {
    sheet.set(3 + i, 0, excelDate(date), DATE_FORMAT);
    sheet.set(3 + i, 1, group);
    sheet.set(3 + i, 2, what);
  });
}
