/**
 * The command line's codec: node's zlib (native code, about twice as fast as fflate) inflating as a
 * stream, so a part is never held whole and a "zip bomb" stops at its cap, and zlib's CRC-32.
 */
import { createInflateRaw, crc32 } from "node:zlib";
import { PackageError, type PartCodec, tooLongError } from "./codec";

/** Output bytes per piece of a stream: large pieces keep the hand-offs between threads few. */
const CHUNK_BYTES = 1024 * 1024;

export const nodeCodec: PartCodec = {
  inflate(data, maxBytes, onChunk) {
    return new Promise<void>((resolve, reject) => {
      const stream = createInflateRaw({ chunkSize: CHUNK_BYTES });
      let total = 0;
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        stream.removeAllListeners("data");
        stream.destroy();
        reject(error);
      };
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) return fail(tooLongError(maxBytes));
        try {
          onChunk(chunk);
        } catch (error) {
          fail(error);
        }
      });
      stream.on("error", () => fail(new PackageError("a part could not be decompressed")));
      stream.on("end", () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      stream.end(data);
    });
  },
  crc32: (data, crc) => crc32(data, crc),
};
