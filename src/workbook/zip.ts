/**
 * The few lines of ZIP reading an .xlsx needs: list the entries from the central directory and inflate
 * one with Node's zlib. Node's native inflate is about ten times faster than a JavaScript one on a large
 * sheet, and reading the directory ourselves lets us refuse oversized parts before inflating them.
 * Encrypted entries, multi-disk archives and ZIP64 (parts over 4 GB) are not supported: an .xlsx has none.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
  /** Where the entry's record in the central directory starts. */
  readonly centralHeaderOffset: number;
}

/** Why an archive could not be read; the caller words it for the user. */
export class ZipError extends Error {}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The entries of a ZIP archive by name, from its central directory. */
export function zipEntries(data: Buffer): Map<string, ZipEntry> {
  const end = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
      throw new ZipError("its list of contents is damaged");
    }
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const name = data.toString("utf8", offset + 46, offset + 46 + nameLength);
    entries.set(name, {
      name,
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
      localHeaderOffset: data.readUInt32LE(offset + 42),
      centralHeaderOffset: offset,
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry. */
export function inflateEntry(data: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_FILE_HEADER)
    throw new ZipError(`${entry.name} is damaged`);
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipError(`${entry.name} is cut short`);
  const raw = data.subarray(start, end);
  if (entry.method === 0) return raw;
  if (entry.method !== 8)
    throw new ZipError(`${entry.name} uses an unsupported compression method (${entry.method})`);
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    throw new ZipError(`${entry.name} could not be decompressed (${(error as Error).message})`);
  }
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes at the very end of the file.
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  for (let at = data.length - 22; at >= earliest; at--) {
    if (data.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipError(
    "the end of the file is missing (it was probably cut short while copying or downloading)"
  );
}

/**
 * Sets every entry's modification time to 1 January 1980 (the DOS epoch), in place, so that building
 * the same workbook twice gives the same bytes.
 */
export function clearZipTimestamps(data: Buffer): Buffer {
  const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;
  for (const entry of zipEntries(data).values()) {
    data.writeUInt16LE(0, entry.localHeaderOffset + 10);
    data.writeUInt16LE(DOS_EPOCH_DATE, entry.localHeaderOffset + 12);
    data.writeUInt16LE(0, entry.centralHeaderOffset + 12);
    data.writeUInt16LE(DOS_EPOCH_DATE, entry.centralHeaderOffset + 14);
  }
  return data;
}
