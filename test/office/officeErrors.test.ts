import { afterEach, describe, expect, it } from "vitest";
import {
  OFFICE_ERROR_MESSAGES,
  OfficeActionError,
  officeErrorMessage,
  runInExcel,
} from "../../src/workbook/office/officeErrors";
import { StandInOfficeError } from "../../src/workbench/host";

afterEach(() => delete (globalThis as Record<string, unknown>).Excel);

describe("officeErrorMessage", () => {
  it.each([
    [
      "InvalidOperationInCellEditMode",
      "Finish editing the cell (press Enter or Esc), then check again.",
    ],
    ["RequestPayloadSizeLimitExceeded", expect.stringMatching(/too large/)],
    ["ResponsePayloadSizeLimitExceeded", expect.stringMatching(/5 MB/)],
    ["InactiveWorkbook", expect.stringMatching(/no longer active/)],
    ["GeneralException", expect.stringMatching(/try again/)],
    ["AccessDenied", expect.stringMatching(/protected or opened read-only/)],
    ["ItemNotFound", expect.stringMatching(/renamed or deleted/)],
  ])("should explain %s in plain words", (code, message) => {
    expect(officeErrorMessage(new StandInOfficeError(code, "raw Office text"))).toEqual(message);
  });

  it("should never show Excel's own text or code to the user", () => {
    const codes = Object.keys(OFFICE_ERROR_MESSAGES);
    const leaks = Object.values(OFFICE_ERROR_MESSAGES).filter((m) =>
      codes.some((c) => m.includes(c))
    );
    expect(leaks).toEqual([]);
    expect(officeErrorMessage(new Error("TypeError: x is undefined"))).not.toMatch(/TypeError/);
  });

  it("should keep the message of our own errors", () => {
    expect(officeErrorMessage(new OfficeActionError("Our words.", "X"))).toBe("Our words.");
  });
});

describe("runInExcel", () => {
  it("should say the pane must run inside Excel when there is no Excel", async () => {
    await expect(runInExcel(async () => 1)).rejects.toMatchObject({
      code: "WorkbookNotAvailable",
      message: expect.stringMatching(/inside Excel/),
    });
  });

  it("should ask Excel to wait for cell editing and turn its errors into OfficeActionError", async () => {
    const seen: unknown[] = [];
    (globalThis as Record<string, unknown>).Excel = {
      run: async (options: unknown) => {
        seen.push(options);
        throw new StandInOfficeError("InactiveWorkbook", "raw");
      },
    };
    await expect(runInExcel(async () => 1)).rejects.toMatchObject({ code: "InactiveWorkbook" });
    expect(seen).toEqual([{ delayForCellEdit: true }]);
  });
});
