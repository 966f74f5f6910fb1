/** The stand-in for `OfficeExtension.Error`: same `code`, `message` and `debugInfo` fields as Office.js. */
export class StandInOfficeError extends Error {
  readonly debugInfo: {
    readonly code: string;
    readonly message: string;
    readonly errorLocation?: string;
  };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

/** What Office.js throws when code reads a property it did not load and sync first. */
export function propertyNotLoaded(property: string): StandInOfficeError {
  return new StandInOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    property
  );
}

export function itemNotFound(what: string): StandInOfficeError {
  return new StandInOfficeError(
    "ItemNotFound",
    `The requested resource doesn't exist (${what}).`,
    what
  );
}

export function invalidArgument(detail: string): StandInOfficeError {
  return new StandInOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. ${detail}`
  );
}
