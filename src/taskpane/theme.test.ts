import { describe, expect, it } from "vitest";
import { chooseTheme } from "./theme";

describe("chooseTheme", () => {
  it.each([
    ["", undefined, "light"],
    ["", { isDarkTheme: true }, "dark"],
    ["?theme=dark", undefined, "dark"],
    ["?theme=light", { isDarkTheme: true }, "light"],
    ["?theme=purple", { isDarkTheme: false }, "light"],
  ] as const)("should pick the theme for %s with Office theme %o", (search, office, theme) => {
    expect(chooseTheme(search, office)).toBe(theme);
  });
});
