/**
 * How the pane tells the user what happened. Every outcome goes to the pane's one live region, which screen
 * readers read; what the eye needs is shown where the user is: next to the control that was used (`at`),
 * not in a line at the top of the pane that may be scrolled out of sight or belong to another tab.
 */
import { el } from "./dom";

/** Tells the user what happened: through the live region, and beside `at` when given. */
export type Announce = (text: string, tone?: "error", at?: HTMLElement) => void;

/**
 * Announces a failure: what could not be done, then why. Office errors already carry a sentence for the
 * user (officeErrors.ts), so that sentence is shown as it is.
 */
export function announceFailure(
  announce: Announce,
  what: string,
  error: unknown,
  at?: HTMLElement
): void {
  const why = error instanceof Error && error.message ? error.message : "Try again.";
  announce(what ? `${what} ${why}` : why, "error", at);
}

/**
 * Shows `text` beside the control `at`: under the row of buttons it belongs to (`.actions`), or right after
 * it. One note per place, replaced by the next message there; the notes elsewhere in the same tab are
 * cleared, so no confirmation outlives the next action.
 */
export function showBeside(at: HTMLElement, text: string, tone?: "error"): HTMLElement {
  const anchor = at.closest<HTMLElement>(".actions") ?? at;
  const panel = anchor.closest("[role=tabpanel]") ?? anchor.parentElement;
  let note = anchor.nextElementSibling;
  if (!(note instanceof HTMLElement) || !note.classList.contains("feedback")) {
    note = el("p", { class: "feedback" });
    anchor.after(note);
  }
  for (const other of panel?.querySelectorAll<HTMLElement>(".feedback") ?? [])
    if (other !== note) other.remove();
  const shown = note as HTMLElement;
  shown.textContent = text;
  shown.classList.toggle("feedback-error", tone === "error");
  return shown;
}
