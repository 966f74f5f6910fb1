/** Runs an adapter as Excel would and reports its value, or its Excel error as `"#VALUE! message"`. */
export function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    if (error instanceof CustomFunctions.Error) return `${error.code} ${error.message}`;
    throw error;
  }
}

/** A series laid out as Excel passes a row range, or a column range. */
export const asRow = (values: readonly unknown[]): unknown[][] => [[...values]];
export const asColumn = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);
