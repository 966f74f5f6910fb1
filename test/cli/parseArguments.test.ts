import { describe, expect, it } from "vitest";
import { DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, parseArguments } from "../../src/cli/cli";

const defaults = {
  format: "text",
  template: undefined,
  tolerance: undefined,
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  maxMemoryMb: DEFAULT_MEMORY_MB,
  errorsOnly: false,
  oneLinePerFile: false,
  noColour: false,
};

describe("parseArguments", () => {
  it.each([
    ["files only", ["a.xlsx", "b.xlsm"], { ...defaults, files: ["a.xlsx", "b.xlsm"] }],
    [
      "--json after the files",
      ["a.xlsx", "--json"],
      { ...defaults, files: ["a.xlsx"], format: "json" },
    ],
    [
      "options before the files",
      ["--template", "safety-valve-return", "a.xlsx"],
      { ...defaults, files: ["a.xlsx"], template: "safety-valve-return" },
    ],
    [
      "--name=value",
      ["--tolerance=0.01", "a.xlsx"],
      { ...defaults, files: ["a.xlsx"], tolerance: 0.01 },
    ],
    [
      "a zero tolerance",
      ["a.xlsx", "--tolerance", "0"],
      { ...defaults, files: ["a.xlsx"], tolerance: 0 },
    ],
    [
      "a timeout",
      ["a.xlsx", "--timeout", "2.5"],
      { ...defaults, files: ["a.xlsx"], timeoutSeconds: 2.5 },
    ],
    [
      "a memory ceiling",
      ["a.xlsx", "--max-memory=1024"],
      { ...defaults, files: ["a.xlsx"], maxMemoryMb: 1024 },
    ],
    [
      "--format sarif",
      ["--format", "sarif", "a.xlsx"],
      { ...defaults, files: ["a.xlsx"], format: "sarif" },
    ],
    [
      "--format=junit",
      ["a.xlsx", "--format=junit"],
      { ...defaults, files: ["a.xlsx"], format: "junit" },
    ],
    [
      "--json with --format json",
      ["a.xlsx", "--json", "--format", "json"],
      { ...defaults, files: ["a.xlsx"], format: "json" },
    ],
    [
      "--errors-only",
      ["a.xlsx", "--errors-only"],
      { ...defaults, files: ["a.xlsx"], errorsOnly: true },
    ],
    ["--quiet", ["--quiet", "a.xlsx"], { ...defaults, files: ["a.xlsx"], errorsOnly: true }],
    [
      "--summary",
      ["a.xlsx", "--summary"],
      { ...defaults, files: ["a.xlsx"], oneLinePerFile: true },
    ],
    ["--no-color", ["a.xlsx", "--no-color"], { ...defaults, files: ["a.xlsx"], noColour: true }],
    ["a folder", ["returns/"], { ...defaults, files: ["returns/"] }],
    [
      "-- before a file named like an option",
      ["--", "--odd.xlsx"],
      { ...defaults, files: ["--odd.xlsx"] },
    ],
  ])("should read %s", (_, argv, options) => {
    expect(parseArguments(argv)).toEqual({ kind: "validate", options });
  });

  it.each([
    [["--help"], "help"],
    [["a.xlsx", "--help"], "help"],
    [["--version"], "version"],
    [[], "usage"],
  ])("should read %j as %s", (argv, kind) => {
    expect(parseArguments(argv)).toEqual({ kind });
  });

  it.each([
    ["options but no files", ["--json"], /at least one .xlsx or .xlsm file, or a folder/],
    [
      "an unknown format",
      ["a.xlsx", "--format", "xml"],
      /--format needs one of text, json, junit, sarif, csv, not "xml"/,
    ],
    ["--json with another format", ["a.xlsx", "--json", "--format=csv"], /--json and --format csv/],
    ["--quiet with a value", ["a.xlsx", "--quiet=yes"], /Unknown option --quiet=yes/],
    ["an unknown option", ["a.xlsx", "--fix"], /Unknown option --fix/],
    ["a value option at the end", ["a.xlsx", "--template"], /--template needs a value/],
    ["an empty inline value", ["a.xlsx", "--template="], /--template needs a value/],
    [
      "a tolerance that is not a number",
      ["a.xlsx", "--tolerance", "abc"],
      /--tolerance needs a number from 0 to 1,000,000,000,000, not "abc"/,
    ],
    ["a negative tolerance", ["a.xlsx", "--tolerance=-1"], /--tolerance/],
    ["a tolerance of 1e400 (Infinity)", ["a.xlsx", "--tolerance=1e400"], /--tolerance needs/],
    [
      "a zero timeout",
      ["a.xlsx", "--timeout", "0"],
      /--timeout needs a number of seconds above 0 up to 86,400, not "0"/,
    ],
    [
      "a timeout past node's timers (2,147,484 s)",
      ["a.xlsx", "--timeout", "2147484"],
      /--timeout needs a number of seconds above 0 up to 86,400, not "2147484"/,
    ],
    [
      "a memory ceiling too small to start a worker",
      ["a.xlsx", "--max-memory", "10"],
      /--max-memory needs a number of MB from 64 to 16,384, not "10"/,
    ],
    [
      "a memory ceiling that is not a number",
      ["a.xlsx", "--max-memory", "lots"],
      /--max-memory needs a number of MB/,
    ],
    ["--json with a value", ["a.xlsx", "--json=yes"], /Unknown option --json=yes/],
  ])("should refuse %s", (_, argv, message) => {
    const parsed = parseArguments(argv);
    expect(parsed.kind).toBe("bad-arguments");
    expect(parsed.kind === "bad-arguments" && parsed.message).toMatch(message);
  });
});
