/**
 * What to tell a finance lead when Excel refuses a request. Every Office.js call in the add-in goes through
 * `runInExcel`, so an `OfficeExtension.Error` code becomes one of these sentences and never a raw
 * "GeneralException" in the task pane.
 */

/** Sentences keyed by `OfficeExtension.Error.code` (docs: application-specific-api-error-handling). */
export const OFFICE_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: "Finish editing the cell (press Enter or Esc), then check again.",
  RequestPayloadSizeLimitExceeded:
    "The workbook is too large to send to Excel in one go. Close other workbooks or remove unused sheets, then try again.",
  ResponsePayloadSizeLimitExceeded:
    "The workbook is too large for Excel to send in one go (Excel on the web allows 5 MB). Try again in the Excel desktop app, or remove unused rows and sheets.",
  RangeExceedsLimit:
    "A sheet's used area is too large for Excel to read (over 5 million cells). Delete unused rows and columns, then try again.",
  InactiveWorkbook:
    "This workbook is no longer active. Switch back to it (or reopen the task pane), then try again.",
  GeneralException:
    "Excel could not finish the request. Wait a moment and try again; if it keeps happening, save the workbook and reopen it.",
  AccessDenied:
    "Excel refused the change: the workbook or sheet is protected or opened read-only. Unprotect it, then try again.",
  ItemNotFound:
    "That sheet or cell is no longer in the workbook: it may have been renamed or deleted. Check the workbook again.",
  ItemAlreadyExists: "A sheet with that name already exists. Rename it, then try again.",
  InvalidArgument:
    "Excel did not accept the request (the address or value is not valid). Check the workbook again.",
  InvalidReference:
    "That sheet or cell is no longer in the workbook: it may have been renamed or deleted. Check the workbook again.",
  InvalidSelection: "Select a single cell on a worksheet first, then try again.",
  ActivityLimitReached: "Excel is busy. Wait a moment, then try again.",
  Conflict: "Someone else changed the workbook at the same moment. Try again.",
  EditModeCannotAcquireLease:
    "Another person or add-in is editing the workbook. Wait a moment, then try again.",
  NotImplemented:
    "This version of Excel cannot do that. Update Office, or use the Excel desktop app.",
  ApiNotFound: "This version of Excel cannot do that. Update Office, or use the Excel desktop app.",
  UnsupportedOperation:
    "Excel cannot do that on this sheet (it may be a chart sheet or protected).",
  WorkbookNotAvailable: "Excel is not available here. Open the DSG task pane inside Excel.",
  SheetHidden:
    "That cell is on a hidden sheet. Unhide the sheet (right-click any sheet tab, then Unhide), then try again.",
  SettingsNotSaved:
    "Your settings could not be saved in this workbook. Check that it is not read-only, then try again.",
  RowMapNotSaved:
    "The row could not be saved in this workbook. Check that it is not read-only, then try again.",
};

const FALLBACK =
  "Excel could not finish the request. Try again; if it keeps happening, save the workbook and reopen it.";

/** An Office operation that failed, with a sentence for the user in `message` and Excel's own code in `code`. */
export class OfficeActionError extends Error {
  constructor(
    message: string,
    readonly code: string
  ) {
    super(message);
    this.name = "OfficeActionError";
  }
}

/** Excel's error code of a thrown value: `OfficeExtension.Error` carries `code`; anything else has none. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** The sentence to show for any error thrown by Office.js; our own errors keep their message. */
export function officeErrorMessage(error: unknown): string {
  if (error instanceof OfficeActionError) return error.message;
  const code = officeErrorCode(error);
  return (code !== undefined ? OFFICE_ERROR_MESSAGES[code] : undefined) ?? FALLBACK;
}

/** Wraps any failure as an `OfficeActionError` with the user's sentence and Excel's code (`Unknown` if none). */
export function toOfficeActionError(error: unknown): OfficeActionError {
  if (error instanceof OfficeActionError) return error;
  return new OfficeActionError(officeErrorMessage(error), officeErrorCode(error) ?? "Unknown");
}

/** `Excel` when the page runs inside Excel (or the stand-in host); a friendly error otherwise. */
function excelApi(): typeof Excel {
  const api = (globalThis as { Excel?: typeof Excel }).Excel;
  if (api === undefined || typeof api.run !== "function") {
    throw new OfficeActionError(OFFICE_ERROR_MESSAGES.WorkbookNotAvailable, "WorkbookNotAvailable");
  }
  return api;
}

/**
 * Runs one batch against the workbook. `delayForCellEdit` makes Excel wait while the user is typing in a cell
 * instead of failing with InvalidOperationInCellEditMode (the most common complaint about task panes).
 */
export async function runInExcel<T>(
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  const excel = excelApi();
  try {
    return await excel.run({ delayForCellEdit: true }, batch);
  } catch (error) {
    throw toOfficeActionError(error);
  }
}
