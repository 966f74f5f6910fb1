/**
 * The request context and the base of every stand-in proxy. They keep Office.js's contract so code that
 * breaks it fails here as it would in Excel: every method and property write is queued and runs at
 * `context.sync()`; a property can be read only after `load()` and a sync (otherwise PropertyNotLoaded is
 * thrown); `*OrNullObject` proxies expose `isNullObject` after the sync.
 */
import { jsonBytes } from "../../workbook/office/readPlan";
import type { CellRange } from "../../workbook/workbook";
import type { HostSheet } from "./hostSheet";
import type { HostChart } from "./chartProxies";
import { itemNotFound, propertyNotLoaded, StandInOfficeError } from "./officeError";

/** What the proxies need from the host: its sheets, and somewhere to record each change. */
export interface HostState {
  readonly sheets: HostSheet[];
  addSheet(name: string): HostSheet;
  deleteSheet(sheet: HostSheet): void;
  activate(sheet: HostSheet): void;
  select(sheet: HostSheet, area: CellRange): void;
  readonly selectedCells: { readonly sheet: HostSheet; readonly area: CellRange };
  /** The area a dynamic-array formula at (row, col) spills to, or `null` when it does not spill. */
  spillFrom(sheet: HostSheet, row: number, col: number): CellRange | null;
  recordWrite(sheet: HostSheet, area: CellRange, property: WrittenProperty): void;
  recordChart(sheet: HostSheet, chart: HostChart): void;
  /** Runs before each batch: waits for (or refuses during) cell edit mode, and injects planned failures. */
  beforeSync(delayForCellEdit: boolean): Promise<void>;
  /** Refuses a response larger than the host allows (Excel on the web: 5 MB). */
  limitResponse(cellValues: number, bytes: number): void;
  recordSync(outcome: SyncOutcome): void;
}

/** What one round trip carried: loads, cell values returned, the properties loaded ("Range.values"), any error code. */
export interface SyncOutcome {
  readonly loads: number;
  readonly cellValues: number;
  /** Bytes of JSON the cell properties returned would take (non-ASCII at its escaped size). */
  readonly bytes: number;
  readonly properties: readonly string[];
  readonly error?: string;
}

export type WrittenProperty = "values" | "formulas" | "numberFormat" | "format" | "hyperlink";

export type LoadOption =
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
  private bytes = 0;
  private properties = new Set<string>();
  private closed = false;

  constructor(
    readonly host: HostState,
    private readonly delayForCellEdit: boolean
  ) {}

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
  deliver(commit: () => void, cellValues = 0, properties: readonly string[] = [], bytes = 0): void {
    this.loads += 1;
    this.cellValues += cellValues;
    this.bytes += bytes;
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
    this.bytes = 0;
    this.properties = new Set();
    let failure: { error: unknown } | undefined;
    try {
      await this.host.beforeSync(this.delayForCellEdit);
      actions.forEach((action) => action());
      this.host.limitResponse(this.cellValues, this.bytes);
    } catch (error) {
      failure = { error };
    }
    const code = failure && ((failure.error as { code?: string }).code ?? String(failure.error));
    this.host.recordSync({
      loads: this.loads,
      cellValues: this.cellValues,
      bytes: this.bytes,
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
export abstract class StandInObject<T> {
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
    // Measured as the reader measures it, so a test can hold the host's limit against the reader's aim.
    const bytes = read.reduce(
      (sum, r) =>
        sum + (r.cellValues && Array.isArray(r.value) ? jsonBytes(r.value as unknown[][]) : 0),
      0
    );
    this.context.deliver(
      () => read.forEach((r) => this.loaded.set(r.name, r.value)),
      cellValues,
      names.map((name) => `${this.typeName}.${name}`),
      bytes
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
