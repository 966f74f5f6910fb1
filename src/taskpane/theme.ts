/**
 * Fluent UI design tokens as CSS custom properties (`var(--colorNeutralBackground1)`), so the pane and the
 * workbench are styled by one plain stylesheet in Office's light or dark theme without a component library.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/tokens";

export type ThemeName = "light" | "dark";

/** Sets every Fluent token of the theme on the document and tells the browser which scheme it is. */
export function applyTheme(theme: ThemeName, root: HTMLElement = document.documentElement): void {
  const tokens = theme === "dark" ? webDarkTheme : webLightTheme;
  // Set through the CSSOM: the Content-Security-Policy forbids inline style attributes, not this.
  for (const [name, value] of Object.entries(tokens))
    root.style.setProperty(`--${name}`, String(value));
  root.style.setProperty("color-scheme", theme);
  root.dataset.theme = theme;
}

/**
 * The theme to show: `?theme=dark|light` in the page address wins (the workbench and tests use it), then
 * Office's own theme when the host reports one, else light.
 */
export function chooseTheme(
  search: string,
  officeTheme?: { isDarkTheme?: boolean } | null
): ThemeName {
  const asked = new URLSearchParams(search).get("theme");
  if (asked === "dark" || asked === "light") return asked;
  return officeTheme?.isDarkTheme ? "dark" : "light";
}
