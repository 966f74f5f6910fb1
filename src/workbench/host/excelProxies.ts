/**
 * Stand-ins for the Office.js proxy objects the add-in uses (RequestContext, Workbook, WorksheetCollection,
 * Worksheet, Range, RangeAreas, RangeFormat, RangeFont). They keep Office.js's contract so code that breaks
 * it fails here as it would in Excel: every method and property write is queued and runs at `context.sync()`;
 * a property can be read only after `load()` and a sync (otherwise PropertyNotLoaded is thrown);
 * `*OrNullObject` proxies expose `isNullObject` after the sync.
 */
import { a1Range, parseA1, quoteSheetName } from "../../workbook/address";
import type { CellRange, CellValue } from "../../workbook/workbook";
import { colsOf, rowsOf, type HostCell, type HostSheet } from "./hostSheet";
import {
  invalidArgument,
  itemNotFound,
  propertyNotLoaded,
  StandInOfficeError,
} from "./officeError";

/** What the proxies need from the host: its sheets, and somewhere to record each change. */
export interface HostState {
  readonly sheets: HostSheet[];
  addSheet(name: string): HostSheet;
  deleteSheet(sheet: HostSheet): void;
  activate(sheet: HostSheet): void;
  select(sheet: HostSheet, area: CellRange): void;
  readonly selectedCells: { readonly sheet: HostSheet; readonly area: CellRange };
  recordWrite(sheet: HostSheet, area: CellRange, property: WrittenProperty): void;
  /** Runs before each batch: waits for (or refuses during) cell edit mode, and injects planned failures. */
  beforeSync(delayForCellEdit: boolean): Promise<void>;
  /** Refuses a response larger than the host allows (Excel on the web: 5 MB). */
  limitResponse(cellValues: number): void;
  recordSync(outcome: SyncOutcome): void;
}

/** What one round trip carried: loads, cell values returned, the properties loaded ("Range.values"), any error code. */
export interface SyncOutcome {
  readonly loads: number;
  readonly cellValues: number;
  readonly properties: readonly string[];
  readonly error?: string;
}

export type WrittenProperty = "values" | "formulas" | "numberFormat" | "format" | "hyperlink";

/** Excel's grid size: a read larger than 5,000,000 cells comes back as null (office-js#6781, unbounded ranges). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const MAX_CELLS_PER_READ = 5_000_000;
const MAX_MERGED_AREAS = 512;

type LoadOption =
  string | string[] | { select?: string | string[] } | Record<string, unknown> | undefined;

/** Property names requested by any of the forms `load` accepts ("a, b", ["a"], { select }, { a: true }). */
function loadNames(option: LoadOption): string[] | "all" {
  if (option === undefined || option === "*") return "all";
  if (typeof option === "string")
    return option
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
  if (Array.isArray(option)) return option.flatMap((name) => loadNames(name) as string[]);
  if ("select" in option && option.select !== undefined)
    return loadNames(option.select as string | string[]);
  return Object.entries(option).flatMap(([name, wanted]) =>
    wanted === true
      ? [name]
      : typeof wanted === "object" && wanted !== null
        ? (loadNames(wanted as LoadOption) as string[]).map((child) => `${name}/${child}`)
        : []
  );
}

export class StandInContext {
  private queue: (() => void)[] = [];
  private commits: (() => void)[] = [];
  private loads = 0;
  private cellValues = 0;
  private properties = new Set<string>();
  private closed = false;
  readonly workbook: StandInWorkbook;

  constructor(
    readonly host: HostState,
    private readonly delayForCellEdit: boolean
  ) {
    this.workbook = new StandInWorkbook(this);
  }

  /** Queues an instruction for the next sync, as Office.js does for every method call and property write. */
  enqueue(action: () => void): void {
    if (this.closed) {
      throw new StandInOfficeError(
        "InvalidObjectPath",
        "The object path isn't working: the Excel.run batch that created this object has finished."
      );
    }
    this.queue.push(action);
  }

  /** Called by a load while the batch runs: the loaded values become readable only if the whole batch succeeds. */
  deliver(commit: () => void, cellValues = 0, properties: readonly string[] = []): void {
    this.loads += 1;
    this.cellValues += cellValues;
    properties.forEach((property) => this.properties.add(property));
    this.commits.push(commit);
  }

