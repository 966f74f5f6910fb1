/**
 * Starts the pane in a page: shows it at once, waits for Office, then wires it to the workbook. Used by the
 * task pane page inside Excel and by the workbench over its stand-in host, so both run the same path.
 * If office.js never loads or never becomes ready, the pane says so instead of staying blank (a common
 * complaint about add-ins: office-js#6523, #3223).
 */
import { mountPane } from "./pane";
import { officeServices } from "./officeServices";
import { waitForOffice } from "./officeReady";
import { applyTheme, chooseTheme } from "./theme";

/** How long Office gets to become ready before the pane explains that it did not. */
const READY_TIMEOUT_MS = 15_000;

/** Mounts the pane into `root` and enables it when Office is ready inside Excel. */
export async function bootPane(root: HTMLElement): Promise<void> {
  applyTheme(chooseTheme(location.search));
  const pane = mountPane(root);
  let host: string | null;
  try {
    host = await waitForOffice(READY_TIMEOUT_MS);
  } catch (error) {
    pane.fail((error as Error).message);
    return;
  }
  applyTheme(chooseTheme(location.search, Office.context?.officeTheme));
  if (host === "Excel") await pane.start(officeServices());
  else
    pane.fail(
      "This is the DSG task pane: open it in Excel, from the Home tab (Add-ins, then DSG checker)."
    );
}
