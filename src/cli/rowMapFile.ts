/**
 * `--map council-map.json`: the row map the task pane exports, read and checked once before any workbook
 * is, so a bad map stops the run with the file's name and every problem in it (exit status 2) instead of
 * being applied halfway.
 */
import { readFileSync, statSync } from "node:fs";
import { parseRowMap, type RowMapping } from "../templates/rowMap";

/** A row map lists a few rows; anything this large is not one. */
export const MAX_MAP_BYTES = 1024 * 1024;

export type RowMapFile =
  | { readonly ok: true; readonly rows: readonly RowMapping[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The rows of the map file at `path`, or sentences saying why it cannot be used. */
export function readRowMapFile(path: string): RowMapFile {
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, problems: ["it is a folder or a device, not a file"] };
    if (stat.size > MAX_MAP_BYTES)
      return {
        ok: false,
        problems: [
          `it is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a row map lists a few rows and is at most 1 MB`,
        ],
      };
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [
        code === "ENOENT" || code === "ENOTDIR"
          ? "no such file"
          : `cannot open it (${code ?? String(error)})`,
      ],
    };
  }
  const read = parseRowMap(text.replace(/^\uFEFF/, ""));
  return read.ok ? { ok: true, rows: read.map.rows } : { ok: false, problems: read.problems };
}
