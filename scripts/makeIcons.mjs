/**
 * Draws the add-in's icons (assets/icon-<size>.png for 16, 32, 64, 80 and 128 px) with no image library:
 * a teal rounded square with three white bars falling left to right, a deficit being paid down.
 * Each pixel is supersampled 4×4 so the small sizes stay crisp. Run: node scripts/makeIcons.mjs
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const TEAL = [0x0b, 0x6a, 0x6e];
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4;

/** Shapes on a 0..1 canvas: a rounded square, and the bars as [left, top, right] with a common floor. */
const CORNER = 0.18;
const FLOOR = 0.8;
const BARS = [
  [0.2, 0.22, 0.36],
  [0.42, 0.4, 0.58],
  [0.64, 0.58, 0.8],
];

function insideRoundedSquare(x, y) {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function insideBar(x, y) {
  return BARS.some(([left, top, right]) => x >= left && x <= right && y >= top && y <= FLOOR);
}

/** RGBA bytes of one pixel: the share of its subsamples covered by each shape sets colour and alpha. */
function pixel(px, py, size) {
  let square = 0;
  let bar = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
      const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
      if (insideRoundedSquare(x, y)) {
        square++;
        if (insideBar(x, y)) bar++;
      }
    }
  }
  if (square === 0) return [0, 0, 0, 0];
  const white = bar / square;
  const rgb = TEAL.map((c, i) => Math.round(c + (WHITE[i] - c) * white));
  return [...rgb, Math.round((255 * square) / SUPERSAMPLE ** 2)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of the icon at `size` × `size` pixels. */
export function iconPng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter type "none" for each scanline
    for (let x = 0; x < size; x++) rows.push(...pixel(x, y, size));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL("../assets/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(new URL(`icon-${size}.png`, dir), iconPng(size));
    console.log(`assets/icon-${size}.png`);
  }
}
