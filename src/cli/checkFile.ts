/**
 * Checks one workbook file: read it, validate it, and describe the outcome as plain data that can cross
 * from a worker thread to the main thread and be printed as text or JSON.
 */
import { statSync } from "node:fs";
import { basename, extname } from "node:path";
import { readXlsxFile } from "../workbook/xlsxReader";
import type { PassOver } from "../workbook/passOver";
import { mayHoldSections, mayNameASection } from "../templates/sheetWords";
import { DEFAULT_LIMITS, type ReadLimits } from "../workbook/limits";
import { WorkbookReadError } from "../workbook/workbook";
import { validateWorkbook, type CheckCount, type ValidationResult } from "../validation/validate";
import { summarise, type Finding, type FindingSummary } from "../validation/finding";
import type { ValidationOptions } from "../validation/rule";

/** A file that was read and checked. */
export interface CheckedFile {
  readonly file: string;
  readonly template: ValidationResult["template"];
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  /** How many of the template's checks ran, and the ones that did not with what they needed. */
  readonly checks: CheckCount;
}

/** A file that could not be checked, and why, in the user's words. */
export interface UnreadableFile {
  readonly file: string;
  readonly error: string;
}

export type FileReport = CheckedFile | UnreadableFile;

export function isUnreadable(report: FileReport): report is UnreadableFile {
  return "error" in report;
}

const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm"];

/**
 * Sheets of over a megabyte of XML (some 20,000 cells) that hold none of the words any section is found
 * by are passed over unparsed: most of a real-size template's cells are on such sheets.
 */
export const SECTIONS_ONLY: PassOver = {
  fromBytes: 1024 * 1024,
  mayMatter: mayHoldSections,
  mayMatterAsName: mayNameASection,
};

/**
 * Why a path cannot be checked before any reading starts (missing, a folder, not an Excel workbook), or null.
 * Cheap, so the main thread asks it before handing a file to a worker.
 */
export function whyNotCheckable(path: string): string | null {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR"
      ? "no such file"
      : `cannot open it (${code ?? String(error)})`;
  }
  if (!isFile) return "it is a folder or a device, not a file";
  if (!WORKBOOK_EXTENSIONS.includes(extname(path).toLowerCase())) {
    return "not an .xlsx or .xlsm workbook (save it from Excel as an .xlsx workbook first)";
  }
  return null;
}

/**
 * Reads and validates one file. Never throws: every failure becomes an UnreadableFile whose error is a
 * sentence about the file, never a JavaScript message.
 */
export async function checkFile(
  file: string,
  options: ValidationOptions,
  limits: ReadLimits = DEFAULT_LIMITS
): Promise<FileReport> {
  const why = whyNotCheckable(file);
  if (why) return { file, error: why };
  let workbook;
  try {
    // A row map may point at any sheet, so with one every sheet is read.
    workbook = await readXlsxFile(file, limits, options.rows?.length ? undefined : SECTIONS_ONLY);
  } catch (error) {
    if (!(error instanceof WorkbookReadError))
      return { file, error: "it could not be read (the checker stopped on it: please report it)" };
    // The reader starts its message with the file's name; the report names the file already.
    const prefix = `${basename(file)}: `;
    const message = error.message;
    return { file, error: message.startsWith(prefix) ? message.slice(prefix.length) : message };
  }
  try {
    const result = validateWorkbook(workbook, options);
    return {
      file,
      template: result.template,
      findings: result.findings,
      summary: summarise(result.findings),
      checks: result.checks,
    };
  } catch (error) {
    // A rule that throws is a bug in dsg-validate, not in the workbook: say so rather than blame the file.
    // Out of memory while checking (a RangeError from an array or string too large) is the file's size.
    return {
      file,
      error:
        error instanceof RangeError
          ? "it is too large to check in the memory given to one file (--max-memory sets the limit)"
          : "the checker failed on this workbook, so it was not checked (please report it, with the file if you can)",
    };
  }
}
