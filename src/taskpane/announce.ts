/** Tells the user what happened, through the pane's live region. */
export type Announce = (text: string, tone?: "error") => void;

/**
 * Announces a failure: what could not be done, then why. Office errors already carry a sentence for the
 * user (officeErrors.ts), so that sentence is shown as it is.
 */
export function announceFailure(announce: Announce, what: string, error: unknown): void {
  const why = error instanceof Error && error.message ? error.message : "Try again.";
  announce(what ? `${what} ${why}` : why, "error");
}
