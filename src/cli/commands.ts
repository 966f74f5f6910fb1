/**
 * dsg-validate's behaviour at the edges: runs the checks on a worker pool, prints the report, names every
 * file that could not be read on stderr, and decides the exit status.
 */
import { availableParallelism } from "node:os";
import { SHORT_USAGE, USAGE, parseArguments, type CliOptions } from "./cli";
import { isUnreadable, whyNotCheckable, type FileReport } from "./checkFile";
import { FORMATTERS } from "./formatters";
import { wantsColour } from "./colour";
import { expandPaths } from "./workbookFiles";
import { plainText } from "./terminalText";
import { runInWorkers } from "./pool";
import type { ValidationOptions } from "../validation/rule";
import { PROFILES, profileById } from "../templates/profiles";
import type { RowMapping } from "../templates/rowMap";
import { readRowMapFile } from "./rowMapFile";
import { runCompare } from "./compareCommand";

export const EXIT = { clean: 0, errorsFound: 1, notChecked: 2 } as const;

/** Marks a worker thread started by `checkFiles`, so the shared script knows to serve jobs. */
export const WORKER_MARK = "dsg-validate-worker";

/** One file for a worker to check. */
export interface CheckJob {
  readonly file: string;
  readonly options: ValidationOptions;
  /** The memory ceiling of the snapshot the reader builds, in bytes, and the whole file's, in MB. */
  readonly readMemoryBytes: number;
  readonly maxMemoryMb: number;
}

/**
 * Of a file's --max-memory, the part its snapshot may take while it is read; the rest is for checking
 * it. The reader refuses at its share with a message; the worker's heap limit is the whole, a backstop.
 */
const READ_SHARE = 0.75;

export interface CommandContext {
  /** The script a worker thread runs: the dsg-validate bundle itself. */
  readonly workerScript: string;
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (colour is only ever used there), and the environment (NO_COLOR, TERM). */
  readonly stdoutIsTerminal: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder the command runs in. */
  readonly cwd: string;
}

/**
 * Checks the files (folders expanded) in parallel; files that plainly cannot be checked are reported
 * without a worker.
 */
async function checkFiles(
  options: CliOptions,
  workerScript: string,
  rows: readonly RowMapping[] | undefined
): Promise<FileReport[]> {
  const validation: ValidationOptions = {
    tolerance: options.tolerance,
    template: options.template,
    ...(rows && { rows }),
  };
  const paths = expandPaths(options.files);
  const reports: (FileReport | undefined)[] = paths.map(({ file, error }) => {
    const why = error ?? whyNotCheckable(file);
    return why ? { file, error: why } : undefined;
  });
  const pending = paths.filter((_, i) => !reports[i]).map(({ file }) => file);
  const readMemoryBytes = Math.floor(options.maxMemoryMb * READ_SHARE * 1024 * 1024);
  const checked = await runInWorkers<CheckJob, FileReport>(
    pending.map((file) => ({
      file,
      options: validation,
      readMemoryBytes,
      maxMemoryMb: options.maxMemoryMb,
    })),
    {
      script: workerScript,
      workerData: WORKER_MARK,
      size: Math.min(pending.length, availableParallelism()),
      timeoutMs: options.timeoutSeconds * 1000,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxMemoryMb,
        // A young generation larger than V8's default halves the time garbage collection takes while a
        // large sheet is read (everything read is kept, so every scavenge copies it).
        maxYoungGenerationSizeMb: Math.min(48, Math.floor(options.maxMemoryMb / 8)),
      },
      onFailure: (job, why) => ({
        file: job.file,
        error: why.timedOut
          ? `still not read after ${options.timeoutSeconds} s, so it was skipped (is it very large, or not really a workbook?)`
          : why.outOfMemory
            ? `it needs more than ${options.maxMemoryMb} MB of memory to check, so it was skipped (--max-memory sets the limit)`
            : "the checker stopped while reading it, so it was skipped (please report it, with the file if you can)",
      }),
    }
  );
  return reports.map((report) => report ?? checked.shift()!);
}

function exitStatus(reports: readonly FileReport[]): number {
  if (reports.some(isUnreadable)) return EXIT.notChecked;
  return reports.some((r) => !isUnreadable(r) && r.summary.error > 0)
    ? EXIT.errorsFound
    : EXIT.clean;
}

/** Runs `dsg-validate <argv>` and returns its exit status. */
export async function runCommand(
  argv: readonly string[],
  context: CommandContext
): Promise<number> {
  // `dsg-validate compare older newer`: a file named compare is still checked as ./compare or after --.
  if (argv[0] === "compare") return runCompare(argv.slice(1), context);
  const command = parseArguments(argv);
  switch (command.kind) {
    case "usage":
      context.stderr(SHORT_USAGE);
      return EXIT.notChecked;
    case "help":
      context.stdout(USAGE);
      return EXIT.clean;
    case "version":
      context.stdout(`${context.version}\n`);
      return EXIT.clean;
    case "bad-arguments":
      context.stderr(`dsg-validate: ${plainText(command.message)}\n`);
      return EXIT.notChecked;
    case "validate": {
      const { template } = command.options;
      if (template !== undefined && !profileById(template)) {
        const known = PROFILES.map((p) => p.id).join(", ");
        context.stderr(
          `dsg-validate: There is no template '${plainText(template)}'. Known templates: ${known}.\n`
        );
        return EXIT.notChecked;
      }
      let rows: readonly RowMapping[] | undefined;
      if (command.options.map !== undefined) {
        const map = readRowMapFile(command.options.map);
        if (!map.ok) {
          const name = plainText(command.options.map);
          for (const problem of map.problems)
            context.stderr(`dsg-validate: ${name}: ${plainText(problem)}\n`);
          return EXIT.notChecked;
        }
        rows = map.rows;
      }
      const { options } = command;
      const reports = await checkFiles(options, context.workerScript, rows);
      // Each unreadable file is named once for people, on stderr; the text report only counts it (the
      // machine formats carry it too, as their readers need every file in the document).
      for (const report of reports.filter(isUnreadable))
        context.stderr(`dsg-validate: ${plainText(report.file)}: ${plainText(report.error)}\n`);
      const colour = wantsColour({
        noColourOption: options.noColour,
        stdoutIsTerminal: context.stdoutIsTerminal,
        env: context.env,
      });
      context.stdout(
        FORMATTERS[options.format](reports, {
          version: context.version,
          errorsOnly: options.errorsOnly,
          oneLinePerFile: options.oneLinePerFile,
          colour,
          cwd: context.cwd,
        })
      );
      return exitStatus(reports);
    }
  }
}
