/**
 * A stand-in Excel for the browser workbench and the tests: the part of the Excel JavaScript API the add-in
 * uses, over a Workbook snapshot, with every round trip and every change recorded so tests can count them.
 * Plain TypeScript (no Node APIs) so the same host runs in the workbench page and under vitest.
 */
import { a1Range, parseA1 } from "../../workbook/address";
import type { CellRange, Workbook } from "../../workbook/workbook";
import type { HostState, SyncOutcome, WrittenProperty } from "./requestContext";
import { StandInRequestContext } from "./worksheetProxies";
import { HostSheet } from "./hostSheet";
import type { HostChart } from "./chartProxies";
import {
  createOfficeGlobal,
  StandInSettings,
  type StandInPlatform,
  type StandInTheme,
} from "./officeGlobal";
import { invalidArgument, itemNotFound, StandInOfficeError } from "./officeError";

export interface StandInHostOptions {
  /** `OfficeOnline` makes the add-in use its Excel-on-the-web budget. Default `PC`. */
  readonly platform?: StandInPlatform;
  /** Highest ExcelApi requirement set reported as supported. Default `1.17`. */
  readonly excelApiVersion?: string;
  readonly theme?: StandInTheme;
  /** Most cell values (cells × properties) one sync may return; above it the sync fails as Excel on the web does. */
  readonly maxCellValuesPerSync?: number;
  /**
   * Most bytes of cell properties (JSON) one sync may return; above it the sync fails. Default 5,000,000 on
   * `OfficeOnline` (Excel on the web's cap), no limit on the desktop.
   */
  readonly maxResponseBytes?: number;
  /** Document settings the workbook was saved with. */
  readonly settings?: Record<string, unknown>;
  /**
   * Dynamic-array results, as Excel reports them through getSpillingToRange: each formula's anchor is the
   * range's top-left cell (`{ sheet: "Summary", range: "B9:G9" }`). A snapshot keeps each spilled cell as
   * its own cell, so without these the stand-in has no spills.
   */
  readonly spills?: readonly { readonly sheet: string; readonly range: string }[];
}

/** One entry of the host's log, in the order things happened. */
export type HostEvent =
  | ({ readonly kind: "sync" } & SyncOutcome)
  | { readonly kind: "sheet-added"; readonly sheet: string }
  | { readonly kind: "sheet-deleted"; readonly sheet: string }
  | {
      readonly kind: "cells-written";
      readonly sheet: string;
      readonly address: string;
      readonly property: WrittenProperty;
    }
  | {
      readonly kind: "chart-added";
      readonly sheet: string;
      readonly type: string;
      readonly source: string;
    }
  | { readonly kind: "activated"; readonly sheet: string }
  | {
      readonly kind: "selected";
      readonly sheet: string;
      readonly address: string;
      readonly by: "add-in" | "user";
    }
  | { readonly kind: "settings-saved" };

/** Changes to the workbook's content (not selection, activation or settings). */
export type HostWrite = Extract<
  HostEvent,
  { kind: "sheet-added" | "sheet-deleted" | "cells-written" | "chart-added" }
>;

export interface HostSelection {
  readonly sheet: string;
  readonly address: string;
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

export class StandInHost implements HostState {
  readonly sheets: HostSheet[];
  readonly log: HostEvent[] = [];
  readonly settings: StandInSettings;
  theme: StandInTheme;
  private selected: { sheet: HostSheet; area: CellRange };
  private readonly lastSelection = new Map<HostSheet, CellRange>();
  private readonly selectionListeners = new Set<(selection: HostSelection) => void>();
  private readonly changeListeners = new Set<() => void>();
  private readonly plannedFailures: string[] = [];
  private editing: { finished: Promise<void>; finish: () => void } | null = null;
  private readonly maxCellValuesPerSync: number;
  private readonly maxResponseBytes: number;
  private changedSinceSync = false;
  /** Spill ranges by sheet name; one is gone once anything is written over its anchor, as in Excel. */
  private spills: readonly { sheet: string; area: CellRange }[];
  private restoreGlobals: () => void = () => undefined;

