/**
 * `--format sarif`: SARIF 2.1.0, the format code-scanning tools import (GitHub, Azure DevOps, VS Code's SARIF
 * viewer). One run; the driver lists every rule with its title and description; each finding is a result
 * with its rule, level (error, warning, note), message, the workbook as its physical location (a path from
 * the folder the command ran in, under %SRCROOT%) and the cell as a logical location named as Excel writes
 * it ('Financial summary'!J54). SARIF regions count lines and characters of text files, so a cell in a
 * workbook is a logical location, not a region. A file that could not be read is a file-not-read error.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { isUnreadable, type FileReport } from "../checkFile";
import type { Finding, Severity } from "../../validation/finding";
import { findingPlace } from "../../validation/report/findingsText";
import { escapeControls } from "../terminalText";
import type { FormatContext } from "./index";
import { FILE_NOT_READ, allRules } from "./ruleCatalogue";
import { RULES } from "../../validation/rules";
import { CHECKS_NOT_RUN, INTERNAL_ERROR } from "../../validation/validate";
import { LAYOUT_NOT_CONFIRMED } from "../../validation/layoutEvidence";
import { ROW_MAP } from "../../validation/rowMapFindings";

const LEVEL: Readonly<Record<Severity, "error" | "warning" | "note">> = {
  error: "error",
  warning: "warning",
  info: "note",
};

const SRCROOT = "%SRCROOT%";

/** The runner's own ids have no registry entry: their level is the one they are always given. */
const RUNNER_LEVEL: Readonly<Record<string, "error" | "warning" | "note">> = {
  [CHECKS_NOT_RUN]: "note",
  [LAYOUT_NOT_CONFIRMED]: "warning",
  [ROW_MAP]: "warning",
  [INTERNAL_ERROR]: "error",
  [FILE_NOT_READ]: "error",
};

/** The file as a URI reference: a path below the folder the command ran in, or a file: URL when outside it. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file);
  const path = relative(cwd, absolute);
  if (path === "" || path.startsWith("..") || isAbsolute(path))
    return { uri: pathToFileURL(absolute).href };
  return { uri: path.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function location(file: string, cwd: string, finding?: Finding) {
  const physicalLocation = { artifactLocation: artifactLocation(file, cwd) };
  if (!finding?.sheet) return { physicalLocation };
  const logicalLocations = [
    {
      name: finding.address || finding.sheet,
      fullyQualifiedName: findingPlace(finding),
      kind: "element",
    },
  ];
  return { physicalLocation, logicalLocations };
}

export function formatSarif(reports: readonly FileReport[], context: FormatContext): string {
  const rules = allRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const severityOf = new Map(RULES.map((r) => [r.id, LEVEL[r.severity]]));
  const results = reports.flatMap((report) => {
    if (isUnreadable(report))
      return [
        {
          ruleId: FILE_NOT_READ,
          ruleIndex: index.get(FILE_NOT_READ),
          level: LEVEL.error,
          message: { text: report.error },
          locations: [location(report.file, context.cwd)],
        },
      ];
    return report.findings.map((finding) => ({
      ruleId: finding.rule,
      ...(index.has(finding.rule) && { ruleIndex: index.get(finding.rule) }),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(report.file, context.cwd, finding)],
    }));
  });
  const document = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dsg-validate",
            version: context.version,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              defaultConfiguration: {
                level: severityOf.get(rule.id) ?? RUNNER_LEVEL[rule.id] ?? "warning",
              },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(`${context.cwd}${sep}`).href } },
        results,
      },
    ],
  };
  return `${escapeControls(JSON.stringify(document, null, 2))}\n`;
}
