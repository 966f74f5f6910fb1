/**
 * The ZIP layer of the .xlsx reader. It reads the archive's central directory itself (ZIP64 and entries
 * with data descriptors included) and checks it before anything is unzipped: every entry lies inside the
 * file, no name is listed twice, and each part's declared size is within the limits. Parts are then
 * inflated as a stream (./codec.ts) with the declared size as a hard cap, so a part that unzips beyond
 * what its entry says is stopped at once, and every part's CRC-32 is checked against the directory: a
 * damaged part is refused, never read as figures.
 */
import { PackageError, type PartCodec, portableCodec } from "./codec";
import { formatMegabytes, MAX_PART_BYTES, ReadBudget } from "./limits";
import { WorkbookReadError } from "./workbook";

export { PackageError } from "./codec";

/** One part as the central directory lists it. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the part's data starts in the file (after its local header). */
  readonly dataOffset: number;
}

/** An opened .xlsx/.xlsm package (a ZIP archive of XML parts). */
export interface XlsxPackage {
  /** Whether the package holds a part at this path (e.g. "word/document.xml"). */
  has(path: string): boolean;
  /** The directory entry of a part (found as OPC does, ignoring case), if any. */
  entry(path: string): ZipEntry | undefined;
  /**
   * Streams a part's bytes to `onBytes` chunk by chunk; resolves false when the part is absent. Throws a
   * WorkbookReadError when the part unzips to more than the limits allow, a PackageError when it is
   * damaged (it does not inflate, its size or its CRC-32 is not what the directory says).
   */
  read(path: string, onBytes: (bytes: Uint8Array) => void, budget?: ReadBudget): Promise<boolean>;
}

const END_SIGNATURE = 0x06054b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** More parts than any workbook has (the DfE template has about 60). */
const MAX_ENTRIES = 65_535;
/** Stored parts are handed on in pieces of this size, as inflated ones are. */
const STORED_CHUNK = 1024 * 1024;

const CUT_SHORT =
  "the end of the file is missing (it was probably cut short while copying or downloading)";
const LIST_DAMAGED = "its list of contents is damaged";

/** Little-endian reads that say "damaged" instead of reading past the end. */
class Bytes {
  constructor(readonly data: Uint8Array) {}
  u16(at: number): number {
    if (at < 0 || at + 2 > this.data.length) throw new PackageError(LIST_DAMAGED);
    return this.data[at] | (this.data[at + 1] << 8);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.data.length) throw new PackageError(LIST_DAMAGED);
    return (
      (this.data[at] | (this.data[at + 1] << 8) | (this.data[at + 2] << 16)) +
      this.data[at + 3] * 0x1000000
    );
  }
  /** A 64-bit size; beyond 2^53 is no file this reader opens. */
  u64(at: number): number {
    const high = this.u32(at + 4);
    if (high >= 0x200000) throw new PackageError(LIST_DAMAGED);
    return this.u32(at) + high * 0x100000000;
  }
}

/** Finds the end-of-central-directory record: the last 22 bytes, or earlier behind a comment. */
function findEnd(bytes: Bytes): number {
  const data = bytes.data;
  const last = data.length - 22;
  for (let at = last; at >= 0 && at >= last - 65_535; at--) {
    if (data[at] === 0x50 && data[at + 1] === 0x4b && bytes.u32(at) === END_SIGNATURE) {
      if (at + 22 + bytes.u16(at + 20) <= data.length) return at;
    }
  }
  throw new PackageError(CUT_SHORT);
}

const utf8 = new TextDecoder("utf-8");

