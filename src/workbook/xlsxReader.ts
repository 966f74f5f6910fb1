/**
 * Reads an .xlsx/.xlsm file from disk into the Workbook snapshot (for the command line, the tests and the
 * benchmarks), with node's zlib to unzip it. The reading itself is ./xlsxBuffer.ts, which needs nothing
 * from node and runs in the browser as well, with the same limits (./limits.ts).
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { DEFAULT_LIMITS, MAX_FILE_BYTES, type ReadLimits } from "./limits";
import { nodeCodec } from "./nodeCodec";
import type { PassOver } from "./passOver";
import { readXlsxBuffer as readBuffer, type ReadOptions, tooBig } from "./xlsxBuffer";
import type { Workbook } from "./workbook";
import { WorkbookReadError } from "./workbook";

export { MAX_FILE_BYTES, MAX_PART_BYTES, MAX_SHEET_CELLS } from "./limits";

/** Reads a workbook from the bytes of an .xlsx/.xlsm file, unzipping with node's zlib. */
export function readXlsxBuffer(buffer: Uint8Array, options: ReadOptions = {}): Promise<Workbook> {
  return readBuffer(buffer, { codec: nodeCodec, ...options });
}

/** Reads a workbook file from disk; every failure is a WorkbookReadError naming the file. */
export async function readXlsxFile(
  path: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  passOver?: PassOver
): Promise<Workbook> {
  const name = basename(path);
  let buffer: Buffer;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) throw new WorkbookReadError(tooBig(name, size));
    buffer = await readFile(path);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(
      code === "ENOENT"
        ? `${name}: no such file.`
        : code === "EISDIR"
          ? `${name} is a folder, not a workbook.`
          : `${name} could not be opened (${code ?? "unknown error"}).`
    );
  }
  try {
    return await readXlsxBuffer(buffer, { limits, passOver });
  } catch (error) {
    const message =
      error instanceof WorkbookReadError
        ? error.message
        : "it could not be read: it is laid out in a way this checker does not understand. Open it in Excel, save it again and retry.";
    throw new WorkbookReadError(`${name}: ${message}`);
  }
}
