/**
 * dsg-validate's command line: what the user typed, as data. No I/O here, so every case is easy to test.
 */
import { FORMAT_NAMES, type FormatName } from "./formatters/names";
import { PROFILES } from "../templates/profiles";
import { DEFAULT_MEMORY_MB } from "../workbook/limits";

export interface CliOptions {
  readonly files: readonly string[];
  readonly format: FormatName;
  readonly template?: string;
  readonly tolerance?: number;
  /** A row map file (`--map council-map.json`): rows the council words its own way, pointed at. */
  readonly map?: string;
  /** How long one file may take before it is reported as unreadable. */
  readonly timeoutSeconds: number;
  /** The memory one file may take while it is read and checked, in MB. */
  readonly maxMemoryMb: number;
  /** `--errors-only` (`--quiet`): the text report shows only errors and files that could not be read. */
  readonly errorsOnly: boolean;
  /** `--summary`: the text report gives one line a file. */
  readonly oneLinePerFile: boolean;
  /** `--no-color`: never colour the text report, even on a terminal. */
  readonly noColour: boolean;
}

export type ParsedCommand =
  | { readonly kind: "validate"; readonly options: CliOptions }
  | { readonly kind: "help" }
  | { readonly kind: "version" }
  /** No arguments at all: a short line pointing to --help, not the whole help. */
  | { readonly kind: "usage" }
  | { readonly kind: "bad-arguments"; readonly message: string };

/** Long enough for a very large template on a slow machine; a file still working after this is stuck. */
export const DEFAULT_TIMEOUT_SECONDS = 120;
/** A day: past 2^31 - 1 ms (24.8 days) node's timers fire at once, and no file needs longer. */
export const MAX_TIMEOUT_SECONDS = 86_400;
export { DEFAULT_MEMORY_MB } from "../workbook/limits";
/** Below this a worker cannot even start; above it is more than a laptop has to give one file. */
export const MIN_MEMORY_MB = 64;
export const MAX_MEMORY_MB = 16_384;
/** No money figure in a DSG plan comes near a trillion, in any unit. */
export const MAX_TOLERANCE = 1e12;

export const USAGE_LINE = "Usage: dsg-validate <file.xlsx|file.xlsm|folder>... [options]";

/** What `dsg-validate` with no arguments prints: how to call it, and where the options are. */
export const SHORT_USAGE = `${USAGE_LINE}\nRun dsg-validate --help for the options.\n`;

export const USAGE = `${USAGE_LINE}
       dsg-validate compare <older.xlsx> <newer.xlsx> [--json]   (what moved between two versions)

Checks DfE DSG management plan and Safety Valve workbooks and lists what needs fixing. A folder is
checked with every .xlsx and .xlsm workbook under it (not hidden folders, not Excel's ~$ lock files).

Options:
  --format <name>     text (the default), json, junit (JUnit XML), sarif (SARIF 2.1.0) or csv
  --json              the same as --format json
  --errors-only       in the text report, only the files with errors and their errors
                      (--quiet is the same); the exit status is unchanged
  --summary           in the text report, one line a file
  --no-color          no colour in the text report (colour is only ever used on a terminal,
                      and not when NO_COLOR is set)
  --template <id>     use this template profile instead of recognising one
                      (${PROFILES.map((p) => p.id).join(", ")})
  --tolerance <x>     allow differences up to x (in the sheet's money unit) in totals and roll-forwards;
                      by default half a unit of each figure's displayed precision
  --map <file.json>   read the rows this row map points at (exported from the task pane), such as
                      { "version": 1, "rows": [ { "sheet": "Financial summary", "row": 54,
                        "as": "endOfYear.carriedForward" } ] }
  --timeout <s>       give up on a file after s seconds (default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS})
  --max-memory <MB>   give up on a file that needs more than MB of memory (default ${DEFAULT_MEMORY_MB},
                      ${MIN_MEMORY_MB} to ${MAX_MEMORY_MB})
  --help              show this help
  --version           show the version

Each file that could not be read is named on stderr, once.
Exit status: 0 no errors (warnings and notes allowed), 1 at least one error,
2 a file could not be read or the arguments are wrong.
`;

