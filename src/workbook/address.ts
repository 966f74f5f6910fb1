import type { CellRange } from "./workbook";

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** A1-style address of a 0-based cell: (23, 5) → "F24". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1-style address of a range; a single cell gives "F24", a rectangle "C24:H24". */
export function a1Range(range: CellRange): string {
  const start = a1(range.top, range.left);
  return range.top === range.bottom && range.left === range.right
    ? start
    : `${start}:${a1(range.bottom, range.right)}`;
}

/** Parses "F24" or "C24:H24" (optionally with `$`) into a 0-based range; `null` if it is not an address. */
export function parseA1(address: string): CellRange | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!match) return null;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const top = Number(match[2]) - 1;
  const left = col(match[1]);
  const bottom = match[4] ? Number(match[4]) - 1 : top;
  const right = match[3] ? col(match[3]) : left;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** How Excel writes a sheet name in a reference: quoted when it has spaces or punctuation. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
