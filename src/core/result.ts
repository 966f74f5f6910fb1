/**
 * Errors are values inside the core: every calculation returns a Result, and only the edges (the
 * custom-function adapters, the CLI) turn a failure into an exception or an exit status.
 */

/** Why a calculation has no answer: bad arguments (`invalid`, Excel `#VALUE!`) or no answer exists (`not-available`, `#N/A`). */
export interface DsgError {
  kind: "invalid" | "not-available";
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DsgError };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failure caused by the arguments (shown by Excel as `#VALUE!`). */
export function invalid<T = never>(message: string): Result<T> {
  return { ok: false, error: { kind: "invalid", message } };
}

/** A failure because the answer does not exist (shown by Excel as `#N/A`). */
export function notAvailable<T = never>(message: string): Result<T> {
  return { ok: false, error: { kind: "not-available", message } };
}
