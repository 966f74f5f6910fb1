/**
 * The stand-in host's own copy of a worksheet: sparse rows of cells that the Office.js stand-ins read and
 * write. Excel keeps cells, not a dense snapshot, so this is the shape writes and used-range queries need;
 * `toSheet()` turns it back into the Workbook snapshot the workbench grid and the validator read.
 */
import type { CellRange, CellValue, Sheet, SheetVisibility } from "../../workbook/workbook";
import type { HostChart } from "./chartProxies";

export interface HostCell {
  readonly value: CellValue;
  readonly formula: string | null;
  readonly format: string;
}

const GENERAL = "General";

export class HostSheet {
  /** Sparse: `rows[r]?.[c]` is undefined for a cell never written. */
  private readonly rows: (HostCell | undefined)[][] = [];
  private usedCache = new Map<boolean, CellRange | null>();
  /** Charts on the sheet (the snapshot has none: they go with the sheet). */
  readonly charts: HostChart[] = [];

  constructor(
    public name: string,
    public visibility: SheetVisibility = "visible",
    public merges: CellRange[] = []
  ) {}

  static fromSheet(sheet: Sheet): HostSheet {
    const host = new HostSheet(sheet.name, sheet.visibility, [...sheet.merges]);
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const formula = sheet.formulas[r]?.[c] ?? null;
        const format = sheet.numberFormats[r]?.[c] ?? GENERAL;
        if (value !== null || formula !== null || format !== GENERAL)
          host.setCell(sheet.top + r, sheet.left + c, { value, formula, format });
      })
    );
    return host;
  }

  cell(row: number, col: number): HostCell | undefined {
    return this.rows[row]?.[col];
  }

  setCell(row: number, col: number, cell: HostCell): void {
    (this.rows[row] ??= [])[col] = cell;
    this.usedCache.clear();
  }

  /**
   * The smallest rectangle holding every cell with a value or formula (`valuesOnly`), or also every
   * formatted cell and merge (as Excel's `getUsedRange(false)`); `null` on a blank sheet.
   */
  usedArea(valuesOnly: boolean): CellRange | null {
    if (!this.usedCache.has(valuesOnly))
      this.usedCache.set(valuesOnly, this.computeUsedArea(valuesOnly));
    return this.usedCache.get(valuesOnly) ?? null;
  }

  private computeUsedArea(valuesOnly: boolean): CellRange | null {
    let area: CellRange | null = null;
    const include = (r: CellRange) => {
      area =
        area === null
          ? r
          : {
              top: Math.min(area.top, r.top),
              left: Math.min(area.left, r.left),
              bottom: Math.max(area.bottom, r.bottom),
              right: Math.max(area.right, r.right),
            };
    };
    this.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (
          cell !== undefined &&
          (cell.value !== null || cell.formula !== null || (!valuesOnly && cell.format !== GENERAL))
        )
          include({ top: r, left: c, bottom: r, right: c });
      })
    );
    if (!valuesOnly) this.merges.forEach(include);
    return area;
  }

  /** The Workbook snapshot of this sheet: dense grids over its used range (formatting included). */
  toSheet(): Sheet {
    const area = this.usedArea(false);
    const grid = <T>(pick: (cell: HostCell | undefined) => T): T[][] =>
      area === null ? [] : rowsOf(area).map((r) => colsOf(area).map((c) => pick(this.cell(r, c))));
    return {
      name: this.name,
      visibility: this.visibility,
      top: area?.top ?? 0,
      left: area?.left ?? 0,
      values: grid((cell) => cell?.value ?? null),
      formulas: grid((cell) => cell?.formula ?? null),
      numberFormats: grid((cell) => cell?.format ?? GENERAL),
      merges: [...this.merges],
    };
  }
}

export function rowsOf(range: CellRange): number[] {
  return Array.from({ length: range.bottom - range.top + 1 }, (_, i) => range.top + i);
}

export function colsOf(range: CellRange): number[] {
  return Array.from({ length: range.right - range.left + 1 }, (_, i) => range.left + i);
}
