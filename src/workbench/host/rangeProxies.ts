/**
 * Stand-ins for Range, RangeAreas and RangeFormat, and how Excel shows cells through them: "" for an empty
 * cell, the error text for an error, the constant in `formulas` when there is no formula; values written
 * through the API are taken as if typed.
 */
import { a1Range, quoteSheetName } from "../../workbook/address";
import { EXCEL_ERROR_VALUES } from "../../workbook/office/errorValues";
import type { CellRange, CellValue } from "../../workbook/workbook";
import { colsOf, rowsOf, type HostCell, type HostSheet } from "./hostSheet";
import { invalidArgument, StandInOfficeError } from "./officeError";
import { StandInObject, type StandInContext, type WrittenProperty } from "./requestContext";

/** A read larger than 5,000,000 cells comes back as null (office-js#6781, unbounded ranges). */
const MAX_CELLS_PER_READ = 5_000_000;
const MAX_MERGED_AREAS = 512;

interface RangeTarget {
  readonly sheet: HostSheet;
  readonly area: CellRange;
}

const RANGE_SCALARS = [
  "address",
  "rowCount",
  "columnCount",
  "cellCount",
  "rowIndex",
  "columnIndex",
  "values",
  "formulas",
  "numberFormat",
  "valueTypes",
];

export class StandInRange extends StandInObject<RangeTarget> {
  protected readonly typeName = "Range";

  readonly format: StandInRangeFormat;

  constructor(context: StandInContext, resolver: () => RangeTarget | null, orNullObject = false) {
    super(context, resolver, orNullObject);
    this.format = new StandInRangeFormat(context, this);
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get cellCount(): number {
    return this.loadedValue("cellCount");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  set values(input: unknown) {
    this.write("values", input, (cell, value) => typedInput(value, cell));
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  set formulas(input: unknown) {
    this.write("formulas", input, (cell, value) => typedInput(value, cell));
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.write("numberFormat", input, (cell, value) => ({
      value: cell?.value ?? null,
      formula: cell?.formula ?? null,
      format: String(value),
    }));
  }
  /** Links are recorded as a write; the snapshot keeps only the text the cell shows. */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.context.enqueue(() => {
      const { sheet, area } = this.target("range");
      if (link.textToDisplay !== undefined) {
        const cell = sheet.cell(area.top, area.left);
        sheet.setCell(area.top, area.left, typedInput(`'${link.textToDisplay}`, cell));
      }
      this.context.host.recordWrite(sheet, area, "hyperlink");
    });
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes");
  }

  protected scalarNames(): string[] {
    return RANGE_SCALARS;
  }

  protected readProperty(
    { sheet, area }: RangeTarget,
    name: string
  ): { value: unknown; cellValues?: number } {
    const rowCount = area.bottom - area.top + 1;
    const columnCount = area.right - area.left + 1;
    const cellCount = rowCount * columnCount;
    switch (name) {
      case "address":
        return { value: `${quoteSheetName(sheet.name)}!${a1Range(area)}` };
      case "rowCount":
        return { value: rowCount };
      case "columnCount":
        return { value: columnCount };
      case "cellCount":
        return { value: cellCount };
      case "rowIndex":
        return { value: area.top };
      case "columnIndex":
        return { value: area.left };
    }
    const pick = CELL_READERS[name];
    if (pick === undefined)
      throw invalidArgument(`Range has no property '${name}' in the stand-in host.`);
    if (cellCount > MAX_CELLS_PER_READ) return { value: null };
    return {
      value: rowsOf(area).map((r) => colsOf(area).map((c) => pick(sheet.cell(r, c)))),
      cellValues: cellCount,
    };
  }

  /** Writes a 2-D array (or one value for every cell) at sync time; `null` leaves a cell unchanged, as in Excel. */
  private write(
    property: WrittenProperty,
    input: unknown,
    toCell: (cell: HostCell | undefined, value: unknown) => HostCell
  ): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target("range");
      const rows = rowsOf(area);
      const cols = colsOf(area);
      const grid = Array.isArray(input)
        ? (input as unknown[][])
        : rows.map(() => cols.map(() => input));
      if (
        grid.length !== rows.length ||
        grid.some((row) => !Array.isArray(row) || row.length !== cols.length)
      ) {
        throw invalidArgument(
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      rows.forEach((r, i) =>
        cols.forEach((c, j) => {
          const value = grid[i][j];
          if (value !== null && value !== undefined)
            sheet.setCell(r, c, toCell(sheet.cell(r, c), value));
        })
      );
      this.context.host.recordWrite(sheet, area, property);
    });
  }

  /** One cell of this range, counted from its top-left corner. */
  getCell(row: number, column: number): StandInRange {
    return new StandInRange(this.context, () => {
      const { sheet, area } = this.target("range");
      return {
        sheet,
        area: {
          top: area.top + row,
          left: area.left + column,
          bottom: area.top + row,
          right: area.left + column,
        },
      };
    });
  }

  /**
   * The range a dynamic-array formula here spills to (ExcelApi 1.12): one the host was given as a spill
   * (a snapshot keeps each spilled cell as its own cell), else the null object.
   */
  getSpillingToRangeOrNullObject(): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const target = this.targetOrNull();
        if (target === null) return null;
        const area = this.context.host.spillFrom(target.sheet, target.area.top, target.area.left);
        return area === null ? null : { sheet: target.sheet, area };
      },
      true
    );
  }

  /** Merged areas that overlap this range (ExcelApi 1.13), or a null object when there are none. */
  getMergedAreasOrNullObject(): StandInRangeAreas {
    return new StandInRangeAreas(this.context, () => {
      const target = this.targetOrNull();
      if (target === null) return null;
      const areas = target.sheet.merges.filter((m) => overlaps(m, target.area));
      // Documented limit: "if the merged areas count in this range is more than 512, this method will fail".
      if (areas.length > MAX_MERGED_AREAS) {
        throw new StandInOfficeError(
          "GeneralException",
          "There are more than 512 merged areas in the range."
        );
      }
      return areas.length === 0 ? null : { sheet: target.sheet, areas };
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target("range");
      this.context.host.select(sheet, area);
    });
  }

  /** The range's target for its format proxy (resolved in the same sync). */
  resolveForFormat(): RangeTarget {
    return this.target("range");
  }
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** How Excel reports each cell: "" for empty, the error text for errors, the constant in `formulas` when there is no formula. */
const CELL_READERS: Record<string, (cell: HostCell | undefined) => unknown> = {
  values: (cell) => officeValue(cell?.value ?? null),
  formulas: (cell) => cell?.formula ?? officeValue(cell?.value ?? null),
  numberFormat: (cell) => cell?.format ?? "General",
  valueTypes: (cell) => valueType(cell?.value ?? null),
};