  constructor(workbook: Workbook, options: StandInHostOptions = {}) {
    this.sheets = workbook.sheets.map((sheet) => HostSheet.fromSheet(sheet));
    if (this.sheets.length === 0) this.sheets.push(new HostSheet("Sheet1"));
    this.theme = options.theme ?? "light";
    this.spills = (options.spills ?? []).flatMap(({ sheet, range }) => {
      const area = parseA1(range);
      return area === null ? [] : [{ sheet, area }];
    });
    this.maxCellValuesPerSync = options.maxCellValuesPerSync ?? Number.POSITIVE_INFINITY;
    this.maxResponseBytes =
      options.maxResponseBytes ??
      (options.platform === "OfficeOnline" ? 5_000_000 : Number.POSITIVE_INFINITY);
    this.settings = new StandInSettings(options.settings ?? {}, () =>
      this.log.push({ kind: "settings-saved" })
    );
    const first = this.sheets.find((sheet) => sheet.visibility === "visible") ?? this.sheets[0];
    this.selected = { sheet: first, area: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  /** Round trips so far, failed ones included (each is one request to Excel). */
  get syncCount(): number {
    return this.log.filter((event) => event.kind === "sync").length;
  }

  get writes(): HostWrite[] {
    return this.log.filter(
      (event): event is HostWrite =>
        event.kind === "sheet-added" ||
        event.kind === "sheet-deleted" ||
        event.kind === "cells-written" ||
        event.kind === "chart-added"
    );
  }

  get selection(): HostSelection {
    return { sheet: this.selected.sheet.name, address: a1Range(this.selected.area) };
  }

  /** The workbook as it is now, including everything the add-in wrote. */
  get workbook(): Workbook {
    return { sheets: this.sheets.map((sheet) => sheet.toSheet()) };
  }

  get selectedCells(): { sheet: HostSheet; area: CellRange } {
    return this.selected;
  }

  /** Calls `listener` whenever the selection moves (by the add-in or by `selectByUser`); returns an unsubscribe. */
  onSelectionChanged(listener: (selection: HostSelection) => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  /** Calls `listener` after each sync that changed the workbook's sheets or cells; returns an unsubscribe. */
  onWorkbookChanged(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The workbench grid's click: moves the selection as a user would, without an API call. */
  selectByUser(sheetName: string, address: string): void {
    const sheet = this.sheets.find((s) => s.name === sheetName);
    const area = parseA1(address);
    if (sheet === undefined || area === null) throw itemNotFound(`${sheetName}!${address}`);
    this.moveSelection(sheet, area, "user");
  }

  /** While true, batches without `delayForCellEdit` fail with InvalidOperationInCellEditMode and others wait. */
  setCellEditMode(editing: boolean): void {
    if (editing && this.editing === null) {
      let finish = () => undefined as void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      this.editing = { finished, finish };
    } else if (!editing && this.editing !== null) {
      this.editing.finish();
      this.editing = null;
    }
  }

  /** Makes the next sync fail with this `OfficeExtension.Error` code (for example `AccessDenied`). */
  failNextSync(code: string): void {
    this.plannedFailures.push(code);
  }

  async beforeSync(delayForCellEdit: boolean): Promise<void> {
    if (this.editing !== null) {
      if (!delayForCellEdit)
        throw new StandInOfficeError(
          "InvalidOperationInCellEditMode",
          "Excel is in cell-editing mode."
        );
      await this.editing.finished;
    }
    const planned = this.plannedFailures.shift();
    if (planned !== undefined)
      throw new StandInOfficeError(planned, `Planned failure: ${planned}.`);
  }

  limitResponse(cellValues: number, bytes: number): void {
    if (cellValues > this.maxCellValuesPerSync || bytes > this.maxResponseBytes) {
      throw new StandInOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      );
    }
  }

  recordSync(outcome: SyncOutcome): void {
    this.log.push({ kind: "sync", ...outcome });
    if (this.changedSinceSync) this.changeListeners.forEach((listener) => listener());
    this.changedSinceSync = false;
  }

  addSheet(name: string): HostSheet {
    if (
      name.length === 0 ||
      name.length > 31 ||
      INVALID_SHEET_NAME.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'")
    ) {
      throw invalidArgument(`'${name}' is not a valid sheet name.`);
    }
    if (this.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) {
      throw new StandInOfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
    }
    const sheet = new HostSheet(name);
    this.sheets.push(sheet);
    this.logChange({ kind: "sheet-added", sheet: name });
    return sheet;
  }

  deleteSheet(sheet: HostSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new StandInOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet."
      );
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.logChange({ kind: "sheet-deleted", sheet: sheet.name });
    if (this.selected.sheet === sheet)
      this.activate(this.sheets.find((s) => s.visibility === "visible") as HostSheet);
  }

  activate(sheet: HostSheet): void {
    if (sheet.visibility !== "visible") {
      throw new StandInOfficeError("InvalidOperation", "A hidden worksheet cannot be activated.");
    }
    this.lastSelection.set(this.selected.sheet, this.selected.area);
    this.log.push({ kind: "activated", sheet: sheet.name });
    this.moveSelection(
      sheet,
      this.lastSelection.get(sheet) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      "add-in",
      false
    );
  }

  select(sheet: HostSheet, area: CellRange): void {
    this.moveSelection(sheet, area, "add-in");
  }

  spillFrom(sheet: HostSheet, row: number, col: number): CellRange | null {
    const spill = this.spills.find(
      (s) => s.sheet === sheet.name && s.area.top === row && s.area.left === col
    );
    return spill?.area ?? null;
  }

  recordWrite(sheet: HostSheet, area: CellRange, property: WrittenProperty): void {
    this.spills = this.spills.filter(
      ({ sheet: name, area: { top, left } }) =>
        name !== sheet.name ||
        top < area.top ||
        top > area.bottom ||
        left < area.left ||
        left > area.right
    );
    this.logChange({ kind: "cells-written", sheet: sheet.name, address: a1Range(area), property });
  }

  recordChart(sheet: HostSheet, chart: HostChart): void {
    this.logChange({
      kind: "chart-added",
      sheet: sheet.name,
      type: chart.type,
      source: chart.source,
    });
  }

  /** The charts on a sheet as Excel would show them (title, source, position), for tests. */
  chartsOn(sheetName: string): HostChart[] {
    return (
      this.sheets.find((sheet) => sheet.name === sheetName)?.charts.map((c) => ({ ...c })) ?? []
    );
  }

  /** Puts back the globals that `installStandInExcel` replaced. */
  uninstall(): void {
    this.restoreGlobals();
  }

  /** Called once by `installStandInExcel`. */
  installed(restore: () => void): void {
    this.restoreGlobals = restore;
  }

  private logChange(event: HostWrite): void {
    this.log.push(event);
    this.changedSinceSync = true;
  }

  /** Excel.run: a fresh request context per batch; work still queued when the batch returns is synced. */
  async run<T>(...args: unknown[]): Promise<T> {
    const [options, batch] = (args.length === 1 ? [{}, args[0]] : args) as [
      { delayForCellEdit?: boolean },
      unknown,
    ];
    if (typeof batch !== "function") throw invalidArgument("Excel.run needs a batch function.");
    const context = new StandInRequestContext(this, options?.delayForCellEdit === true);
    try {
      const result = (await batch(context)) as T;
      if (context.hasPendingWork) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  private moveSelection(
    sheet: HostSheet,
    area: CellRange,
    by: "add-in" | "user",
    logSelection = true
  ): void {
    this.selected = { sheet, area };
    if (logSelection)
      this.log.push({ kind: "selected", sheet: sheet.name, address: a1Range(area), by });
    const selection = this.selection;
    this.selectionListeners.forEach((listener) => listener(selection));
  }
}

const GLOBAL_NAMES = ["Excel", "Office", "OfficeExtension"] as const;

/**
 * Installs the stand-in `Excel`, `Office` and `OfficeExtension` globals over a copy of `workbook` and returns
 * the host to inspect (`log`, `syncCount`, `writes`, `selection`, `workbook`) and steer (`selectByUser`,
 * `setCellEditMode`, `failNextSync`). `uninstall()` puts back whatever the globals were before.
 */
export function installStandInExcel(
  workbook: Workbook,
  globalObject: object = globalThis,
  options: StandInHostOptions = {}
): StandInHost {
  const host = new StandInHost(workbook, options);
  const target = globalObject as Record<string, unknown>;
  const previous = GLOBAL_NAMES.map(
    (name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const
  );
  target.Excel = {
    run: (...args: unknown[]) => host.run(...args),
    ErrorCodes: Object.fromEntries(
      [
        "AccessDenied",
        "GeneralException",
        "InactiveWorkbook",
        "InvalidArgument",
        "InvalidOperationInCellEditMode",
        "ItemAlreadyExists",
        "ItemNotFound",
        "RequestPayloadSizeLimitExceeded",
        "ResponsePayloadSizeLimitExceeded",
      ].map((code) => [code[0].toLowerCase() + code.slice(1), code])
    ),
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };
  target.Office = createOfficeGlobal({
    platform: options.platform ?? "PC",
    excelApiVersion: options.excelApiVersion ?? "1.17",
    theme: () => host.theme,
    settings: host.settings,
  });
  target.OfficeExtension = { Error: StandInOfficeError };
  host.installed(() =>
    previous.forEach(([name, descriptor]) => {
      if (descriptor === undefined) delete target[name];
      else Object.defineProperty(target, name, descriptor);
    })
  );
  return host;
}
