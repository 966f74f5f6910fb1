// Excel provides a `CustomFunctions` global to the runtime; tests get a faithful stand-in so the
// adapters in src/functions can be called directly. ErrorCode values are the real runtime strings.
class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
  associate: () => undefined,
};
