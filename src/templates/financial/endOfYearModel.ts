// Placeholder: the owner of this section replaces it with the real model.
export interface EndOfYearPositions {
  readonly sheet: string;
}
