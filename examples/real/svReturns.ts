/**
 * Safety Valve monitoring returns in the published layout (the Wiltshire return of December 2024, as
 * /work/shared/fixtures/wiltshire-sv-return-2024-12.txt renders it), each with the findings it must give.
 */
import type { Workbook } from "../../src/workbook/workbook";

/** One published-layout return and the findings that must appear on it ({rule, severity, sheet, address}). */
export interface RealSvExample {
  readonly name: string;
  readonly workbook: Workbook;
  readonly expected: object[];
}

/** The published-layout returns: as published, a consistent copy, and faulty copies. */
export function realSvExamples(): RealSvExample[] {
  return [];
}
