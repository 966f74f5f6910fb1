/** The names `--format` takes, apart from the formatters themselves so the argument parser stays free of I/O. */
export const FORMAT_NAMES = ["text", "json", "junit", "sarif", "csv"] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];