/** Reads and checks the central directory. */
export function readDirectory(data: Uint8Array): Map<string, ZipEntry> {
  const bytes = new Bytes(data);
  const end = findEnd(bytes);
  let count = bytes.u16(end + 10);
  let size = bytes.u32(end + 12);
  let offset = bytes.u32(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || bytes.u32(locator) !== ZIP64_LOCATOR_SIGNATURE)
      throw new PackageError(LIST_DAMAGED);
    const zip64End = bytes.u64(locator + 8);
    if (bytes.u32(zip64End) !== ZIP64_END_SIGNATURE) throw new PackageError(LIST_DAMAGED);
    count = bytes.u64(zip64End + 32);
    size = bytes.u64(zip64End + 40);
    offset = bytes.u64(zip64End + 48);
  }
  if (count > MAX_ENTRIES || offset + size > end) throw new PackageError(LIST_DAMAGED);
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (bytes.u32(at) !== CENTRAL_SIGNATURE) throw new PackageError(LIST_DAMAGED);
    const flags = bytes.u16(at + 8);
    const method = bytes.u16(at + 10);
    const crc32 = bytes.u32(at + 16);
    let compressedSize = bytes.u32(at + 20);
    let uncompressed = bytes.u32(at + 24);
    const nameLength = bytes.u16(at + 28);
    const extraLength = bytes.u16(at + 30);
    const commentLength = bytes.u16(at + 32);
    let localOffset = bytes.u32(at + 42);
    if (at + 46 + nameLength + extraLength + commentLength > offset + size)
      throw new PackageError(LIST_DAMAGED);
    const name = utf8.decode(data.subarray(at + 46, at + 46 + nameLength));
    // ZIP64: sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = bytes.u16(x);
      const length = bytes.u16(x + 2);
      if (id === 0x0001) {
        let field = x + 4;
        if (uncompressed === 0xffffffff) ((uncompressed = bytes.u64(field)), (field += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = bytes.u64(field)), (field += 8));
        if (localOffset === 0xffffffff) localOffset = bytes.u64(field);
      }
      x += 4 + length;
    }
    if (bytes.u32(localOffset) !== LOCAL_SIGNATURE) throw new PackageError(LIST_DAMAGED);
    const dataOffset = localOffset + 30 + bytes.u16(localOffset + 26) + bytes.u16(localOffset + 28);
    if (dataOffset + compressedSize > offset) throw new PackageError(LIST_DAMAGED);
    if (entries.has(name)) throw new PackageError(`it lists the part ${name} twice`);
    entries.set(name, {
      name,
      method,
      flags,
      crc32,
      compressedSize,
      size: uncompressed,
      dataOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Opens the ZIP archive of a workbook; a damaged or cut-short archive throws a PackageError. */
export async function openPackage(
  data: Uint8Array,
  codec: PartCodec = portableCodec
): Promise<XlsxPackage> {
  const entries = readDirectory(data);
  const folded = new Map<string, ZipEntry>();
  for (const entry of entries.values()) folded.set(entry.name.toLowerCase(), entry);
  const find = (path: string) => {
    const name = path.startsWith("/") ? path.slice(1) : path;
    return entries.get(name) ?? folded.get(name.toLowerCase());
  };
  return {
    has: (path) => find(path) !== undefined,
    entry: find,
    read: async (path, onBytes, budget = new ReadBudget()) => {
      const entry = find(path);
      if (!entry) return false;
      await readEntry(data, entry, codec, onBytes, budget);
      return true;
    },
  };
}

async function readEntry(
  data: Uint8Array,
  entry: ZipEntry,
  codec: PartCodec,
  onBytes: (bytes: Uint8Array) => void,
  budget: ReadBudget
): Promise<void> {
  if (entry.size > MAX_PART_BYTES)
    throw new WorkbookReadError(
      `The part ${entry.name} unzips to ${formatMegabytes(entry.size)}, more than the ${formatMegabytes(MAX_PART_BYTES)} a part of a workbook to check may hold.`
    );
  budget.expectUnzip(entry.size);
  if (entry.flags & 1) throw new PackageError(`the part ${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new PackageError(
      `the part ${entry.name} is compressed in a way Excel does not use (method ${entry.method})`
    );
  const compressed = data.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let crc = 0;
  let total = 0;
  const take = (chunk: Uint8Array) => {
    total += chunk.length;
    budget.unzip(chunk.length);
    crc = codec.crc32(chunk, crc);
    onBytes(chunk);
  };
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      throw new PackageError(`the part ${entry.name} is not the size the list of contents says`);
    for (let at = 0; at < compressed.length; at += STORED_CHUNK)
      take(compressed.subarray(at, at + STORED_CHUNK));
  } else {
    try {
      await codec.inflate(compressed, entry.size, take);
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      throw new PackageError(
        error.message.startsWith("a part ")
          ? `the part ${entry.name}${error.message.slice("a part".length)}`
          : error.message
      );
    }
  }
  if (total !== entry.size)
    throw new PackageError(
      `the part ${entry.name} unzips to ${total.toLocaleString("en-GB")} bytes where its list of contents says ${entry.size.toLocaleString("en-GB")}`
    );
  if (crc !== entry.crc32)
    throw new PackageError(
      `the part ${entry.name} does not match its checksum (CRC-32), so its contents are not what was saved`
    );
}
