/** The output formats of dsg-validate, by name: one registry, so adding a format is one line here and one name. */
import type { FileReport } from "../checkFile";
import type { FormatName } from "./names";
import { formatCsv } from "./csv";
import { formatJson } from "./json";
import { formatJunit } from "./junit";
import { formatSarif } from "./sarif";
import { formatText } from "./text";

export type { FormatName } from "./names";

/** What a formatter may need besides the reports: how the user asked to see them, and the tool's version. */
export interface FormatContext {
  readonly version: string;
  /** The text report shows only errors and files that could not be read (`--errors-only`). */
  readonly errorsOnly: boolean;
  /** The text report gives one line a file (`--summary`). */
  readonly oneLinePerFile: boolean;
  /** Colour the text report (on a terminal only, never with NO_COLOR or --no-color). */
  readonly colour: boolean;
  /** The folder the command ran in: SARIF names files by their path from it. */
  readonly cwd: string;
}

export type Formatter = (reports: readonly FileReport[], context: FormatContext) => string;

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  sarif: formatSarif,
  csv: formatCsv,
} as const satisfies Record<FormatName, Formatter>;
