/**
 * The bounds of the .xlsx reader, decided once and the same for every caller (command line, browser,
 * tests), and the budget that enforces them while one file is read. Every bound is checked before the
 * work it limits is done where the file declares its size (the ZIP directory), and as the work goes on
 * where it does not, so a hostile file is refused at the first byte past a limit, never after it filled
 * memory.
 *
 * Why these numbers: the DfE template is a 10.5 MB .xlsm of 14 sheets that unzips to about 40 MB;
 * ten times that is not a plan. A sheet of 5,000,000 cells, the most one may hold, is about 150 MB of XML.
 */
import { WorkbookReadError } from "./workbook";

/** Excel's own limits (Excel specifications and limits): rows 1 to 1,048,576, columns A to XFD. */
export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;

/** Files above this are refused before unzipping. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** A part that unzips to more than this (as declared, or as it turns out) is refused. */
export const MAX_PART_BYTES = 200 * 1024 * 1024;
/** All the parts read from one file together may unzip to at most this. */
export const MAX_TOTAL_BYTES = 512 * 1024 * 1024;
/** A sheet whose used range holds more cells than this is refused (dense grids of it cost hundreds of MB). */
export const MAX_SHEET_CELLS = 5_000_000;
/** The memory one file may use while it is read and checked, by default (the command line's --max-memory). */
export const DEFAULT_MEMORY_MB = 512;
/**
 * The longest single piece of XML (one tag, one run of text) the reader holds while looking for its end.
 * Excel's longest cell text is 32,767 characters and its longest formula 8,192, a few hundred KB with
 * every character escaped; anything longer is not a workbook Excel wrote.
 */
export const MAX_TOKEN_BYTES = 4 * 1024 * 1024;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString("en-GB")} MB`;
export const formatMegabytes = mb;

/** How much one read may take, for the readers' bookkeeping. */
export interface ReadLimits {
  /** The memory ceiling for the snapshot being built, in bytes. */
  readonly memoryBytes: number;
  /** The ceiling to name in messages, in MB, when the caller gave the snapshot only a share of it. */
  readonly describedMb?: number;
}

export const DEFAULT_LIMITS: ReadLimits = { memoryBytes: DEFAULT_MEMORY_MB * 1024 * 1024 };

/**
 * Estimated bytes held per cell while a sheet is read (its flat entry: row, column, style, value and
 * formula slots and a boxed number), measured on node 20.
 */
export const BYTES_PER_CELL = 64;
/** Estimated bytes per cell of a sheet's used range once its grids are built (three grid slots). */
export const GRID_BYTES_PER_CELL = 24;
/** Estimated bytes per row of a sheet's used range in its grids (three row arrays), measured on node 20. */
export const GRID_BYTES_PER_ROW = 172;
/** Estimated bytes a stored cell keeps in the grids besides its slots (a boxed number, most often). */
export const KEPT_BYTES_PER_CELL = 16;
/** Estimated bytes per character of text kept (V8 keeps one-byte strings for Latin-1, two otherwise). */
export const BYTES_PER_CHAR = 2;
/** Estimated overhead of every string or object kept. */
export const BYTES_PER_OBJECT = 32;

/** Thrown when reading one file would take more memory than its ceiling. */
export class MemoryCeilingError extends WorkbookReadError {
  constructor(limits: ReadLimits) {
    const ceiling =
      limits.describedMb !== undefined
        ? `${limits.describedMb.toLocaleString("en-GB")} MB`
        : mb(limits.memoryBytes);
    super(
      `The workbook needs more than ${ceiling} of memory to check, more than one workbook may take. ` +
        "Remove sheets or cells the plan does not need and retry."
    );
    this.name = "MemoryCeilingError";
  }
}

/** The bytes unzipped and the memory estimated so far for one file, against its limits. */
export class ReadBudget {
  private unzipped = 0;
  private held = 0;

  constructor(readonly limits: ReadLimits = DEFAULT_LIMITS) {}

  /** Counts bytes unzipped; throws once all the parts read pass MAX_TOTAL_BYTES. */
  unzip(bytes: number): void {
    this.unzipped += bytes;
    if (this.unzipped > MAX_TOTAL_BYTES)
      throw new WorkbookReadError(
        `The parts of the workbook unzip to more than ${mb(MAX_TOTAL_BYTES)} in all, more than a workbook to check may hold.`
      );
  }

  /** Throws as `unzip` would if `bytes` more were unzipped (checked before a part is opened). */
  expectUnzip(bytes: number): void {
    if (this.unzipped + bytes > MAX_TOTAL_BYTES) this.unzip(bytes);
  }

  /** Counts memory the snapshot will hold; throws a MemoryCeilingError past the ceiling. */
  hold(bytes: number): void {
    this.held += bytes;
    if (this.held > this.limits.memoryBytes) throw new MemoryCeilingError(this.limits);
  }

  /** Gives back memory counted by `hold` that is no longer kept. */
  release(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }

  get heldBytes(): number {
    return this.held;
  }
}
