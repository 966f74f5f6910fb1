/**
 * The files a command line names: each file as given, and each folder as the .xlsx and .xlsm workbooks under
 * it, at any depth. Inside a folder, hidden files and folders (a leading dot: .git, macOS's ._ copies) and
 * Excel's lock files (~$plan.xlsx, left while a workbook is open) are skipped; a file named on its own is
 * always checked. Symbolic links to folders are not followed, so a link loop cannot run for ever.
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";

const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm"];

/** A file to check, or a folder that could not be read or held no workbook, with why. */
export interface PathToCheck {
  readonly file: string;
  readonly error?: string;
}

function isWorkbookName(name: string): boolean {
  return (
    !name.startsWith(".") &&
    !name.startsWith("~$") &&
    WORKBOOK_EXTENSIONS.includes(extname(name).toLowerCase())
  );
}

/** Names in the order a person lists them (plan 2 before plan 10), the same on every machine. */
const byName = new Intl.Collator("en", { numeric: true });

/** The workbooks under `folder`, in name order, folders after files. */
function workbooksUnder(folder: string): string[] {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    byName.compare(a.name, b.name)
  );
  const files = entries
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && isWorkbookName(e.name))
    .map((e) => join(folder, e.name));
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith("."));
  return [...files, ...folders.flatMap((e) => workbooksUnder(join(folder, e.name)))];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing or unreadable: checkFile says why, as for any file
  }
}

/**
 * Expands folders into the workbooks under them. A file reached twice (named, and under a folder named)
 * is checked once, where it first came.
 */
export function expandPaths(paths: readonly string[]): PathToCheck[] {
  const expanded: PathToCheck[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    expanded.push({ file });
  };
  for (const path of paths) {
    if (!isFolder(path)) {
      add(path);
      continue;
    }
    let found: string[];
    try {
      found = workbooksUnder(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      expanded.push({ file: path, error: `the folder could not be read (${code})` });
      continue;
    }
    if (found.length === 0)
      expanded.push({ file: path, error: "the folder holds no .xlsx or .xlsm workbook" });
    found.forEach(add);
  }
  return expanded;
}
