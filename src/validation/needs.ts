/**
 * What each check needs from the located template, as data the rules declare. The runner asks a rule's
 * needs before running it: a check whose rows or sections were not found does not run, and the result
 * says so with what it needed ("24 of 27 checks ran; 3 need rows that were not found") instead of
 * passing in silence.
 */
import type { LocatedTemplate } from "../templates/located";
import { END_OF_YEAR_ROW, type EndOfYearRowKey } from "../templates/financial/endOfYearLabels";
import type { BlockPlan } from "../templates/financial/blocksModel";
import { BLOCK_NAMES } from "../templates/financial/blocksModel";
import { profileById } from "../templates/profiles";

/** One part of the template a check reads: what to call it, and whether the locator found it. */
export interface Need {
  readonly what: string;
  readonly found: boolean;
}

/** A rule's needs, worked out on the located template. */
export type Needs = (template: LocatedTemplate) => readonly Need[];

const END_OF_YEAR_SECTION = "Summary of end of year positions";

/**
 * When the workbook has no finance figures at all, the one thing every finance check needs: for a template
 * whose finance figures usually come in a workbook of their own (the Safety Valve return), said so.
 */
function noFinance(template: LocatedTemplate): readonly Need[] | undefined {
  if (template.financial !== undefined) return undefined;
  const separate = profileById(template.profileId)?.financeOptional ?? false;
  return [
    {
      what: separate
        ? "finance figures, and this return holds none: they come in the separate finance template, so check that workbook too"
        : "a row of financial year headings on the financial summary",
      found: false,
    },
  ];
}

/** Rows of the end of year positions, named as the template names them. */
export function endOfYearRows(...keys: EndOfYearRowKey[]): Needs {
  return (template) => {
    const missing = noFinance(template);
    if (missing) return missing;
    const positions = template.financial?.endOfYear;
    return keys.map((key) => ({
      what: `row '${END_OF_YEAR_ROW[key].name}' of '${END_OF_YEAR_SECTION}'`,
      found: positions?.[key] !== undefined,
    }));
  };
}

/** Any one of the end of year rows (a check that reads whichever of them are there). */
export function anyEndOfYearRow(template: LocatedTemplate): readonly Need[] {
  return (
    noFinance(template) ?? [
      { what: `the '${END_OF_YEAR_SECTION}'`, found: template.financial?.endOfYear !== undefined },
    ]
  );
}

const BLOCKS_SECTION = "'Financial plan per funding block'";

/** The section of blocks, with at least one block whose `pick` is there. */
export function blockRows(what: string, pick: (block: BlockPlan) => unknown): Needs {
  return (template) => {
    const blocks = template.financial?.blocks ?? [];
    return [
      { what: `the section ${BLOCKS_SECTION}`, found: blocks.length > 0 },
      ...(blocks.length > 0 ? [{ what, found: blocks.some((b) => pick(b) !== undefined) }] : []),
    ];
  };
}

/** One block's rows, named as the template names them. */
export function oneBlockRows(
  block: BlockPlan["block"],
  rows: readonly [string, (block: BlockPlan) => unknown][]
): Needs {
  return (template) => {
    const found = template.financial?.blocks?.find((b) => b.block === block);
    if (!found) return [{ what: `the ${BLOCK_NAMES[block]} in ${BLOCKS_SECTION}`, found: false }];
    return rows.map(([name, pick]) => ({
      what: `row '${name}' of the ${BLOCK_NAMES[block]}`,
      found: pick(found) !== undefined,
    }));
  };
}

/** A part of the financial summary that plans may leave out, by what to call it. */
export function financialPart(what: string, pick: (template: LocatedTemplate) => unknown): Needs {
  return (template) => noFinance(template) ?? [{ what, found: pick(template) !== undefined }];
}

/** A section of the financial summary that plans may leave out ("Mitigations", "Safety Valve agreement"). */
export function financialSection(
  name: string,
  pick: (template: LocatedTemplate) => unknown
): Needs {
  return financialPart(`the section '${name}'`, pick);
}

/** The children and young people (EHCP) tables. */
export function ehcpTables(template: LocatedTemplate): readonly Need[] {
  return [
    {
      what: "the tables 'Number of EHCPs by age group' and 'by primary need'",
      found: (template.ehcp?.placements.length ?? 0) > 0,
    },
  ];
}

/** Needs of several kinds together. */
export function allOf(...needs: Needs[]): Needs {
  return (template) => needs.flatMap((need) => need(template));
}

/** True when each year is the one after the year before it. */
function consecutive(years: readonly { readonly start: number }[]): boolean {
  return years.every((year, i) => i === 0 || year.start === years[i - 1].start + 1);
}

/**
 * Financial years in order, one apart, in the summary and in every block's header. A check that compares
 * a year with the one before it (or finds a year by its label) cannot run on a mislabelled heading:
 * year-sequence reports the heading once, and the checks built on it wait for it to be corrected rather
 * than repeat the slip as errors of their own.
 */
export function financialYearsInOrder(template: LocatedTemplate): readonly Need[] {
  const missing = noFinance(template);
  if (missing) return missing;
  const financial = template.financial;
  const inOrder =
    financial !== undefined &&
    consecutive(financial.years) &&
    (financial.blocks ?? []).every((block) => consecutive(block.years));
  return [
    {
      what: "financial year headings in order, one year apart (see year-sequence)",
      found: inOrder,
    },
  ];
}

/** Census years in order, one apart, in every placement's tables (see `financialYearsInOrder`). */
export function censusYearsInOrder(template: LocatedTemplate): readonly Need[] {
  const placements = template.ehcp?.placements ?? [];
  return [
    {
      what: "census year headings in order, one year apart (see year-sequence)",
      found: placements.every((placement) => consecutive(placement.years)),
    },
  ];
}
