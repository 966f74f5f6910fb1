/** The task pane page's script: the pane itself lives in pane.ts, its start-up in boot.ts. */
import { bootPane } from "./boot";

void bootPane(document.getElementById("app") as HTMLElement);
