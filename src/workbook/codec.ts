/**
 * How the reader unzips a part and checks it: inflate raw DEFLATE data with a hard cap on its output, and
 * CRC-32. Two implementations: this file's, on fflate (a maintained pure-JavaScript inflater, so it works
 * in the browser as in node) with a table-driven CRC-32, and ./nodeCodec.ts on node's own zlib, which the
 * command line uses because it is about twice as fast.
 */
import { Inflate } from "fflate";

/** Why a part could not be unzipped, in words a finance lead can act on (the reader adds the advice). */
export class PackageError extends Error {}

export interface PartCodec {
  /**
   * Inflates raw DEFLATE `data`, handing the output to `onChunk` piece by piece, in order. Rejects with a
   * PackageError when the data is not valid DEFLATE or would inflate to more than `maxBytes` (stopping as
   * soon as it passes, without inflating the rest), and with the error itself when `onChunk` throws.
   */
  inflate(data: Uint8Array, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<void>;
  /** The CRC-32 (as in ZIP) of `data` continued from `crc` (0 to start). */
  crc32(data: Uint8Array, crc: number): number;
}

/** The error for a part that inflates to more than its directory entry says. */
export const tooLongError = (maxBytes: number) =>
  new PackageError(
    `a part unzips to more than the ${maxBytes.toLocaleString("en-GB")} bytes its entry in the file's list of contents says`
  );

/**
 * Compressed bytes fed to fflate at a time. DEFLATE expands at most about 1,032 times, so one push gives
 * at most 16 MB: the cap is checked after each, and a "zip bomb" is stopped within 16 MB of its limit.
 */
const INPUT_SLICE = 16 * 1024;

/** The browser-safe codec, on fflate. */
export const portableCodec: PartCodec = {
  inflate(data, maxBytes, onChunk) {
    let total = 0;
    let failure: unknown;
    const inflater = new Inflate((chunk) => {
      if (failure !== undefined || chunk.length === 0) return;
      total += chunk.length;
      if (total > maxBytes) {
        failure = tooLongError(maxBytes);
        return;
      }
      try {
        onChunk(chunk);
      } catch (error) {
        failure = error;
      }
    });
    try {
      if (data.length === 0) inflater.push(data, true);
      for (let at = 0; at < data.length && failure === undefined; at += INPUT_SLICE) {
        const end = Math.min(data.length, at + INPUT_SLICE);
        inflater.push(data.subarray(at, end), end === data.length);
      }
    } catch {
      failure ??= new PackageError("a part could not be decompressed");
    }
    return failure === undefined ? Promise.resolve() : Promise.reject(failure);
  },
  crc32: crc32Portable,
};

/** CRC-32 tables for slicing by 8 (IEEE 802.3 polynomial, reflected), built once. */
const CRC_TABLES: Int32Array = (() => {
  const tables = new Int32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n];
    for (let t = 1; t < 8; t++) {
      c = tables[c & 0xff] ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

/** CRC-32 in JavaScript, eight bytes a step. */
export function crc32Portable(data: Uint8Array, crc: number): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  const end8 = data.length - (data.length % 8);
  for (; i < end8; i += 8) {
    const lo = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    const hi = data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24);
    c =
      t[1792 + (lo & 0xff)] ^
      t[1536 + ((lo >>> 8) & 0xff)] ^
      t[1280 + ((lo >>> 16) & 0xff)] ^
      t[1024 + (lo >>> 24)] ^
      t[768 + (hi & 0xff)] ^
      t[512 + ((hi >>> 8) & 0xff)] ^
      t[256 + ((hi >>> 16) & 0xff)] ^
      t[hi >>> 24];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}
