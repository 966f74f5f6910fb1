/**
 * Severity icons. Each is drawn in its own shape (circle-cross, triangle, circle-i) so a finding's kind
 * shows without colour, and each always sits beside its word ("Error"), so no one depends on the icon.
 */
import type { Severity } from "../validation/finding";

const SVG = "http://www.w3.org/2000/svg";

const PATHS: Readonly<Record<Severity, string[]>> = {
  error: ["M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z", "M5.5 5.5l5 5M10.5 5.5l-5 5"],
  warning: ["M8 1.5l7 12.5H1z", "M8 6v4M8 11.5v1"],
  info: ["M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z", "M8 7v5M8 4.5v1"],
};

/** A 16 px severity icon, hidden from screen readers (the word beside it is read instead). */
export function severityIcon(severity: Severity): SVGSVGElement {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.classList.add("icon", `icon-${severity}`);
  PATHS[severity].forEach((d, index) => {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    // The outline is filled; the mark inside is drawn in the background colour.
    path.setAttribute("class", index === 0 ? "icon-shape" : "icon-mark");
    svg.append(path);
  });
  return svg;
}
