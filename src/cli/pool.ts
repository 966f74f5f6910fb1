/**
 * Runs jobs on a pool of worker threads, one job per worker at a time, with a time limit per job. A job that
 * crashes its worker, runs out of its worker's memory (`resourceLimits`) or runs past its time limit gets a
 * result from `onFailure` and its worker is replaced, so one bad input never stops the others: a worker
 * out of heap is ended by node on its own, where the whole process would have died without the limits.
 * Results come back in the order of the jobs.
 */
import { type ResourceLimits, Worker, parentPort } from "node:worker_threads";

export interface PoolOptions<J, R> {
  /** The script each worker runs; it must call `serveJobs`. */
  readonly script: string;
  /** Data every worker receives as `workerData` (lets a script tell it is running as a worker). */
  readonly workerData: unknown;
  readonly size: number;
  readonly timeoutMs: number;
  /** Each worker's heap limits; a job that passes them fails with `outOfMemory`. */
  readonly resourceLimits?: ResourceLimits;
  /** The result for a job that timed out (`timedOut`), ran out of memory or whose worker failed. */
  onFailure(job: J, why: FailureReason): R;
}

export interface FailureReason {
  readonly timedOut: boolean;
  readonly outOfMemory?: boolean;
  readonly error?: Error;
}

interface JobMessage<J> {
  readonly index: number;
  readonly job: J;
}

interface ResultMessage<R> {
  readonly index: number;
  readonly result: R;
}

/** Runs every job and resolves with their results in job order. */
export function runInWorkers<J, R>(jobs: readonly J[], options: PoolOptions<J, R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length);
  let next = 0;
  let done = 0;

  return new Promise((resolve) => {
    if (jobs.length === 0) return resolve([]);

    const record = (index: number, result: R) => {
      results[index] = result;
      if (++done === jobs.length) resolve(results);
    };

    const startWorker = () => {
      const worker = new Worker(options.script, {
        workerData: options.workerData,
        resourceLimits: options.resourceLimits,
      });
      let current: { index: number; timer: NodeJS.Timeout } | null = null;

      /** Ends the current job with a failure and carries on with a fresh worker. */
      const fail = (why: FailureReason) => {
        if (!current) return;
        const { index, timer } = current;
        current = null;
        clearTimeout(timer);
        void worker.terminate();
        record(index, options.onFailure(jobs[index], why));
        if (next < jobs.length) startWorker();
      };

      const giveNextJob = () => {
        if (next >= jobs.length) {
          void worker.terminate();
          return;
        }
        const index = next++;
        current = { index, timer: setTimeout(() => fail({ timedOut: true }), options.timeoutMs) };
        worker.postMessage({ index, job: jobs[index] } satisfies JobMessage<J>);
      };

      worker.on("message", (message: ResultMessage<R>) => {
        if (current?.index !== message.index) return;
        clearTimeout(current.timer);
        current = null;
        record(message.index, message.result);
        giveNextJob();
      });
      worker.on("error", (error: Error & { code?: string }) =>
        fail({ timedOut: false, outOfMemory: error.code === "ERR_WORKER_OUT_OF_MEMORY", error })
      );
      worker.on("exit", (code) =>
        fail({ timedOut: false, error: new Error(`the worker stopped (exit code ${code})`) })
      );
      giveNextJob();
    };

    for (let i = 0; i < Math.min(options.size, jobs.length); i++) startWorker();
  });
}

/** The worker's side: answers each job message with `handle(job)`. */
export function serveJobs<J, R>(handle: (job: J) => Promise<R>): void {
  parentPort?.on("message", async ({ index, job }: JobMessage<J>) => {
    parentPort?.postMessage({ index, result: await handle(job) } satisfies ResultMessage<R>);
  });
}
