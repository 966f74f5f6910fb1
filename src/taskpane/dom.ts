/** A small element builder: the pane is plain DOM, so this is all the templating it needs. */
type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes (`hidden: true` sets a boolean attribute, `false`/`undefined` omits it)
 * and children (strings become text, so nothing is ever parsed as HTML).
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(
    ...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false)
  );
  return element;
}

/** Replaces an element's children. */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(
    ...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false)
  );
}

/**
 * Roving focus for a list of items (WAI-ARIA practice): one item is in the tab order, the arrow keys, Home
 * and End move between items. `onMove` lets a tab list activate the tab it moves to.
 */
export function rovingFocus(
  container: HTMLElement,
  itemSelector: string,
  keys: { next: string[]; previous: string[] },
  onMove?: (item: HTMLElement) => void
): void {
  container.addEventListener("keydown", (event) => {
    const items = [...container.querySelectorAll<HTMLElement>(itemSelector)].filter(
      (item) => !item.closest("[hidden]")
    );
    const current = items.indexOf(event.target as HTMLElement);
    if (current < 0) return;
    let next: number;
    if (keys.next.includes(event.key)) next = (current + 1) % items.length;
    else if (keys.previous.includes(event.key)) next = (current - 1 + items.length) % items.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    else return;
    event.preventDefault();
    makeTabStop(items, items[next]);
    items[next].focus();
    onMove?.(items[next]);
  });
}

/** Puts one item of a roving group in the tab order and takes the others out. */
export function makeTabStop(items: readonly HTMLElement[], stop: HTMLElement | undefined): void {
  for (const item of items) item.tabIndex = item === stop ? 0 : -1;
}