  get hasPendingWork(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.commits = [];
    this.loads = 0;
    this.cellValues = 0;
    this.properties = new Set();
    let failure: { error: unknown } | undefined;
    try {
      await this.host.beforeSync(this.delayForCellEdit);
      actions.forEach((action) => action());
      this.host.limitResponse(this.cellValues);
    } catch (error) {
      failure = { error };
    }
    const code = failure && ((failure.error as { code?: string }).code ?? String(failure.error));
    this.host.recordSync({
      loads: this.loads,
      cellValues: this.cellValues,
      properties: [...this.properties].sort(),
      ...(code !== undefined && { error: code }),
    });
    if (failure) throw failure.error;
    // Loaded values become readable only when the whole batch succeeded.
    this.commits.forEach((commit) => commit());
  }

  close(): void {
    this.closed = true;
  }
}

/** Shared behaviour of every proxy: queued loads, guarded reads, null-object state. */
abstract class StandInObject<T> {
  protected readonly loaded = new Map<string, unknown>();
  private resolved: { target: T | null } | undefined;
  private nullState: boolean | undefined;

  constructor(
    protected readonly context: StandInContext,
    private readonly resolver: () => T | null,
    private readonly orNullObject = false
  ) {
    // Office.js reports isNullObject after the sync that follows the *OrNullObject call.
    if (orNullObject) context.enqueue(() => this.deliverNullState());
  }

  /** True after a sync when an `*OrNullObject` call found nothing. */
  get isNullObject(): boolean {
    if (!this.orNullObject) return false;
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullState;
  }

  load(option?: LoadOption): this {
    const names = loadNames(option);
    this.context.enqueue(() => this.loadNow(names === "all" ? this.scalarNames() : names));
    return this;
  }

  /** The Office.js class name, for the host's log ("Range"). */
  protected abstract readonly typeName: string;

  /** The names `load()` with no argument loads. */
  protected abstract scalarNames(): string[];

  /** Reads one property from the host at sync time; `cellValues` counts what a response would carry. */
  protected abstract readProperty(target: T, name: string): { value: unknown; cellValues?: number };

  protected loadNow(names: readonly string[]): void {
    const target = this.targetOrNull();
    const read = names.map((name) => ({
      name,
      ...(target === null ? { value: null } : this.readProperty(target, name)),
    }));
    const cellValues = read.reduce((sum, r) => sum + (r.cellValues ?? 0), 0);
    this.context.deliver(
      () => read.forEach((r) => this.loaded.set(r.name, r.value)),
      cellValues,
      names.map((name) => `${this.typeName}.${name}`)
    );
  }

  protected loadedValue<V>(name: string): V {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** What this proxy points at, found once at its first use in a sync (like an Office.js object path). */
  targetOrNull(): T | null {
    this.resolved ??= { target: this.resolver() };
    return this.resolved.target;
  }

  /** The target for an instruction that needs one: a missing item fails the whole batch, as in Excel. */
  target(what: string): T {
    const target = this.targetOrNull();
    if (target === null) throw itemNotFound(what);
    return target;
  }

  private deliverNullState(): void {
    const isNull = this.targetOrNull() === null;
    this.context.deliver(() => (this.nullState = isNull));
  }
}

export class StandInWorkbook {
  readonly worksheets: StandInWorksheetCollection;

  constructor(private readonly context: StandInContext) {
    this.worksheets = new StandInWorksheetCollection(context);
  }

  /** The active cell or selected block of the active sheet. */
  getSelectedRange(): StandInRange {
    const host = this.context.host;
    return new StandInRange(this.context, () => ({ ...host.selectedCells }));
  }
}

export class StandInWorksheetCollection extends StandInObject<HostSheet[]> {
  protected readonly typeName = "WorksheetCollection";

  constructor(context: StandInContext) {
    super(context, () => context.host.sheets);
  }

  get items(): StandInWorksheet[] {
    return this.loadedValue("items");
  }

  protected scalarNames(): string[] {
    return ["items/name", "items/visibility", "items/position"];
  }

  protected readProperty(): { value: unknown } {
    throw new Error("collections load through items");
  }

