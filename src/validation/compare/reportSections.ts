/**
 * The report of a comparison as headed lists of sentences, for the pane and the report sheet. Apart from
 * compare.ts, so the pane can show a comparison without loading the comparing itself, which loads with the
 * file reader when a version is compared.
 */
import type { Comparison, ReportLine } from "./compare";

/** The report's sentences under their headings, in report order (sections with nothing to say left out). */
export function reportSections(
  comparison: Comparison
): { readonly heading: string; readonly lines: readonly string[] }[] {
  const order: ReportLine["section"][] = [
    "End of year positions",
    "Years",
    "Funding blocks",
    "Mitigations",
    "Safety Valve agreement",
    "EHCP numbers",
  ];
  return order.flatMap((section) => {
    const lines = comparison.lines.filter((line) => line.section === section).map((l) => l.text);
    return lines.length === 0
      ? []
      : [{ heading: section === "Years" ? "Years added or removed" : section, lines }];
  });
}
