/**
 * Stand-ins for Workbook, WorksheetCollection and Worksheet, and the request context `Excel.run` hands out.
 */
import { parseA1 } from "../../workbook/address";
import type { HostSheet } from "./hostSheet";
import { invalidArgument } from "./officeError";
import { StandInRange } from "./rangeProxies";
import { StandInChartCollection } from "./chartProxies";
import { StandInContext, StandInObject, type HostState } from "./requestContext";

/** Excel's grid size, for `getRange()` with no address (the whole sheet). */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** The `context` an `Excel.run` batch receives. */
export class StandInRequestContext extends StandInContext {
  readonly workbook: StandInWorkbook;

  constructor(host: HostState, delayForCellEdit: boolean) {
    super(host, delayForCellEdit);
    this.workbook = new StandInWorkbook(this);
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

  /** The sheet's charts: `add` only, which is all the report sheet needs. */
  get charts(): StandInChartCollection {
    return new StandInChartCollection(this.context, () => this.target("worksheet"));
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
