/**
 * Colour for the text report, on a terminal only: never when the output goes to a file or a pipe (a CI log
 * or a script would get escape codes), and never when the user said no (NO_COLOR, https://no-color.org,
 * or --no-color) or the terminal cannot show it (TERM=dumb).
 */

export interface ColourChoice {
  readonly noColourOption: boolean;
  readonly stdoutIsTerminal: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Whether the text report should be coloured. */
export function wantsColour(choice: ColourChoice): boolean {
  if (choice.noColourOption || !choice.stdoutIsTerminal) return false;
  const noColor = choice.env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return false;
  return choice.env.TERM !== "dumb";
}

/** How each part of the report is drawn: with ANSI colours, or as it is. */
export interface Paint {
  readonly file: (text: string) => string;
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly note: (text: string) => string;
  readonly totals: (text: string) => string;
}

const ansi =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const PLAIN: Paint = {
  file: (t) => t,
  error: (t) => t,
  warning: (t) => t,
  note: (t) => t,
  totals: (t) => t,
};

// Bold file names and totals; red errors, yellow warnings, cyan notes (the terminal's own shades of them).
const COLOURED: Paint = {
  file: ansi(1, 22),
  error: ansi(31, 39),
  warning: ansi(33, 39),
  note: ansi(36, 39),
  totals: ansi(1, 22),
};

export function paintFor(colour: boolean): Paint {
  return colour ? COLOURED : PLAIN;
}
