/**
 * The command line's codec: node's zlib (native code, about twice as fast as fflate) inflating as a
 * stream, so a part is never held whole and a "zip bomb" stops at its cap, and zlib's CRC-32.
 *
 * zlib inflates on node's thread pool; each inflated piece is queued and read on the next turn of the
 * event loop rather than inside zlib's callback, so zlib inflates the next piece while this thread reads
 * the last one (the queue is kept short: the stream pauses while three pieces wait).
 */
import { createInflateRaw, crc32 } from "node:zlib";
import { PackageError, type PartCodec, tooLongError } from "./codec";

/** Output bytes per piece of a stream: large pieces keep the hand-offs between threads few. */
const CHUNK_BYTES = 1024 * 1024;
/** Pieces inflated ahead of the reader at most. */
const AHEAD = 3;

export const nodeCodec: PartCodec = {
  inflate(data, maxBytes, onChunk) {
    return new Promise<void>((resolve, reject) => {
      const stream = createInflateRaw({ chunkSize: CHUNK_BYTES });
      const queue: Buffer[] = [];
      let total = 0;
      let ended = false;
      let settled = false;
      let scheduled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        queue.length = 0;
        stream.removeAllListeners("data");
        stream.destroy();
        reject(error);
      };
      const drain = () => {
        scheduled = false;
        if (settled) return;
        try {
          for (let chunk = queue.shift(); chunk; chunk = queue.shift()) onChunk(chunk);
        } catch (error) {
          return fail(error);
        }
        if (ended) {
          settled = true;
          resolve();
        } else if (stream.isPaused()) stream.resume();
      };
      const schedule = () => {
        if (scheduled) return;
        scheduled = true;
        setImmediate(drain);
      };
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) return fail(tooLongError(maxBytes));
        queue.push(chunk);
        if (queue.length >= AHEAD) stream.pause();
        schedule();
      });
      stream.on("error", () => fail(new PackageError("a part could not be decompressed")));
      stream.on("end", () => {
        ended = true;
        schedule();
      });
      stream.end(data);
    });
  },
  crc32: (data, crc) => crc32(data, crc),
};