function officeValue(value: CellValue): unknown {
  if (value === null) return "";
  return typeof value === "object" ? value.error : value;
}

function valueType(value: CellValue): string {
  if (value === null) return "Empty";
  if (typeof value === "object") return "Error";
  return { number: "Double", string: "String", boolean: "Boolean" }[
    typeof value as "number" | "string" | "boolean"
  ];
}

/** A value written through the API is taken as if typed: "=…" is a formula, "'…" is text, "12" a number. */
function typedInput(input: unknown, cell: HostCell | undefined): HostCell {
  const format = cell?.format ?? "General";
  if (typeof input === "number" || typeof input === "boolean")
    return { value: input, formula: null, format };
  const text = String(input);
  if (text === "") return { value: null, formula: null, format };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null, format };
  // The stand-in does not calculate: a formula keeps no value until a real Excel recalculates it.
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text, format };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text))
    return { value: Number(text), formula: null, format };
  if (/^(true|false)$/i.test(text))
    return { value: text.toLowerCase() === "true", formula: null, format };
  if (EXCEL_ERROR_VALUES.has(text.toUpperCase()))
    return { value: { error: text.toUpperCase() }, formula: null, format };
  return { value: text, formula: null, format };
}

export class StandInRangeAreas extends StandInObject<{ sheet: HostSheet; areas: CellRange[] }> {
  protected readonly typeName = "RangeAreas";

  constructor(
    context: StandInContext,
    resolver: () => { sheet: HostSheet; areas: CellRange[] } | null
  ) {
    super(context, resolver, true);
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get areaCount(): number {
    return this.loadedValue("areaCount");
  }

  protected scalarNames(): string[] {
    return ["address", "areaCount"];
  }

  protected readProperty(
    { sheet, areas }: { sheet: HostSheet; areas: CellRange[] },
    name: string
  ): { value: unknown } {
    if (name === "address")
      return {
        value: areas.map((area) => `${quoteSheetName(sheet.name)}!${a1Range(area)}`).join(","),
      };
    if (name === "areaCount") return { value: areas.length };
    throw invalidArgument(`RangeAreas has no property '${name}' in the stand-in host.`);
  }
}

/** Formatting is recorded as a write (the snapshot keeps no fonts or widths), so tests see what was touched. */
export class StandInRangeFormat {
  readonly font: { bold: boolean };

  constructor(
    private readonly context: StandInContext,
    private readonly range: StandInRange
  ) {
    const record = () => this.context.enqueue(() => this.recordFormat());
    let bold = false;
    this.font = {
      get bold() {
        return bold;
      },
      set bold(value: boolean) {
        bold = value;
        record();
      },
    };
  }

  autofitColumns(): void {
    this.context.enqueue(() => this.recordFormat());
  }

  private recordFormat(): void {
    const { sheet, area } = this.range.resolveForFormat();
    this.context.host.recordWrite(sheet, area, "format");
  }
}
