import { afterEach, describe, expect, it, vi } from "vitest";
import { waitForOffice } from "./officeReady";

const global = globalThis as { Office?: unknown };

afterEach(() => {
  delete global.Office;
  vi.useRealTimers();
});

describe("waitForOffice", () => {
  it("should resolve with the host Office reports", async () => {
    global.Office = { onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }) };
    await expect(waitForOffice(1000)).resolves.toBe("Excel");
  });

  it("should resolve with null outside Office", async () => {
    global.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };
    await expect(waitForOffice(1000)).resolves.toBeNull();
  });

  it("should explain when office.js did not load at all", async () => {
    await expect(waitForOffice(1000)).rejects.toThrow(/office\.js is missing or blocked/);
  });

  it("should give up with advice when Office never becomes ready", async () => {
    vi.useFakeTimers();
    global.Office = { onReady: () => new Promise(() => undefined) };
    const waiting = waitForOffice(15_000);
    const outcome = expect(waiting).rejects.toThrow(/taking too long/);
    await vi.advanceTimersByTimeAsync(15_000);
    await outcome;
  });
});
