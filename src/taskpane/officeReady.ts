/**
 * Waits for `Office.onReady`. When office.js is blocked or fails it never resolves, so after `timeoutMs`
 * this rejects with advice rather than leaving an empty pane.
 * @returns the host Office reports ("Excel"), or null outside Office.
 */
export function waitForOffice(timeoutMs: number): Promise<string | null> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (office === undefined || typeof office.onReady !== "function") {
    return Promise.reject(
      new Error(
        "Office did not load (office.js is missing or blocked). Check the network connection, then close and reopen the task pane."
      )
    );
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            "Office is taking too long to start the add-in. Close the task pane and open it again; if that does not help, clear the Office add-in cache and restart Excel."
          )
        ),
      timeoutMs
    );
    void office.onReady().then((info) => {
      clearTimeout(timer);
      resolve(info.host === null || info.host === undefined ? null : String(info.host));
    });
  });
}
