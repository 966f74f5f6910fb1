/**
 * dsg-validate's behaviour at the edges: runs the checks on a worker pool, prints the report, names every
 * file that could not be read on stderr, and decides the exit status.
 */
import { availableParallelism } from "node:os";
import { USAGE, parseArguments, type CliOptions } from "./cli";
import { isUnreadable, whyNotCheckable, type FileReport } from "./checkFile";
import { FORMATTERS } from "./formatters";
import { runInWorkers } from "./pool";
import type { ValidationOptions } from "../validation/rule";
import { PROFILES, profileById } from "../templates/profiles";

export const EXIT = { clean: 0, errorsFound: 1, notChecked: 2 } as const;

/** Marks a worker thread started by `checkFiles`, so the shared script knows to serve jobs. */
export const WORKER_MARK = "dsg-validate-worker";

/** One file for a worker to check. */
export interface CheckJob {
  readonly file: string;
  readonly options: ValidationOptions;
}

export interface CommandContext {
  /** The script a worker thread runs: the dsg-validate bundle itself. */
  readonly workerScript: string;
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Checks the files in parallel; files that plainly cannot be checked are reported without a worker. */
async function checkFiles(options: CliOptions, workerScript: string): Promise<FileReport[]> {
  const validation: ValidationOptions = {
    tolerance: options.tolerance,
    template: options.template,
  };
  const reports: (FileReport | undefined)[] = options.files.map((file) => {
    const why = whyNotCheckable(file);
    return why ? { file, error: why } : undefined;
  });
  const pending = options.files.filter((_, i) => !reports[i]);
  const checked = await runInWorkers<CheckJob, FileReport>(
    pending.map((file) => ({ file, options: validation })),
    {
      script: workerScript,
      workerData: WORKER_MARK,
      size: Math.min(pending.length, availableParallelism()),
      timeoutMs: options.timeoutSeconds * 1000,
      onFailure: (job, why) => ({
        file: job.file,
        error: why.timedOut
          ? `still not read after ${options.timeoutSeconds} s, so it was skipped (is it very large, or not really a workbook?)`
          : `reading it failed: ${why.error?.message ?? "unknown error"}`,
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
  const command = parseArguments(argv);
  switch (command.kind) {
    case "help":
      context.stdout(USAGE);
      return EXIT.clean;
    case "version":
      context.stdout(`${context.version}\n`);
      return EXIT.clean;
    case "bad-arguments":
      context.stderr(`dsg-validate: ${command.message}\n`);
      return EXIT.notChecked;
    case "validate": {
      const { template } = command.options;
      if (template !== undefined && !profileById(template)) {
        const known = PROFILES.map((p) => p.id).join(", ");
        context.stderr(
          `dsg-validate: There is no template '${template}'. Known templates: ${known}.\n`
        );
        return EXIT.notChecked;
      }
      const reports = await checkFiles(command.options, context.workerScript);
      for (const report of reports.filter(isUnreadable)) {
        context.stderr(`dsg-validate: ${report.file}: ${report.error}\n`);
      }
      context.stdout(FORMATTERS[command.options.format](reports));
      return exitStatus(reports);
    }
  }
}
