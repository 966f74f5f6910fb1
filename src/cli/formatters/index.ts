/** The output formats of dsg-validate, by name: one registry, so adding a format is one line. */
import type { FileReport } from "../checkFile";
import { formatJson } from "./json";
import { formatText } from "./text";

export type Formatter = (reports: readonly FileReport[]) => string;

export const FORMATTERS = {
  text: formatText,
  json: formatJson,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