  /** `load("items/name")` and `load("name")` both load each item's property, as on an Office.js collection. */
  protected override loadNow(names: readonly string[]): void {
    const itemNames = names
      .map((name) => name.replace(/^items\/?/, ""))
      .filter((name) => name !== "");
    const items = this.context.host.sheets.map(
      (sheet) => new StandInWorksheet(this.context, () => sheet)
    );
    items.forEach((item) =>
      item.loadDirect(itemNames.length > 0 ? itemNames : ["name", "visibility", "position"])
    );
    this.context.deliver(() => this.loaded.set("items", items), 0, [`${this.typeName}.items`]);
  }

  getItem(name: string): StandInWorksheet {
    return new StandInWorksheet(this.context, () => findByName(this.context.host.sheets, name));
  }

  getItemOrNullObject(name: string): StandInWorksheet {
    return new StandInWorksheet(
      this.context,
      () => findByName(this.context.host.sheets, name),
      true
    );
  }

  getActiveWorksheet(): StandInWorksheet {
    return new StandInWorksheet(this.context, () => this.context.host.selectedCells.sheet);
  }

  /** Adds a sheet at the end, as Excel does; the name must be new and valid. */
  add(name?: string): StandInWorksheet {
    let added: HostSheet | null = null;
    this.context.enqueue(() => {
      added = this.context.host.addSheet(name ?? nextSheetName(this.context.host.sheets));
    });
    return new StandInWorksheet(this.context, () => added);
  }
}

function findByName(sheets: readonly HostSheet[], name: string): HostSheet | null {
  return sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase()) ?? null;
}

function nextSheetName(sheets: readonly HostSheet[]): string {
  for (let n = sheets.length + 1; ; n += 1)
    if (findByName(sheets, `Sheet${n}`) === null) return `Sheet${n}`;
}

const VISIBILITY_NAMES = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
} as const;

export class StandInWorksheet extends StandInObject<HostSheet> {
  protected readonly typeName = "Worksheet";

  get name(): string {
    return this.loadedValue("name");
  }

  get visibility(): string {
    return this.loadedValue("visibility");
  }

  get position(): number {
    return this.loadedValue("position");
  }

  /** Loads while the batch is already running (collection items arrive loaded with the collection). */
  loadDirect(names: readonly string[]): void {
    this.loadNow(names);
  }

  protected scalarNames(): string[] {
    return ["name", "visibility", "position"];
  }

  protected readProperty(sheet: HostSheet, name: string): { value: unknown } {
    if (name === "name") return { value: sheet.name };
    if (name === "visibility") return { value: VISIBILITY_NAMES[sheet.visibility] };
    if (name === "position") return { value: this.context.host.sheets.indexOf(sheet) };
    throw invalidArgument(`Worksheet has no property '${name}' in the stand-in host.`);
  }

  /** The used range; on a blank sheet, A1 (Excel's documented behaviour for Worksheet.getUsedRange). */
  getUsedRange(valuesOnly = false): StandInRange {
    return new StandInRange(this.context, () => {
      const sheet = this.target("worksheet");
      return {
        sheet,
        area: sheet.usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const sheet = this.targetOrNull();
        const area = sheet?.usedArea(valuesOnly) ?? null;
        return sheet === null || area === null ? null : { sheet, area };
      },
      true
    );
  }

  /** `getRange()` is the whole sheet; otherwise an A1 address such as "F24" or "C24:H24". */
  getRange(address?: string): StandInRange {
    return new StandInRange(this.context, () => {
      const sheet = this.target("worksheet");
      if (address === undefined || address === "")
        return { sheet, area: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const area = parseA1(address.replace(/^.*!/, ""));
      if (area === null) throw invalidArgument(`'${address}' is not an address.`);
      return { sheet, area };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): StandInRange {
    return new StandInRange(this.context, () => {
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0)
        throw invalidArgument("Row and column counts must be positive.");
      return {
        sheet: this.target("worksheet"),
        area: {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        },
      };
    });
  }

  activate(): void {
    this.context.enqueue(() => this.context.host.activate(this.target("worksheet")));
  }

  delete(): void {
    this.context.enqueue(() => this.context.host.deleteSheet(this.target("worksheet")));
  }
}

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

const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
]);

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
  if (ERROR_VALUES.has(text.toUpperCase()))
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