const VALUE_OPTIONS = [
  "--format",
  "--template",
  "--tolerance",
  "--map",
  "--timeout",
  "--max-memory",
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

/** Options that take no value. */
const FLAGS = ["--json", "--errors-only", "--quiet", "--summary", "--no-color"];

function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/**
 * The option's number when it lies in its range (above `min` when `exclusive`, else from it; up to `max`),
 * otherwise a sentence saying what it needs.
 */
function numberInRange(
  name: string,
  text: string,
  range: { min: number; max: number; exclusive?: boolean; unit?: string }
): number | string {
  const value = Number(text);
  const { min, max, exclusive = false, unit = "" } = range;
  const ok =
    text.trim() !== "" &&
    Number.isFinite(value) &&
    (exclusive ? value > min : value >= min) &&
    value <= max;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return ok
    ? value
    : `${name} needs a number${unit} ${exclusive ? "above" : "from"} ${min.toLocaleString("en-GB")} ${exclusive ? "up to" : "to"} ${max.toLocaleString("en-GB")}, not "${shown}".`;
}

/**
 * Reads the arguments after `dsg-validate`. Options may come before or after the files, `--name=value`
 * works as well as `--name value`, and `--` ends the options (for file names starting with a dash).
 */
export function parseArguments(argv: readonly string[]): ParsedCommand {
  const files: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags = new Set<string>();
  let optionsEnded = false;

  if (argv.length === 0) return { kind: "usage" };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--" && !optionsEnded) {
      optionsEnded = true;
      continue;
    }
    if (optionsEnded || !arg.startsWith("--")) {
      files.push(arg);
      continue;
    }
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    if (name === "--help") return { kind: "help" };
    if (name === "--version") return { kind: "version" };
    if (FLAGS.includes(name) && inline === undefined) {
      flags.add(name);
    } else if (isValueOption(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "")
        return { kind: "bad-arguments", message: `${name} needs a value.` };
      values[name] = value;
    } else {
      return { kind: "bad-arguments", message: `Unknown option ${arg}. See dsg-validate --help.` };
    }
  }

  if (files.length === 0)
    return {
      kind: "bad-arguments",
      message: "Give at least one .xlsx or .xlsm file, or a folder of them, to check.",
    };
  const format = values["--format"] ?? (flags.has("--json") ? "json" : "text");
  if (!isFormatName(format))
    return {
      kind: "bad-arguments",
      message: `--format needs one of ${FORMAT_NAMES.join(", ")}, not "${format.slice(0, 40)}".`,
    };
  if (values["--format"] !== undefined && flags.has("--json") && format !== "json")
    return { kind: "bad-arguments", message: `--json and --format ${format} ask for two formats.` };
  const tolerance =
    values["--tolerance"] === undefined
      ? undefined
      : numberInRange("--tolerance", values["--tolerance"], { min: 0, max: MAX_TOLERANCE });
  if (typeof tolerance === "string") return { kind: "bad-arguments", message: tolerance };
  const timeout =
    values["--timeout"] === undefined
      ? DEFAULT_TIMEOUT_SECONDS
      : numberInRange("--timeout", values["--timeout"], {
          min: 0,
          max: MAX_TIMEOUT_SECONDS,
          exclusive: true,
          unit: " of seconds",
        });
  if (typeof timeout === "string") return { kind: "bad-arguments", message: timeout };
  const memory =
    values["--max-memory"] === undefined
      ? DEFAULT_MEMORY_MB
      : numberInRange("--max-memory", values["--max-memory"], {
          min: MIN_MEMORY_MB,
          max: MAX_MEMORY_MB,
          unit: " of MB",
        });
  if (typeof memory === "string") return { kind: "bad-arguments", message: memory };

  return {
    kind: "validate",
    options: {
      files,
      format,
      template: values["--template"],
      tolerance,
      map: values["--map"],
      timeoutSeconds: timeout,
      maxMemoryMb: memory,
      errorsOnly: flags.has("--errors-only") || flags.has("--quiet"),
      oneLinePerFile: flags.has("--summary"),
      noColour: flags.has("--no-color"),
    },
  };
}
