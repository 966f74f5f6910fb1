/**
 * Entry point of the dsg-validate bundle (dist/cli/dsg-validate.cjs). The same file runs in the main thread
 * (the command) and in each worker thread of the pool (checking one file at a time).
 */
import { isMainThread, workerData } from "node:worker_threads";
import { checkFile } from "./checkFile";
import { WORKER_MARK, runCommand, type CheckJob } from "./commands";
import { serveJobs } from "./pool";
import { version } from "../../package.json";

if (!isMainThread && workerData === WORKER_MARK) {
  serveJobs((job: CheckJob) =>
    checkFile(job.file, job.options, {
      memoryBytes: job.readMemoryBytes,
      describedMb: job.maxMemoryMb,
    })
  );
} else {
  void runCommand(process.argv.slice(2), {
    workerScript: __filename,
    version,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTerminal: process.stdout.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
  }).then((status) => {
    // Exit once stdout has drained: a file stuck in a read may keep an I/O thread busy after its worker ended.
    process.stdout.write("", () => process.exit(status));
  });
}
