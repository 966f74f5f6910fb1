/**
 * "Check your own file": a workbook the user picks or drops on the workbench is read in the page, with the
 * same reader as the command line (src/workbook/xlsxBuffer.ts, unzipping with fflate rather than node's
 * zlib). The bytes never leave the page: nothing is sent anywhere, and nothing is kept after the tab closes.
 */
import { readXlsxBuffer, tooBig } from "../workbook/xlsxBuffer";
import { MAX_FILE_BYTES } from "../workbook/limits";
import { WorkbookReadError, type Workbook } from "../workbook/workbook";

/** The kinds of file the reader takes, for the file picker's `accept`. */
export const WORKBOOK_FILE_TYPES = ".xlsx,.xlsm";

/**
 * Reads a chosen or dropped file into the Workbook snapshot. Every failure is a WorkbookReadError whose
 * message starts with the file's name, as the command line reports it.
 */
export async function readWorkbookFile(file: File): Promise<Workbook> {
  // Refused before its bytes are read, as the command line refuses it before reading it from disk.
  if (file.size > MAX_FILE_BYTES) throw new WorkbookReadError(tooBig(file.name, file.size));
  try {
    return await readXlsxBuffer(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new WorkbookReadError(`${file.name}: ${why}`);
  }
}
