/**
 * The ZIP layer of the .xlsx reader, on JSZip (a maintained ZIP library that also handles ZIP64, data
 * descriptors and entries written by tools other than Excel). Parts are streamed out as text rather than
 * inflated whole, so a part that unzips far beyond its compressed size (a "zip bomb") is stopped as soon
 * as it passes the limit instead of after it has filled memory.
 */
import JSZip from "jszip";
import { StringDecoder } from "node:string_decoder";
import { WorkbookReadError } from "./workbook";

/** Why the archive could not be read, in words a finance lead can act on; the reader adds the advice. */
export class PackageError extends Error {}

/** An opened .xlsx/.xlsm package (a ZIP archive of XML parts). */
export interface XlsxPackage {
  /** Whether the package holds a part at this path (e.g. "word/document.xml"). */
  has(path: string): boolean;
  /**
   * Streams a part's text to `onText` chunk by chunk; resolves false when the part is absent. Throws a
   * WorkbookReadError when the part unzips to more than `maxBytes`, a PackageError when it is damaged.
   */
  read(path: string, onText: (text: string) => void, maxBytes: number): Promise<boolean>;
}

/** JSZip's words for an archive whose end is missing or incomplete. */
const CUT_SHORT = /end of central directory|end of data reached|missing \d+ bytes/i;

/** Opens the ZIP archive of a workbook; a damaged or cut-short archive throws a PackageError. */
export async function openPackage(data: Uint8Array): Promise<XlsxPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (error) {
    // JSZip's own messages are for developers (one ends in a documentation URL); these are for users.
    throw new PackageError(
      CUT_SHORT.test((error as Error).message)
        ? "the end of the file is missing (it was probably cut short while copying or downloading)"
        : "its list of contents is damaged"
    );
  }
  return {
    has: (path) => zip.file(path) !== null,
    read: async (path, onText, maxBytes) => {
      const file = zip.file(path);
      if (!file) return false;
      await streamText(file, onText, maxBytes);
      return true;
    },
  };
}

function streamText(
  file: JSZip.JSZipObject,
  onText: (text: string) => void,
  maxBytes: number
): Promise<void> {
  // A StringDecoder keeps a character split across two chunks whole.
  const decoder = new StringDecoder("utf8");
  const stream = file.nodeStream("nodebuffer");
  let size = 0;
  return new Promise<void>((resolve, reject) => {
    const stop = (error: unknown) => {
      stream.removeAllListeners("data");
      stream.pause();
      reject(error);
    };
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop(
          new WorkbookReadError(
            `The part ${file.name} unzips to more than ${Math.round(maxBytes / 1024 / 1024)} MB, more than a workbook to check may hold.`
          )
        );
        return;
      }
      try {
        onText(decoder.write(chunk));
      } catch (error) {
        stop(error);
      }
    });
    stream.on("error", () => stop(new PackageError(`${file.name} could not be decompressed`)));
    stream.on("end", () => {
      try {
        onText(decoder.end());
        resolve();
      } catch (error) {
        reject(error);
      }
    });
  });
}
