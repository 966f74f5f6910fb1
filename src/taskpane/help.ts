/**
 * Links from the pane to the help pages served with the add-in (docs/ copied to help/ by webpack.config.js):
 * a page per validation rule (help/rules/<id>.html) and per function (help/<id>.html). They open in a new
 * window, so the pane and its results stay where they are.
 */
import { el } from "./dom";
import { RULES } from "../validation/rules/index";

/** Each registered rule's title, by id: the rules that have a help page. */
export const RULE_TITLES: ReadonlyMap<string, string> = new Map(
  RULES.map((rule) => [rule.id, rule.title])
);

/**
 * A link to a help page under help/, its text `text`; `purpose` is added for screen readers, with the fact
 * that it opens a new window (WCAG: a link says where it goes and warns of a change of context).
 */
export function helpLink(page: string, text: string, purpose: string): HTMLAnchorElement {
  return el(
    "a",
    { href: `help/${page}`, target: "_blank", rel: "noopener", class: "help-link" },
    text,
    el("span", { class: "visually-hidden" }, ` (${purpose}, opens in a new window)`)
  );
}
