import { defineRule, type RuleReport } from "../rule";
import { columnLetters } from "../../workbook/address";
import { PROFILES, profileById } from "../../templates/profiles";
import type { LocatedTemplate } from "../../templates/located";
import type { LabelledWorkbook } from "../../templates/labels";
import { findSheetByName } from "../../templates/labels";
import { hasSectionHeading } from "../../templates/sections";
import { END_OF_YEAR_ROW } from "../../templates/financial/endOfYearLabels";

export const TEMPLATE_RECOGNISED = "template-recognised";

function list(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// The rows the deficit checks cannot do without, named as the DfE template names them.
const NEEDED_ROWS = (["inYear", "broughtForward", "carriedForward"] as const).map((key) => ({
  key,
  name: END_OF_YEAR_ROW[key].name,
}));

/** Why the deficit checks could not run on a workbook whose sheets and headings were all found, if they could not. */
function missingFigures(template: LocatedTemplate): string | undefined {
  const financial = template.financial;
  if (financial === undefined) {
    return "no row of financial year headings (such as 2024-25) was found, so the financial checks did not run. Check the year headings.";
  }
  const positions = financial.endOfYear;
  // Without a brought-forward row, the roll-forward runs from the previous year's carried forward: only
  // the opening-balance check needs that row, and the note of checks not run says so.
  const rollsWithout = positions?.inYear !== undefined && positions.carriedForward !== undefined;
  const missing = NEEDED_ROWS.filter(
    ({ key }) => positions?.[key] === undefined && !(key === "broughtForward" && rollsWithout)
  ).map(({ name }) => `'${name}'`);
  if (missing.length === 0) return undefined;
  return (
    `the row${missing.length === 1 ? "" : "s"} ${list(missing)} of the end of year positions on sheet '${financial.sheet}' ` +
    `${missing.length === 1 ? "was" : "were"} not found, so the deficit checks that need ${missing.length === 1 ? "it" : "them"} did not run. ` +
    "Check the row labels are worded as in the DfE template."
  );
}

/**
 * A template whose finance figures are optional (the Safety Valve return) came without them: no finance
 * sheet and no finance section heading, so there is nothing for the deficit checks to miss.
 */
function financeAbsent(workbook: LabelledWorkbook, template: LocatedTemplate): boolean {
  const profile = profileById(template.profileId);
  if (!profile?.financeOptional || template.financial !== undefined) return false;
  if (findSheetByName(workbook.sheets, profile.financialSheets) !== undefined) return false;
  return !profile.markers.some(
    (marker) =>
      marker.holdsEndOfYear &&
      marker.kind === "section" &&
      workbook.sheets.some((sheet) => hasSectionHeading(sheet, marker.synonyms))
  );
}

/** The workbook is a known DfE template, with the parts the other checks need. */
export const templateRecognised = defineRule({
  id: TEMPLATE_RECOGNISED,
  severity: "error",
  title: "Workbook matches a DfE template",
  description:
    "Checks that the workbook is one of the DfE templates the validator knows (the DSG deficit management plan or the " +
    "Safety Valve monitoring return), found by its sheet names and section headings rather than cell addresses. When it " +
    "matches none, the finding names the closest template and the sheets or sections that were not found, so you can " +
    "rename them; when it matches but a part the checks need is missing (a sheet, a section heading, the financial year " +
    "headings or a row of the end of year positions), a warning says which checks could not run: the part may be " +
    "there under wording the checker could not read, so it is never reported as an error. A Safety Valve " +
    "return with no finance sheet or finance heading is not reported: its finance figures usually come in a separate " +
    "workbook.",
  defaults: {},
  check({ workbook, template, options }) {
    const reports: RuleReport[] = [];
    if (options.template !== undefined && !PROFILES.some((p) => p.id === options.template)) {
      reports.push({
        message: `There is no template '${options.template}'. Choose one of ${list(PROFILES.map((p) => p.id))}, or leave the template on automatic.`,
      });
    }
    const recognition = template.recognition;
    if (recognition === undefined) return reports;
    const found = `${recognition.found.length} of ${recognition.found.length + recognition.missing.length}`;
    if (!recognition.recognised) {
      reports.push({
        message:
          `This workbook does not look like a DfE template. The closest is the ${template.profileName}, but only ${found} of its ` +
          `parts were found; missing: ${list(recognition.missing)}. Check that the sheets and section headings are named as in the DfE template.`,
      });
    } else if (recognition.missingRequired.length > 0) {
      // The workbook is this template: a part not found may be one the checker could not read, so it
      // is a warning (the checks that need it are listed as not run), never an error about the figures.
      reports.push({
        severity: "warning",
        message:
          `Checked as the ${template.profileName}, but ${list(recognition.missingRequired)} ${recognition.missingRequired.length === 1 ? "was" : "were"} ` +
          `not found, so the checks that need ${recognition.missingRequired.length === 1 ? "it" : "them"} did not run. ` +
          "Check the name and heading are spelled as in the DfE template.",
      });
    } else if (!financeAbsent(workbook, template)) {
      const why = missingFigures(template);
      if (why)
        reports.push({
          severity: "warning",
          message: `Checked as the ${template.profileName}, but ${why}`,
        });
    }
    const others = template.otherPlans ?? [];
    if (template.financial && others.length > 0) {
      const sheets = list(others.map((name) => `'${name}'`));
      reports.push({
        severity: "info",
        message:
          `${others.length === 1 ? "Sheet" : "Sheets"} ${sheets} also ${others.length === 1 ? "holds" : "hold"} end of year ` +
          `positions (another scenario or version of the plan); the checks read those on '${template.financial.sheet}' ` +
          `only. To check ${others.length === 1 ? "it" : "them"}, save ${others.length === 1 ? "it" : "each"} as a workbook of its own.`,
      });
    }
    const other = template.financial?.endOfYear?.otherTable;
    const checked = template.financial?.endOfYear;
    if (checked && other) {
      const rows = [checked.broughtForward?.row, checked.carriedForward?.row].filter(
        (r): r is number => r !== undefined
      );
      const named = other.heading ? ` ('${other.heading}')` : "";
      reports.push({
        severity: "info",
        message:
          `Rows ${other.top + 1} to ${other.bottom + 1} of '${checked.sheet}'${named} hold another table of end of year ` +
          `positions; the checks read the one on rows ${Math.min(...rows) + 1} to ${Math.max(...rows) + 1} only. ` +
          "To check the other, point the checks at its rows or save it as a workbook of its own.",
        at: { sheet: checked.sheet, row: other.top, col: 0 },
      });
    }
    const beside = template.financial?.besideYears;
    if (template.financial && beside) {
      const named = beside.heading ? ` ('${beside.heading}')` : "";
      const years = template.financial.years;
      const [first, last] = [years[0].col, years[years.length - 1].col];
      reports.push({
        severity: "info",
        message:
          `Columns ${columnLetters(beside.left)} to ${columnLetters(beside.right)} of '${template.financial.sheet}'${named} ` +
          `repeat the plan's years: a second table beside the first. The checks read columns ` +
          `${columnLetters(first)} to ${columnLetters(last)} only; to check the other, save it as a workbook of its own.`,
        at: { sheet: template.financial.sheet, row: years[0].row ?? 0, col: beside.left },
      });
    }
    return reports;
  },
});
